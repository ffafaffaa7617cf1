"""One pass over sanitized HTML gives the plain text and the running prose."""

from articles.html_text import read_text


def test_prose_blocks_skip_headings_tables_and_citation_numbers():
    html = (
        "<h2>Key points</h2><ul><li>Short point<sup>[1]</sup></li></ul>"
        "<table><tr><td>Cell text</td></tr></table><p>A full sentence.</p>"
    )
    assert read_text(html).prose_blocks == ("Short point", "A full sentence.")


def test_plain_text_keeps_every_word_and_unescapes_entities():
    text = read_text("<h2>Risks &amp; benefits</h2><p>Less than 5 &lt; 10.</p><table><tr><td>Cell</td></tr></table>")
    assert text.plain == "Risks & benefitsLess than 5 < 10.Cell"


def test_nested_prose_is_one_block_per_item():
    html = "<ul><li>One <em>two</em></li><li>Three</li></ul><dl><dt>Term</dt><dd>Meaning here</dd></dl>"
    assert read_text(html).prose_blocks == ("One two", "Three", "Term", "Meaning here")
