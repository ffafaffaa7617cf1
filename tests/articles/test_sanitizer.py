"""Raw HTML in an article can never run code or restyle the page, whatever an editor pastes."""

from pathlib import Path

import pytest

from articles.rendering import render_body

HOSTILE_INPUTS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    '<img src="x" onerror="alert(1)">',
    '<p onclick="alert(1)">click</p>',
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](jav&#x09;ascript:alert(1))",
    "[click](&#106;avascript:alert(1))",
    '<a href="javascript&colon;alert(1)">x</a>',
    '<a href="  javascript:alert(1)">x</a>',
    '<iframe src="https://evil.example"></iframe>',
    '<form action="https://evil.example"><input name="q"></form>',
    "<style>body{display:none}</style>",
    '<p style="background:url(javascript:alert(1))">x</p>',
    '<svg onload="alert(1)"><circle r="5"/></svg>',
    "<svg><script>alert(1)</script></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<math href="javascript:alert(1)">x</math>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    '<object data="x.swf"></object><embed src="x.swf">',
    '<base href="https://evil.example/">',
    '<meta http-equiv="refresh" content="0;url=https://evil.example">',
    "<!--[if IE]><script>alert(1)</script><![endif]-->",
    "<div><img src=x onerror=alert(1)//</div>",
]

FORBIDDEN = ["<script", "onerror", "onload", "onclick", "javascript:", "data:", "<iframe", "<form", "<input",
             "<style", "style=", "<svg", "<math", "<object", "<embed", "<base", "<meta"]  # fmt: skip


def render(body: str):
    return render_body(path=Path("/content/x.md"), body=body, first_line=1, references=(), slugs_by_path={})


@pytest.mark.parametrize("hostile", HOSTILE_INPUTS)
def test_hostile_markup_is_neutralised(hostile):
    html = str(render(f"Some text.\n\n{hostile}\n\nMore text.\n").html).lower()
    for fragment in FORBIDDEN:
        assert fragment not in html, f"{fragment!r} survived in {html!r}"
    assert "some text." in html  # what came before is kept (unclosed tags may swallow what follows)


def test_removed_html_is_reported_with_its_line():
    rendered = render("Line one.\n\n<script>alert(1)</script>\n")
    [problem] = rendered.problems
    assert problem.line == 3
    assert problem.message.startswith("the sanitizer removed HTML here: <script>")


def test_harmless_html_passes_without_a_report():
    rendered = render('Water is <abbr title="dihydrogen monoxide">H2O</abbr>.\n')
    assert '<abbr title="dihydrogen monoxide">H2O</abbr>' in rendered.html
    assert rendered.problems == ()


REMOVED = "the sanitizer removed HTML here: "


@pytest.mark.parametrize(
    ("html", "report"),
    [
        ('<p onclick="go()">Tap</p>', REMOVED + '<p onclick="go()">Tap</p>'),  # an attribute
        ("<my_tag>x</my_tag>", REMOVED + "<my_tag>"),  # a tag whose name is more than letters and digits
        ("<!-- a note for editors -->", REMOVED + "<!-- a note for editors -->"),
        ('<a href="javascript:alert(1)">x</a>', REMOVED + '<a href="javascript:alert(1)">'),
        ('<a href="data:text/html,x">x</a>', REMOVED + '<a href="data:text/html,x">'),
        ('<a href="vbscript:msgbox(1)">x</a>', REMOVED + '<a href="vbscript:msgbox(1)">'),
        ('<a href="file:///etc/passwd">x</a>', REMOVED + '<a href="file:///etc/passwd">'),
        ('<a href="ftp://example.org/f">x</a>', REMOVED + '<a href="ftp://example.org/f">'),
        ('<a href="tel:988">988</a>', None),
        ('<div class="note">Kept as written.</div>', None),
        ('<abbr title="x">H2O', None),  # unclosed: the parser closes it, nothing is removed
    ],
)
def test_the_editor_is_told_exactly_when_html_is_removed(html, report):
    rendered = render(f"Intro.\n\n{html}\n")
    assert [(problem.line, problem.message) for problem in rendered.problems] == ([(3, report)] if report else [])


def test_safe_links_survive():
    html = str(render("[NIMH](https://www.nimh.nih.gov/) and [call](tel:988) and [mail](mailto:a@b.org)").html)
    assert 'href="https://www.nimh.nih.gov/"' in html and 'href="tel:988"' in html and 'href="mailto:a@b.org"' in html
