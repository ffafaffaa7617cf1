"""
A new draft article that passes `check_content` as written: Hugo's `hugo new`, for this site.

The file is a draft (staff see it, readers do not) because its summary and body are placeholders:
publishing it by accident would put a page of instructions in front of patients.
"""

import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.utils.text import slugify

from articles.frontmatter import SLUG_PATTERN, add_months, parse_source
from articles.library import Library, content_files
from articles.problems import ContentError
from articles.topics import TOPICS_BY_SLUG

TEMPLATE = """\
---
title: {title}
summary: "Replace this with one or two plain sentences: what a reader will learn here."
topic: {topic}
tags: []
published: {today}
updated: {today}
reviewed: {today}
next_review: {next_review}
reviewer: ""
# Readers see this page only once you delete the next line. Set the dates above to that day too.
draft: true
references: []
# Replace [] above with one entry per source, and cite each in the text as [@smith2024]:
#   - id: smith2024
#     citation: "Smith A, Jones B. Title of the paper. Journal. 2024;12(3):45-67."
#     doi: 10.1000/example
#     pmid: "12345678"
#     url: https://www.example.org/page
---
## Key points

- Write 3 to 5 short points a reader should remember, each backed by a cited source.

## Questions to ask your care team

- Write questions a reader could take to an appointment, or delete this section.
"""


class ScaffoldError(Exception):
    """Why a new article cannot be created; the message is for the editor."""


@dataclass(frozen=True)
class NewArticle:
    path: Path
    text: str


def slug_from_title(title: str) -> str:
    """Lowercase ASCII words joined by single hyphens, as file names must be."""
    return re.sub(r"-{2,}", "-", slugify(title).replace("_", "-")).strip("-")


def new_article(
    library: Library, content_dir: Path, *, topic: str, title: str, today: date, slug: str = ""
) -> NewArticle:
    """The path and text of a new article, validated by the same rules as every other file."""
    if topic not in TOPICS_BY_SLUG:
        raise ScaffoldError(f"unknown topic {topic!r} (choose one of: {', '.join(TOPICS_BY_SLUG)})")
    title = " ".join(title.split())
    if not title:
        raise ScaffoldError("the title is empty: give the article's title in quotes")
    if slug and not SLUG_PATTERN.match(slug):
        raise ScaffoldError(f"--slug {slug!r} must be lowercase words joined by hyphens, e.g. side-effects")
    slug = slug or slug_from_title(title)
    if not slug:
        raise ScaffoldError(f"cannot make a file name from {title!r}: choose one with --slug, e.g. --slug side-effects")
    _refuse_taken_slug(library, content_dir, slug)
    path = content_dir / topic / f"{slug}.md"
    # JSON strings are valid YAML double-quoted strings, so any title survives colons, quotes and '#'.
    text = TEMPLATE.format(
        title=json.dumps(title, ensure_ascii=False),
        topic=topic,
        today=today.isoformat(),
        next_review=add_months(today, 12).isoformat(),
    )
    try:
        parse_source(path, text)
    except ContentError as error:  # e.g. a title over the length limit
        raise ScaffoldError(error.problems[0].message) from None
    return NewArticle(path=path, text=text)


def write_new_article(article: NewArticle) -> None:
    """Create the file; never overwrite one that appeared meanwhile."""
    article.path.parent.mkdir(exist_ok=True)
    try:
        with article.path.open("x", encoding="utf-8") as file:
            file.write(article.text)
    except FileExistsError:
        raise ScaffoldError(f"{article.path} already exists; it was left as it is") from None


def _refuse_taken_slug(library: Library, content_dir: Path, slug: str) -> None:
    # Every file counts, including ones that do not load, because the slug must be unique across folders.
    for existing in content_files(content_dir):
        if existing.stem == slug:
            raise ScaffoldError(f"the slug {slug!r} is taken by {existing}: choose another with --slug")
    if slug in library.aliases:
        owner = library.by_slug[library.aliases[slug]].path
        raise ScaffoldError(f"the slug {slug!r} is an old address (alias) of {owner}: choose another with --slug")
