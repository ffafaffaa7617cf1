"""
`check_references`, offline and online. The online tests ask a real HTTP server on 127.0.0.1 (a free
port) that answers 200, redirects, 404, 410, 503 or never; the DOI and PubMed resolvers are pointed at
it, so no test ever leaves this machine.
"""

import json
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.conftest import make_article, run_manage

ELSEWHERE = "http://elsewhere.invalid/new-home"
ROUTES = {
    "/ok": (200, None),
    "/same-host": (301, "/ok"),
    "/other-host": (301, ELSEWHERE),
    "/missing": (404, None),
    "/gone": (410, None),
    "/busy": (503, None),
    "/loop": (302, "/loop"),
    "/doi/10.1000/registered": (302, "https://publisher.invalid/article/1"),
    "/doi/10.1000/unregistered": (404, None),
    "/pubmed/10686270/": (200, None),
    "/pubmed/99999999/": (404, None),
}


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        server = self.server
        with server.lock:
            server.hits[self.path] += 1
            server.in_flight += 1
            server.most_in_flight = max(server.most_in_flight, server.in_flight)
        try:
            self.answer()
        finally:
            with server.lock:
                server.in_flight -= 1

    def answer(self):
        if self.path == "/silent":
            self.server.release.wait(30)  # never answers while the test runs
            return
        if self.path.startswith("/slow/"):
            time.sleep(0.2)
        status, location = ROUTES.get(self.path, (200, None) if self.path.startswith("/slow/") else (404, None))
        self.send_response(status)
        if location:
            self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


class Server(ThreadingHTTPServer):
    request_queue_size = 64  # every worker's connection is accepted at once, never left to a SYN retry


@pytest.fixture
def server():
    httpd = Server(("127.0.0.1", 0), Handler)
    httpd.hits, httpd.lock, httpd.release = Counter(), threading.Lock(), threading.Event()
    httpd.in_flight = httpd.most_in_flight = 0
    httpd.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.release.set()
    httpd.shutdown()
    httpd.server_close()


def references_yaml(references: dict[str, dict[str, str]]) -> str:
    entries = []
    for key, fields in references.items():
        lines = [f"  - id: {key}", f'    citation: "Source {key}."'] + [f"    {k}: {v}" for k, v in fields.items()]
        entries.append("\n".join(lines))
    return "\n" + "\n".join(entries)


def write_cited(write_article, relative_path: str, references: dict[str, dict[str, str]]):
    """An article citing every reference given; returns its path and the line of each reference."""
    body = "## Key points\n\n- " + " ".join(f"[@{key}]" for key in references) + "\n"
    text = make_article(body=body, topic=relative_path.split("/")[0], references=references_yaml(references))
    path = write_article(relative_path, text)
    lines = {key: text[: text.index(f"  - id: {key}\n")].count("\n") + 1 for key in references}
    return path, lines


def run_check(*args: str) -> tuple[int, list[str]]:
    out = StringIO()
    try:
        call_command("check_references", *args, stdout=out)
        code = 0
    except SystemExit as exit_:
        code = exit_.code
    return code, out.getvalue().splitlines()


def online(server, tmp_path, *args: str) -> tuple[int, list[str]]:
    return run_check(
        "--online",
        "--timeout",
        "0.5",
        "--doi-resolver",
        f"{server.base}/doi/",
        "--pubmed-resolver",
        f"{server.base}/pubmed/",
        "--cache-file",
        str(tmp_path / "cache" / "answers.json"),
        *args,
    )


# Offline


def test_offline_names_each_malformed_identifier_on_its_reference_line(write_article, server):
    path, lines = write_cited(
        write_article,
        "safety/risks.md",
        {
            "fine": {"doi": "10.1016/S0006-3223(99)00230-9", "pmid": "10686270", "url": f"{server.base}/missing"},
            "dotted": {"doi": "10.1000/abc."},
            "dashed": {"doi": "10.1000/abc\u2013def"},
            "zero": {"pmid": '"0123"'},
        },
    )
    code, output = run_check()
    assert code == 1
    assert output == [
        f"{path}:{lines['dotted']}: reference 'dotted': doi ends with '.', probably punctuation copied from"
        " the citation",
        f"{path}:{lines['dashed']}: reference 'dashed': doi contains '\u2013' (EN DASH); type it with plain ASCII",
        f"{path}:{lines['zero']}: reference 'zero': pmid must be 1 to 8 digits with no leading zero, e.g. 10686270,"
        " not '0123'",
        "1 articles, 4 references (3 DOIs, 2 PMIDs, 1 URLs), 3 errors, 0 warnings",
    ]
    assert server.hits == Counter()  # offline is the default: no link was followed


def test_offline_reports_files_whose_front_matter_keeps_their_references_unchecked(write_article):
    write_article("safety/fine.md", topic="safety")
    broken, lines = write_cited(write_article, "safety/broken.md", {"x": {"doi": "bad"}})
    code, output = run_check()
    assert code == 1
    assert output == [
        f"{broken}:{lines['x']}: doi must look like 10.1234/abc (without https://doi.org/): 'bad'",
        "1 articles, 2 references (1 DOIs, 2 PMIDs, 0 URLs), 1 errors, 0 warnings",
    ]


def test_paths_limit_the_check(write_article, content_dir):
    write_cited(write_article, "safety/bad.md", {"dotted": {"doi": "10.1000/abc."}})
    write_article("basics/fine.md", topic="basics")
    assert run_check(str(content_dir / "basics"))[0] == 0
    assert run_check(str(content_dir / "safety" / "bad.md"))[0] == 1


def test_missing_path_or_content_folder_exits_2(content_dir, settings, tmp_path):
    with pytest.raises(CommandError, match="no such file or folder") as raised:
        run_check(str(content_dir / "nope"))
    assert raised.value.returncode == 2
    settings.CONTENT_DIR = tmp_path / "nowhere"
    with pytest.raises(CommandError, match=r"the content folder .* does not exist") as raised:
        run_check()
    assert raised.value.returncode == 2


def test_the_real_content_passes_offline_as_an_editor_runs_it():
    result = run_manage("check_references")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[-1].endswith(", 0 errors, 0 warnings")


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("--timeout", "soon"), "argument --timeout: must be a number of seconds above 0 and at most 120, not 'soon'"),
        (("--workers", "0"), "argument --workers: must be a whole number from 1 to 32, not '0'"),
        (("--doi-resolver", "ftp://x/"), "argument --doi-resolver: must be an http:// or https:// address"),
        (("--everything",), "unrecognized arguments: --everything"),
    ],
)
def test_bad_flags_print_one_line_and_exit_2(args, expected):
    result = run_manage("check_references", *args)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.startswith(f"manage.py check_references: {expected}")
    assert result.stderr.count("\n") == 1


def test_missing_path_on_the_command_line_is_one_line_too():
    result = run_manage("check_references", "content/no-such-topic")
    assert (result.returncode, result.stderr) == (2, "CommandError: no such file or folder: content/no-such-topic\n")


# Online


def test_online_reports_dead_links_moves_and_timeouts_on_their_reference_lines(write_article, server, tmp_path):
    base = server.base
    path, lines = write_cited(
        write_article,
        "research/trials.md",
        {
            "ok": {"url": f"{base}/ok"},
            "same-host": {"url": f"{base}/same-host"},
            "other-host": {"url": f"{base}/other-host"},
            "missing": {"url": f"{base}/missing"},
            "gone": {"url": f"{base}/gone"},
            "silent": {"url": f"{base}/silent"},
            "loop": {"url": f"{base}/loop"},
            "registered": {"doi": "10.1000/registered", "pmid": "10686270"},
            "unregistered": {"doi": "10.1000/unregistered", "pmid": "99999999"},
        },
    )
    code, output = online(server, tmp_path)
    assert code == 1
    assert output == [
        f"{path}:{lines['other-host']}: warning: reference 'other-host' (url) {base}/other-host"
        f" redirects to another host: {ELSEWHERE}",
        f"{path}:{lines['missing']}: reference 'missing' (url) {base}/missing answered 404",
        f"{path}:{lines['gone']}: reference 'gone' (url) {base}/gone answered 410",
        f"{path}:{lines['silent']}: reference 'silent' (url) {base}/silent did not answer within 0.5 s",
        f"{path}:{lines['loop']}: reference 'loop' (url) {base}/loop redirects more than 5 times",
        f"{path}:{lines['unregistered']}: reference 'unregistered' (doi) {base}/doi/10.1000/unregistered answered 404",
        f"{path}:{lines['unregistered']}: reference 'unregistered' (pmid) {base}/pubmed/99999999/ answered 404",
        "1 articles, 9 references (2 DOIs, 2 PMIDs, 7 URLs), 6 errors, 1 warnings;"
        " 11 addresses checked online (0 answered in the last day)",
    ]
    assert server.hits["/ok"] == 2  # once itself, once at the end of the same-host redirect
    assert server.hits["/doi/10.1000/registered"] == 1  # the resolver's redirect is the answer


def test_a_moved_link_alone_is_a_warning_and_exits_0(write_article, server, tmp_path):
    write_cited(write_article, "research/trials.md", {"moved": {"url": f"{server.base}/other-host"}})
    code, output = online(server, tmp_path)
    assert code == 0
    assert output[-1].startswith("1 articles, 1 references (0 DOIs, 0 PMIDs, 1 URLs), 0 errors, 1 warnings")


def test_an_address_cited_twice_is_asked_once_and_reported_at_both(write_article, server, tmp_path):
    first, _ = write_cited(write_article, "research/one.md", {"dead": {"url": f"{server.base}/missing"}})
    second, _ = write_cited(write_article, "safety/two.md", {"dead-too": {"url": f"{server.base}/missing"}})
    code, output = online(server, tmp_path)
    assert code == 1
    assert server.hits["/missing"] == 1
    assert [line.split(":")[0] for line in output[:2]] == sorted([str(first), str(second)])


def test_answers_are_remembered_for_a_day_except_passing_failures(write_article, server, tmp_path):
    base = server.base
    write_cited(
        write_article,
        "research/trials.md",
        {"ok": {"url": f"{base}/ok"}, "missing": {"url": f"{base}/missing"}, "busy": {"url": f"{base}/busy"}},
    )
    first = online(server, tmp_path)
    second = online(server, tmp_path)
    assert first[1][:-1] == second[1][:-1]  # the same problems, from memory
    assert second[1][-1].endswith("3 addresses checked online (2 answered in the last day)")
    assert (server.hits["/ok"], server.hits["/missing"], server.hits["/busy"]) == (1, 1, 2)  # a 503 is asked again

    cache_file = tmp_path / "cache" / "answers.json"
    data = json.loads(cache_file.read_text(encoding="utf-8"))
    data["answers"][f"{base}/ok"]["at"] -= 25 * 60 * 60
    cache_file.write_text(json.dumps(data), encoding="utf-8")
    online(server, tmp_path)
    assert (server.hits["/ok"], server.hits["/missing"]) == (2, 1)

    online(server, tmp_path, "--refresh")
    assert (server.hits["/ok"], server.hits["/missing"]) == (3, 2)


def test_a_damaged_cache_file_is_ignored_and_replaced(write_article, server, tmp_path):
    write_cited(write_article, "research/trials.md", {"ok": {"url": f"{server.base}/ok"}})
    cache_file = tmp_path / "cache" / "answers.json"
    cache_file.parent.mkdir()
    cache_file.write_text("{not json", encoding="utf-8")
    assert online(server, tmp_path)[0] == 0
    assert server.hits["/ok"] == 1
    assert f"{server.base}/ok" in json.loads(cache_file.read_text(encoding="utf-8"))["answers"]


def test_at_most_workers_links_are_asked_at_once(write_article, server, tmp_path):
    references = {f"slow-{n}": {"url": f"{server.base}/slow/{n}"} for n in range(12)}
    write_cited(write_article, "research/trials.md", references)
    assert online(server, tmp_path, "--workers", "3")[0] == 0
    assert sum(server.hits.values()) == 12
    assert 2 <= server.most_in_flight <= 3
