"""Start nginx with deploy/nginx/ketamine.conf in front of running app servers on 127.0.0.1, then stop it."""

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bench.server import REPO, free_port, wait_until_up
from deploy.nginx.render import write_local_config

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
HOW_TO_INSTALL = "nginx not installed: run `apt-get install -y nginx` (as .ci/run does)"


def nginx_available() -> bool:
    return Path(NGINX).exists()


@contextmanager
def caching_proxy(
    upstreams: list[str], *, extra_servers: str = "", access_log: bool = False, admin_path: str = "admin/"
) -> Iterator[tuple[str, Path]]:
    """nginx on a free port with the production config; yields its base URL and its run folder
    (logs, cache). `extra_servers` is more `server {...}` text for the same nginx (the benchmark's
    static copy). Upstreams are "127.0.0.1:PORT" or base URLs."""
    with tempfile.TemporaryDirectory(prefix="nginx-") as folder:
        run_dir = Path(folder)
        run_dir.chmod(0o755)  # nginx's workers run as `nobody` when we are root
        port = free_port()
        config = write_local_config(
            run_dir,
            access_log=access_log,
            listen=f"127.0.0.1:{port}",
            upstreams=[upstream.removeprefix("http://") for upstream in upstreams],
            static_root=str(REPO / "staticfiles"),
            admin_path=admin_path,
        )
        (run_dir / "extra" / "servers.conf").write_text(extra_servers)
        log = open(run_dir / "stderr.log", "w")  # noqa: SIM115 (closed below, after nginx exits)
        command = [NGINX, "-p", str(run_dir), "-c", str(config), "-e", str(run_dir / "error.log"), "-g", "daemon off;"]
        proxy = subprocess.Popen(command, stdout=log, stderr=log, env={**os.environ, "PATH": "/usr/sbin:/usr/bin"})
        base = f"http://127.0.0.1:{port}"
        try:
            wait_until_up(base + "/healthz")
            yield base, run_dir
        finally:
            proxy.terminate()  # SIGTERM: nginx's fast shutdown
            proxy.wait(timeout=30)
            log.close()
