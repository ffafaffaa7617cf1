"""
Does an address still lead somewhere? One GET, redirects followed only while they stay on the same host.

Only the status line and headers are read, never the body. A timeout bounds each connection and
each read. A DOI resolver's redirect to a publisher is how a DOI resolves, so for DOIs any redirect
counts as an answer; publishers' own pages are not fetched (many refuse automated clients).
"""

import enum
import http.client
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

USER_AGENT = "ketamine-guide-reference-check/1 (editors checking that cited sources still resolve)"
MAX_REDIRECTS = 5
REDIRECT_STATUSES = {301, 302, 303, 307, 308}
LASTING_STATUSES = {404, 410}  # a server's considered answer; 5xx and 429 may be gone tomorrow


class Verdict(enum.StrEnum):
    OK = "ok"
    MOVED = "moved"  # redirects to another host: it works, but the reference should be updated
    BROKEN = "broken"
    UNREACHABLE = "unreachable"


@dataclass(frozen=True)
class Answer:
    verdict: Verdict
    detail: str
    lasting: bool = True  # worth remembering for a day; timeouts and server errors are not


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """Hand every redirect back to the caller, which decides whether to follow it."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


_opener = urllib.request.build_opener(_NoRedirects)


def same_host(first: str, second: str) -> bool:
    """Hosts compared without a leading 'www.': moving to or from it is not a move to another site."""
    return _host(first) == _host(second)


def check_address(address: str, *, timeout: float, any_redirect_resolves: bool = False) -> Answer:
    current = address
    for _ in range(MAX_REDIRECTS + 1):
        if urlsplit(current).scheme not in ("http", "https"):
            return Answer(Verdict.BROKEN, f"leads to {current}, which is not an http(s) address")
        # The scheme is checked just above, on every hop, so no file: or custom scheme is ever opened.
        request = urllib.request.Request(current, headers={"User-Agent": USER_AGENT, "Accept": "text/html,*/*"})  # noqa: S310
        try:
            with _opener.open(request, timeout=timeout) as response:
                return Answer(Verdict.OK, f"answered {response.status}")
        except urllib.error.HTTPError as error:
            error.close()
            location = error.headers.get("Location")
            if error.code not in REDIRECT_STATUSES or not location:
                return Answer(Verdict.BROKEN, f"answered {error.code}", lasting=error.code in LASTING_STATUSES)
            target = urljoin(current, location)
            if not same_host(current, target):
                if any_redirect_resolves:
                    return Answer(Verdict.OK, f"resolves to {target}")
                return Answer(Verdict.MOVED, f"redirects to another host: {target}")
            current = target
        except (TimeoutError, urllib.error.URLError, http.client.HTTPException, OSError, ValueError) as error:
            return _unreachable(error, timeout)
    return Answer(Verdict.BROKEN, f"redirects more than {MAX_REDIRECTS} times", lasting=False)


def _unreachable(error: Exception, timeout: float) -> Answer:
    reason = getattr(error, "reason", error)
    if isinstance(reason, TimeoutError):
        return Answer(Verdict.UNREACHABLE, f"did not answer within {timeout:g} s", lasting=False)
    return Answer(Verdict.UNREACHABLE, f"could not be reached ({reason})", lasting=False)


def _host(address: str) -> str:
    host = (urlsplit(address).hostname or "").lower()
    return host.removeprefix("www.")
