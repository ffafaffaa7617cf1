"""The README is executable: every command in its `sh` blocks runs as written, with no environment
variables, in a fresh copy of the repository that `make setup` (what `make run` does first) prepared."""

import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import REPO, clean_environment

# Commands that serve, wait for work, or run for minutes, or that are this suite itself: the only
# ones not run. A make target, or a manage.py command.
LONG_RUNNING = {
    "make run",
    "make serve",
    "make serve-cached",
    "make test-deploy",
    "make test",
    "make test-postgres",
    "make chaos",
    "make bench",
    "make bench-cache",
    "make bench-inquiries",
    "make load-test",
    "make observatory",
    "make audit",
    "manage.py runserver",
    "manage.py db_worker",
}
# Commands that ask servers on the internet, which no test does; test_check_references.py runs
# `check_references --online` against a server on 127.0.0.1 instead.
NEEDS_THE_INTERNET = {"--online"}
# Commands that wait for a person at the keyboard run with --help instead.
INTERACTIVE = {"createsuperuser"}
SH_BLOCK = re.compile(r"^```sh\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def readme_commands(text: str) -> list[str]:
    """Each command line of each `sh` block, without its trailing comment."""
    commands = []
    for block in SH_BLOCK.findall(text):
        for line in block.splitlines():
            words = shlex.split(line, comments=True)
            if words:
                commands.append(shlex.join(words))
    return commands


def target_of(command: str) -> str:
    """`make run` for a make command, `manage.py db_worker` for a manage.py one."""
    words = shlex.split(command)
    if "manage.py" in words:
        index = words.index("manage.py")
        return " ".join(words[index : index + 2])
    return " ".join(words[:2])


def is_long_running(command: str) -> bool:
    return target_of(command) in LONG_RUNNING


def is_skipped(command: str) -> bool:
    return is_long_running(command) or bool(NEEDS_THE_INTERNET.intersection(shlex.split(command)))


def as_run(command: str) -> str:
    words = shlex.split(command)
    if INTERACTIVE.intersection(words):
        words.append("--help")
    return shlex.join(words)


COMMANDS = readme_commands((REPO / "README.md").read_text(encoding="utf-8"))


def test_the_readme_shows_commands_and_names_what_it_skips():
    assert len(COMMANDS) >= 10
    skipped = {target_of(command) for command in COMMANDS if is_long_running(command)}
    assert {"make run", "make test"} <= skipped
    assert skipped <= LONG_RUNNING


def copy_of_the_repository(destination: Path) -> Path:
    """What a fresh clone of this working tree holds: tracked files and new ones git does not ignore."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=REPO,
        capture_output=True,
        check=True,
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        source = REPO / name
        if source.is_file():
            (destination / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, destination / name)
    # The virtual environment `make setup` would build is this one; building another takes minutes.
    (destination / ".venv").symlink_to(REPO / ".venv")
    return destination


@pytest.fixture(scope="module")
def fresh_copy(tmp_path_factory) -> Path:
    if not (REPO / ".git").exists():
        pytest.skip("needs the git checkout to know which files a clone holds")
    copy = copy_of_the_repository(tmp_path_factory.mktemp("clone"))
    prepared = subprocess.run(
        ["make", "setup"], cwd=copy, env=clean_environment(), capture_output=True, text=True, check=False
    )
    assert prepared.returncode == 0, prepared.stdout + prepared.stderr
    return copy


@pytest.mark.parametrize("command", [c for c in COMMANDS if not is_skipped(c)])
def test_readme_command_runs_as_written(fresh_copy, command):
    result = subprocess.run(
        ["bash", "-c", as_run(command)],
        cwd=fresh_copy,
        env=clean_environment(),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, f"{command}\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}"
    assert "Traceback" not in result.stderr


def run_in(copy: Path, command: list[str], **environment: str) -> subprocess.CompletedProcess:
    """`command` in the fresh copy with nothing but PATH, HOME and `environment`; output as one text."""
    return subprocess.run(
        command,
        cwd=copy,
        env=clean_environment(**environment),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=60,
        check=False,
    )


GUNICORN = [".venv/bin/gunicorn", "-c", "gunicorn.conf.py", "--bind", "127.0.0.1:0"]


def test_serving_refuses_to_start_without_a_secret_key_and_hosts(fresh_copy):
    """gunicorn (what production runs) and the deployment check both refuse a missing secret."""
    no_key = run_in(fresh_copy, GUNICORN)
    assert no_key.returncode != 0 and "DJANGO_SECRET_KEY must be set" in no_key.stdout

    no_hosts = run_in(fresh_copy, GUNICORN, DJANGO_SECRET_KEY="x" * 60)
    assert no_hosts.returncode != 0 and "DJANGO_ALLOWED_HOSTS must be set" in no_hosts.stdout

    deploy = run_in(fresh_copy, [".venv/bin/python", "manage.py", "check", "--deploy"])
    assert deploy.returncode != 0 and "operations.E001" in deploy.stdout
