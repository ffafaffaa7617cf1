from pathlib import Path

import pytest

from articles.glossary import Term, load_glossary
from articles.rendering import render_body

TERMS = (
    Term("NMDA receptor", "A receptor for glutamate.", ("NMDA receptors",)),
    Term("Nasal spray", "A medicine sprayed into the nose."),
    Term("Spray", "A fine mist."),
)


def render(body: str):
    return str(
        render_body(path=Path("/c/x.md"), body=body, first_line=1, references=(), slugs_by_path={}, glossary=TERMS).html
    )


def test_first_use_of_each_term_links_to_its_definition():
    html = render("Ketamine blocks NMDA receptors. The NMDA receptor is common.\n")
    assert html.count('class="glossary-term"') == 1
    assert '<a class="glossary-term" href="/glossary/#nmda-receptor">NMDA receptors</a>' in html


def test_longest_name_wins_and_each_term_links_once():
    html = render("A nasal spray is a spray. Another spray.\n")
    assert '<a class="glossary-term" href="/glossary/#nasal-spray">nasal spray</a>' in html
    assert '<a class="glossary-term" href="/glossary/#spray">spray</a>. Another spray.' in html


def test_headings_links_and_code_are_left_alone():
    html = render(
        "## NMDA receptor\n\n[NMDA receptor](https://example.org/) and `NMDA receptor`\n\nNMDA receptor here.\n"
    )
    assert "<h2" in html and '<h2 id="nmda-receptor">NMDA receptor</h2>' in html
    assert html.count('class="glossary-term"') == 1
    assert '<p><a class="glossary-term" href="/glossary/#nmda-receptor">NMDA receptor</a> here.</p>' in html


def test_a_longer_name_that_runs_into_a_word_gives_way_to_the_shorter_one():
    terms = (Term("Nasal", "Of the nose."), Term("Nasal spray", "A medicine sprayed into the nose."))
    body = "Nasal sprayers differ from a NASAL SPRAY.\n"
    html = str(
        render_body(path=Path("/c/x.md"), body=body, first_line=1, references=(), slugs_by_path={}, glossary=terms).html
    )
    assert html == (
        '<p><a class="glossary-term" href="/glossary/#nasal">Nasal</a> sprayers differ from a'
        ' <a class="glossary-term" href="/glossary/#nasal-spray">NASAL SPRAY</a>.</p>'
    )


def test_names_with_accents_are_found_whatever_their_case():
    terms = (Term("Disociación", "Sentirse separado."), Term("Dosis", "Cantidad."))
    body = "La DISOCIACIÓN pasa. Las dosis varían.\n"
    html = str(
        render_body(path=Path("/c/x.md"), body=body, first_line=1, references=(), slugs_by_path={}, glossary=terms).html
    )
    assert '<a class="glossary-term" href="/glossary/#disociacion">DISOCIACIÓN</a>' in html
    assert '<a class="glossary-term" href="/glossary/#dosis">dosis</a>' in html


def test_terms_inside_words_are_not_linked():
    assert "glossary-term" not in render("Sprayed and unsprayable.\n")


def test_glossary_file_problems_are_reported_with_lines(tmp_path):
    path = tmp_path / "glossary.yaml"
    path.write_text(
        "- term: Dose\n  definition: How much.\n- term: dose\n  definition: Again.\n- term: Empty\n  definition: ''\n"
    )
    terms, problems = load_glossary(path)
    assert [term.term for term in terms] == ["Dose"]
    assert [(p.line, p.message) for p in problems] == [
        (3, "'dose' is already in the glossary"),
        (6, "'definition' must be non-empty text"),
    ]


def test_a_glossary_that_is_not_valid_yaml_is_reported_with_its_path_line_and_reason(tmp_path):
    path = tmp_path / "glossary.yaml"
    path.write_text('- term: Dose\n  definition: "How much.\n', encoding="utf-8")
    terms, problems = load_glossary(path)
    assert terms == ()
    assert [(p.path, p.line, p.message) for p in problems] == [
        (path, 3, "invalid YAML: found unexpected end of stream")
    ]


@pytest.mark.django_db
def test_glossary_page_lists_terms_with_anchors(client, content_dir, write_article):
    (content_dir / "glossary.yaml").write_text(
        "- term: Remission\n  also: [remitted]\n  definition: Few or no symptoms.\n"
    )
    write_article("basics/a.md", topic="basics")
    response = client.get("/glossary/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<div id="remission" class="glossary-entry">' in html and "Few or no symptoms." in html
    assert "Also called: remitted" in html


def test_the_real_glossary_loads_cleanly():
    _terms, problems = load_glossary(Path(__file__).resolve().parents[2] / "content" / "glossary.yaml")
    assert problems == []
