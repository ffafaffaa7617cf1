"""
The glossary: one YAML file of terms, shown at /glossary/ and linked from articles.

`content/glossary.yaml` is a list of entries with `term`, `definition` and optional `also` (other
forms of the term found in articles). The first use of each term in an article becomes a link to
its definition; that happens at render time, once per file change, like the rest of the Markdown.
"""

import re
import xml.etree.ElementTree as etree  # noqa: N813 - the name python-markdown uses
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import yaml
from django.utils.text import slugify

from articles.frontmatter import compose_yaml_file
from articles.problems import Problem

GLOSSARY_FILE = "glossary.yaml"
FIELDS = ("term", "definition", "also")
# Elements whose text is never linked: headings, links, code, citations and callout titles.
SKIPPED_TAGS = frozenset({"a", "abbr", "code", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "sup", "dt"})


@dataclass(frozen=True)
class Term:
    term: str
    definition: str
    also: tuple[str, ...] = ()

    @cached_property  # asked for at every use of the term in every article
    def slug(self) -> str:
        return slugify(self.term)

    @property
    def names(self) -> tuple[str, ...]:
        return (self.term, *self.also)


def load_glossary(path: Path) -> tuple[tuple[Term, ...], list[Problem]]:
    """The terms in `path` (sorted A to Z) and any problems; a missing file is an empty glossary."""
    node, problems = compose_yaml_file(path)
    if node is None:
        return (), problems
    if not isinstance(node, yaml.SequenceNode):
        return (), [Problem(path, 1, "the glossary must be a list of entries starting with '- term:'")]
    terms, problems, owner = [], [], {}
    for entry in node.value:
        term, entry_problems = _term_from(path, entry)
        problems += entry_problems
        if term is None:
            continue
        clashes = [name for name in term.names if name.lower() in owner]
        if clashes:
            problems.append(Problem(path, entry.start_mark.line + 1, f"'{clashes[0]}' is already in the glossary"))
            continue
        owner.update({name.lower(): term for name in term.names})
        terms.append(term)
    return tuple(sorted(terms, key=lambda t: t.term.lower())), problems


def _term_from(path: Path, entry: yaml.Node) -> tuple[Term | None, list[Problem]]:
    line = entry.start_mark.line + 1
    if not isinstance(entry, yaml.MappingNode):
        return None, [Problem(path, line, "each glossary entry needs 'term' and 'definition'")]
    fields, problems = {}, []
    for key_node, value_node in entry.value:
        key = key_node.value
        if key not in FIELDS:
            problems.append(Problem(path, key_node.start_mark.line + 1, f"unknown glossary field '{key}'"))
        elif key == "also":
            names = [
                item.value.strip() for item in getattr(value_node, "value", []) if isinstance(item, yaml.ScalarNode)
            ]
            if not isinstance(value_node, yaml.SequenceNode) or not all(names):
                problems.append(Problem(path, value_node.start_mark.line + 1, "'also' must be a list of names"))
            fields["also"] = tuple(name for name in names if name)
        elif not isinstance(value_node, yaml.ScalarNode) or not value_node.value.strip():
            problems.append(Problem(path, value_node.start_mark.line + 1, f"'{key}' must be non-empty text"))
        else:
            fields[key] = value_node.value.strip()
    if not problems and ("term" not in fields or "definition" not in fields):
        problems.append(Problem(path, line, "each glossary entry needs 'term' and 'definition'"))
    if problems:
        return None, problems
    return Term(**fields), []


class GlossaryLinker:
    """Links the first use of each term in one article's element tree to its definition."""

    def __init__(self, terms: tuple[Term, ...], glossary_url: str):
        self.url = glossary_url
        self.term_for, self.pattern = _matcher(terms)
        self.linked: set[str] = set()
        self.links: list[etree.Element] = []  # every link made, in the order made

    def link(self, root: etree.Element) -> None:
        if self.term_for:
            self._link_within(root)

    def _link_within(self, parent: etree.Element) -> None:
        parent.text, new_links = self._split(parent.text)
        for offset, link in enumerate(new_links):
            parent.insert(offset, link)
        index = len(new_links)
        while index < len(parent):
            child = parent[index]
            if child.tag not in SKIPPED_TAGS and "admonition-title" not in child.get("class", ""):
                self._link_within(child)
            child.tail, new_links = self._split(child.tail)
            for offset, link in enumerate(new_links, start=1):
                parent.insert(index + offset, link)
            index += 1 + len(new_links)

    def _split(self, text: str | None) -> tuple[str | None, list[etree.Element]]:
        """Text before the first new link, and the links (each carrying the text after it as its tail)."""
        if not text:
            return text, []
        head, links, last = text, [], 0
        for match in self.pattern.finditer(text):
            term = self.term_for[match.group(0).lower()]
            if term.slug in self.linked:
                continue
            self.linked.add(term.slug)
            before = text[last : match.start()]
            if links:
                links[-1].tail = before
            else:
                head = before
            link = etree.Element("a", {"class": "glossary-term", "href": f"{self.url}#{term.slug}"})
            link.text = match.group(0)
            links.append(link)
            self.links.append(link)
            last = match.end()
        if links:
            links[-1].tail = text[last:]
        return head, links


@lru_cache(maxsize=8)  # one glossary per edition; built once per process, not per article
def _matcher(terms: tuple[Term, ...]) -> tuple[dict[str, Term], re.Pattern]:
    """Every name (lower case) with its term, and one pattern that finds any of them as a whole word.

    The names go into the pattern as a trie ("nasal(?: spray)?"), so the regex engine follows one
    branch per character instead of trying every name at every position of the text (an
    alternation of all the names cost more than the rest of rendering). The longest name that
    ends at a word boundary wins: "nasal spray" before "nasal"."""
    term_for = {name.lower(): term for term in terms for name in term.names}
    trie: dict = {}
    for name in term_for:
        node = trie
        for character in name:
            node = node.setdefault(character, {})
        node[""] = {}  # a name ends here
    return term_for, re.compile(rf"(?<![\w-])(?:{_trie_pattern(trie)})(?![\w-])", re.IGNORECASE)


def _trie_pattern(node: dict) -> str:
    branches = [re.escape(character) + _trie_pattern(child) for character, child in sorted(node.items()) if character]
    if not branches:
        return ""
    pattern = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    return f"(?:{pattern})?" if "" in node else pattern  # greedy: the longer name is tried first
