"""Citation and glossary links skip bleach's second parse, and no page may change because of it."""

import xml.etree.ElementTree as etree  # noqa: N813 - the name python-markdown uses
from pathlib import Path

import pytest
from django.utils.safestring import SafeString

from articles import rendering
from articles.frontmatter import Reference
from articles.glossary import Term
from articles.library import content_dir_for, load_library
from articles.rendering import render_body
from articles.sanitizer import Placeholders, clean, prechecked_html, sanitize

REFERENCES = (
    Reference(id="alpha", citation="Alpha A. First source.", doi="10.1000/alpha", line=1),
    Reference(id="beta", citation="Beta B. Second source.", pmid="123", line=2),
)
TERMS = (Term("Dissociation", "Feeling detached."), Term("Nasal spray", "A medicine sprayed into the nose."))


def element(tag: str, text: str = "", **attributes: str) -> etree.Element:
    made = etree.Element(tag, {name.replace("_", "-"): value for name, value in attributes.items()})
    made.text = text
    return made


def test_prechecked_html_is_what_bleach_would_write():
    sup = element("sup", "[", **{"class": "citation"})
    link = element("a", "1", href="#ref-alpha", id="cite-alpha-1", aria_label="Reference 1")
    link.tail = "]"
    sup.append(link)
    sup.tail = " never part of the element"
    expected = '<sup class="citation">[<a aria-label="Reference 1" href="#ref-alpha" id="cite-alpha-1">1</a>]</sup>'
    assert prechecked_html(sup) == expected == clean(expected)
    assert isinstance(prechecked_html(sup), SafeString)


def test_prechecked_html_escapes_text_and_attribute_values():
    link = element("a", "<b>&", href='/glossary/#x"y', **{"class": "glossary-term"})
    assert prechecked_html(link) == '<a class="glossary-term" href="/glossary/#x&quot;y">&lt;b&gt;&amp;</a>'


@pytest.mark.parametrize(
    "made",
    [
        element("span", "x", onclick="alert(1)"),  # an attribute off the allowlist
        element("script", "alert(1)"),  # a tag off the allowlist
        element("a", "x", href="javascript:alert(1)"),
        element("a", "x", href="https://elsewhere.example/"),  # leaves the site: bleach decides
        element("a", "x", href="//elsewhere.example/"),
        element("a", "x", href="/a\\b"),
        element("a", "\x02wzxhzdk:0\x03"),  # python-markdown's raw-HTML placeholder: must be put back first
    ],
)
def test_anything_off_the_allowlist_is_left_for_bleach(made):
    assert prechecked_html(made) is None


def test_a_child_off_the_allowlist_refuses_the_whole_element():
    sup = element("sup", "[")
    sup.append(element("a", "1", href="#ref-alpha", onmouseover="x()"))
    assert prechecked_html(sup) is None


def test_placeholders_put_held_markup_back_after_cleaning():
    held = Placeholders()
    text = f"<p>Claim {held.hold(SafeString('<sup>1</sup>'))} and <script>x</script></p>"
    html, with_placeholders = sanitize(text, held)
    assert html == "<p>Claim <sup>1</sup> and x</p>"
    assert with_placeholders == "<p>Claim " + held.pattern.pattern.replace("(\\d+)", "0") + " and x</p>"


def test_only_prechecked_markup_can_be_held():
    with pytest.raises(TypeError):
        Placeholders().hold("<script>alert(1)</script>")


def test_an_editor_cannot_forge_a_placeholder():
    forged = "\ue000" + "0" * 16 + ":0\ue001"
    html = str(render_body(path=Path("/c/x.md"), body=f"Text {forged} [@alpha].\n", first_line=1,
                           references=REFERENCES[:1], slugs_by_path={}).html)  # fmt: skip
    assert forged in html  # left as the text it is
    assert html.count("<sup") == 1


EDGE_CASES = """\
## A heading that cites [@alpha]

A [link with a citation [@beta]](https://example.org/) and dissociation [@alpha; @beta].

- **Bold [@alpha]** and *nasal spray* in a list [@beta]{: .extra}
- An attribute list that adds a handler [@alpha]{: onclick="x()"}

| Finding | Source |
| --- | --- |
| Dissociation | [@alpha] |

!!! note "Dissociation [@beta]"
    Inside a callout [@alpha].

Term
:   A definition with nasal spray [@beta].

*[spray]: A fine mist.

A footnote.[^1]

[^1]: The footnote cites [@alpha].

<div class="note">Raw HTML, then text [@beta].</div>
"""


def render_both_ways(monkeypatch, body: str, path: Path, references, slugs_by_path, glossary):
    def render():
        return render_body(path=path, body=body, first_line=1, references=references,
                           slugs_by_path=slugs_by_path, glossary=glossary)  # fmt: skip

    held = render()
    with monkeypatch.context() as patched:
        patched.setattr(rendering._HoldPrechecked, "run", lambda self, root: None)  # everything through bleach
        cleaned = render()
    return held, cleaned


def test_unusual_places_for_citations_render_exactly_as_through_bleach(monkeypatch):
    held, cleaned = render_both_ways(monkeypatch, EDGE_CASES, Path("/c/x.md"), REFERENCES, {}, TERMS)
    assert str(held.html) == str(cleaned.html)
    assert (held.plain_text, held.prose_blocks, held.toc) == (cleaned.plain_text, cleaned.prose_blocks, cleaned.toc)
    assert "onclick" not in str(held.html)
    assert str(held.html).count('class="glossary-term"') == 2


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_real_article_renders_exactly_as_through_bleach(monkeypatch, language, settings):
    content = content_dir_for(Path(settings.BASE_DIR) / "content", language)
    library = load_library(content, language=language)
    slugs = {rendering.normalised(article.path): article.slug for article in library.articles}
    assert len(library.articles) >= 40
    for article in library.articles:
        source = library.entries[article.path].source
        held, cleaned = render_both_ways(
            monkeypatch, source.body, article.path, source.metadata.references, slugs, library.glossary
        )
        assert str(held.html) == str(cleaned.html), article.slug
        assert (held.plain_text, held.prose_blocks) == (cleaned.plain_text, cleaned.prose_blocks), article.slug
