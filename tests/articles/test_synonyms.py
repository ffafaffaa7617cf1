"""content/synonyms.yaml: the words readers type, the words articles use; loaded, checked and searched."""

import pytest
from django.utils import timezone

from articles.checks import all_problems
from articles.library import get_library, load_library
from articles.search import search
from articles.synonyms import load_synonyms
from tests.conftest import make_article

CITE = " [@berman2000; @zarate2006]\n"


def body(text: str) -> str:
    return "## Key points\n\n" + text + CITE


@pytest.fixture
def library(write_article, content_dir):
    write_article(
        "basics/compared.md",
        make_article(title="Ketamine compared with esketamine", body=body("Two medicines, one molecule.")),
    )
    write_article(
        "research/timeline.md",
        make_article(title="A timeline of the research", body=body("From 2000 to today, ketamine studies grew.")),
    )
    write_article(
        "treatment/telehealth.md",
        make_article(title="Telehealth prescribing", body=body("Some clinics prescribe ketamine by video call.")),
    )
    (content_dir / "synonyms.yaml").write_text(
        "vs: [compared]\nhistory: [timeline]\nat home: [telehealth]\n", encoding="utf-8"
    )
    return load_library(content_dir)


def slugs(library, query):
    return [result.article.slug for result in search(library, query, timezone.localdate())]


def test_a_typed_word_finds_the_article_word(library):
    assert slugs(library, "esketamine vs ketamine")[:1] == ["compared"]
    assert slugs(library, "history of ketamine research") == ["timeline"]


def test_a_typed_phrase_finds_the_article_word(library):
    assert slugs(library, "ketamine at home") == ["telehealth"]


def test_without_the_synonym_the_typed_word_finds_nothing(library, content_dir):
    (content_dir / "synonyms.yaml").unlink()
    assert slugs(load_library(content_dir), "history of ketamine research") == []


def test_a_match_is_highlighted_in_the_snippet(library):
    [result] = search(library, "history ketamine", timezone.localdate())
    assert [segment.text for segment in result.snippet if segment.is_match] == ["ketamine"]


def test_an_edit_to_the_synonyms_shows_without_restart(library, content_dir, settings):
    settings.CONTENT_CHECK_INTERVAL = 0
    assert [r.article.slug for r in search(get_library(), "past", timezone.localdate())] == []
    (content_dir / "synonyms.yaml").write_text("past: [timeline]\n", encoding="utf-8")
    assert [r.article.slug for r in search(get_library(), "past", timezone.localdate())] == ["timeline"]


def test_a_synonym_for_a_word_no_article_uses_is_an_error(library, content_dir):
    (content_dir / "synonyms.yaml").write_text("vs: [compared]\nhistory: [chronology]\n", encoding="utf-8")
    problems = all_problems(load_library(content_dir), timezone.localdate())
    assert [(p.path.name, p.line, p.message, p.is_error) for p in problems] == [
        ("synonyms.yaml", 2, "'chronology' (for 'history') is not a word any article uses", True)
    ]


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("vs: compared\n", 1, "'vs' needs a list of single article words"),
        ("vs: [two words]\n", 1, "'vs' needs a list of single article words"),
        ("vs: [compared]\nVS: [versus]\n", 2, "'vs' appears twice"),
        ("vs: [compared\n", 2, "invalid YAML: did not find expected ',' or ']'"),
        ("- vs\n", 1, "synonyms must be 'typed words: [article word, ...]' lines"),
    ],
)
def test_a_malformed_synonyms_file_is_reported_on_its_line(tmp_path, text, line, message):
    path = tmp_path / "synonyms.yaml"
    path.write_text(text, encoding="utf-8")
    _, problems = load_synonyms(path)
    [problem] = problems
    assert (problem.path, problem.line, problem.message.split(" (")[0]) == (path, line, message)


def test_the_shipped_synonyms_point_to_words_articles_use(settings):
    from tests.conftest import REPO

    library = load_library(REPO / "content")
    assert library.synonyms, "content/synonyms.yaml should ship with the site"
    problems = [p for p in all_problems(library, timezone.localdate()) if p.path.name == "synonyms.yaml"]
    assert problems == []
    today = timezone.localdate()
    assert [r.article.slug for r in search(library, "esketamine vs ketamine", today)][:2].count(
        "ketamine-vs-esketamine"
    ) == 1
    assert "research-timeline" in [r.article.slug for r in search(library, "history of ketamine research", today)][:2]


def test_the_typed_word_itself_ranks_above_its_synonym(write_article, content_dir):
    write_article("basics/synonym.md", make_article(title="Ketamine versus esketamine", body=body("Two medicines.")))
    write_article("basics/typed.md", make_article(title="Ketamine vs esketamine", body=body("Two medicines.")))
    (content_dir / "synonyms.yaml").write_text("vs: [versus]\n", encoding="utf-8")
    assert slugs(load_library(content_dir), "vs") == ["typed", "synonym"]


def test_an_article_holding_both_the_word_and_its_synonym_scores_by_the_better_match(write_article, content_dir):
    # "both" has the typed word in its title and the synonym only in its body; "synonym" has the
    # synonym in its title. The title match of the typed word must count, not the weaker body match.
    both = body("Compared with older medicines, it acts fast.")
    write_article("basics/both.md", make_article(title="Ketamine vs esketamine", body=both))
    write_article("basics/synonym.md", make_article(title="Medicines compared", body=body("Two medicines.")))
    (content_dir / "synonyms.yaml").write_text("vs: [compared]\n", encoding="utf-8")
    assert slugs(load_library(content_dir), "vs") == ["both", "synonym"]
