"""`new_article` writes a draft that passes check_content at once, and refuses anything it cannot do cleanly."""

import subprocess
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from articles.frontmatter import add_months
from articles.library import load_library
from tests.conftest import REPO, clean_environment, run_manage


def new_article(*args: str) -> str:
    out = StringIO()
    call_command("new_article", *args, stdout=out)
    return out.getvalue()


def check_content() -> tuple[int, str]:
    out = StringIO()
    try:
        call_command("check_content", stdout=out)
    except SystemExit as exit_:
        return exit_.code, out.getvalue()
    return 0, out.getvalue()


def test_new_article_is_a_draft_with_todays_dates_that_passes_check_content(content_dir):
    output = new_article("--topic", "safety", "Nausea after a session")
    path = content_dir / "safety" / "nausea-after-a-session.md"
    assert f"created {path} " in output
    assert check_content() == (0, "1 articles loaded, 0 errors, 0 warnings\n")
    article = load_library(content_dir).get("nausea-after-a-session")
    today = timezone.localdate()
    meta = article.metadata
    assert (meta.title, meta.topic, meta.draft, meta.reviewer) == ("Nausea after a session", "safety", True, "")
    assert (meta.published, meta.updated, meta.reviewed) == (today, today, today)
    assert meta.next_review == add_months(today, 12)
    assert meta.references == ()
    assert "references: []\n# Replace [] above" in path.read_text(encoding="utf-8")
    assert article.rendered.toc[0].anchor == "key-points"  # what content_report counts as having key points
    assert not article.is_public(today)


def test_title_with_yaml_punctuation_is_kept_exactly(content_dir):
    title = 'Ketamine: "myths" & #facts_about it'
    new_article("--topic", "basics", title)
    article = load_library(content_dir).get("ketamine-myths-facts-about-it")
    assert article.metadata.title == title


def test_slug_option_names_the_file(content_dir):
    new_article("--topic", "treatment", "What a long first session of ketamine treatment is like", "--slug", "first")
    assert (content_dir / "treatment" / "first.md").is_file()


def test_new_article_joins_the_existing_ones_without_problems(write_article, content_dir):
    write_article("safety/side-effects.md", topic="safety")
    new_article("--topic", "safety", "Blood pressure")
    code, output = check_content()
    assert (code, output.splitlines()[-1]) == (0, "2 articles loaded, 0 errors, 0 warnings")


def command_error(*args: str) -> CommandError:
    with pytest.raises(CommandError) as raised:
        new_article(*args)
    assert raised.value.returncode == 2
    return raised.value


def test_slug_taken_in_another_folder_is_refused_and_the_file_left_alone(write_article, content_dir):
    existing = write_article("basics/side-effects.md", topic="basics")
    before = existing.read_bytes()
    error = command_error("--topic", "safety", "Side effects")
    assert str(error) == f"the slug 'side-effects' is taken by {existing}: choose another with --slug"
    assert existing.read_bytes() == before
    assert not (content_dir / "safety").exists()


def test_slug_used_as_an_alias_is_refused(write_article, content_dir):
    owner = write_article("basics/what-is-it.md", topic="basics", aliases="[old-name]")
    error = command_error("--topic", "basics", "Old name")
    assert str(error) == f"the slug 'old-name' is an old address (alias) of {owner}: choose another with --slug"
    assert not (content_dir / "basics" / "old-name.md").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--topic", "cures", "A title"), "unknown topic 'cures' (choose one of: basics, mechanism, treatment,"),
        (("--topic", "safety", "   "), "the title is empty"),
        (("--topic", "safety", "???"), "cannot make a file name from '???': choose one with --slug"),
        (("--topic", "safety", "Fine", "--slug", "Not_A_Slug"), "--slug 'Not_A_Slug' must be lowercase words"),
        (("--topic", "safety", "Long " * 20), "'title' is 99 characters; keep it to 90 or fewer"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_written(content_dir, args, message):
    assert str(command_error(*args)).startswith(message)
    assert list(content_dir.rglob("*")) == []


def test_missing_content_folder_is_refused(settings, tmp_path):
    settings.CONTENT_DIR = tmp_path / "nowhere"
    assert "the content folder" in str(command_error("--topic", "safety", "A title"))
    assert not (tmp_path / "nowhere").exists()


def test_existing_file_is_never_overwritten(content_dir, monkeypatch):
    """Even when the file appears between the slug check and the write (another editor, same title)."""
    target = content_dir / "safety" / "race.md"
    target.parent.mkdir()
    monkeypatch.setattr("articles.scaffold.content_files", lambda folder: [])
    target.write_text("someone else's words", encoding="utf-8")
    assert "already exists; it was left as it is" in str(command_error("--topic", "safety", "Race"))
    assert target.read_text(encoding="utf-8") == "someone else's words"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("--topic", "cures", "A title"), "CommandError: unknown topic 'cures' (choose one of: basics,"),
        (("A title",), "manage.py new_article: the following arguments are required: --topic (see --help)"),
        (("--topic", "safety", "A", "--hue"), "manage.py new_article: unrecognized arguments: --hue (see --help)"),
    ],
)
def test_command_line_mistakes_print_one_line_and_exit_2(args, expected):
    result = run_manage("new_article", *args)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.startswith(expected)
    assert result.stderr.count("\n") == 1


def test_make_target_passes_any_title_through_untouched(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    marker = tmp_path / "ran"
    title = 'It\'s "$5"; $(touch $MARKER) `touch $MARKER`'  # MARKER is set in the environment below
    result = subprocess.run(
        ["make", "-s", "-o", ".venv/.runtime-installed", "new-article", "TOPIC=safety", f"TITLE={title}"],
        cwd=REPO,
        capture_output=True,
        text=True,
        env=clean_environment(CONTENT_DIR=str(content), MARKER=str(marker)),
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    (path,) = content.glob("safety/*.md")
    assert load_library(content).get(path.stem).metadata.title == title
    assert not marker.exists()  # neither make nor the shell ran anything in the title
