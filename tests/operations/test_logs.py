"""Log lines are JSON objects that keep what operators need and drop what readers would not want kept."""

import json
import logging

from django.test import RequestFactory

from operations.logs import GunicornAccessFormatter, JsonLinesFormatter


def record(name="django.request", message="Not Found: %s", args=("/x",), **extra):
    return logging.makeLogRecord({"name": name, "levelname": "WARNING", "msg": message, "args": args, **extra})


def test_a_record_becomes_one_json_line():
    line = JsonLinesFormatter().format(record(status_code=404))
    assert "\n" not in line
    entry = json.loads(line)
    assert entry["level"] == "WARNING" and entry["logger"] == "django.request"
    assert entry["message"] == "Not Found: /x" and entry["status_code"] == 404
    assert entry["time"].endswith("+00:00")


def test_request_is_reduced_to_method_and_path_without_query():
    request = RequestFactory().get("/search/", {"q": "my private worry"}, REMOTE_ADDR="198.51.100.4")
    entry = json.loads(JsonLinesFormatter().format(record(request=request)))
    assert entry["method"] == "GET" and entry["path"] == "/search/"
    assert "private worry" not in json.dumps(entry) and "198.51.100.4" not in json.dumps(entry)


def test_exceptions_are_kept_inside_the_line():
    try:
        raise ValueError("boom")
    except ValueError:
        import sys

        line = JsonLinesFormatter().format(record(exc_info=sys.exc_info()))
    assert "\n" not in line and "ValueError: boom" in json.loads(line)["exception"]


def test_gunicorn_access_lines_keep_no_address_query_or_agent():
    atoms = {"m": "GET", "U": "/search/", "q": "q=worry", "s": "200", "B": "512", "M": "3", "h": "198.51.100.4"}
    atoms["a"] = "Mozilla/5.0"
    access = logging.makeLogRecord({"name": "gunicorn.access", "levelname": "INFO", "msg": "x", "args": ()})
    access.args = atoms
    entry = json.loads(GunicornAccessFormatter().format(access))
    assert entry == {
        "time": entry["time"],
        "level": "INFO",
        "logger": "gunicorn.access",
        "method": "GET",
        "path": "/search/",
        "status": 200,
        "bytes": 512,
        "duration_ms": 3,
    }
