"""The render cache on disk: a restart renders nothing, and nothing stale or foreign is ever served."""

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from articles import batch_render, render_cache
from articles.library import load_library
from articles.render_cache import RenderCache
from tests.conftest import REPO, clean_environment, make_article


@pytest.fixture
def renders(monkeypatch):
    """The paths rendered from Markdown (not taken from memory or disk), in order."""
    rendered = []
    real = batch_render.render_body

    def counting(**kwargs):
        rendered.append(kwargs["path"].name)
        return real(**kwargs)

    monkeypatch.setattr(batch_render, "render_body", counting)
    return rendered


@pytest.fixture
def cache(tmp_path):
    return RenderCache(tmp_path / "renders")


@pytest.fixture
def two_articles(write_article):
    write_article("basics/one.md", topic="basics", title="One")
    write_article("basics/two.md", topic="basics", title="Two")


def test_a_restart_with_unchanged_content_renders_nothing(content_dir, cache, renders, two_articles):
    cold = load_library(content_dir, cache=cache)
    assert sorted(renders) == ["one.md", "two.md"]
    renders.clear()
    warm = load_library(content_dir, cache=cache)  # a new process would start exactly like this
    assert renders == []
    assert warm.get("one").rendered == cold.get("one").rendered


def test_an_edited_file_is_rendered_again_and_the_others_are_not(write_article, content_dir, cache, renders):
    write_article("basics/one.md", topic="basics", title="One")
    write_article("basics/two.md", topic="basics", title="Two")
    load_library(content_dir, cache=cache)
    renders.clear()
    write_article("basics/two.md", make_article(topic="basics", body="## Key points\n\nNew [@berman2000; @zarate2006]"))
    library = load_library(content_dir, cache=cache)
    assert renders == ["two.md"]
    assert "New" in library.get("two").rendered.html


def test_a_new_renderer_version_renders_everything_again(content_dir, cache, renders, two_articles, monkeypatch):
    load_library(content_dir, cache=cache)
    renders.clear()
    monkeypatch.setattr(render_cache, "renderer_version", lambda: "a different sanitizer")
    load_library(content_dir, cache=cache)
    assert sorted(renders) == ["one.md", "two.md"]


def test_the_renderer_version_changes_with_the_sanitizer_code(tmp_path, monkeypatch):
    from articles import sanitizer

    render_cache.renderer_version.cache_clear()
    before = render_cache.renderer_version()
    changed = tmp_path / "sanitizer.py"
    changed.write_text(Path(sanitizer.__file__).read_text().replace('"mark", "small"', '"mark", "small", "iframe"'))
    monkeypatch.setattr(sanitizer, "__file__", str(changed))
    render_cache.renderer_version.cache_clear()
    try:
        assert render_cache.renderer_version() != before
    finally:
        monkeypatch.undo()
        render_cache.renderer_version.cache_clear()
    assert render_cache.renderer_version() == before


def test_a_changed_glossary_renders_everything_again(content_dir, cache, renders, two_articles):
    load_library(content_dir, cache=cache)
    renders.clear()
    (content_dir / "glossary.yaml").write_text("- term: Placebo\n  definition: A dummy treatment.\n", encoding="utf-8")
    load_library(content_dir, cache=cache)
    assert sorted(renders) == ["one.md", "two.md"]


def test_a_cached_render_whose_links_now_resolve_differently_is_not_used(write_article, content_dir, cache, renders):
    body = "## Key points\n\n- See [the other](other.md) [@berman2000] [@zarate2006].\n"
    write_article("basics/linking.md", topic="basics", body=body)
    write_article("basics/plain.md", topic="basics")
    load_library(content_dir, cache=cache)
    write_article("basics/other.md", topic="basics")
    renders.clear()
    library = load_library(content_dir, cache=cache)
    assert sorted(renders) == ["linking.md", "other.md"]
    assert 'href="/articles/other/"' in library.get("linking").rendered.html


def test_a_damaged_entry_is_a_miss_and_is_replaced(content_dir, cache, renders, two_articles):
    load_library(content_dir, cache=cache)
    for entry in cache.folder.rglob("*.pickle"):
        entry.write_bytes(b"not a pickle")
    renders.clear()
    library = load_library(content_dir, cache=cache)
    assert sorted(renders) == ["one.md", "two.md"]
    assert library.problems == ()
    renders.clear()
    load_library(content_dir, cache=cache)
    assert renders == []


def test_an_unwritable_cache_folder_only_costs_speed(content_dir, tmp_path, renders, two_articles):
    blocked = tmp_path / "a-file-not-a-folder"
    blocked.write_text("")
    library = load_library(content_dir, cache=RenderCache(blocked / "renders"))
    assert sorted(library.by_slug) == ["one", "two"] and library.problems == ()


def test_a_cold_start_renders_in_parallel_the_same_html(write_article, content_dir, monkeypatch):
    for index in range(60):
        write_article(f"basics/article-{index}.md", topic="basics", title=f"Article {index}")
    parallel = load_library(content_dir)
    monkeypatch.setattr(batch_render, "PARALLEL_FROM", 10_000)
    serial = load_library(content_dir)
    assert [a.rendered for a in parallel.articles] == [a.rendered for a in serial.articles]


def test_several_processes_share_one_cache_folder(write_article, content_dir, tmp_path):
    for index in range(30):
        write_article(f"basics/article-{index}.md", topic="basics", title=f"Article {index}")
    folder = tmp_path / "shared-renders"
    script = textwrap.dedent(
        """
        import django, sys
        from pathlib import Path
        django.setup()
        from articles.library import load_library
        from articles.render_cache import RenderCache
        library = load_library(Path(sys.argv[1]), cache=RenderCache(Path(sys.argv[2])))
        print(len(library.articles), len(library.problems))
        """
    )
    env = clean_environment(DJANGO_SETTINGS_MODULE="tests.settings", PYTHONPATH=str(REPO))
    workers = [
        subprocess.Popen([sys.executable, "-c", script, str(content_dir), str(folder)], env=env, stdout=subprocess.PIPE)
        for _ in range(4)
    ]
    outputs = [worker.communicate(timeout=120)[0].decode().split()[-2:] for worker in workers]
    assert outputs == [["30", "0"]] * 4
    assert len(list(folder.rglob("*.pickle"))) == 30
    assert not list(folder.rglob(".tmp-*")), "no half-written entry is left behind"
    cache = RenderCache(folder)
    assert all(cache.get(entry.stem) is not None for entry in folder.rglob("*.pickle"))
