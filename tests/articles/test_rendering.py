from pathlib import Path

from articles.frontmatter import Reference
from articles.rendering import render_body

CONTENT = Path("/content")
REFERENCES = (
    Reference(id="alpha", citation="Alpha A. First source.", doi="10.1000/alpha", line=8),
    Reference(id="beta", citation="Beta B. Second source.", pmid="123", line=11),
    Reference(id="gamma", citation="Gamma G. Never cited.", url="https://example.org/", line=14),
)
ROUTES = CONTENT / "treatment" / "administration-routes.md"


def render(body: str, path: Path = CONTENT / "mechanism" / "x.md", first_line: int = 20, references=REFERENCES):
    return render_body(
        path=path,
        body=body,
        first_line=first_line,
        references=references,
        slugs_by_path={ROUTES: "administration-routes"},
    )


def test_citations_are_numbered_in_order_of_first_use():
    rendered = render("First [@beta]. Then [@alpha; @beta].\n", references=REFERENCES[:2])
    html = str(rendered.html)
    assert '<a aria-label="Reference 1" href="#ref-beta" id="cite-beta-1">1</a>' in html
    assert '<a aria-label="Reference 2" href="#ref-alpha" id="cite-alpha-1">2</a>' in html
    assert 'id="cite-beta-2"' in html  # a second citation of beta gets its own anchor
    assert [reference.id for reference in rendered.references] == ["beta", "alpha"]
    assert rendered.problems == ()


def test_unknown_citation_key_is_an_error_on_its_line():
    rendered = render("Line one.\n\nA claim [@nobody].\n", references=REFERENCES[:1])
    messages = [(p.line, p.message) for p in rendered.problems]
    assert (22, "citation 'nobody' is not in this article's references") in messages
    assert "citation-missing" in str(rendered.html)


def test_uncited_reference_is_reported_at_its_declaration():
    rendered = render("Cites [@alpha] and [@beta].\n")
    assert [(p.line, p.message) for p in rendered.problems] == [(14, "reference 'gamma' is never cited in the text")]
    assert [reference.id for reference in rendered.references] == ["alpha", "beta", "gamma"]


def test_relative_link_to_another_article_becomes_its_url():
    html = str(render("See [routes](../treatment/administration-routes.md#iv) [@alpha; @beta; @gamma].\n").html)
    assert 'href="/articles/administration-routes/#iv"' in html


def test_link_to_missing_article_is_an_error_and_loses_its_href():
    rendered = render("Text.\nSee [gone](../treatment/gone.md) [@alpha; @beta; @gamma].\n")
    assert [(p.line, p.message) for p in rendered.problems] == [(21, "link to a missing article: ../treatment/gone.md")]
    assert "gone.md" not in str(rendered.html)


def test_image_needs_alt_text_and_a_static_file():
    rendered = render(
        "![](/static/img/favicon.svg)\n\n![A chart](https://cdn.example/x.png)\n\n[@alpha; @beta; @gamma]\n"
    )
    messages = [p.message for p in rendered.problems]
    assert "image without alt text: describe what it shows" in messages
    assert "images must be files in static/ linked as /static/folder/name.svg" in messages
    assert "cdn.example" not in str(rendered.html)


def test_static_image_gets_its_intrinsic_size_to_avoid_layout_shift():
    html = str(render("![Site logo](/static/img/favicon.svg) [@alpha; @beta; @gamma]\n").html)
    assert 'width="32"' in html and 'height="32"' in html and 'alt="Site logo"' in html


def test_headings_get_anchors_and_a_table_of_contents():
    rendered = render("## Key points\n\ntext [@alpha; @beta; @gamma]\n\n### Detail & more\n\n## Risks\n")
    assert [(h.level, h.anchor, h.text) for h in rendered.toc] == [
        (2, "key-points", "Key points"),
        (3, "detail-more", "Detail & more"),
        (2, "risks", "Risks"),
    ]
    assert '<h2 id="key-points">' in str(rendered.html)


def test_top_level_heading_is_demoted_and_reported():
    rendered = render("# Second title\n\n[@alpha; @beta; @gamma]\n")
    assert "<h1" not in str(rendered.html)
    assert [p.line for p in rendered.problems] == [20]


def test_markdown_features_render():
    body = """\
| Route | Bioavailability |
|:------|----------------:|
| IV    | 100% |

Term
:   Its definition.

!!! warning "Take care"
    Do not drive.

A note[^1] about the FDA.

[^1]: The footnote.

*[FDA]: Food and Drug Administration

[@alpha; @beta; @gamma]
"""
    html = str(render(body).html)
    assert '<td class="align-right">100%</td>' in html and "style=" not in html
    assert "<dl>" in html and "<dd>" in html
    assert '<div class="admonition warning">' in html and '<p class="admonition-title">Take care</p>' in html
    assert 'class="footnote"' in html
    assert '<abbr title="Food and Drug Administration">FDA</abbr>' in html


def test_reading_time_and_plain_text():
    rendered = render(("word " * 450) + "[@alpha; @beta; @gamma]\n")
    assert rendered.reading_minutes == 2
    assert "<" not in rendered.plain_text
