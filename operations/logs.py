"""Structured logs: one JSON object per line, so a log collector needs no parsing rules of ours."""

import json
import logging
from datetime import UTC, datetime

# Request details Django attaches to its own records; reduced to what is safe to keep.
_SKIPPED = set(vars(logging.makeLogRecord({}))) | {"message", "asctime", "request", "server_time"}


class JsonLinesFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        request = getattr(record, "request", None)
        if request is not None and hasattr(request, "method"):
            # The path only: query strings may hold what a reader searched for.
            entry.update(method=request.method, path=request.path)
        for key, value in vars(record).items():
            if key not in _SKIPPED and not key.startswith("_"):
                entry[key] = value if isinstance(value, (str, int, float, bool, type(None))) else str(value)
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


class GunicornAccessFormatter(logging.Formatter):
    """gunicorn's access records carry their fields as a mapping in `record.args`; keep a privacy-safe few."""

    def format(self, record: logging.LogRecord) -> str:
        atoms = record.args if isinstance(record.args, dict) else {}
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "method": atoms.get("m"),
            "path": atoms.get("U"),  # no query string, no client address, no user agent
            "status": _as_int(atoms.get("s")),
            "bytes": _as_int(atoms.get("B")),
            "duration_ms": _as_int(atoms.get("M")),
        }
        return json.dumps(entry, ensure_ascii=False)


def _as_int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
