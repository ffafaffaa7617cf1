"""
What each address answered in the last day, in a small JSON file.

A file, not Django's cache: the check runs on an editor's machine, where the default cache lives in
one process's memory and is gone when the command ends, and answers about other people's servers do
not belong in the site's shared Redis. It is only a cache: a missing or damaged file means starting
afresh, and only lasting answers are kept (a timeout is asked again next time).
"""

import json
import os
import tempfile
import time
from pathlib import Path

from articles.link_checker import Answer, Verdict

MAX_AGE_SECONDS = 24 * 60 * 60
FORMAT_VERSION = 1


class LinkCache:
    def __init__(self, path: Path, *, now: float | None = None):
        self.path = path
        self.now = time.time() if now is None else now
        self.entries = {address: entry for address, entry in self._read().items() if self._is_fresh(entry)}

    def get(self, address: str) -> Answer | None:
        entry = self.entries.get(address)
        if entry is None:
            return None
        try:
            return Answer(Verdict(entry["verdict"]), str(entry["detail"]))
        except (KeyError, ValueError):
            return None

    def put(self, address: str, answer: Answer) -> None:
        if answer.lasting:
            self.entries[address] = {"at": self.now, "verdict": answer.verdict.value, "detail": answer.detail}

    def clear(self) -> None:
        """Forget every remembered answer, so this run asks every server again."""
        self.entries.clear()

    def save(self) -> None:
        """Replace the file in one step, so a run that is interrupted never leaves half a file."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        data = json.dumps({"version": FORMAT_VERSION, "answers": self.entries}, indent=1, sort_keys=True)
        handle, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=f".{self.path.name}.")
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(data)
        os.replace(temporary, self.path)

    def _is_fresh(self, entry: object) -> bool:
        checked_at = entry.get("at") if isinstance(entry, dict) else None
        return isinstance(checked_at, int | float) and 0 <= self.now - checked_at < MAX_AGE_SECONDS

    def _read(self) -> dict:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict) or data.get("version") != FORMAT_VERSION:
            return {}
        answers = data.get("answers")
        return answers if isinstance(answers, dict) else {}
