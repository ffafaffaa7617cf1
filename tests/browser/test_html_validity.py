"""The Nu HTML Checker (vnu-jar) on every page type: zero errors. Runs the checker once for all pages."""

import json
import subprocess

import pytest

from tests.browser.conftest import REPO, VNU_JAR, java_available, require_tool
from tests.browser.pages import PAGE_TYPES


@pytest.fixture(scope="module")
def checker_errors(tmp_path_factory, django_db_blocker):
    """{page name: [error messages]} from one run of the checker over every page type."""
    require_tool(java_available(), "Nu HTML Checker needs java and node_modules/vnu-jar: run `make node_modules`")
    from django.test import Client, override_settings

    folder = tmp_path_factory.mktemp("html")
    files = {}
    with django_db_blocker.unblock(), override_settings(CONTENT_DIR=REPO / "content"):
        client = Client()
        for index, (name, path) in enumerate(PAGE_TYPES):
            files[name] = folder / f"page{index}.html"
            files[name].write_bytes(client.get(path).content)
    run = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--format", "json", "--exit-zero-always", *map(str, files.values())],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    messages = json.loads(run.stderr)["messages"]
    by_file = {f"file:{path}": name for name, path in files.items()}
    errors = {name: [] for name in files}
    for message in messages:
        if message["type"] == "error" or message.get("subType") == "fatal":
            errors[by_file[message["url"]]].append(f"{message.get('lastLine')}: {message['message']}")
    return errors


@pytest.mark.parametrize("name", [name for name, _ in PAGE_TYPES])
def test_page_is_valid_html(checker_errors, name):
    assert checker_errors[name] == []
