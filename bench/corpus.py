"""A benchmark corpus of real size and shape: the site's own articles, copied until there are N.

Copy k of `side-effects.md` becomes `side-effects-k.md`, and its links to other articles point to
copy k of those, so every copy keeps its key points, tables, citations, references, glossary terms
and internal links. Aliases are dropped (they would clash between copies).
"""

import re
import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ARTICLE_LINK = re.compile(r"\]\(([^)\s]*?)([a-z0-9-]+)\.md(#[^)\s]*)?\)")
ALIASES = re.compile(r"^aliases:.*\n", re.MULTILINE)
# The Spanish edition (content/es/) is a Library of its own; the corpus is of English articles.
TRANSLATION_FOLDERS = ("es",)


def real_size_corpus(folder: Path, count: int, source: Path = REPO / "content") -> Path:
    originals = sorted(
        path for path in source.rglob("*.md") if path.relative_to(source).parts[0] not in TRANSLATION_FOLDERS
    )
    for extra in ("glossary.yaml", "synonyms.yaml"):
        if (source / extra).is_file():
            shutil.copy(source / extra, folder / extra)
    position = {path.stem: number for number, path in enumerate(originals)}

    def copy_linked(stem: str, copy: int) -> int:
        """The same copy, unless the last, partial copy lacks that article: then the first."""
        return copy if copy * len(originals) + position.get(stem, 0) < count else 0

    for index in range(count):
        original = originals[index % len(originals)]
        copy = index // len(originals)
        text = ALIASES.sub("", original.read_text(encoding="utf-8"))
        text = ARTICLE_LINK.sub(
            lambda link, copy=copy: f"]({link[1]}{link[2]}-{copy_linked(link[2], copy)}.md{link[3] or ''})", text
        )
        target = folder / original.parent.relative_to(source) / f"{original.stem}-{copy}.md"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return folder
