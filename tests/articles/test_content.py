"""The shipped articles meet the editorial standards that a machine can check."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from articles.content_report import content_rows
from articles.library import load_library
from tests.conftest import REPO, run_manage

CONTENT = REPO / "content"
LIBRARY = load_library(CONTENT) if CONTENT.is_dir() else None
ARTICLES = LIBRARY.articles if LIBRARY else ()
ROWS = {row.article.slug: row for row in content_rows(LIBRARY)} if LIBRARY else {}
BANNED = re.compile(r"\b(miracle|cure[sd]?|breakthrough|non-addictive|no side effects)\b", re.IGNORECASE)


def ids(articles):
    return [article.slug for article in articles]


@pytest.fixture(autouse=True)
def real_content(settings):
    settings.CONTENT_DIR = CONTENT


@pytest.mark.parametrize("article", ARTICLES, ids=ids(ARTICLES))
def test_article_starts_with_three_to_five_key_points(article):
    assert ROWS[article.slug].has_key_points
    key_points = re.search(r'<h2 id="key-points">.*?</h2>\s*<ul>(.*?)</ul>', str(article.rendered.html), re.S)
    assert key_points and 3 <= key_points.group(1).count("<li>") <= 5


@pytest.mark.parametrize("article", ARTICLES, ids=ids(ARTICLES))
def test_article_has_three_cited_checkable_references(article):
    references = article.rendered.references
    assert len(references) >= 3
    assert all(reference.links for reference in references)
    assert ROWS[article.slug].uncited == 0


@pytest.mark.parametrize("article", ARTICLES, ids=ids(ARTICLES))
def test_article_reads_at_grade_nine_or_lower(article):
    grade = ROWS[article.slug].grade
    assert grade is not None and grade <= 9.0


@pytest.mark.parametrize("article", ARTICLES, ids=ids(ARTICLES))
def test_article_makes_no_promotional_promises(article):
    text = article.rendered.plain_text
    found = [match for match in BANNED.finditer(text) if not _negated_or_quoted(text, match.start())]
    assert not found, [text[max(0, m.start() - 40) : m.end() + 20] for m in found]


def _negated_or_quoted(text: str, start: int) -> bool:
    """'not a cure', or a promotional claim quoted in order to answer it (as in myths-and-facts)."""
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start]
    return bool(re.search(r"\bnot? a\s*$", before)) or (before.count('"') + before.count("“")) % 2 == 1


@pytest.mark.parametrize("article", ARTICLES, ids=ids(ARTICLES))
def test_article_mentioning_suicide_shows_crisis_help(article):
    if "suicid" in article.rendered.plain_text.lower():
        assert "988" in article.rendered.plain_text


@pytest.mark.parametrize("article", ARTICLES, ids=ids(ARTICLES))
def test_no_page_claims_a_clinical_review_its_front_matter_does_not_record(client, article):
    # No shipped article names a reviewer yet, so every page must say it has had no clinical review.
    html = client.get(article.url).content.decode()
    if article.metadata.reviewer:
        assert f"Clinically reviewed by {article.metadata.reviewer}." in html
    else:
        assert "Clinically reviewed by" not in html
        assert "has not yet had clinical review by a named clinician" in html


def test_required_articles_exist():
    required = {
        "what-is-ketamine-therapy", "ketamine-vs-esketamine", "myths-and-facts", "how-ketamine-works",
        "administration-routes", "what-happens-in-a-session", "a-course-of-treatment",
        "ketamine-assisted-psychotherapy", "choosing-a-clinic", "research-timeline", "depression-trials",
        "esketamine-trials", "ketamine-vs-ect", "suicidal-thoughts-evidence", "what-we-dont-know-yet",
        "side-effects", "long-term-risks", "misuse-and-dependence", "who-should-not-have-ketamine",
        "interactions-and-preparation", "treatment-resistant-depression", "depression-with-suicidal-thoughts",
        "ptsd", "anxiety", "bipolar-depression", "chronic-pain", "substance-use", "editorial-policy",
        "medical-disclaimer", "crisis-help",
    }  # fmt: skip
    assert required <= {article.slug for article in ARTICLES}


def test_figures_are_used_with_a_text_alternative():
    figures = sorted(path.name for path in (Path(settings.BASE_DIR) / "static" / "figures").glob("*.svg"))
    assert len(figures) >= 4
    for figure in figures:
        users = [a for a in ARTICLES if f"figures/{figure}" in str(a.rendered.html)]
        assert users, f"{figure} is not used in any article"
        html = str(users[0].rendered.html)
        image = re.search(rf"<img[^>]*figures/{re.escape(figure)}[^>]*>", html).group(0)
        assert len(re.search(r'alt="([^"]*)"', image).group(1)) > 40
        after = html[html.index(image) :]
        assert "<table>" in after[:4000] or "<ol>" in after[:4000] or "<ul>" in after[:4000]


def test_content_report_prints_a_row_per_article_and_a_summary():
    result = run_manage("content_report")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    english, spanish = lines[: len(ARTICLES) + 2], lines[len(ARTICLES) + 2 :]
    assert english[0].split() == ["article", "words", "grade", "refs", "uncited", "review", "due"]
    assert english[-1].startswith(f"{len(ARTICLES)} articles, ") and "mean grade" in english[-1]
    assert "0 uncited" in english[-1]
    # The Spanish edition follows, scored on the INFLESZ scale (higher is easier).
    translations = load_library(CONTENT / "es", language="es").articles
    assert spanish[0].split() == ["article", "words", "INFLESZ", "refs", "uncited", "review", "due"]
    assert len(spanish) == len(translations) + 2
    assert spanish[-1].startswith(f"{len(translations)} articles, ") and "mean INFLESZ" in spanish[-1]
