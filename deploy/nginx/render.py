"""
Fill in deploy/nginx/ketamine.conf.template: the values that differ between machines (ports,
paths, names) and nothing else, so production runs the same file the tests run.

    python deploy/nginx/render.py --listen 443 --tls-certificate /etc/ssl/site.pem \\
        --tls-key /etc/ssl/site.key --server-name ketamine-guide.example \\
        --upstream 10.0.0.11:8000 --upstream 10.0.0.12:8000 \\
        --static-root /srv/ketamine/staticfiles --admin-path staff-desk-41/ > /etc/nginx/conf.d/ketamine.conf

With `--run-dir DIR` it writes DIR/nginx.conf (a whole config, deploy/nginx/local.conf.template)
and DIR/ketamine.conf instead, for `nginx -p DIR -c DIR/nginx.conf` on a developer's machine.
"""

import argparse
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
PLACEHOLDER = re.compile(r"\$\{([A-Z_]+)\}")
ADMIN_PATH = re.compile(r"^[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*/$")
HTTP_TO_HTTPS = """
server {{
    listen 80;
    server_name {server_name};
    return 301 https://$host$request_uri;
}}
"""


def fill(template: str, values: dict[str, str]) -> str:
    """Replace each ${NAME}; a placeholder without a value is an error, never an empty string."""
    missing = sorted(set(PLACEHOLDER.findall(template)) - values.keys())
    if missing:
        raise ValueError(f"no value for {', '.join(missing)}")
    return PLACEHOLDER.sub(lambda match: values[match[1]], template)


def site_config(
    *,
    listen: str,
    upstreams: list[str],
    static_root: str,
    cache_dir: str,
    server_name: str = "_",
    admin_path: str = "admin/",
    tls_certificate: str = "",
    tls_key: str = "",
) -> str:
    if not ADMIN_PATH.match(admin_path):
        raise ValueError(f"--admin-path must look like DJANGO_ADMIN_PATH, e.g. 'admin/', not {admin_path!r}")
    if bool(tls_certificate) != bool(tls_key):
        raise ValueError("give both --tls-certificate and --tls-key, or neither")
    listen_lines = [f"    listen {listen}{' ssl' if tls_certificate else ''};"]
    if tls_certificate:
        listen_lines += [f"    ssl_certificate {tls_certificate};", f"    ssl_certificate_key {tls_key};"]
    # With TLS here, plain HTTP only redirects (Django leaves that to the proxy: SECURE_SSL_REDIRECT).
    http_to_https = HTTP_TO_HTTPS.format(server_name=server_name) if tls_certificate else ""
    return fill(
        (HERE / "ketamine.conf.template").read_text(),
        {
            "LISTEN_DIRECTIVES": "\n".join(listen_lines),
            "UPSTREAM_SERVERS": "\n".join(f"    server {upstream};" for upstream in upstreams),
            "STATIC_ROOT": str(static_root).rstrip("/"),
            "CACHE_DIR": str(cache_dir),
            "SERVER_NAME": server_name,
            "ADMIN_PATH": admin_path,
            "HTTP_TO_HTTPS": http_to_https,
        },
    )


def write_local_config(run_dir: Path, *, worker_processes: int = 1, access_log: bool = False, **site) -> Path:
    """DIR/nginx.conf and DIR/ketamine.conf (its cache in DIR/cache); DIR/extra/*.conf is included too."""
    (run_dir / "extra").mkdir(parents=True, exist_ok=True)
    site.setdefault("cache_dir", str(run_dir / "cache"))
    (run_dir / "ketamine.conf").write_text(site_config(**site))
    whole = fill(
        (HERE / "local.conf.template").read_text(),
        {
            "RUN_DIR": str(run_dir),
            "WORKER_PROCESSES": str(worker_processes),
            "ACCESS_LOG": f"{run_dir}/access.log" if access_log else "off",
        },
    )
    (run_dir / "nginx.conf").write_text(whole)
    return run_dir / "nginx.conf"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--listen", required=True, help="address and port, e.g. 443 or 127.0.0.1:8080")
    parser.add_argument("--upstream", action="append", required=True, help="a gunicorn address (repeat for more)")
    parser.add_argument("--static-root", required=True, help="the site's STATIC_ROOT (collectstatic's output)")
    parser.add_argument("--cache-dir", default="/var/cache/nginx/ketamine", help="where nginx keeps cached pages")
    parser.add_argument("--server-name", default="_", help="the site's host name(s)")
    parser.add_argument("--admin-path", default="admin/", help="DJANGO_ADMIN_PATH")
    parser.add_argument("--tls-certificate", default="")
    parser.add_argument("--tls-key", default="")
    parser.add_argument("--run-dir", type=Path, help="write a whole local config here instead of printing")
    args = parser.parse_args()
    site = {
        "listen": args.listen,
        "upstreams": args.upstream,
        "static_root": args.static_root,
        "server_name": args.server_name,
        "admin_path": args.admin_path,
        "tls_certificate": args.tls_certificate,
        "tls_key": args.tls_key,
    }
    try:
        if args.run_dir:
            print(write_local_config(args.run_dir.resolve(), **site))
        else:
            print(site_config(cache_dir=args.cache_dir, **site), end="")
    except ValueError as error:
        sys.exit(f"render.py: {error}")


if __name__ == "__main__":
    main()
