"""Files as real editors' machines save them load, and their problems are reported on the right line."""

import pytest

from articles.library import load_library
from tests.conftest import make_article

# A field error on a known line: `published` is the 5th line of make_article's front matter.
BAD_DATE = make_article(published="2026-13-01")
BAD_DATE_LINE = 6


def write_bytes(content_dir, relative: str, data: bytes):
    path = content_dir / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("label", "encode"),
    [
        ("windows: CRLF and a byte-order mark", lambda text: b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode()),
        ("old mac: CR only", lambda text: text.replace("\n", "\r").encode()),
        ("trailing spaces after the fences", lambda text: text.replace("---\n", "---  \t\n").encode()),
    ],
)
def test_article_saved_by_another_editor_loads_like_the_plain_one(content_dir, label, encode):
    write_bytes(content_dir, "mechanism/plain.md", make_article().encode())
    write_bytes(content_dir, "mechanism/other.md", encode(make_article()))
    library = load_library(content_dir)
    assert library.problems == (), label
    plain, other = library.get("plain"), library.get("other")
    assert other.metadata == plain.metadata
    assert other.rendered.html == plain.rendered.html.replace("/plain/", "/other/")


@pytest.mark.parametrize(
    "encode",
    [
        lambda text: b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode(),
        lambda text: text.replace("\n", "\r").encode(),
    ],
)
def test_line_numbers_stay_right_with_other_line_endings(content_dir, encode):
    broken = write_bytes(content_dir, "mechanism/broken.md", encode(BAD_DATE))
    [problem] = load_library(content_dir).problems
    assert (problem.path, problem.line) == (broken, BAD_DATE_LINE)
    assert "'published' must be a real date" in problem.message


def test_body_problem_line_is_right_in_a_crlf_file(content_dir):
    body = "## Key points\r\n\r\n- One [@berman2000] and [@zarate2006].\r\n\r\nSee [gone](../basics/missing.md).\r\n"
    text = make_article().split("---\n## Key points")[0].replace("\n", "\r\n") + "---\r\n" + body
    path = write_bytes(content_dir, "mechanism/crlf.md", text.encode())
    [problem] = load_library(content_dir).problems
    body_start = text.split("\r\n").index("---", 1) + 2
    assert (problem.path, problem.line) == (path, body_start + 4)
    assert "link to a missing article" in problem.message


def test_a_line_separator_character_does_not_shift_line_numbers(content_dir):
    text = BAD_DATE.replace("A short plain summary.", "A short\u2028plain summary.")
    broken = write_bytes(content_dir, "mechanism/broken.md", text.encode())
    [problem] = load_library(content_dir).problems
    assert (problem.path, problem.line) == (broken, BAD_DATE_LINE)


def test_a_file_that_is_not_utf8_is_reported_on_the_line_of_the_bad_byte(content_dir):
    text = make_article().replace("Plain text here.", "Plain text \xe9 here.")
    latin1 = write_bytes(content_dir, "mechanism/latin1.md", text.encode("latin-1"))
    write_bytes(content_dir, "mechanism/good.md", make_article().encode())
    library = load_library(content_dir)
    assert list(library.by_slug) == ["good"]
    [problem] = library.problems
    expected_line = text.split("\n").index("Plain text \xe9 here.") + 1
    assert (problem.path, problem.line) == (latin1, expected_line)
    assert "not UTF-8" in problem.message


def test_glossary_saved_on_windows_loads(content_dir):
    yaml_text = "- term: Dissociation\n  definition: Feeling detached.\n"
    write_bytes(content_dir, "glossary.yaml", b"\xef\xbb\xbf" + yaml_text.replace("\n", "\r\n").encode())
    library = load_library(content_dir)
    assert [term.term for term in library.glossary] == ["Dissociation"]
    assert library.problems == ()
