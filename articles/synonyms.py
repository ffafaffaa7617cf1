"""
The words readers type, mapped to the words our articles use: `content/synonyms.yaml`.

Each entry is `typed words: [article word, ...]`, for example `vs: [versus, compared]` or
`at home: [telehealth, online]`. The key may be several words; the article words are single
words. Search lets a query word (or phrase) match any of its article words as well as itself.
"""

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from articles.frontmatter import compose_yaml_file
from articles.problems import Problem

SYNONYMS_FILE = "synonyms.yaml"
WORD = re.compile(r"[a-z0-9]+")  # as search splits text: "post-traumatic" is two words


@dataclass(frozen=True)
class Synonym:
    typed: str  # lower case, single spaces
    article_words: tuple[str, ...]
    path: Path
    line: int

    @property
    def typed_words(self) -> tuple[str, ...]:
        return tuple(self.typed.split())


def load_synonyms(path: Path) -> tuple[tuple[Synonym, ...], list[Problem]]:
    """The entries in `path` and any problems; a missing file means no synonyms."""
    node, problems = compose_yaml_file(path)
    if node is None:
        return (), problems
    if not isinstance(node, yaml.MappingNode):
        return (), [Problem(path, 1, "synonyms must be 'typed words: [article word, ...]' lines")]
    synonyms, problems, seen = [], [], set()
    for key_node, value_node in node.value:
        line = key_node.start_mark.line + 1
        typed = " ".join(str(key_node.value).lower().split())
        words = _article_words(value_node)
        if not typed:
            problems.append(Problem(path, line, "a synonym needs the words people type before the ':'"))
        elif words is None:
            problems.append(
                Problem(
                    path, line, f"'{typed}' needs a list of single article words (letters and digits), like [versus]"
                )
            )
        elif typed in seen:
            problems.append(Problem(path, line, f"'{typed}' appears twice"))
        else:
            seen.add(typed)
            synonyms.append(Synonym(typed, words, path, line))
    return tuple(synonyms), problems


def _article_words(node: yaml.Node) -> tuple[str, ...] | None:
    if not isinstance(node, yaml.SequenceNode) or not node.value:
        return None
    words = [item.value.strip().lower() for item in node.value if isinstance(item, yaml.ScalarNode)]
    if len(words) != len(node.value) or not all(WORD.fullmatch(word) for word in words):
        return None
    return tuple(words)
