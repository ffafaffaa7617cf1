"""
Which article translates which: a translation names its original with `translation_of`.

The default edition (English) is the original; each other edition's Library is checked against it
(`translation_problems`) and asked for counterparts (`counterpart`), for the hreflang alternates,
the language switcher and the "not translated yet" page.
"""

from django.conf import settings

from articles.library import Article, Library, get_library
from articles.problems import WARNING, Problem
from articles.snapshots import PerSnapshot
from core.languages import current_language, other_languages, reverse_in


def _by_original(library: Library) -> dict[str, Article]:
    """A translation edition's articles by the slug of their original (the first one, if two claim it)."""
    found: dict[str, Article] = {}
    for article in sorted(library.articles, key=lambda article: article.path):
        if article.metadata.translation_of:
            found.setdefault(article.metadata.translation_of, article)
    return found


translations_by_original = PerSnapshot(_by_original)


def counterpart(article: Article, language: str) -> Article | None:
    """The same article in `language`: its translation, or its original, or another translation of that."""
    if article.language == language:
        return article
    original_slug = article.slug if article.language == settings.LANGUAGE_CODE else article.metadata.translation_of
    if language == settings.LANGUAGE_CODE:
        return get_library(language).get(original_slug)
    return translations_by_original(get_library(language)).get(original_slug)


def counterparts(article: Article) -> dict[str, Article]:
    """Every edition that has this article, by language (its own included)."""
    found = {article.language: article}
    for language in other_languages(article.language):
        other = counterpart(article, language)
        if other is not None:
            found[language] = other
    return found


def article_url(original_slug: str) -> str:
    """The address of an English article in the page's language: its translation's if it has one."""
    original = get_library(settings.LANGUAGE_CODE).get(original_slug)
    translated = counterpart(original, current_language()) if original is not None else None
    if translated is not None:
        return translated.url
    return reverse_in(settings.LANGUAGE_CODE, "articles:detail", (original_slug,))


def alternates_of(article: Article) -> dict[str, str]:
    """The article's address in every language it exists in (hreflang links, the language switcher)."""
    return {language: other.url for language, other in counterparts(article).items()}


def translation_problems(original: Library, translation: Library) -> list[Problem]:
    """What an editor must hear about one translation edition, checked against the originals."""
    problems, first_for = [], {}
    for article in sorted(translation.articles, key=lambda article: article.path):
        metadata, line = article.metadata, article.metadata.field_lines.get("translation_of", 1)
        if not metadata.translation_of:
            problems.append(Problem(article.path, 1, "a translation needs 'translation_of: <slug of the original>'"))
            continue
        source = original.get(metadata.translation_of)
        if source is None:
            problems.append(Problem(article.path, line, f"translation_of '{metadata.translation_of}' names no article"))
            continue
        if metadata.translation_of in first_for:
            earlier = first_for[metadata.translation_of]
            problems.append(
                Problem(article.path, line, f"'{metadata.translation_of}' is already translated by {earlier}")
            )
            continue
        first_for[metadata.translation_of] = article.path
        problems += _differences(article, source)
    for article in original.articles:
        if article.metadata.translation_of:
            line = article.metadata.field_lines.get("translation_of", 1)
            problems.append(Problem(article.path, line, "translation_of belongs in a translation's front matter only"))
    return problems


def _differences(translated: Article, source: Article) -> list[Problem]:
    problems = []
    if _sources_of(translated) != _sources_of(source):
        line = translated.metadata.field_lines.get("references", 1)
        problems.append(
            Problem(
                translated.path,
                line,
                f"references differ from the original's ({source.path.name}): keep them identical",
            )
        )
    if source.metadata.updated > translated.metadata.updated:
        problems.append(
            Problem(
                translated.path,
                translated.metadata.field_lines.get("updated", 1),
                f"translation out of date: the original was updated on {source.metadata.updated.isoformat()}, "
                f"this translation on {translated.metadata.updated.isoformat()}",
                WARNING,
            )
        )
    return problems


def _sources_of(article: Article) -> tuple:
    """The references as a reader sees them, without the line each is declared on."""
    return tuple((ref.id, ref.citation, ref.doi, ref.pmid, ref.url) for ref in article.metadata.references)


def is_out_of_date(article: Article) -> bool:
    """Whether this translation's original changed after it (the page then says so)."""
    if article.language == settings.LANGUAGE_CODE:
        return False
    original = get_library(settings.LANGUAGE_CODE).get(article.metadata.translation_of)
    return original is not None and original.metadata.updated > article.metadata.updated
