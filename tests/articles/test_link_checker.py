from articles.link_checker import Verdict, check_address, same_host


def test_www_prefix_and_scheme_do_not_make_another_host():
    assert same_host("http://example.org/a", "https://www.example.org/b")
    assert not same_host("https://example.org/a", "https://example.net/a")
    assert not same_host("https://pubmed.ncbi.nlm.nih.gov/1/", "https://ncbi.nlm.nih.gov/1/")


def test_only_http_addresses_are_ever_opened(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("private", encoding="utf-8")
    answer = check_address(secret.as_uri(), timeout=1)
    assert answer.verdict == Verdict.BROKEN
    assert answer.detail == f"leads to {secret.as_uri()}, which is not an http(s) address"
