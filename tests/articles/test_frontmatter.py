from datetime import date
from pathlib import Path

import pytest

from articles.frontmatter import add_months, parse_source
from articles.problems import ContentError
from tests.conftest import make_article

PATH = Path("content/mechanism/how-ketamine-works.md")


def problems_for(text: str, path: Path = PATH) -> list[tuple[int, str]]:
    with pytest.raises(ContentError) as caught:
        parse_source(path, text)
    return [(problem.line, problem.message) for problem in caught.value.problems]


def line_number_of(text: str, needle: str) -> int:
    return text.splitlines().index(next(line for line in text.splitlines() if line.startswith(needle))) + 1


def test_valid_file_gives_typed_metadata_and_body_position():
    text = make_article()
    source = parse_source(PATH, text)
    metadata = source.metadata
    assert metadata.title == "How ketamine works"
    assert metadata.published == date(2026, 1, 10)
    assert metadata.tags == ("glutamate", "nmda-receptor")
    assert [reference.id for reference in metadata.references] == ["berman2000", "zarate2006"]
    assert metadata.references[0].links[0] == (
        "doi:10.1016/S0006-3223(99)00230-9",
        "https://doi.org/10.1016/S0006-3223(99)00230-9",
    )
    assert text.splitlines()[source.body_first_line - 1] == "## Key points"


def test_invalid_yaml_is_reported_on_its_line():
    text = make_article(summary='"never closed')
    [(line, message)] = problems_for(text)
    assert message.startswith("invalid YAML")
    assert line >= line_number_of(text, "summary:")


def test_missing_title_is_reported():
    assert (2, "missing required field 'title'") in problems_for(make_article(drop=("title",)))


@pytest.mark.parametrize("field", ["summary", "topic", "published", "updated", "next_review"])
def test_every_required_field_is_required(field):
    assert any(f"'{field}'" in message for _, message in problems_for(make_article(drop=(field,))))


def test_impossible_date_names_its_line():
    text = make_article(published="2026-02-30")
    assert problems_for(text) == [
        (line_number_of(text, "published:"), "'published' must be a real date written YYYY-MM-DD, not '2026-02-30'")
    ]


def test_unknown_topic_lists_the_choices():
    [(_, message)] = problems_for(make_article(topic="astrology"))
    assert "unknown topic 'astrology'" in message and "basics" in message


def test_unknown_field_catches_typos():
    [(_, message)] = problems_for(make_article(sumary="typo"))
    assert message.startswith("unknown field 'sumary'")


def test_too_long_title_and_summary():
    messages = [message for _, message in problems_for(make_article(title="x" * 91, summary="y" * 201))]
    assert "'title' is 91 characters; keep it to 90 or fewer" in messages
    assert "'summary' is 201 characters; keep it to 200 or fewer" in messages


def test_next_review_at_most_twelve_months_after_update():
    text = make_article(updated="2026-02-01", next_review="2027-02-02")
    assert problems_for(text) == [
        (
            line_number_of(text, "next_review:"),
            "'next_review' must be at most 12 months after 'updated' (by 2027-02-01)",
        )
    ]
    parse_source(PATH, make_article(updated="2026-02-01", next_review="2027-02-01"))  # exactly 12 months is fine


def test_updated_before_published_is_an_error():
    assert any("earlier than 'published'" in m for _, m in problems_for(make_article(updated="2025-01-01")))


def test_draft_must_be_boolean():
    assert any("'draft' must be true or false" in m for _, m in problems_for(make_article(draft="maybe")))


def test_aliases_must_be_slugs():
    assert any("'Old Slug'" in m for _, m in problems_for(make_article(aliases="[Old Slug]")))


def test_reference_needs_a_checkable_link_and_valid_identifiers():
    references = """
  - id: lonely
    citation: "A source with no link."
  - id: baddoi
    citation: "A source."
    doi: https://doi.org/10.1000/x
  - id: Bad_Id
    citation: "A source."
    url: https://example.org/
  - id: baddoi
    citation: "Repeated id"
    pmid: "123"
"""
    messages = [message for _, message in problems_for(make_article(references=references))]
    assert "reference 'lonely' needs a doi, pmid or url so readers can check it" in messages
    assert any(m.startswith("doi must look like") for m in messages)
    assert any(m.startswith("reference id must be lowercase") for m in messages)


def test_file_without_front_matter_is_reported_on_line_one():
    assert problems_for("# Just a heading\n") == [(1, "file must start with a '---' line opening the front matter")]


def test_unclosed_front_matter_is_reported():
    assert problems_for("---\ntitle: x\n")[0][1].startswith("front matter is never closed")


def test_file_name_must_be_a_slug():
    assert problems_for(make_article(), Path("content/basics/What Is.md"))[0][1].startswith("file name")


def test_every_problem_is_collected_not_only_the_first():
    assert len(problems_for(make_article(title="", topic="nope", published="soon"))) == 3


def test_add_months_clamps_to_month_end():
    assert add_months(date(2024, 2, 29), 12) == date(2025, 2, 28)
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2026, 11, 20), 12) == date(2027, 11, 20)


def test_order_is_an_optional_whole_number():
    assert parse_source(PATH, make_article()).metadata.order == 100
    assert parse_source(PATH, make_article(order="2")).metadata.order == 2
    assert any("'order' must be a whole number" in m for _, m in problems_for(make_article(order="first")))
