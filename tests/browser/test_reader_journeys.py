"""What a reader does, in a real browser on a phone-sized screen."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_reach_an_article_through_a_topic(page):
    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_have_count(1)
    page.get_by_role("navigation", name="Topics").get_by_role("link", name="Having treatment").click()
    expect(page).to_have_url(re.compile(r"/topics/treatment/$"))
    page.get_by_role("link", name="Ways ketamine and esketamine are given").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ways ketamine and esketamine are given")
    expect(page.get_by_text("Next review due")).to_be_visible()


def test_follow_a_citation_to_its_reference_and_back(page):
    page.goto("/articles/administration-routes/")
    citation = page.locator("sup.citation a").first
    number = citation.inner_text()
    target = citation.get_attribute("href")
    citation.click()
    expect(page).to_have_url(re.compile(re.escape(target) + "$"))
    reference = page.locator(target)
    expect(reference).to_be_in_viewport()
    assert reference.evaluate("element => element.parentElement.children.length") >= 3
    assert int(number) == reference.evaluate("el => [...el.parentElement.children].indexOf(el) + 1")
    reference.get_by_role("link", name=re.compile("Back to where reference")).click()
    expect(page.locator(f"#cite-{target.removeprefix('#ref-')}-1")).to_be_in_viewport()


def test_table_of_contents_jumps_to_the_section(page):
    page.goto("/articles/how-ketamine-works/")
    toc = page.get_by_role("navigation", name="On this page")
    link = toc.get_by_role("link").nth(2)
    heading_id = link.get_attribute("href").removeprefix("#")
    link.click()
    expect(page.locator(f"h2#{heading_id}")).to_be_in_viewport()


def test_search_finds_articles_despite_a_typo(page):
    page.goto("/")
    page.get_by_role("search", name="Site search").get_by_role("searchbox").fill("esketamin nasal")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Search results")
    first = page.locator(".search-results li").first
    expect(first.locator("mark").first).to_be_visible()


def test_glossary_link_leads_to_the_definition(page):
    page.goto("/articles/how-ketamine-works/")
    term = page.locator("a.glossary-term").first
    slug = term.get_attribute("href").split("#")[1]
    term.click()
    expect(page.locator(f"#{slug}")).to_be_in_viewport()


def test_the_site_works_without_javascript(page_without_js):
    page = page_without_js
    page.goto("/search/?q=bladder")
    page.locator(".search-results a").first.click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.get_by_role("complementary", name="Crisis help")).to_contain_text("988")


def test_keyboard_user_can_skip_to_the_content(page):
    page.goto("/articles/side-effects/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()


def test_nothing_overflows_a_phone_screen(page):
    for path in ["/", "/articles/administration-routes/", "/glossary/", "/articles/research-timeline/"]:
        page.goto(path)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px"
