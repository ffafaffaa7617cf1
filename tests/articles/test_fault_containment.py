"""A failure while one file goes through the pipeline stays with that file: it is reported as
`path:line` and skipped, and every other page keeps answering 200."""

import os

import markdown
import pytest

from articles import batch_render, frontmatter, glossary, library, rendering, sanitizer
from articles.library import get_library, load_library
from tests.conftest import VALID_BODY, make_article

pytestmark = pytest.mark.django_db  # /readyz checks the database too

MARKER = "boom-marker-7f3a"  # only the broken file's body contains it


def breaks_for_marker(original, *, sees_marker):
    """`original`, except that it raises when `sees_marker(args)` says it is handling the broken file."""

    def wrapper(*args, **kwargs):
        if sees_marker(*args, **kwargs):
            raise RuntimeError("injected failure")
        return original(*args, **kwargs)

    return wrapper


def in_path(*args, **kwargs):
    path = kwargs.get("path", args[0] if args else None)
    return MARKER in str(path)


STAGES = {
    # stage: (module, attribute, how the wrapper recognises the broken file)
    "parse": (library, "parse_source", in_path),
    "validate": (frontmatter._Validator, "metadata", lambda self: MARKER in str(self.path)),
    "markdown": (markdown.Markdown, "convert", lambda self, source: MARKER in source),
    "glossary links": (
        glossary.GlossaryLinker,
        "link",
        lambda self, root: any(MARKER in (element.text or "") for element in root.iter()),
    ),
    "article links": (
        rendering._ContractTreeprocessor,
        "rewrite_link",
        lambda self, link: MARKER in str(self.state.path),
    ),
    "hold prechecked links": (
        rendering._HoldPrechecked,
        "run",
        lambda self, root: MARKER in str(self.state.path),
    ),
    "sanitize": (sanitizer, "sanitize", lambda html, held=None: MARKER in html),
    "render": (batch_render, "render_body", lambda **kwargs: MARKER in str(kwargs["path"])),
}


@pytest.fixture
def two_articles(write_article, settings):
    settings.CONTENT_CHECK_INTERVAL = 0
    write_article("mechanism/healthy.md", title="Healthy article")
    body = VALID_BODY + f"\n{MARKER} and a [link](healthy.md).\n"
    return write_article(f"mechanism/broken-{MARKER}.md", make_article(body=body, title="Broken article"))


@pytest.mark.parametrize("stage", STAGES)
def test_a_failure_at_any_stage_skips_only_that_file(client, monkeypatch, two_articles, stage):
    owner, attribute, sees_marker = STAGES[stage]
    monkeypatch.setattr(owner, attribute, breaks_for_marker(getattr(owner, attribute), sees_marker=sees_marker))

    assert client.get("/articles/healthy/").status_code == 200
    assert client.get(f"/articles/broken-{MARKER}/").status_code == 404
    for url in ("/", "/articles/", "/topics/mechanism/", "/search/?q=healthy", "/readyz"):
        assert client.get(url).status_code == 200, url
    [problem] = get_library().problems
    assert problem.path == two_articles
    assert "RuntimeError: injected failure" in problem.message


def test_image_path_escaping_static_is_refused_and_the_site_keeps_serving(client, write_article, settings):
    settings.CONTENT_CHECK_INTERVAL = 0
    write_article("mechanism/healthy.md")
    body = VALID_BODY + "\n![x](/static/../../../../etc/passwd)\n\n![y](/static/img/../../manage.py)\n"
    escaping = write_article("mechanism/escaping.md", make_article(body=body, title="Escaping"))

    for url in ("/", "/articles/healthy/", "/articles/escaping/", "/readyz"):
        assert client.get(url).status_code == 200, url
    page = client.get("/articles/escaping/").content.decode()
    assert "passwd" not in page and "manage.py" not in page
    problems = [p for p in get_library().problems if p.path == escaping]
    assert [p.message for p in problems] == ["images must be files in static/ linked as /static/folder/name.svg"] * 2
    assert problems[0].line == problems[1].line - 2


@pytest.mark.parametrize(
    "src",
    [
        "/static/./img/favicon.svg",
        "/static/img//favicon.svg",
        "/static/https://evil.example/x.svg",
        "/static/img\\..\\..\\x.svg",
        "/static/img/favicon.svg?v=1",
    ],
)
def test_odd_static_paths_are_refused(write_article, content_dir, src):
    write_article("mechanism/odd.md", make_article(body=VALID_BODY + f"\n![odd]({src})\n"))
    article = load_library(content_dir).get("odd")
    assert "<img" in article.rendered.html and "src=" not in article.rendered.html.split("<img", 1)[1].split(">")[0]
    assert any("images must be files in static/" in p.message for p in article.rendered.problems)


def test_a_plain_static_image_still_works(write_article, content_dir):
    write_article("mechanism/plain.md", make_article(body=VALID_BODY + "\n![The site icon](/static/img/favicon.svg)\n"))
    article = load_library(content_dir).get("plain")
    assert 'src="/static/img/favicon.svg"' in article.rendered.html
    assert article.rendered.problems == ()


def test_an_unreadable_file_is_reported(write_article, content_dir, monkeypatch):
    write_article("mechanism/healthy.md")
    locked = write_article("mechanism/locked.md")
    real_read_bytes = type(locked).read_bytes

    def read_bytes(path):
        if path == locked:  # what chmod 0 does for anyone but root (the tests may run as root)
            raise PermissionError(13, "Permission denied")
        return real_read_bytes(path)

    monkeypatch.setattr(type(locked), "read_bytes", read_bytes)
    library = load_library(content_dir)
    assert list(library.by_slug) == ["healthy"]
    assert [(p.path, p.line, p.message) for p in library.problems] == [
        (locked, 1, "file could not be read (Permission denied)")
    ]


def test_a_file_removed_while_the_folder_is_read_is_reported(write_article, content_dir):
    write_article("mechanism/healthy.md")
    doomed = write_article("mechanism/doomed.md")
    fingerprint = library.fingerprint_of(content_dir)
    doomed.unlink()  # gone between looking at the folder and reading the file
    loaded = load_library(content_dir, fingerprint=fingerprint)
    assert list(loaded.by_slug) == ["healthy"]
    [problem] = loaded.problems
    assert problem.path == doomed and "could not be read" in problem.message


@pytest.mark.parametrize(
    ("body", "served", "message"),
    [
        ("> " * 5000 + "deeply quoted\n", True, None),  # deep nesting, which python-markdown handles fast
        ("[" * 20000 + "x" + "]" * 20000 + "\n", False, "this paragraph has over 500 '['"),  # minutes otherwise
        ("".join(f"*[A{i}]: x\n" for i in range(300)), False, "more than 200 abbreviations"),
        ("x" * frontmatter.MAX_FILE_BYTES, False, "an article must be under 256 KiB"),
    ],
    ids=["deep quotes", "many brackets", "many abbreviations", "too large"],
)
def test_pathological_bodies_do_not_take_the_site_down(client, write_article, settings, body, served, message):
    settings.CONTENT_CHECK_INTERVAL = 0
    write_article("mechanism/healthy.md")
    weird = write_article("mechanism/weird.md", make_article(body=VALID_BODY + body))
    assert client.get("/articles/healthy/").status_code == 200
    assert client.get("/readyz").status_code == 200
    assert client.get("/articles/weird/").status_code == (200 if served else 404)
    if message:
        assert any(p.path == weird and message in p.message for p in get_library().problems)


def test_a_folder_that_cannot_be_read_keeps_the_articles_loaded_before(client, write_article, settings, monkeypatch):
    settings.CONTENT_CHECK_INTERVAL = 0
    page = write_article("mechanism/healthy.md")
    assert client.get("/articles/healthy/").status_code == 200

    def folder_fails(*args, **kwargs):
        raise PermissionError("the folder went away")

    monkeypatch.setattr(library, "load_library", folder_fails)
    page.write_text(make_article(title="Changed"), encoding="utf-8")
    os.utime(page, ns=(page.stat().st_atime_ns, page.stat().st_mtime_ns + 5_000_000_000))
    assert client.get("/articles/healthy/").status_code == 200
