"""
Real-browser fixtures: Playwright for Python driving Debian's Chromium (never `playwright install`).

Without /usr/bin/chromium the browser tests are skipped with one reason saying how to enable them;
with REQUIRE_BROWSER=1 (set by .ci/run) a missing browser or audit tool fails the run instead.
"""

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
REPO = Path(__file__).resolve().parents[2]
AXE_JS = REPO / "node_modules" / "axe-core" / "axe.min.js"
VNU_JAR = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    # Chromium looks up Google hosts in the background; this machine has no such network.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
]
HOW_TO_ENABLE = "Chromium not installed: run `apt-get install -y chromium` (as .ci/run does) to run browser tests"
REQUIRED = os.environ.get("REQUIRE_BROWSER") == "1"

# Playwright's sync API runs an event loop in this thread; Django's ORM calls from the tests are still sync.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def require_tool(available: bool, reason: str) -> None:
    """Skip (or, in CI, fail) when a tool the test needs is missing."""
    if not available:
        if REQUIRED:
            pytest.fail(f"{reason} (REQUIRE_BROWSER=1)")
        pytest.skip(reason)


def pytest_collection_modifyitems(config, items):
    if CHROMIUM.exists() or REQUIRED:
        return
    skip = pytest.mark.skip(reason=HOW_TO_ENABLE)
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser():
    require_tool(CHROMIUM.exists(), HOW_TO_ENABLE)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def site_url(live_server, settings):
    """The live server's address, serving the real content folder."""
    settings.CONTENT_DIR = REPO / "content"
    return live_server.url


def _context(browser, site_url, **options):
    context = browser.new_context(base_url=site_url, **options)
    yield context.new_page()
    context.close()


@pytest.fixture
def page(browser, site_url):
    """A phone-sized page with JavaScript on."""
    yield from _context(browser, site_url, viewport={"width": 390, "height": 844})


@pytest.fixture
def page_without_js(browser, site_url):
    yield from _context(browser, site_url, viewport={"width": 390, "height": 844}, java_script_enabled=False)


@pytest.fixture
def audit_page(browser, site_url, request):
    """A page that lets axe-core be injected despite the site's Content-Security-Policy."""
    require_tool(AXE_JS.exists(), "axe-core missing: run `make node_modules`")
    scheme = getattr(request, "param", "light")
    yield from _context(
        browser, site_url, bypass_csp=True, color_scheme=scheme, viewport={"width": 1280, "height": 900}
    )


def java_available() -> bool:
    return shutil.which("java") is not None and VNU_JAR.exists()
