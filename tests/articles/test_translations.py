"""Translations (content/es/): what check_content says about them, and how their pages link the originals."""

import re

import pytest

from articles.checks import edition_problems
from articles.library import content_dir_for, load_library
from tests.conftest import make_article, run_manage

pytestmark = pytest.mark.django_db

SPANISH_BODY = """\
## Puntos clave

- La ketamina actúa rápido en algunas personas [@berman2000].
- El efecto suele pasar en una semana [@zarate2006; @berman2000].

## Qué pasa

Texto sencillo.
"""


def spanish(**fields: str) -> str:
    values = {"title": "Cómo actúa la ketamina", "summary": "Un resumen breve.", "translation_of": "how-it-works"}
    return make_article(SPANISH_BODY, **{**values, **fields})


@pytest.fixture
def pair(write_article):
    """An English article and its Spanish translation."""
    write_article("mechanism/how-it-works.md")
    write_article("es/mechanism/como-actua.md", spanish(updated="2026-02-01"))


def problems_in(content_dir) -> list[str]:
    libraries = {
        language: load_library(content_dir_for(content_dir, language), language=language) for language in ("en", "es")
    }
    from datetime import date

    return [problem.format(relative_to=content_dir) for problem in edition_problems(libraries, "en", date(2026, 3, 1))]


def test_a_faithful_translation_has_no_problems(pair, content_dir):
    assert problems_in(content_dir) == []


def test_a_translation_of_no_article_is_an_error(write_article, content_dir):
    write_article("mechanism/how-it-works.md")
    write_article("es/mechanism/como-actua.md", spanish(translation_of="no-such-article"))
    line = spanish(translation_of="no-such-article").split("\n").index("translation_of: no-such-article") + 1
    assert problems_in(content_dir) == [
        f"es/mechanism/como-actua.md:{line}: translation_of 'no-such-article' names no article"
    ]


def test_two_translations_of_one_article_are_an_error(pair, write_article, content_dir):
    write_article("es/mechanism/otra.md", spanish(title="Otra traducción"))
    found = problems_in(content_dir)
    assert len(found) == 1
    assert found[0].startswith("es/mechanism/otra.md:")
    assert found[0].endswith(
        "'how-it-works' is already translated by " + str(content_dir / "es/mechanism/como-actua.md")
    )


def test_references_that_differ_from_the_original_are_an_error(write_article, content_dir):
    write_article("mechanism/how-it-works.md")
    changed = spanish().replace("Arch Gen Psychiatry. 2006.", "Arch Gen Psychiatry. 2007.")
    write_article("es/mechanism/como-actua.md", changed)
    line = next(number for number, text in enumerate(changed.split("\n"), 1) if text.startswith("references:"))
    assert problems_in(content_dir) == [
        f"es/mechanism/como-actua.md:{line}: references differ from the original's (how-it-works.md): "
        "keep them identical"
    ]


def test_a_translation_older_than_its_original_is_a_warning(write_article, content_dir):
    write_article("mechanism/how-it-works.md", updated="2026-02-20")
    write_article("es/mechanism/como-actua.md", spanish(updated="2026-02-01"))
    line = spanish().split("\n").index("updated: 2026-02-01") + 1
    assert problems_in(content_dir) == [
        f"es/mechanism/como-actua.md:{line}: warning: translation out of date: the original was updated on "
        "2026-02-20, this translation on 2026-02-01"
    ]


def test_a_translation_must_name_its_original_and_an_original_must_not(write_article, content_dir):
    write_article("mechanism/how-it-works.md", translation_of="something")
    untranslated = make_article(SPANISH_BODY, drop=("translation_of",), title="Cómo actúa la ketamina")
    write_article("es/mechanism/como-actua.md", untranslated)
    found = problems_in(content_dir)
    assert "es/mechanism/como-actua.md:1: a translation needs 'translation_of: <slug of the original>'" in found
    assert any(p.startswith("mechanism/how-it-works.md:") and "belongs in a translation" in p for p in found)


def test_check_content_counts_both_editions_and_fails_on_a_translation_error(write_article, content_dir):
    write_article("mechanism/how-it-works.md")
    write_article("es/mechanism/como-actua.md", spanish(translation_of="missing"))
    result = run_manage("check_content", CONTENT_DIR=str(content_dir), CONTENT_CACHE_DIR="")
    assert result.returncode == 1
    assert "translation_of 'missing' names no article" in result.stdout
    assert result.stdout.splitlines()[-1] == "2 articles loaded (1 en, 1 es), 1 errors, 0 warnings"


def test_the_english_edition_never_reads_the_spanish_folder(pair, content_dir):
    english = load_library(content_dir)
    assert [article.slug for article in english.articles] == ["how-it-works"]


# The pages.


def alternates(html: str) -> dict[str, str]:
    return dict(re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)">', html))


def test_each_edition_links_the_other_with_hreflang_both_ways(pair, client, settings):
    english = client.get("/articles/how-it-works/").content.decode()
    translated = client.get("/es/articulos/como-actua/").content.decode()
    expected = {
        "en": f"{settings.SITE_URL}/articles/how-it-works/",
        "es": f"{settings.SITE_URL}/es/articulos/como-actua/",
        "x-default": f"{settings.SITE_URL}/articles/how-it-works/",
    }
    assert alternates(english) == alternates(translated) == expected
    assert '<html lang="es"' in translated and '<html lang="en"' in english
    assert '<meta property="og:locale" content="es_US">' in translated
    assert '"inLanguage":"es-US"' in translated and '"inLanguage":"en-US"' in english


def test_the_language_switcher_goes_to_the_counterpart_not_the_home_page(pair, client):
    english = client.get("/articles/how-it-works/").content.decode()
    translated = client.get("/es/articulos/como-actua/").content.decode()
    assert '<a href="/es/articulos/como-actua/" hreflang="es" lang="es">Español</a>' in english
    assert '<a href="/articles/how-it-works/" hreflang="en" lang="en">English</a>' in translated


def test_an_article_without_translation_switches_to_the_other_home_page(write_article, client):
    write_article("mechanism/how-it-works.md")
    html = client.get("/articles/how-it-works/").content.decode()
    assert '<a href="/es/" hreflang="es" lang="es">Página de inicio (español)</a>' in html
    assert alternates(html) == {}


def test_a_spanish_address_for_an_untranslated_article_is_a_404_that_links_the_english(write_article, client):
    write_article("mechanism/how-it-works.md")
    response = client.get("/es/articulos/how-it-works/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="es"' in html
    assert '<a href="/articles/how-it-works/" hreflang="en" lang="en">How ketamine works</a>' in html


def test_a_spanish_address_with_the_english_slug_redirects_to_the_translation(pair, client):
    response = client.get("/es/articulos/how-it-works/")
    assert (response.status_code, response["Location"]) == (301, "/es/articulos/como-actua/")


def test_an_out_of_date_translation_says_so_and_links_the_english(write_article, client):
    write_article("mechanism/how-it-works.md", updated="2026-02-20")
    write_article("es/mechanism/como-actua.md", spanish(updated="2026-02-01"))
    html = client.get("/es/articulos/como-actua/").content.decode()
    assert "La versión en inglés de este artículo cambió" in html
    assert '<a href="/articles/how-it-works/" hreflang="en" lang="en">' in html
    fresh = client.get("/articles/how-it-works/").content.decode()
    assert "notice-review" not in fresh


def test_the_translation_says_how_it_was_made(pair, client):
    translated = client.get("/es/articulos/como-actua/").content.decode()
    english = client.get("/articles/how-it-works/").content.decode()
    assert "es una traducción del artículo en inglés" in translated
    assert "translation of the English article" not in english


def test_each_feed_is_in_its_own_language(pair, client):
    english = client.get("/feed/").content.decode()
    translated = client.get("/es/feed/").content.decode()
    assert 'xml:lang="en"' in english and "How ketamine works" in english and "Cómo actúa" not in english
    assert (
        'xml:lang="es"' in translated
        and "Cómo actúa la ketamina" in translated
        and "How ketamine works" not in translated
    )


def test_the_sitemap_lists_each_article_with_its_alternates(pair, client, settings):
    xml = client.get("/sitemap.xml").content.decode()
    en_url, es_url = f"{settings.SITE_URL}/articles/how-it-works/", f"{settings.SITE_URL}/es/articulos/como-actua/"
    for location in (en_url, es_url):
        entry = re.search(rf"<url><loc>{re.escape(location)}</loc>.*?</url>", xml).group(0)
        assert f'<xhtml:link rel="alternate" hreflang="en" href="{en_url}"/>' in entry
        assert f'<xhtml:link rel="alternate" hreflang="es" href="{es_url}"/>' in entry
        assert f'<xhtml:link rel="alternate" hreflang="x-default" href="{en_url}"/>' in entry


def test_search_finds_only_the_visitors_language_and_folds_accents(pair, client):
    translated = client.get("/es/buscar/", {"q": "actua"}).content.decode()  # typed without the accent
    assert '<a href="/es/articulos/como-actua/">Cómo actúa la ketamina</a>' in translated
    assert "/articles/how-it-works/" not in translated.split("<main")[1]
    english = client.get("/search/", {"q": "ketamine"}).content.decode()
    assert "/es/articulos/" not in english.split("<main")[1]
