"""The Markdown structure rule `make lint` adds to pymarkdown finds what broke our README once."""

import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO

PYMARKDOWN = Path(sys.executable).parent / "pymarkdown"


def lint(tmp_path, text: str) -> list[str]:
    document = tmp_path / "doc.md"
    document.write_text(text, encoding="utf-8")
    result = subprocess.run(
        [PYMARKDOWN, "--add-plugin", "tools/markdown_structure.py", "scan", str(document)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert "BadPluginError" not in result.stdout + result.stderr
    return [line.split(f"{document}:", 1)[1] for line in result.stdout.splitlines() if "KTS001" in line]


def test_a_clean_document_passes(tmp_path):
    text = "# Title\n\n| a | b |\n| --- | --- |\n| x | 1 |\n| y | 1 |\n\n```sh\nls\n```\n"
    assert lint(tmp_path, text) == []


def test_a_fence_left_open_until_the_next_fence_is_found(tmp_path):
    text = "# Title\n\n```sh\nls\n\n## Next section\n\n```sh\npwd\n```\n"
    [problem] = lint(tmp_path, text)
    assert problem.startswith("3:1:") and "code fence is never closed" in problem


def test_a_fence_open_to_the_end_is_found(tmp_path):
    [problem] = lint(tmp_path, "# Title\n\nText.\n\n```sh\nls\n")
    assert problem.startswith("5:1:") and "code fence is never closed" in problem


def test_rows_glued_to_a_paragraph_are_found(tmp_path):
    text = "# Title\n\nA paragraph.\n| `SETTING` | `1` | what it does |\n"
    [problem] = lint(tmp_path, text)
    assert problem.startswith("4:") and "table row outside its table" in problem


def test_a_repeated_row_is_found(tmp_path):
    text = "# Title\n\n| path | holds |\n| --- | --- |\n| `static/` | CSS |\n| `docs/` | text |\n| `static/` | JS |\n"
    [problem] = lint(tmp_path, text)
    assert problem.startswith("7:1:") and "row 'static/' repeats an earlier row" in problem
