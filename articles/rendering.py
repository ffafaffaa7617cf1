"""
Markdown to sanitized HTML, once per file change.

Besides python-markdown's own extensions this module adds what the content contract needs:
`[@key]` citations become numbered links to the reference list, links to other `.md` files
become article URLs, `/static/...` images get their served (hashed) URL and intrinsic size,
and table alignment becomes a class (inline styles are not allowed through the sanitizer).
Every problem found is returned with its line, and the page still renders without it.
"""

import html
import os
import re
import xml.etree.ElementTree as etree  # noqa: N813 - the name python-markdown uses
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import markdown
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.urls import reverse
from django.utils.safestring import SafeString
from django.utils.translation import gettext
from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from articles import sanitizer
from articles.frontmatter import Reference
from articles.glossary import GlossaryLinker, Term
from articles.html_text import NOT_PROSE_TAGS, HtmlText, read_text
from articles.problems import ContentError, Problem, line_of
from embeds.syntax import Embed, EmbedExtension

CITATION_PATTERN = r"\[(@[^\]]*)\]"
CITATION_KEY = re.compile(r"^@([a-z0-9]+(?:-[a-z0-9]+)*)$")
VIEWBOX = re.compile(r'viewBox="\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)\s*"')
ALIGN_STYLE = re.compile(r"text-align:\s*(left|right|center)")
WORDS_PER_MINUTE = 200

MARKDOWN_EXTENSIONS = ["abbr", "admonition", "attr_list", "def_list", "footnotes", "tables", "toc", "sane_lists"]


def markdown_config() -> dict:
    """python-markdown's settings; the footnote link's title is in the active language."""
    return {"toc": {"toc_depth": "2-3"}, "footnotes": {"BACKLINK_TITLE": gettext("Back to the text")}}


@dataclass(frozen=True)
class Heading:
    level: int
    anchor: str
    text: str


@dataclass(frozen=True)
class SectionLink:
    """A link to a section of another article (`other.md#anchor`), checked once every article is rendered."""

    slug: str
    anchor: str
    line: int


# Anchors every article page has besides its headings (templates/articles/article_detail.html).
PAGE_ANCHORS = frozenset({"references-heading", "main"})


@dataclass(frozen=True)
class Rendered:
    html: SafeString
    toc: tuple[Heading, ...]
    references: tuple[Reference, ...]  # in the order they are first cited; uncited ones last
    cited_ids: frozenset[str]
    plain_text: str
    prose_blocks: tuple[str, ...]  # running prose only: no headings, tables or citation numbers
    problems: tuple[Problem, ...]
    parts: tuple[SafeString | Embed, ...] = ()  # `html` split around embedded media, for the template
    section_links: tuple[SectionLink, ...] = ()
    # What each `.md` link resolved to (file, slug or None): a stored render is reused only while
    # every one still resolves the same way (articles/render_cache.py).
    link_targets: tuple[tuple[str, str | None], ...] = ()

    @property
    def anchors(self) -> frozenset[str]:
        return PAGE_ANCHORS | {heading.anchor for heading in self.toc}

    @property
    def word_count(self) -> int:
        return len(self.plain_text.split())

    @property
    def reading_minutes(self) -> int:
        return max(1, round(self.word_count / WORDS_PER_MINUTE))


@dataclass
class _RenderState:
    """What one conversion learns as it goes; shared by the processors of that conversion."""

    path: Path
    body: str
    first_line: int
    references: Mapping[str, Reference]
    slugs_by_path: Mapping[Path, str]
    glossary: tuple[Term, ...] = ()
    cited: list[str] = field(default_factory=list)
    citation_counts: dict[str, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    section_links: list[SectionLink] = field(default_factory=list)
    link_targets: dict[str, str | None] = field(default_factory=dict)
    # Citation and glossary links this conversion built, to be held out of bleach (_HoldPrechecked).
    built: list[etree.Element] = field(default_factory=list)
    held: sanitizer.Placeholders = field(default_factory=sanitizer.Placeholders)
    held_text: dict[str, tuple[str, str]] = field(default_factory=dict)  # placeholder -> plain text, prose text

    def report(self, needle: str, message: str) -> None:
        self.problems.append(Problem(self.path, line_of(self.body, needle, self.first_line), message))

    def number_for(self, key: str) -> int:
        if key not in self.cited:
            self.cited.append(key)
        return self.cited.index(key) + 1


def render_body(
    *,
    path: Path,
    body: str,
    first_line: int,
    references: tuple[Reference, ...],
    slugs_by_path: Mapping[Path, str],
    glossary: tuple[Term, ...] = (),
) -> Rendered:
    """Render one article body. `slugs_by_path` maps every content file (resolved) to its slug;
    the first use of each `glossary` term is linked to its definition. Raises ContentError for a
    body that would take python-markdown minutes (see `_refuse_costly_shapes`)."""
    _refuse_costly_shapes(path, body, first_line)
    state = _RenderState(
        path=path,
        body=body,
        first_line=first_line,
        references={reference.id: reference for reference in references},
        slugs_by_path=slugs_by_path,
        glossary=glossary,
    )
    embeds = EmbedExtension(state.report)
    md = markdown.Markdown(
        extensions=[*MARKDOWN_EXTENSIONS, _ContractExtension(state), embeds],
        extension_configs=markdown_config(),
        output_format="html",
    )
    raw_html = md.convert(body)
    _report_removed_html(state, md)
    for reference in references:
        if reference.id not in state.cited:
            state.problems.append(
                Problem(path, reference.line, f"reference '{reference.id}' is never cited in the text")
            )
    ordered = [state.references[key] for key in state.cited]
    ordered += [reference for reference in references if reference.id not in state.cited]
    safe_html, with_placeholders = sanitizer.sanitize(raw_html, state.held)
    text = _with_held_text(read_text(with_placeholders), state)
    return Rendered(
        html=safe_html,
        toc=tuple(_flatten_toc(md.toc_tokens)),
        references=tuple(ordered),
        cited_ids=frozenset(state.cited),
        plain_text=text.plain,
        prose_blocks=text.prose_blocks,
        problems=tuple(state.problems),
        parts=embeds.parts(safe_html),
        section_links=tuple(state.section_links),
        link_targets=tuple(sorted(state.link_targets.items(), key=lambda item: item[0])),
    )


# python-markdown's bracket matching is quadratic in the '[' of one paragraph: 20,000 of them take
# over a minute. Real paragraphs, tables included, hold a few dozen; these limits sit far above that.
MAX_BRACKETS_PER_BLOCK = 500
MAX_ABBREVIATIONS = 200
BLOCK_BREAK = re.compile(r"\n[ \t]*\n")
ABBREVIATION = re.compile(r"^\*\[[^\]]*\]:", re.MULTILINE)


def _refuse_costly_shapes(path: Path, body: str, first_line: int) -> None:
    problems = []
    for block in BLOCK_BREAK.split(body):
        if block.count("[") > MAX_BRACKETS_PER_BLOCK:
            line = line_of(body, block[:40], first_line) if block.strip() else first_line
            problems.append(Problem(path, line, f"this paragraph has over {MAX_BRACKETS_PER_BLOCK} '[': split it up"))
    if len(ABBREVIATION.findall(body)) > MAX_ABBREVIATIONS:
        problems.append(Problem(path, first_line, f"more than {MAX_ABBREVIATIONS} abbreviations: keep the common ones"))
    if problems:
        raise ContentError(problems)


def _flatten_toc(tokens: list[dict]) -> list[Heading]:
    headings = []
    for token in tokens:
        headings.append(Heading(level=token["level"], anchor=token["id"], text=html.unescape(token["name"])))
        headings.extend(_flatten_toc(token["children"]))
    return headings


def _report_removed_html(state: _RenderState, md: markdown.Markdown) -> None:
    for fragment in md.htmlStash.rawHtmlBlocks:
        if isinstance(fragment, str) and sanitizer.changes(fragment):
            snippet = " ".join(fragment.split())[:60]
            state.report(fragment.strip()[:40], f"the sanitizer removed HTML here: {snippet}")


class _ContractExtension(Extension):
    def __init__(self, state: _RenderState):
        super().__init__()
        self.state = state

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 - python-markdown's API
        # Above the link pattern (160) so "[@key]" is never read as a link.
        md.inlinePatterns.register(_CitationProcessor(CITATION_PATTERN, md, self.state), "citation", 175)
        # After inline processing (priority 20) so links and images exist as elements.
        md.treeprocessors.register(_ContractTreeprocessor(md, self.state), "contract", 15)
        # After every other step that reads the tree (toc is 5), before python-markdown's unescape (0).
        md.treeprocessors.register(_HoldPrechecked(md, self.state), "hold_prechecked", 1)


class _CitationProcessor(InlineProcessor):
    def __init__(self, pattern: str, md: markdown.Markdown, state: _RenderState):
        super().__init__(pattern, md)
        self.state = state

    def handleMatch(self, match: re.Match, data: str):  # noqa: N802 - python-markdown's API
        links = []
        for key_text in (part.strip() for part in match.group(1).split(";")):
            key_match = CITATION_KEY.match(key_text)
            if not key_match or key_match.group(1) not in self.state.references:
                self.state.report(
                    match.group(0), f"citation '{key_text.lstrip('@')}' is not in this article's references"
                )
                continue
            links.append(self.citation_link(key_match.group(1)))
        sup = etree.Element("sup", {"class": "citation" if links else "citation citation-missing"})
        # Atomic: python-markdown would otherwise run every inline pattern again over "[", "1", ", "
        # and "]" of each citation, which cost more than the rest of the citation work.
        sup.text = AtomicString("[" if links else "[?]")
        for index, link in enumerate(links):
            sup.append(link)
            link.tail = AtomicString("]" if index == len(links) - 1 else ", ")
        self.state.built.append(sup)
        return sup, match.start(0), match.end(0)

    def citation_link(self, key: str) -> etree.Element:
        number = self.state.number_for(key)
        count = self.state.citation_counts[key] = self.state.citation_counts.get(key, 0) + 1
        link = etree.Element(
            "a",
            {
                "href": f"#ref-{key}",
                "id": f"cite-{key}-{count}",
                "aria-label": gettext("Reference %(number)d") % {"number": number},
            },
        )
        link.text = AtomicString(str(number))
        return link


class _ContractTreeprocessor(Treeprocessor):
    def __init__(self, md: markdown.Markdown, state: _RenderState):
        super().__init__(md)
        self.state = state

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            if element.tag == "a":
                self.rewrite_link(element)
            elif element.tag == "img":
                self.check_image(element)
            elif element.tag in ("th", "td"):
                self.align_to_class(element)
            elif element.tag == "h1":
                element.tag = "h2"
                self.state.report(
                    f"# {element.text or ''}", "use '##' for sections: the page title is the only top heading"
                )
        linker = GlossaryLinker(self.state.glossary, reverse("articles:glossary"))
        linker.link(root)
        self.state.built.extend(linker.links)

    def rewrite_link(self, link: etree.Element) -> None:
        href = link.get("href", "")
        address, _, anchor = href.partition("#")
        if not address.endswith(".md") or "://" in address:
            return
        target = normalised(self.state.path.parent / PurePosixPath(address))
        slug = self.state.slugs_by_path.get(target)
        self.state.link_targets[str(target)] = slug
        if slug is None:
            self.state.report(href, f"link to a missing article: {address}")
            link.attrib.pop("href")
            return
        url = reverse("articles:detail", args=[slug])
        link.set("href", f"{url}#{anchor}" if anchor else url)
        if anchor:
            line = line_of(self.state.body, href, self.state.first_line)
            self.state.section_links.append(SectionLink(slug=slug, anchor=anchor, line=line))

    def check_image(self, image: etree.Element) -> None:
        src = image.get("src", "")
        if not image.get("alt", "").strip():
            self.state.report(src or "![", "image without alt text: describe what it shows")
        relative = src.removeprefix("/static/")
        if not src.startswith("/static/") or not _is_plain_static_path(relative):
            self.state.report(src or "![", "images must be files in static/ linked as /static/folder/name.svg")
            image.attrib.pop("src", None)
            return
        found = finders.find(relative)
        if not found:
            self.state.report(src, f"image file not found in static/: {relative}")
            return
        image.set("src", staticfiles_storage.url(relative))
        image.set("loading", "lazy")
        image.set("decoding", "async")
        size = VIEWBOX.search(Path(found).read_text(errors="replace")[:2000]) if relative.endswith(".svg") else None
        if size:
            # Intrinsic size lets the browser reserve the space before the image arrives (no layout shift).
            image.set("width", str(round(float(size.group(1)))))
            image.set("height", str(round(float(size.group(2)))))

    @staticmethod
    def align_to_class(cell: etree.Element) -> None:
        alignment = ALIGN_STYLE.search(cell.attrib.pop("style", "") or "")
        if alignment:
            cell.set("class", f"align-{alignment.group(1)}")


# Inside these, html5lib's rules (no link in a link, say) may move a citation: bleach must see it.
CLEANED_WITH_CONTENTS = frozenset({"a", "h1", "h2", "h3", "h4", "h5", "h6"})


class _HoldPrechecked(Treeprocessor):
    """Swaps each citation and glossary link this conversion built for a placeholder of its
    prechecked HTML (sanitizer.prechecked_html), so bleach does not parse it again. One that
    another step changed into something off the allowlist stays in the tree for bleach."""

    def __init__(self, md: markdown.Markdown, state: _RenderState):
        super().__init__(md)
        self.state = state

    def run(self, root: etree.Element) -> None:
        if self.state.built:
            self.hold_within(root, {id(element) for element in self.state.built})

    def hold_within(self, parent: etree.Element, built: set[int]) -> None:
        children = list(parent)
        for index in range(len(children) - 1, -1, -1):  # from the end, so earlier indexes stay put
            child = children[index]
            html = sanitizer.prechecked_html(child) if id(child) in built else None
            if html is None:
                if child.tag not in CLEANED_WITH_CONTENTS:
                    self.hold_within(child, built)
                continue
            placeholder = self.state.held.hold(html)
            plain = "".join(child.itertext())
            self.state.held_text[placeholder] = (plain, "" if child.tag in NOT_PROSE_TAGS else plain)
            text = placeholder + (child.tail or "")
            parent.remove(child)
            if index == 0:
                parent.text = (parent.text or "") + text
            else:
                children[index - 1].tail = (children[index - 1].tail or "") + text


def _with_held_text(text: HtmlText, state: _RenderState) -> HtmlText:
    """The text read from the cleaned HTML while the held pieces were still placeholders (reading
    their markup cost as much as the rest), with each piece's own text put in: all of it in the
    plain text, and in the prose only if the piece is prose (a citation is not)."""
    if not state.held_text:
        return text
    pattern = state.held.pattern
    blocks = (
        " ".join(pattern.sub(lambda match: state.held_text[match[0]][1], block).split()) for block in text.prose_blocks
    )
    return HtmlText(
        plain=pattern.sub(lambda match: state.held_text[match[0]][0], text.plain),
        prose_blocks=tuple(block for block in blocks if block),
    )


def normalised(path: Path) -> Path:
    """`..` and `.` worked out without asking the file system: links and the files they name
    compare as written in the content folder (and a reload stays cheap)."""
    return Path(os.path.normpath(path))


def _is_plain_static_path(relative: str) -> bool:
    """A path that stays inside static/: no '..' or '.' segments, no scheme, query or backslash."""
    parts = relative.split("/")
    return bool(relative) and not any(
        part in ("", ".", "..") or ":" in part or "\\" in part or "?" in part or "#" in part for part in parts
    )
