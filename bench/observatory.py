"""
`make observatory`: score the production response by the MDN HTTP Observatory's published rules.

The rules are the Observatory's "Tests & Scoring" table: start at 100, subtract penalties, and only
if the result is 90 or more add the bonuses. This script starts the production setup on 127.0.0.1
(a few generated articles, DEBUG off) and plays the TLS proxy: it sends `X-Forwarded-Proto: https`
with DJANGO_TRUST_X_FORWARDED_PROTO on, and turns DJANGO_SECURE_SSL_REDIRECT on so the redirection
test has something to see. It scores the home page (what the Observatory scans), an article page
and the admin sign-in page (the one page that sets cookies), prints each test, and exits 1 if any
page scores under 125 or takes any penalty.

Not reproducible here, and so scored 0 with a note: the HSTS preload list (needs the real domain).
"""

import argparse
import http.client
import os
import re
import sys
import tempfile
from dataclasses import dataclass
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

TARGET = 125
SIX_MONTHS = 15768000
UNSAFE_SCRIPT_SOURCES = {"'unsafe-inline'", "data:", "*", "http:", "https:"}
PRIVATE_REFERRER = {"no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin"}
UNSAFE_REFERRER = {"origin", "origin-when-cross-origin", "unsafe-url", "no-referrer-when-downgrade"}
ALL_REFERRER = PRIVATE_REFERRER | UNSAFE_REFERRER


@dataclass
class Outcome:
    test: str
    result: str
    modifier: int
    note: str = ""


@dataclass
class Fetched:
    status: int
    headers: dict[str, list[str]]  # lower-case name -> every value sent
    body: str

    def header(self, name: str) -> str | None:
        values = self.headers.get(name)
        return ", ".join(values) if values else None


# --- one function per Observatory test -------------------------------------------------------


def parse_csp(policy: str) -> dict[str, list[str]] | None:
    """Directive -> sources; None when a directive repeats (the Observatory calls that invalid)."""
    directives: dict[str, list[str]] = {}
    for part in policy.split(";"):
        words = part.split()
        if not words:
            continue
        name = words[0].lower()
        if name in directives:
            return None
        directives[name] = [word.lower() for word in words[1:]]
    return directives


def content_security_policy(page: Fetched) -> Outcome:
    raw = page.header("content-security-policy")
    if raw is None:
        return Outcome("content-security-policy", "csp-not-implemented", -25)
    csp = parse_csp(raw)
    if not csp:
        return Outcome("content-security-policy", "csp-header-invalid", -25)
    default = csp.get("default-src")
    script = csp.get("script-src", default)
    obj = csp.get("object-src", default)
    style = csp.get("style-src", default)
    if script is None or obj is None or UNSAFE_SCRIPT_SOURCES & set(script) or {"*", "http:", "https:"} & set(obj):
        return Outcome("content-security-policy", "csp-implemented-with-unsafe-inline", -20)
    if "'unsafe-eval'" in script:
        return Outcome("content-security-policy", "csp-implemented-with-unsafe-eval", -10)
    insecure = {name for name, sources in csp.items() if any(s == "http:" or s.startswith("http://") for s in sources)}
    if insecure - {"img-src", "media-src"}:
        return Outcome("content-security-policy", "csp-implemented-with-insecure-scheme", -20)
    if insecure:
        return Outcome("content-security-policy", "csp-implemented-with-insecure-scheme-in-passive-content-only", -10)
    if style is not None and {"'unsafe-inline'", "data:", "https:", "*"} & set(style):
        return Outcome("content-security-policy", "csp-implemented-with-unsafe-inline-in-style-src-only", 0)
    form_action_restricted = csp.get("form-action") in (["'none'"], ["'self'"])
    if default == ["'none'"] and form_action_restricted:
        return Outcome("content-security-policy", "csp-implemented-with-no-unsafe-default-src-none", 10)
    return Outcome("content-security-policy", "csp-implemented-with-no-unsafe", 5)


def cookies(page: Fetched, hsts: bool) -> Outcome:
    jar = SimpleCookie()
    for value in page.headers.get("set-cookie", []):
        jar.load(value)
    if not jar:
        return Outcome("cookies", "cookies-not-found", 0)
    names = ", ".join(jar)
    worst = Outcome("cookies", "cookies-secure-with-httponly-sessions-and-samesite", 5, names)
    for name, morsel in jar.items():
        session = "session" in name.lower() or name.lower() in {"sid", "sessid"}
        samesite = morsel["samesite"].lower()
        found = None
        if not morsel["secure"]:
            if session:
                found = ("cookies-session-without-secure-flag-but-protected-by-hsts", -10) if hsts else None
                found = found or ("cookies-session-without-secure-flag", -40)
            else:
                found = ("cookies-without-secure-flag-but-protected-by-hsts", -5) if hsts else None
                found = found or ("cookies-without-secure-flag", -20)
        elif session and not morsel["httponly"]:
            found = ("cookies-session-without-httponly-flag", -30)
        elif samesite and samesite not in {"strict", "lax"}:
            found = ("cookies-samesite-flag-invalid", -20)
        elif "csrf" in name.lower() and not samesite:
            found = ("cookies-anticsrf-without-samesite-flag", -20)
        elif not samesite:
            found = ("cookies-secure-with-httponly-sessions", 0)
        if found and found[1] < worst.modifier:
            worst = Outcome("cookies", found[0], found[1], name)
    return worst


def cross_origin_resource_sharing(page: Fetched, policy_files: dict[str, int]) -> Outcome:
    allowed_files = [name for name, status in policy_files.items() if status == 200]
    if allowed_files:
        return Outcome("cross-origin-resource-sharing", "needs-manual-review", 0, f"{allowed_files} exist")
    origin = page.header("access-control-allow-origin")
    if origin is None:
        return Outcome("cross-origin-resource-sharing", "cross-origin-resource-sharing-not-implemented", 0)
    if origin.strip() == "*":
        return Outcome(
            "cross-origin-resource-sharing", "cross-origin-resource-sharing-implemented-with-public-access", 0
        )
    if (page.header("access-control-allow-credentials") or "").lower() == "true":
        return Outcome(
            "cross-origin-resource-sharing", "cross-origin-resource-sharing-implemented-with-universal-access", -50
        )
    return Outcome(
        "cross-origin-resource-sharing", "cross-origin-resource-sharing-implemented-with-restricted-access", 0
    )


def redirection(status: int, location: str | None, host: str) -> Outcome:
    if status not in (301, 302, 303, 307, 308) or not location:
        return Outcome("redirection", "redirection-missing", -20, f"plain HTTP answered {status}")
    target = urlsplit(location)
    if target.scheme != "https":
        return Outcome("redirection", "redirection-not-to-https-on-initial-redirection", -10, location)
    if target.hostname != host:
        return Outcome("redirection", "redirection-off-host-from-http", -5, location)
    return Outcome("redirection", "redirection-to-https", 0, location)


def referrer_policy(page: Fetched) -> Outcome:
    raw = page.header("referrer-policy")
    if raw is None:
        return Outcome("referrer-policy", "referrer-policy-not-implemented", 0)
    # Browsers use the last value they understand.
    known = [token.strip().lower() for token in raw.split(",") if token.strip().lower() in ALL_REFERRER]
    if not known:
        return Outcome("referrer-policy", "referrer-policy-header-invalid", -5, raw)
    if known[-1] in PRIVATE_REFERRER:
        return Outcome("referrer-policy", "referrer-policy-private", 5, known[-1])
    return Outcome("referrer-policy", "referrer-policy-unsafe", -5, known[-1])


def strict_transport_security(page: Fetched) -> Outcome:
    raw = page.header("strict-transport-security")
    if raw is None:
        return Outcome("strict-transport-security", "hsts-not-implemented", -20)
    match = re.search(r"(?:^|;)\s*max-age\s*=\s*\"?(\d+)\"?\s*(?:;|$)", raw, re.IGNORECASE)
    if not match:
        return Outcome("strict-transport-security", "hsts-header-invalid", -20, raw)
    if int(match.group(1)) < SIX_MONTHS:
        return Outcome("strict-transport-security", "hsts-implemented-max-age-less-than-six-months", -10, raw)
    note = raw + ("; preload list not checked here" if "preload" in raw.lower() else "")
    return Outcome("strict-transport-security", "hsts-implemented-max-age-at-least-six-months", 0, note)


def subresource_integrity(page: Fetched) -> Outcome:
    if "html" not in (page.header("content-type") or ""):
        return Outcome("subresource-integrity", "sri-not-implemented-response-not-html", 0)
    scripts = re.findall(r"<script\b([^>]*)>", page.body, re.IGNORECASE)
    if not scripts:
        return Outcome("subresource-integrity", "sri-not-implemented-but-no-scripts-loaded", 0)
    sources = [re.search(r"src\s*=\s*[\"']?([^\"'\s>]+)", attrs) for attrs in scripts]
    external = [m.group(1) for m in sources if m and re.match(r"(https?:)?//", m.group(1))]
    if not external:
        with_integrity = all("integrity=" in attrs for attrs in scripts)
        if with_integrity:
            return Outcome("subresource-integrity", "sri-implemented-and-all-scripts-loaded-securely", 5)
        return Outcome("subresource-integrity", "sri-not-implemented-but-all-scripts-loaded-from-secure-origin", 0)
    if any(not src.startswith("https://") for src in external):
        return Outcome("subresource-integrity", "sri-not-implemented-and-external-scripts-not-loaded-securely", -50)
    return Outcome("subresource-integrity", "sri-not-implemented-but-external-scripts-loaded-securely", -5)


def x_content_type_options(page: Fetched) -> Outcome:
    raw = page.header("x-content-type-options")
    if raw is None:
        return Outcome("x-content-type-options", "x-content-type-options-not-implemented", -5)
    if raw.strip().lower() != "nosniff":
        return Outcome("x-content-type-options", "x-content-type-options-header-invalid", -5, raw)
    return Outcome("x-content-type-options", "x-content-type-options-nosniff", 0)


def x_frame_options(page: Fetched) -> Outcome:
    csp = parse_csp(page.header("content-security-policy") or "") or {}
    ancestors = csp.get("frame-ancestors")
    if ancestors and "*" not in ancestors:
        return Outcome("x-frame-options", "x-frame-options-implemented-via-csp", 5, " ".join(ancestors))
    raw = (page.header("x-frame-options") or "").strip().lower()
    if not raw:
        return Outcome("x-frame-options", "x-frame-options-not-implemented", -20)
    if raw in {"deny", "sameorigin"}:
        return Outcome("x-frame-options", "x-frame-options-sameorigin-or-deny", 0)
    if raw.startswith("allow-from"):
        return Outcome("x-frame-options", "x-frame-options-allow-from-origin", 0)
    return Outcome("x-frame-options", "x-frame-options-header-invalid", -20, raw)


def cross_origin_resource_policy(page: Fetched) -> Outcome:
    raw = page.header("cross-origin-resource-policy")
    if raw is None:
        return Outcome("cross-origin-resource-policy", "corp-not-implemented", 0)
    value = raw.strip().lower()
    if value in {"same-origin", "same-site"}:
        return Outcome("cross-origin-resource-policy", f"corp-implemented-with-{value}", 10)
    if value == "cross-origin":
        return Outcome("cross-origin-resource-policy", "corp-implemented-with-cross-origin", 0)
    return Outcome("cross-origin-resource-policy", "corp-header-invalid", -5, raw)


def score(outcomes: list[Outcome]) -> int:
    """The Observatory's two rounds: penalties first; bonuses only for a score of 90 or more."""
    total = 100 + sum(o.modifier for o in outcomes if o.modifier < 0)
    if total >= 90:
        total += sum(o.modifier for o in outcomes if o.modifier > 0)
    return max(total, 0)


# --- fetching from the local production server -----------------------------------------------


def fetch(base: str, path: str, headers: dict[str, str]) -> Fetched:
    parts = urlsplit(base)
    if parts.hostname not in ("127.0.0.1", "localhost", "::1"):
        raise ValueError("this script only scans a server on this machine")
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        collected: dict[str, list[str]] = {}
        for name, value in response.getheaders():
            collected.setdefault(name.lower(), []).append(value)
        return Fetched(response.status, collected, response.read().decode("utf-8", "replace"))
    finally:
        connection.close()


def scan(base: str, path: str) -> list[Outcome]:
    host = urlsplit(base).hostname
    plain = fetch(base, path, {})
    secure = {"X-Forwarded-Proto": "https"}
    page = fetch(base, path, secure)
    policy_files = {
        name: fetch(base, f"/{name}", secure).status for name in ("crossdomain.xml", "clientaccesspolicy.xml")
    }
    hsts = strict_transport_security(page)
    return [
        content_security_policy(page),
        cookies(page, hsts=hsts.modifier >= 0),
        cross_origin_resource_sharing(page, policy_files),
        redirection(plain.status, plain.header("location"), host),
        referrer_policy(page),
        hsts,
        subresource_integrity(page),
        x_content_type_options(page),
        x_frame_options(page),
        cross_origin_resource_policy(page),
    ]


def report(path: str, outcomes: list[Outcome]) -> bool:
    total = score(outcomes)
    penalties = [o for o in outcomes if o.modifier < 0]
    verdict = "PASS" if total >= TARGET and not penalties else "FAIL"
    print(f"\n{path}: score {total} (target >= {TARGET}, no penalty): {verdict}")
    for outcome in outcomes:
        note = f"  [{outcome.note}]" if outcome.note else ""
        print(f"  {outcome.modifier:+4d}  {outcome.test:<31} {outcome.result}{note}")
    return verdict == "PASS"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.parse_args()
    from bench.generate import generate
    from bench.server import production_server

    proxy_env = {"DJANGO_TRUST_X_FORWARDED_PROTO": "1", "DJANGO_SECURE_SSL_REDIRECT": "1"}
    with tempfile.TemporaryDirectory() as folder:
        generate(Path(folder), 3)
        with production_server(Path(folder), workers=1, env=proxy_env) as base:
            admin = "/" + os.environ.get("DJANGO_ADMIN_PATH", "admin/").strip("/") + "/login/"
            results = [report(path, scan(base, path)) for path in ("/", "/articles/generated-0/", admin)]
    print("\nAll pages pass." if all(results) else "\nSome page misses the target.")
    sys.exit(0 if all(results) else 1)


if __name__ == "__main__":
    main()
