from datetime import timedelta

import pytest
from django.utils import timezone

from articles.library import load_library
from articles.search import search, stem
from tests.conftest import make_article

CITE = " [@berman2000; @zarate2006]\n"


@pytest.fixture
def library(write_article, content_dir):
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    write_article(
        "treatment/infusions.md",
        make_article(
            title="Ketamine infusions",
            summary="What an IV session is like.",
            topic="treatment",
            body="## Key points\n\nAn infusion takes about 40 minutes in a clinic." + CITE,
        ),
    )
    write_article(
        "basics/esketamine.md",
        make_article(
            title="Esketamine nasal spray",
            summary="The approved spray.",
            topic="basics",
            body="## Key points\n\nSpravato is a nasal spray given in a clinic, unlike ketamine infusions." + CITE,
        ),
    )
    write_article(
        "safety/bladder.md",
        make_article(
            title="Long-term risks",
            summary="Bladder and liver problems with heavy use.",
            topic="safety",
            body="## Ketamine and the bladder\n\nHeavy use harms the bladder." + CITE,
        ),
    )
    write_article(
        "basics/hidden.md",
        make_article(title="Hidden ketamine draft", topic="basics", draft="true", body="Ketamine infusions." + CITE),
    )
    write_article(
        "basics/later.md",
        make_article(
            title="Scheduled ketamine piece",
            topic="basics",
            published=tomorrow,
            updated=tomorrow,
            body="Ketamine." + CITE,
        ),
    )
    return load_library(content_dir)


def titles(library, query):
    return [result.article.title for result in search(library, query, timezone.localdate())]


def test_title_match_ranks_above_body_match(library):
    assert titles(library, "infusions")[:2] == ["Ketamine infusions", "Esketamine nasal spray"]


LONG_PARAGRAPH = "Most people rest for an hour afterwards and go home with someone they trust. " * 6


def test_heading_match_ranks_above_summary_and_body(write_article, content_dir):
    """The word once in each article, in a different field: title, heading (here the second), summary, body."""
    for slug, title, summary, body in [
        ("in-body", "Body", "A summary.", f"## Key points\n\n{LONG_PARAGRAPH} Dissociation can happen.\n"),
        ("in-summary", "Summary", "Dissociation, briefly.", f"## Key points\n\n{LONG_PARAGRAPH}\n"),
        (
            "in-heading",
            "Heading",
            "A summary.",
            f"## Key points\n\n{LONG_PARAGRAPH}\n\n## Dissociation, in short\n\nSo.\n",
        ),
        ("in-title", "Dissociation", "A summary.", f"## Key points\n\n{LONG_PARAGRAPH}\n"),
    ]:
        write_article(f"basics/{slug}.md", make_article(title=title, summary=summary, topic="basics", body=body + CITE))
    library = load_library(content_dir)
    assert titles(library, "dissociation") == ["Dissociation", "Heading", "Summary", "Body"]


def test_word_forms_match(library):
    assert titles(library, "infusion") == titles(library, "infusions")
    assert stem("infusions") == stem("infusion") == "infusion"


def test_simple_typos_are_tolerated(library):
    assert "Ketamine infusions" in titles(library, "ketamin")
    assert "Esketamine nasal spray" in titles(library, "esketamin nasel")


def test_every_query_word_must_match(library):
    assert titles(library, "esketamine nasal") == ["Esketamine nasal spray"]
    assert titles(library, "bladder spray") == []


def test_drafts_and_scheduled_articles_never_appear(library):
    found = titles(library, "ketamine")
    assert "Hidden ketamine draft" not in found and "Scheduled ketamine piece" not in found


def test_snippet_marks_matches(library):
    [result] = search(library, "bladder", timezone.localdate())
    marked = [segment.text for segment in result.snippet if segment.is_match]
    assert marked and all("bladder" in text.lower() for text in marked)


@pytest.mark.django_db
def test_search_page_highlights_and_escapes(client, library):
    html = client.get("/search/", {"q": "bladder"}).content.decode()
    assert "harms the <mark>bladder</mark>." in html  # the word marked, the full stop left outside
    assert html.count("<mark>") == html.count("</mark>") >= 1
    hostile = client.get("/search/", {"q": "<script>alert(1)</script>"}).content.decode()
    assert "<script>alert(1)</script>" not in hostile and "&lt;script&gt;" in hostile


@pytest.mark.django_db
def test_no_results_suggests_topics(client, library):
    response = client.get("/search/", {"q": "zebrafish"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "No articles match" in html and 'href="/topics/treatment/"' in html


@pytest.mark.django_db
def test_empty_search_page_shows_the_form(client, library):
    html = client.get("/search/").content.decode()
    assert 'name="q"' in html and html.count("<h1>") == 1


def test_snippets_quote_prose_not_headings_or_citation_numbers(library):
    [result] = search(library, "bladder", timezone.localdate())
    text = "".join(segment.text for segment in result.snippet)
    assert text.startswith("Heavy use harms the bladder.")
    assert "Ketamine and the bladder" not in text and "[1" not in text


def test_an_article_with_every_query_word_in_its_title_ranks_first(write_article, content_dir):
    busy_body = "## Key points\n\n" + "Ketamine and esketamine differ. " * 30 + CITE
    write_article("basics/busy.md", make_article(title="Ketamine basics", summary="Esketamine too.", body=busy_body))
    write_article(
        "basics/exact.md",
        make_article(title="Ketamine compared with esketamine", body="## Key points\n\nShort." + CITE),
    )
    results = search(load_library(content_dir), "ketamine esketamine", timezone.localdate())
    assert [result.article.slug for result in results] == ["exact", "busy"]


def test_a_focused_article_outranks_a_long_page_that_mentions_the_word_more(write_article, content_dir):
    filler = " ".join(["plain words about something else entirely"] * 500)
    long_body = "## Key points\n\n" + "The bladder. " * 6 + filler + CITE
    write_article("basics/long.md", make_article(title="Everything at once", summary="Many topics.", body=long_body))
    focused_body = "## Key points\n\nBladder problems can follow heavy use. Bladder care matters." + CITE
    write_article("basics/focused.md", make_article(title="Heavy use", summary="One topic.", body=focused_body))
    results = search(load_library(content_dir), "bladder", timezone.localdate())
    assert [result.article.slug for result in results] == ["focused", "long"]


@pytest.mark.parametrize(
    ("word", "forms"),
    [
        ("infusion", ["infusions"]),
        ("case", ["cases"]),  # "-es" would leave three letters: only the "s" goes
        ("dose", ["doses"]),  # a five-letter word keeps a four-letter stem
        ("therapy", ["therapies"]),
        ("study", ["studied"]),
        ("medic", ["medication", "medications"]),
        ("feel", ["feeling", "feelings"]),
        ("use", ["use"]),  # four letters or fewer are left alone, so "uses" is not "use"
        ("uses", ["uses"]),
    ],
)
def test_word_forms_share_one_stem(word, forms):
    assert [stem(form) for form in forms] == [word] * len(forms)


@pytest.mark.parametrize(
    ("typed", "title"),
    [
        ("ketamin", "Ketamine infusions"),  # a letter missing at the end
        ("ketmine", "Ketamine infusions"),  # a letter missing in the middle
        ("ketammine", "Ketamine infusions"),  # a letter too many
        ("nasl", "Esketamine nasal spray"),  # a four-letter query word
        ("hatm", "Long-term risks"),  # "harms" is stemmed to a four-letter word, "harm"
        ("nasel", "Esketamine nasal spray"),  # a wrong letter
    ],
)
def test_a_word_one_edit_away_is_found(library, typed, title):
    assert title in titles(library, typed)


def test_a_three_letter_typo_is_not_guessed(library):
    assert titles(library, "spr") == []


# The snippet quotes the prose (both paragraphs, as one text) around the first match.
SNIPPET_BODY = (
    "## Key points\n\n"
    "One two three four five six seven eight nine ten eleven twelve. Heavy use can harm the bladder over time.\n\n"
    "Bladder damage often heals when the use stops, though some people need a specialist for many months afterwards."
    + CITE
)


@pytest.mark.parametrize(
    ("query", "snippet"),
    [
        (  # nine words before the first match and twenty-eight in all; every form of the word marked
            "bladder",
            [
                ("… ", False),
                ("nine ten eleven twelve. Heavy use can harm the ", False),
                ("bladder", True),
                (" over time. ", False),
                ("Bladder", True),
                (" damage often heals when the use stops, though some people need a specialist for many …", False),
            ],
        ),
        (
            "specialist",
            [
                ("… ", False),
                ("when the use stops, though some people need a ", False),
                ("specialist", True),
                (" for many months afterwards.", False),
            ],
        ),
        (
            "two",
            [
                ("One ", False),
                ("two", True),
                (
                    " three four five six seven eight nine ten eleven twelve. Heavy use can harm the bladder over time."
                    " Bladder damage often heals when the use stops, …",
                    False,
                ),
            ],
        ),
        ("risks", [("Bladder problems.", False)]),  # in the title only: the summary stands in
    ],
)
def test_snippet_is_the_prose_around_the_first_match(write_article, content_dir, query, snippet):
    write_article(
        "safety/bladder.md",
        make_article(title="Long-term risks", summary="Bladder problems.", topic="safety", body=SNIPPET_BODY),
    )
    [result] = search(load_library(content_dir), query, timezone.localdate())
    assert [(segment.text, segment.is_match) for segment in result.snippet] == snippet


@pytest.mark.django_db
def test_search_page_shows_the_whole_snippet(client, write_article, content_dir):
    write_article(
        "safety/bladder.md",
        make_article(title="Long-term risks", summary="Bladder problems.", topic="safety", body=SNIPPET_BODY),
    )
    html = client.get("/search/", {"q": "specialist"}).content.decode()
    assert (
        "<p>… when the use stops, though some people need a <mark>specialist</mark> for many months afterwards.</p>"
        in html
    )


def body_with(word: str, mentions: int, words: int = 40) -> str:
    """A body of `words` words (so every such body has the same length) with `word` `mentions` times."""
    return "## Key points\n\n" + " ".join([word] * mentions + ["plain"] * (words - mentions)) + "." + CITE


def slugs_for(write_article, content_dir, articles: dict[str, dict], query: str) -> list[str]:
    for slug, fields in articles.items():
        write_article(f"basics/{slug}.md", make_article(topic="basics", **fields))
    return [result.article.slug for result in search(load_library(content_dir), query, timezone.localdate())]


@pytest.mark.parametrize("query", ["bladder", "bladdr"])
def test_more_mentions_in_the_body_rank_higher(write_article, content_dir, query):
    articles = {
        "once": {"title": "A first page", "summary": "Short.", "body": body_with("bladder", 1)},
        "thrice": {"title": "B second page", "summary": "Short.", "body": body_with("bladder", 3)},
        "twice": {"title": "C third page", "summary": "Short.", "body": body_with("bladder", 2)},
    }
    assert slugs_for(write_article, content_dir, articles, query) == ["thrice", "twice", "once"]


@pytest.mark.parametrize(("mentions", "order"), [(2, ["in-summary", "in-body"]), (5, ["in-body", "in-summary"])])
def test_several_body_mentions_can_outweigh_one_in_the_summary(write_article, content_dir, mentions, order):
    articles = {
        "in-body": {"title": "A page", "summary": "Short.", "body": body_with("bladder", mentions)},
        "in-summary": {"title": "B page", "summary": "The bladder.", "body": body_with("plain", 0)},
    }
    assert slugs_for(write_article, content_dir, articles, "bladder") == order


def test_a_rare_word_counts_more_than_a_common_one(write_article, content_dir):
    """Every page mentions ketamine; only two mention the bladder. The page titled for the rare word wins."""
    articles = {
        "ketamine-title": {"title": "Ketamine", "summary": "Short.", "body": body_with("bladder", 1)},
        "bladder-title": {"title": "Bladder", "summary": "Short.", "body": body_with("ketamine", 1)},
        **{f"other-{n}": {"title": f"Other {n}", "summary": "Short.", "body": body_with("ketamine", 1)} for n in "abc"},
    }
    assert slugs_for(write_article, content_dir, articles, "ketamine bladder") == ["bladder-title", "ketamine-title"]


@pytest.mark.parametrize(
    ("query", "first"), [("infusion bladdr", "infusion-title"), ("infusoin bladder", "bladder-title")]
)
def test_a_correctly_typed_word_counts_more_than_a_corrected_typo(write_article, content_dir, query, first):
    articles = {
        "infusion-title": {"title": "Infusion", "summary": "Short.", "body": body_with("bladder", 1)},
        "bladder-title": {"title": "Bladder", "summary": "Short.", "body": body_with("infusion", 1)},
    }
    assert slugs_for(write_article, content_dir, articles, query)[0] == first
