"""The cookie banner in a real browser, with JavaScript on and off."""

import pytest

from consent.models import ConsentRecord

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ARTICLE = "/articles/how-it-works/"
BUTTON_STYLE = [
    "font-size",
    "font-weight",
    "font-family",
    "padding-top",
    "padding-right",
    "padding-bottom",
    "padding-left",
    "border-top-width",
    "border-radius",
    "background-color",
    "color",
    "line-height",
]


@pytest.fixture
def site(write_article, live_server):
    write_article("mechanism/how-it-works.md")
    return live_server.url


@pytest.fixture(params=[True, False], ids=["js-on", "js-off"])
def visitor(request, browser):
    context = browser.new_context(java_script_enabled=request.param)
    page = context.new_page()
    page.javascript_enabled = request.param
    yield page
    context.close()


def cookie_names(page) -> set[str]:
    return {cookie["name"] for cookie in page.context.cookies()}


def banner(page):
    return page.get_by_role("region", name="Cookies on this site")


def test_accept_all_hides_the_banner_and_is_remembered(site, visitor):
    visitor.goto(site + ARTICLE)
    assert banner(visitor).is_visible()
    if visitor.javascript_enabled:
        visitor.evaluate("window.sameDocument = true")
    visitor.get_by_role("button", name="Accept all").click()
    if visitor.javascript_enabled:
        visitor.get_by_role("status").get_by_text("your choice is saved").wait_for()
        assert not visitor.get_by_role("button", name="Accept all").is_visible()
        assert visitor.evaluate("window.sameDocument") is True  # no reload
        assert visitor.evaluate("document.activeElement.getAttribute('role')") == "status"
    else:
        visitor.wait_for_url(site + ARTICLE)
        assert banner(visitor).count() == 0
    assert visitor.url == site + ARTICLE
    assert "consent" in cookie_names(visitor)
    assert ConsentRecord.objects.get().choices == ["external_media", "preferences", "statistics"]
    visitor.reload()
    assert banner(visitor).count() == 0
    assert "visitor_id" in cookie_names(visitor)  # statistics accepted: the article page gave an id


def test_reject_keeps_optional_cookies_off(site, visitor):
    visitor.goto(site + ARTICLE)
    visitor.get_by_role("button", name="Reject non-essential").click()
    if visitor.javascript_enabled:
        visitor.get_by_role("status").get_by_text("only necessary cookies").wait_for()
    else:
        visitor.wait_for_url(site + ARTICLE)
    visitor.goto(site + ARTICLE)
    assert banner(visitor).count() == 0
    assert cookie_names(visitor) == {"consent"}
    assert ConsentRecord.objects.get().choices == []


def test_choose_leads_to_switches_that_start_off(site, visitor):
    visitor.goto(site + ARTICLE)
    visitor.get_by_role("link", name="Choose").click()
    visitor.wait_for_url("**/cookies/**")
    switches = [visitor.get_by_label(f"Allow {name} cookies") for name in ("preferences", "statistics")]
    assert not any(switch.is_checked() for switch in switches)
    switches[1].check()
    visitor.get_by_role("button", name="Save my choices").click()
    visitor.wait_for_url(site + ARTICLE)
    assert banner(visitor).count() == 0
    assert "visitor_id" in cookie_names(visitor) and "prefs" not in cookie_names(visitor)
    assert ConsentRecord.objects.get().choices == ["statistics"]


def test_the_two_main_buttons_look_the_same(site, page):
    for width in (1280, 360):
        page.set_viewport_size({"width": width, "height": 740})
        page.goto(site + ARTICLE)
        accept = page.get_by_role("button", name="Accept all")
        reject = page.get_by_role("button", name="Reject non-essential")
        accept_box, reject_box = accept.bounding_box(), reject.bounding_box()
        assert accept_box["width"] == reject_box["width"] and accept_box["height"] == reject_box["height"]
        assert accept_box["y"] == reject_box["y"]  # side by side, neither one demoted below the other
        style = "(element, names) => names.map(name => getComputedStyle(element).getPropertyValue(name))"
        assert accept.evaluate(style, BUTTON_STYLE) == reject.evaluate(style, BUTTON_STYLE)
        # Equal at rest is not enough: a hover or focus style may still favour one of them.
        looks = {}
        for name, button in (("accept", accept), ("reject", reject)):
            button.hover()
            hovered = button.evaluate(style, BUTTON_STYLE)
            button.focus()
            looks[name] = (hovered, button.evaluate(style, BUTTON_STYLE))
        assert looks["accept"] == looks["reject"]


def test_the_banner_never_covers_the_article_on_a_small_screen(site, page):
    page.set_viewport_size({"width": 360, "height": 640})
    page.goto(site + ARTICLE)
    assert banner(page).evaluate("element => getComputedStyle(element).position") == "static"
    page.get_by_role("heading", level=1).scroll_into_view_if_needed()
    heading = page.get_by_role("heading", level=1).bounding_box()
    region = banner(page).bounding_box()
    assert heading["y"] >= region["y"] + region["height"]  # the banner sits above, in the flow


def test_the_banner_is_reachable_by_keyboard(site, page):
    page.goto(site + ARTICLE)
    page.keyboard.press("Tab")  # the skip link comes first
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Accept all"
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")  # past "Choose", focus moves on into the page: no trap
    assert page.evaluate("document.activeElement.closest('.consent-banner') === null")


@pytest.mark.parametrize("device", ["light", "dark"])
def test_a_chosen_theme_beats_the_device_setting(site, browser, device):
    """The palette follows the device until the reader picks a theme, then follows the reader."""
    context = browser.new_context(color_scheme=device)
    page = context.new_page()
    page.goto(site + ARTICLE)
    device_background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    chosen = "Light" if device == "dark" else "Dark"
    page.goto(site + "/preferences/")
    page.get_by_label(chosen, exact=True).check()
    page.get_by_label("Remember these settings", exact=False).check()
    page.get_by_role("button", name="Save preferences").click()
    page.goto(site + ARTICLE)
    assert page.evaluate("document.documentElement.className") == f"theme-{chosen.lower()}"
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") != device_background
    context.close()
