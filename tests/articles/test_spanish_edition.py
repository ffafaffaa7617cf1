"""The shipped Spanish edition: complete, faithful to the English where a machine can tell, readable,
second-read, and with no English left in its interface."""

import re
from collections import Counter
from html.parser import HTMLParser

import pytest

from articles.content_report import article_row
from articles.glossary import load_glossary
from articles.library import load_library
from articles.readability import INFLESZ_NORMAL
from tests.browser.pages import PAGE_TYPES, SPANISH_PAGE_TYPES
from tests.conftest import REPO

CONTENT = REPO / "content"
ENGLISH = load_library(CONTENT)
SPANISH = load_library(CONTENT / "es", language="es")
PAIRS = [(ENGLISH.get(article.metadata.translation_of), article) for article in SPANISH.articles]
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
CITATION_KEY = re.compile(r"@[\w-]+")
HEADING_LEVEL = re.compile(r"^(#{2,6}) ", re.MULTILINE)


@pytest.fixture(autouse=True)
def real_content(settings):
    settings.CONTENT_DIR = CONTENT


def pair_ids(pairs):
    return [translated.slug for _, translated in pairs]


def body(article) -> str:
    return article.path.read_text(encoding="utf-8").split("\n---\n", 1)[1]


def test_every_english_article_has_exactly_one_translation():
    assert SPANISH.problems == ()
    originals = Counter(article.metadata.translation_of for article in SPANISH.articles)
    assert set(originals) == {article.slug for article in ENGLISH.articles}
    assert max(originals.values()) == 1


@pytest.mark.parametrize(("original", "translated"), PAIRS, ids=pair_ids(PAIRS))
def test_a_translation_keeps_every_number_citation_and_heading(original, translated):
    english, spanish = body(original), body(translated)
    assert Counter(NUMBER.findall(spanish)) == Counter(NUMBER.findall(english))
    assert Counter(CITATION_KEY.findall(spanish)) == Counter(CITATION_KEY.findall(english))
    assert HEADING_LEVEL.findall(spanish) == HEADING_LEVEL.findall(english)
    assert translated.metadata.references == original.metadata.references


@pytest.mark.parametrize(("original", "translated"), PAIRS, ids=pair_ids(PAIRS))
def test_a_translation_is_plain_spanish_and_was_second_read(original, translated):
    inflesz, _ = article_row(translated).spanish_scores
    assert inflesz >= INFLESZ_NORMAL, f"INFLESZ {inflesz:.1f}: below 'normal' for patient information"
    record = REPO / "editorial" / "reviews" / "es" / f"{translated.slug}.md"
    assert record.is_file(), f"no second reading recorded in {record.relative_to(REPO)}"
    assert f"content/{original.path.relative_to(CONTENT)}" in record.read_text(encoding="utf-8")


def test_the_spanish_glossary_defines_every_english_term():
    english, _ = load_glossary(CONTENT / "glossary.yaml")
    spanish, problems = load_glossary(CONTENT / "es" / "glossary.yaml")
    assert problems == [] and len(spanish) == len(english)


# The interface: no English string may be left on a Spanish page.

# Words and names that Spanish writes exactly as English does.
SAME_IN_SPANISH = {"No", "Cookie", "Cookies", "Placebo", "Receptor", "Sublingual", "Intramuscular", "Intranasal"}
SAME_IN_SPANISH |= {
    "Midazolam",
    "midazolam",
    "placebo",
    "nasal",
    "(Spravato)",
    "Spravato",
    "REMS",
    "MedWatch",
    "BDNF",
    "GABA",
    "MADRS",
}
SAME_IN_SPANISH |= {"mTOR", "rTMS", "bdnf", "988", "911"}
# US states and territories whose Spanish name is the English one.
SAME_IN_SPANISH |= {
    *("Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware", "Florida"),
    *("Georgia", "Guam", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky", "Maine", "Maryland"),
    *("Massachusetts", "Michigan", "Minnesota", "Montana", "Nebraska", "Nevada", "Ohio", "Oklahoma"),
    *("Tennessee", "Texas", "Utah", "Vermont", "Virginia", "Washington", "Wisconsin", "Wyoming"),
    *("Rhode Island", "Puerto Rico"),
}


class _VisibleText(HTMLParser):
    """Text a reader sees or hears (text nodes, accessible names), outside code, references and scripts."""

    SKIPPED = {"script", "style", "code"}
    NAMING_ATTRIBUTES = {"aria-label", "title", "alt", "placeholder"}

    def __init__(self):
        super().__init__()
        self.skipping: list[str] = []
        self.found: set[str] = set()

    def handle_starttag(self, tag, attrs):
        is_references = "references" in (dict(attrs).get("class") or "").split()
        nested_in_skipped = bool(self.skipping) and tag == self.skipping[-1]
        if tag in self.SKIPPED or is_references or nested_in_skipped:
            self.skipping.append(tag)
        for name, value in attrs:
            if name in self.NAMING_ATTRIBUTES and value and not self.skipping:
                self.found.add(" ".join(value.split()))

    def handle_endtag(self, tag):
        if self.skipping and tag == self.skipping[-1]:
            self.skipping.pop()

    def handle_data(self, data):
        text = " ".join(data.split())
        if text and not self.skipping and re.search(r"[^\W\d_]{2,}", text):
            self.found.add(text)


def visible_text(html: str) -> set[str]:
    parser = _VisibleText()
    parser.feed(html)
    return parser.found


ENGLISH_COUNTERPARTS = dict(zip([name for name, _ in SPANISH_PAGE_TYPES], PAGE_TYPES, strict=False))


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "path"), SPANISH_PAGE_TYPES, ids=[name for name, _ in SPANISH_PAGE_TYPES])
def test_a_spanish_page_shows_no_english_interface_text(client, name, path):
    _, english_path = ENGLISH_COUNTERPARTS[name]
    spanish = visible_text(client.get(path).content.decode())
    english = visible_text(client.get(english_path).content.decode())
    assert sorted(spanish & english - SAME_IN_SPANISH) == []


def test_the_visible_text_reader_sees_what_a_reader_sees():
    html = (
        '<p>Need help now?</p><button aria-label="Close">x</button><code>csrftoken</code>'
        '<section class="references"><ol><li><p>Smith J. A trial.</p></li></ol></section><p>12</p>'
    )
    assert visible_text(html) == {"Need help now?", "Close"}


@pytest.mark.django_db
def test_spanish_crisis_help_gives_what_988_offers_spanish_speakers(client):
    html = client.get("/es/").content.decode()
    bar = re.search(r'<aside class="crisis-bar".*?</aside>', html, re.DOTALL).group(0)
    assert '<a href="tel:988">988</a> y marque 2' in bar and "AYUDA" in bar
    assert '<a href="tel:911">911</a>' in bar and 'href="/es/articulos/ayuda-en-crisis/"' in bar


@pytest.mark.django_db
def test_spanish_search_finds_articles_typed_without_accents(client):
    html = client.get("/es/buscar/", {"q": "depresion"}).content.decode()
    titles = re.findall(r'<h2><a href="/es/articulos/[^/]+/">([^<]+)</a>', html)
    assert len(titles) > 3 and all("depresión" in title.lower() for title in titles[:3])
    assert "<mark>depresión</mark>" in html  # the accented word is what is highlighted


@pytest.mark.django_db
def test_spanish_search_finds_the_side_effects_article(client):
    html = client.get("/es/buscar/", {"q": "efectos secundarios"}).content.decode()
    found = re.findall(r'<h2><a href="/es/articulos/([^/]+)/">', html)
    assert "efectos-secundarios" in found[:3]


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "path"), PAGE_TYPES, ids=[name for name, _ in PAGE_TYPES])
def test_every_page_type_of_both_editions_has_one_h1(client, name, path):
    response = client.get(path)
    assert response.status_code == (404 if "not found" in name else 200)
    assert len(re.findall(r"<h1[\s>]", response.content.decode())) == 1
