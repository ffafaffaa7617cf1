import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.conftest import make_article, run_manage


def run_check(*paths) -> tuple[int, list[str]]:
    from io import StringIO

    out = StringIO()
    try:
        call_command("check_content", *[str(p) for p in paths], stdout=out)
        code = 0
    except SystemExit as exit_:
        code = exit_.code
    return code, out.getvalue().splitlines()


def test_clean_folder_exits_zero(write_article):
    write_article("basics/fine.md", topic="basics")
    assert run_check() == (0, ["1 articles loaded, 0 errors, 0 warnings"])


def test_every_kind_of_problem_is_printed_as_path_line_message(write_article, content_dir):
    write_article("basics/fine.md", topic="basics")
    write_article("basics/bad-yaml.md", "---\ntitle: x\nsummary: [unclosed\n---\n")
    write_article("basics/bad-date.md", topic="basics", updated="2026-02-31")
    body = (
        "## Key points\n\n- [@berman2000] [@ghost]\n\n[away](../safety/missing.md)\n\n"
        "![](/static/img/favicon.svg)\n\n<iframe src=x></iframe>\n"
    )
    write_article("basics/body.md", make_article(body=body, topic="basics"))
    code, lines = run_check()
    assert code == 1
    problems = [line for line in lines if ".md:" in line]
    path = str(content_dir / "basics")
    assert any(line.startswith(f"{path}/bad-yaml.md:4: invalid YAML") for line in problems)
    assert f"{path}/bad-date.md:7: 'updated' must be a real date written YYYY-MM-DD, not '2026-02-31'" in problems
    for expected in [
        "body.md:14: reference 'zarate2006' is never cited in the text",
        "body.md:20: citation 'ghost' is not in this article's references",
        "body.md:22: link to a missing article: ../safety/missing.md",
        "body.md:24: image without alt text: describe what it shows",
        "body.md:26: the sanitizer removed HTML here: <iframe src=x></iframe>",
    ]:
        assert f"{path}/{expected}" in problems
    assert lines[-1] == "2 articles loaded, 7 errors, 0 warnings"


def test_overdue_review_is_a_warning_not_an_error(write_article):
    write_article(
        "basics/old.md", topic="basics", published="2024-01-01", updated="2024-01-01", next_review="2024-06-01"
    )
    code, lines = run_check()
    assert code == 0
    assert lines[0].endswith("old.md:8: warning: review overdue: next_review was 2024-06-01")


def test_paths_limit_the_report(write_article, content_dir):
    write_article("basics/bad.md", topic="basics", topic_typo="x")
    write_article("safety/fine.md", topic="safety")
    assert run_check(content_dir / "safety")[0] == 0
    assert run_check(content_dir / "basics")[0] == 1


def test_missing_path_is_a_usage_error(content_dir):
    with pytest.raises(CommandError, match="no such file or folder"):
        call_command("check_content", str(content_dir / "nope"))


def test_the_real_content_folder_passes():
    """Every file shipped in content/ must be clean, run as an editor runs it."""
    result = run_manage("check_content")
    assert result.returncode == 0, result.stdout + result.stderr
    assert " 0 errors" in result.stdout


QUESTIONS_BODY = """\
## Key points

- Short answers [@berman2000] [@zarate2006].

## Before you start

### Is it approved?

Esketamine is. [Read more](answer.md#approval).

### Does it hurt?

Nobody has asked a source yet.

## During a session

### How long is a session?

About two hours. See
[the session](answer.md#session-length).
"""


def test_a_question_without_a_link_to_its_section_is_an_error(write_article):
    write_article(
        "basics/answer.md",
        topic="basics",
        body="## Key points\n\n## Approval\n\n## Session length\n\n[@berman2000] [@zarate2006]\n",
    )
    page = write_article("basics/questions-people-ask.md", topic="basics", body=QUESTIONS_BODY)
    code, lines = run_check()
    line = page.read_text().split("\n").index("### Does it hurt?") + 1
    assert code == 1
    assert f"{page}:{line}: question 'Does it hurt?' links to no section" in lines
    assert sum("links to no section" in entry for entry in lines) == 1


def test_a_question_linking_to_a_missing_section_is_an_error(write_article):
    write_article(
        "basics/answer.md", topic="basics", body="## Key points\n\n## Approval\n\n[@berman2000] [@zarate2006]\n"
    )
    write_article(
        "basics/questions-people-ask.md",
        topic="basics",
        body=QUESTIONS_BODY.replace("Nobody has asked a source yet.", "[x](answer.md#approval)"),
    )
    code, lines = run_check()
    assert code == 1
    assert any(line.endswith("link to a missing section: answer#session-length") for line in lines)
