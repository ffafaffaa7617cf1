"""
Text contrast in the states axe-core never sees: every link and button style, hovered with the mouse
and focused from the keyboard, in light and dark mode. WCAG 2.2 AA (1.4.3): at least 4.5:1, or 3:1
for large text.
"""

from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PROBE_JS = Path(__file__).with_name("contrast.js")
SCHEMES = ["light", "dark"]
# Between them these pages hold every link and button style a reader meets.
PAGES = [
    ("home", "/"),
    ("topic", "/topics/treatment/"),
    ("article", "/articles/administration-routes/"),
    ("glossary", "/glossary/"),
    ("search results", "/search/?q=nasal+spray"),
    ("not found", "/articles/no-such-page/"),
    ("find a clinic", "/find-a-clinic/"),
    ("privacy notice", "/privacy/"),
    ("cookie settings", "/cookies/"),
    ("reading preferences", "/preferences/"),
]


def selector(probe) -> str:
    return f'[data-contrast-probe="{probe["index"]}"]'


def measure(page, probe, state: str) -> dict:
    return page.evaluate("([i, state]) => contrastProbe.measure(i, state)", [probe["index"], state])


def assert_contrast_holds(page) -> None:
    """Hover, then focus, one element of each link and button style on the page; fail listing what fails."""
    page.add_script_tag(path=str(PROBE_JS))
    probes = page.evaluate("contrastProbe.mark()")
    assert probes, "no links or buttons found"
    measured = []
    for probe in probes:
        if probe["hoverable"]:
            page.hover(selector(probe), force=True)
            measured.append(("hover", measure(page, probe, "hover")))
    page.hover("h1")  # away from every link, so focus is measured on its own
    page.keyboard.press("Shift")  # a keyboard user: focus() then shows :focus-visible, as Tab does
    for probe in probes:
        page.focus(selector(probe))
        measured.append(("focus-visible", measure(page, probe, "focus-visible")))
    failures = []
    for state, result in measured:
        if not result["inState"]:
            failures.append(f"{state} did not apply to {result['signature']}")
        for sample in result["samples"]:
            if sample["ratio"] < sample["required"]:
                failures.append(
                    f"{state} {result['signature']} {sample['text']!r}: "
                    f"{sample['ratio']:.2f}:1, needs {sample['required']}:1"
                )
    assert any(result["samples"] for _, result in measured), "no text measured at all"
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("audit_page", SCHEMES, indirect=True)
@pytest.mark.parametrize(("name", "path"), PAGES, ids=[name for name, _ in PAGES])
def test_links_and_buttons_keep_their_contrast_when_hovered_and_focused(audit_page, name, path):
    audit_page.goto(path)
    assert_contrast_holds(audit_page)


@pytest.mark.parametrize("audit_page", SCHEMES, indirect=True)
def test_error_summary_links_keep_their_contrast(audit_page):
    audit_page.goto("/find-a-clinic/")
    audit_page.get_by_role("button", name="Send my request").click()
    audit_page.get_by_role("heading", name="There is a problem").wait_for()
    assert_contrast_holds(audit_page)


@pytest.mark.parametrize("audit_page", SCHEMES, indirect=True)
def test_the_secondary_button_does_not_look_like_the_primary(audit_page):
    audit_page.goto("/articles/administration-routes/")
    look = "el => { const s = getComputedStyle(el); return [s.backgroundColor, s.color, s.borderTopColor]; }"
    primary = audit_page.get_by_role("button", name="Yes", exact=True).evaluate(look)
    secondary = audit_page.get_by_role("button", name="No", exact=True).evaluate(look)
    assert primary[0] != secondary[0] and primary[1] != secondary[1]
