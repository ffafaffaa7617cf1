from datetime import date
from pathlib import Path

import pytest

from articles.frontmatter import MAX_FILE_BYTES, add_months, parse_source, read_content_file
from articles.problems import ContentError, Problem
from tests.conftest import make_article

PATH = Path("content/mechanism/how-ketamine-works.md")


def problems_for(text: str, path: Path = PATH) -> list[tuple[int, str]]:
    with pytest.raises(ContentError) as caught:
        parse_source(path, text)
    assert {problem.path for problem in caught.value.problems} == {path}
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


@pytest.mark.parametrize("field", ["title", "summary", "topic", "published", "updated", "next_review"])
def test_every_required_field_is_required(field):
    assert problems_for(make_article(drop=(field,))) == [(2, f"missing required field '{field}'")]


def test_impossible_date_names_its_line():
    text = make_article(published="2026-02-30")
    assert problems_for(text) == [
        (line_number_of(text, "published:"), "'published' must be a real date written YYYY-MM-DD, not '2026-02-30'")
    ]


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


def test_file_without_front_matter_is_reported_on_line_one():
    assert problems_for("# Just a heading\n") == [(1, "file must start with a '---' line opening the front matter")]


def test_every_problem_is_collected_not_only_the_first():
    assert len(problems_for(make_article(title="", topic="nope", published="soon"))) == 3


def test_add_months_clamps_to_month_end():
    assert add_months(date(2024, 2, 29), 12) == date(2025, 2, 28)
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2026, 3, 31), 1) == date(2026, 4, 30)
    assert add_months(date(2028, 1, 31), 1) == date(2028, 2, 29)
    assert add_months(date(2026, 11, 20), 12) == date(2027, 11, 20)


def test_order_is_an_optional_whole_number():
    assert parse_source(PATH, make_article()).metadata.order == 100
    assert parse_source(PATH, make_article(order="2")).metadata.order == 2
    assert any("'order' must be a whole number" in m for _, m in problems_for(make_article(order="first")))


ALLOWED = (
    "title, summary, topic, published, updated, next_review, tags, reviewed, reviewer, draft, aliases, order, "
    "references, translation_of"
)
CONTROL = "control characters are not allowed"
TOPICS = "basics, mechanism, treatment, research, safety, conditions, about"

# make_article's lines: title 2, summary 3, topic 4, tags 5, published 6, updated 7, next_review 8,
# references 9 to 16; a field it does not have by default goes on line 17.


@pytest.mark.parametrize(
    ("fields", "problems"),
    [
        ({"sumary": "typo"}, [(17, f"unknown field 'sumary' (allowed: {ALLOWED})")]),
        ({"title": "[a, b]"}, [(2, "'title' must be a single value, not a list or mapping")]),
        ({"summary": '""'}, [(3, "'summary' must not be empty")]),
        ({"topic": "astrology"}, [(4, f"unknown topic 'astrology' (choose one of: {TOPICS})")]),
        ({"topic": "{a: 1}"}, [(4, "'topic' must be a single value, not a list or mapping")]),
        ({"reviewed": "2026-13-01"}, [(17, "'reviewed' must be a real date written YYYY-MM-DD, not '2026-13-01'")]),
        ({"draft": "maybe"}, [(17, "'draft' must be true or false, not 'maybe'")]),
        ({"order": "first"}, [(17, "'order' must be a whole number, not 'first'")]),
        ({"order": "-1"}, [(17, "'order' must be a whole number, not '-1'")]),
        ({"tags": "glutamate"}, [(5, "'tags' must be a list, for example [one, two]")]),
        ({"tags": f"[{'x' * 41}, ok, '', {{a: b}}]"}, [(5, "each item in 'tags' must be a short piece of text")] * 3),
        ({"aliases": "old-slug"}, [(17, "'aliases' must be a list, for example [one, two]")]),
        (
            {"aliases": "[old-slug, Old Slug]"},
            [(17, "'Old Slug' in 'aliases' must be lowercase words joined by hyphens")],
        ),
        ({"references": "none"}, [(9, "'references' must be a list of entries with id and citation")]),
        (
            {"updated": "2026-01-09", "next_review": "2026-12-01"},
            [(7, "'updated' is earlier than 'published'")],
        ),
        ({"next_review": "2026-01-31"}, [(8, "'next_review' is earlier than 'updated'")]),
        (
            {"published": "soon", "updated": "2025-01-01"},
            [
                (6, "'published' must be a real date written YYYY-MM-DD, not 'soon'"),
                (8, "'next_review' must be at most 12 months after 'updated' (by 2026-01-01)"),
            ],
        ),
    ],
)
def test_each_problem_names_its_line_and_says_what_to_do(fields, problems):
    assert problems_for(make_article(**fields)) == problems


def test_a_key_given_twice_is_reported_on_its_second_line():
    text = make_article().replace("summary: A short plain summary.", "summary: A short plain summary.\ntitle: Again")
    assert problems_for(text) == [(4, "'title' appears twice")]


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"updated": "2026-01-10", "next_review": "2026-01-10"}, {"updated": date(2026, 1, 10)}),  # same day: fine
        ({"reviewer": "'  Dr Who  '"}, {"reviewer": "Dr Who"}),
        ({"reviewer": '""'}, {"reviewer": ""}),
        ({}, {"reviewer": "", "reviewed": None, "draft": False, "aliases": (), "order": 100}),
        ({"reviewed": "' 2026-01-15 '"}, {"reviewed": date(2026, 1, 15)}),
        ({"draft": "True"}, {"draft": True}),
        ({"draft": "FALSE"}, {"draft": False}),
        ({"order": "' 7 '"}, {"order": 7}),
        ({"tags": f"[{'x' * 40}, '  spaced  ']"}, {"tags": ("x" * 40, "spaced")}),
        ({"aliases": "[old-slug, '  old-two  ']"}, {"aliases": ("old-slug", "old-two")}),
        ({"title": "'  Padded title  '"}, {"title": "Padded title"}),
        ({"title": "x" * 90}, {"title": "x" * 90}),
    ],
)
def test_accepted_values_are_read_as_written(fields, expected):
    metadata = parse_source(PATH, make_article(**fields)).metadata
    assert {name: getattr(metadata, name) for name in expected} == expected


def test_field_lines_point_at_each_key():
    metadata = parse_source(PATH, make_article(order="3")).metadata
    assert dict(metadata.field_lines) == {
        "title": 2,
        "summary": 3,
        "topic": 4,
        "tags": 5,
        "published": 6,
        "updated": 7,
        "next_review": 8,
        "references": 9,
        "order": 17,
    }


# Each reference starts on line 10 (the line of its "- id").
@pytest.mark.parametrize(
    ("references", "problems"),
    [
        ("\n  - just a string", [(10, "each reference must have 'id' and 'citation' fields")]),
        (
            "\n  - id: a\n    citation: C.\n    pmid: '1'\n    year: 2000",
            [(13, "unknown reference field 'year' (allowed: id, citation, doi, pmid, url)")],
        ),
        (
            "\n  - id: a\n    citation: ''\n    pmid: '1'",
            [
                (11, "reference field 'citation' must be a single non-empty value"),
                (10, "each reference must have 'id' and 'citation' fields"),
            ],
        ),
        (
            "\n  - id: a\n    citation: [x]\n    pmid: '1'",
            [
                (11, "reference field 'citation' must be a single non-empty value"),
                (10, "each reference must have 'id' and 'citation' fields"),
            ],
        ),
        (
            "\n  - id: Bad_Id\n    citation: C.\n    url: https://example.org/",
            [(10, "reference id must be lowercase letters, digits and hyphens: 'Bad_Id'")],
        ),
        (
            "\n  - id: a\n    citation: C.\n    doi: https://doi.org/10.1000/x",
            [(10, "doi must look like 10.1234/abc (without https://doi.org/): 'https://doi.org/10.1000/x'")],
        ),
        ("\n  - id: a\n    citation: C.\n    pmid: PMID123", [(10, "pmid must be digits only: 'PMID123'")]),
        (
            "\n  - id: a\n    citation: C.\n    url: www.example.org",
            [(10, "url must start with http:// or https://: 'www.example.org'")],
        ),
        ("\n  - citation: C.\n    pmid: '1'", [(10, "each reference must have 'id' and 'citation' fields")]),
        ("\n  - id: a\n    pmid: '1'", [(10, "each reference must have 'id' and 'citation' fields")]),
        ("\n  - id: a\n    citation: C.", [(10, "reference 'a' needs a doi, pmid or url so readers can check it")]),
        (
            "\n  - id: a\n    citation: C.\n    pmid: '1'\n  - id: a\n    citation: D.\n    pmid: '2'",
            [(13, "reference id 'a' is used twice")],
        ),
        (  # every reference is checked, after a bad one and after a repeated one
            "\n  - id: a\n    citation: C.\n  - id: b\n    citation: D.\n    pmid: '1'\n  - id: b\n    citation: E.\n"
            "    pmid: '2'\n  - id: c\n    citation: F.",
            [
                (10, "reference 'a' needs a doi, pmid or url so readers can check it"),
                (15, "reference id 'b' is used twice"),
                (18, "reference 'c' needs a doi, pmid or url so readers can check it"),
            ],
        ),
    ],
)
def test_each_reference_problem_names_its_line(references, problems):
    assert problems_for(make_article(references=references, body="Text.\n")) == problems


def test_a_reference_is_read_with_its_links_and_line():
    references = "\n  - id: a\n    citation: C.\n    pmid: '1'\n  - id: '  b  '\n    citation: '  D.  '\n" + (
        "    doi: ' 10.1000/x '\n    pmid: '2'\n    url: 'HTTPS://example.org/x'"
    )
    [first, second] = parse_source(PATH, make_article(references=references, body="Text.\n")).metadata.references
    assert (first.id, first.line, first.links) == ("a", 10, (("PubMed 1", "https://pubmed.ncbi.nlm.nih.gov/1/"),))
    assert (second.id, second.citation, second.doi, second.pmid, second.url, second.line) == (
        "b",
        "D.",
        "10.1000/x",
        "2",
        "HTTPS://example.org/x",
        13,
    )
    assert second.links == (
        ("doi:10.1000/x", "https://doi.org/10.1000/x"),
        ("PubMed 2", "https://pubmed.ncbi.nlm.nih.gov/2/"),
        ("Source", "HTTPS://example.org/x"),
    )


@pytest.mark.parametrize(
    ("text", "problems"),
    [
        ("---\ntitle: x\n", [(1, "front matter is never closed: add a '---' line after it")]),
        ("---\n- a\n- b\n---\nbody", [(2, "front matter must be a set of 'key: value' lines")]),
        ("---\n---\nbody", [(2, "front matter must be a set of 'key: value' lines")]),
        (make_article(tags="[a, b"), [(6, "invalid YAML: did not find expected ',' or ']'")]),
        (make_article(summary="a: b: c"), [(3, "invalid YAML: mapping values are not allowed in this context")]),
        (make_article(summary="*nope"), [(3, "invalid YAML: found undefined alias")]),
        (make_article(title="&a y", summary="&a x"), [(3, "invalid YAML: second occurrence")]),
        # U+0085 is a line break to YAML but not to an editor: the line numbers after it stay right.
        ("---\ntitle: a\x85b\nsummary: ok\ntopic: [x\n---\n", [(5, "invalid YAML: did not find expected ',' or ']'")]),
        # A character YAML refuses has no mark: its line is found from the text (after letters of several bytes).
        (make_article(summary="x\x07y"), [(3, f"invalid YAML: unacceptable character #x0007: {CONTROL}")]),
        (
            "---\n\ntitle: x\x07\nsummary: y\x07\n---\n",
            [(3, f"invalid YAML: unacceptable character #x0007: {CONTROL}")],
        ),
        (
            make_article(title="Été 😀", tags="[a, b\x07]"),
            [(5, f"invalid YAML: unacceptable character #x0007: {CONTROL}")],
        ),
    ],
)
def test_a_file_that_cannot_be_read_as_front_matter_says_why(text, problems):
    assert problems_for(text) == problems


def test_file_name_must_be_a_slug():
    assert problems_for(make_article(), Path("content/basics/What Is.md")) == [
        (1, "file name 'What Is.md' must be lowercase words joined by hyphens, ending in .md")
    ]


@pytest.mark.parametrize(
    ("data", "line", "message"),
    [
        (b"x" * (300 * 1024), 1, "file is 300 KiB; an article must be under 256 KiB"),
        (b"\n---\n\xe9 ok\n", 3, "file is not UTF-8 text (invalid continuation byte): save it as UTF-8"),
        (b"---\n\xe9", 2, "file is not UTF-8 text (unexpected end of data): save it as UTF-8"),
    ],
)
def test_a_file_too_large_or_not_utf8_is_refused_with_its_line(tmp_path, data, line, message):
    path = tmp_path / "page.md"
    path.write_bytes(data)
    with pytest.raises(ContentError) as caught:
        read_content_file(path)
    assert caught.value.problems == [Problem(path, line, message)]


def test_a_file_of_exactly_the_limit_is_read(tmp_path):
    path = tmp_path / "page.md"
    path.write_bytes(b"x" * MAX_FILE_BYTES)
    assert read_content_file(path) == "x" * MAX_FILE_BYTES
