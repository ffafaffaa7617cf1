"""deploy/nginx/render.py fills in every value that differs, and nginx accepts what it writes."""

import subprocess

import pytest

from bench.proxy import NGINX, nginx_available
from deploy.nginx.render import fill, site_config, write_local_config

SITE = {"listen": "127.0.0.1:8080", "upstreams": ["127.0.0.1:8000"], "static_root": "/srv/s", "cache_dir": "/c"}


def test_a_placeholder_without_a_value_is_an_error_not_an_empty_string():
    with pytest.raises(ValueError, match="no value for PORT"):
        fill("listen ${PORT}; proxy_pass $scheme;", {})
    assert fill("listen ${PORT}; set $x $scheme;", {"PORT": "80"}) == "listen 80; set $x $scheme;"


def test_every_upstream_becomes_a_server_of_the_one_upstream():
    config = site_config(**{**SITE, "upstreams": ["10.0.0.11:8000", "10.0.0.12:8000"]})
    assert "    server 10.0.0.11:8000;\n    server 10.0.0.12:8000;" in config
    assert "${" not in config


def test_the_admin_path_must_be_a_plain_path_prefix():
    assert '"~^/staff-desk-41/" 1;' in site_config(**SITE, admin_path="staff-desk-41/")
    with pytest.raises(ValueError, match="admin-path"):
        site_config(**SITE, admin_path="(.*)/")


def test_with_tls_plain_http_only_redirects():
    config = site_config(**{**SITE, "listen": "443"}, tls_certificate="/etc/ssl/a.pem", tls_key="/etc/ssl/a.key")
    assert "listen 443 ssl;" in config and "ssl_certificate_key /etc/ssl/a.key;" in config
    assert "return 301 https://$host$request_uri;" in config
    assert "return 301" not in site_config(**SITE)
    with pytest.raises(ValueError, match="both"):
        site_config(**SITE, tls_certificate="/etc/ssl/a.pem")


@pytest.mark.skipif(not nginx_available(), reason="nginx not installed")
def test_nginx_accepts_the_rendered_configuration(tmp_path):
    tmp_path.chmod(0o755)
    config = write_local_config(tmp_path, **{**SITE, "cache_dir": str(tmp_path / "cache")})
    checked = subprocess.run(
        [NGINX, "-t", "-p", str(tmp_path), "-c", str(config), "-e", str(tmp_path / "error.log")],
        capture_output=True,
        text=True,
    )
    assert checked.returncode == 0, checked.stderr
