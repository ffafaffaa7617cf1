import os

from articles.library import get_library, load_library
from tests.conftest import make_article


def bump_mtime(path, seconds=5):
    """Make an edit visible even on file systems with coarse timestamps."""
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + seconds * 1_000_000_000))


def test_loads_and_indexes_articles(write_article, content_dir):
    write_article("mechanism/how-it-works.md")
    write_article("safety/risks.md", topic="safety", title="Risks", tags="[bladder]")
    library = load_library(content_dir)
    assert sorted(library.by_slug) == ["how-it-works", "risks"]
    assert library.get("risks").topic.slug == "safety"
    assert library.problems == ()


def test_broken_file_is_skipped_and_the_rest_still_load(write_article, content_dir):
    write_article("mechanism/good.md")
    broken = write_article("mechanism/broken.md", make_article(published="2026-13-01"))
    library = load_library(content_dir)
    assert list(library.by_slug) == ["good"]
    [problem] = library.problems
    assert problem.path == broken and "'published' must be a real date" in problem.message


def test_duplicate_slug_across_folders_is_reported_and_only_the_first_kept(write_article, content_dir):
    write_article("basics/same.md", topic="basics", title="First")
    second = write_article("safety/same.md", topic="safety", title="Second")
    library = load_library(content_dir)
    assert library.get("same").title == "First"
    assert [(p.path, p.message.split(":")[0]) for p in library.problems] == [(second, "duplicate slug 'same'")]


def test_alias_clashing_with_a_slug_is_reported(write_article, content_dir):
    write_article("basics/one.md", topic="basics")
    write_article("basics/two.md", topic="basics", aliases="[one, old-two]")
    library = load_library(content_dir)
    assert library.aliases == {"old-two": "two"}
    assert any("alias 'one' is already used" in p.message for p in library.problems)


def test_hidden_and_non_markdown_files_are_ignored(write_article, content_dir):
    write_article("basics/real.md", topic="basics")
    write_article("basics/.draft.md", "not even front matter")
    write_article("basics/notes.txt", "scratch")
    assert list(load_library(content_dir).by_slug) == ["real"]


def test_add_edit_rename_and_delete_show_without_restart(write_article, content_dir):
    first = write_article("basics/first.md", topic="basics", title="First title")
    assert list(get_library().by_slug) == ["first"]

    write_article("basics/second.md", topic="basics")
    assert sorted(get_library().by_slug) == ["first", "second"]

    write_article("basics/first.md", topic="basics", title="Edited title")
    bump_mtime(first)
    assert get_library().get("first").title == "Edited title"

    first.rename(first.with_name("renamed.md"))
    assert sorted(get_library().by_slug) == ["renamed", "second"]

    (content_dir / "basics" / "second.md").unlink()
    assert list(get_library().by_slug) == ["renamed"]


def test_unchanged_folder_is_not_reloaded(write_article):
    write_article("basics/first.md", topic="basics")
    assert get_library() is get_library()


def test_changes_are_noticed_only_after_the_check_interval(write_article, settings):
    write_article("basics/first.md", topic="basics")
    settings.CONTENT_CHECK_INTERVAL = 3600
    library = get_library()
    write_article("basics/second.md", topic="basics")
    assert get_library() is library  # not re-scanned within the interval


def test_editing_one_file_renders_only_that_file_again(write_article, content_dir):
    write_article("basics/first.md", topic="basics", title="First")
    write_article("basics/second.md", topic="basics", title="Second")
    before = load_library(content_dir)
    edited = write_article(
        "basics/first.md",
        make_article(topic="basics", title="First", body="## Key points\n\nNew [@berman2000; @zarate2006]\n"),
    )
    bump_mtime(edited)
    after = load_library(content_dir, previous=before)
    assert after.get("second").rendered is before.get("second").rendered
    assert after.get("first").rendered is not before.get("first").rendered
    assert "New" in str(after.get("first").rendered.html)


def test_a_new_article_renders_again_only_the_files_whose_links_it_changes(write_article, content_dir):
    write_article("basics/unrelated.md", topic="basics")
    waiting = "## Key points\n\n- See [the new one](second.md) [@berman2000] [@zarate2006].\n"
    write_article("basics/linking.md", topic="basics", body=waiting)
    before = load_library(content_dir)
    assert [p.message for p in before.problems] == ["link to a missing article: second.md"]

    write_article("basics/second.md", topic="basics")
    after = load_library(content_dir, previous=before)
    assert after.get("unrelated").rendered is before.get("unrelated").rendered
    assert after.get("linking").rendered is not before.get("linking").rendered
    assert 'href="/articles/second/"' in after.get("linking").rendered.html
    assert after.problems == ()


def test_a_link_to_a_missing_section_is_reported_on_its_line(write_article, content_dir):
    write_article("basics/target.md", topic="basics", body="## Key points\n\n- [@berman2000] [@zarate2006]\n")
    body = (
        "## Key points\n\n- One [@berman2000] [@zarate2006].\n\n"
        "[fine](target.md#key-points) and [refs](target.md#references-heading)\n\n"
        "[gone](target.md#no-such-section)\n"
    )
    source = write_article("basics/source.md", topic="basics", body=body)
    library = load_library(content_dir)
    [problem] = library.problems
    assert (problem.path, problem.message) == (source, "link to a missing section: target#no-such-section")
    assert problem.line == source.read_text().split("\n").index("[gone](target.md#no-such-section)") + 1
    assert 'href="/articles/target/#no-such-section"' in library.get("source").rendered.html


def test_renaming_a_heading_reports_the_links_to_it_without_touching_them(write_article, content_dir):
    write_article(
        "basics/target.md", topic="basics", body="## Key points\n\n## Old name\n\n[@berman2000] [@zarate2006]\n"
    )
    source = write_article(
        "basics/source.md",
        topic="basics",
        body="## Key points\n\n[x](target.md#old-name)\n" + "[@berman2000] [@zarate2006]\n",
    )
    first = load_library(content_dir)
    assert first.problems == ()
    write_article(
        "basics/target.md", topic="basics", body="## Key points\n\n## New name\n\n[@berman2000] [@zarate2006]\n"
    )
    [problem] = load_library(content_dir, previous=first).problems
    assert (problem.path, problem.message) == (source, "link to a missing section: target#old-name")
