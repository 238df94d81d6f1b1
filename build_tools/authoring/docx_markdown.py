"""The HTML mammoth makes of a Word document, written as the Markdown editors write by hand.

mammoth turns Word's structure (headings, lists, tables, bold, italic, links, images,
footnotes) into a small, regular HTML; this module reads that HTML into a tree and writes it
as Markdown for the site's extensions (tables, footnotes). Anything else mammoth may emit is
kept as its text, so no words are lost and no raw HTML reaches a draft.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = frozenset({"br", "img", "hr"})
BLOCKS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table"})
LIST_INDENT = "    "
"""Python-Markdown nests a list four spaces under its parent item."""
_SPECIAL = re.compile(r"([\\`*_\[\]{}>])")
"""Characters Markdown would read as markup; `<` and `&` are written as entities instead, since
Python-Markdown has no backslash escape for them."""
_LINE_START = re.compile(r"^(\s*)([#>+\-]|\d+[.)])(?=\s|$)")
_NOTE_ID = re.compile(r"^(?:footnote|endnote)-(\d+)$")
_NOTE_REF = re.compile(r"^#(?:footnote|endnote)-(\d+)$")
_SPACES = re.compile(r"[ \t\r\n\u00a0]+")
LINK_SCHEMES = ("http://", "https://")
"""Links kept as links; a document's internal anchors and mailto: are kept as plain text."""


@dataclass
class Node:
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Node | str] = field(default_factory=list)

    def elements(self, *tags: str) -> list[Node]:
        return [c for c in self.children if isinstance(c, Node) and (not tags or c.tag in tags)]


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("root")
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(html_text: str) -> Node:
    builder = _TreeBuilder()
    builder.feed(html_text)
    builder.close()
    return builder.root


def heading_level(node: Node) -> int:
    return int(node.tag[1]) if re.fullmatch(r"h[1-6]", node.tag) else 0


def plain_text(node: Node | str) -> str:
    """The words of a node as a reader sees them, spaces collapsed."""
    if isinstance(node, str):
        return _SPACES.sub(" ", node)
    return _SPACES.sub(" ", "".join(plain_text(child) for child in node.children)).strip()


def markdown(blocks: list[Node | str], heading_shift: int = 0) -> str:
    """The blocks as Markdown, headings moved down by `heading_shift` levels (at most ######)."""
    writer = _Writer(heading_shift)
    parts = [writer.block(block) for block in blocks]
    notes = writer.footnotes()
    text = "\n\n".join(part for part in [*parts, notes] if part.strip())
    return text.strip() + "\n" if text.strip() else ""


class _Writer:
    def __init__(self, heading_shift: int) -> None:
        self.heading_shift = heading_shift
        self.notes: list[tuple[str, str]] = []

    def block(self, node: Node | str) -> str:
        if isinstance(node, str):
            return _escape_line_start(_escape(_SPACES.sub(" ", node)).strip())
        level = heading_level(node)
        if level:
            text = self.inline(node)
            return f"{'#' * min(6, level + self.heading_shift)} {text}" if text else ""
        if node.tag in ("ul", "ol"):
            if node.tag == "ol" and self._collect_notes(node):
                return ""
            return self.list_(node, 0)
        if node.tag == "table":
            return self.table(node)
        if node.tag in ("p", "div", "blockquote"):
            if any(isinstance(c, Node) and c.tag in BLOCKS for c in node.children):
                return "\n\n".join(p for p in (self.block(c) for c in node.children) if p)
            return _escape_line_start(self.inline(node))
        return _escape_line_start(self.inline(node))

    def inline(self, node: Node | str) -> str:
        if isinstance(node, str):
            return _escape(_SPACES.sub(" ", node))
        if node.tag == "br":
            return "\\\n"  # a hard line break, kept inside the paragraph
        if node.tag == "img":
            return f"![{_escape(node.attrs.get('alt', '').strip())}]({node.attrs.get('src', '')})"
        inner = "".join(self.inline(child) for child in node.children)
        if node.tag == "sup" and (ref := self._note_reference(node)):
            return ref
        if node.tag in ("strong", "b", "em", "i"):
            return _wrap(inner, "**" if node.tag in ("strong", "b") else "*")
        if node.tag == "a":
            return self._link(node, inner)
        if heading_level(node) or node.tag in BLOCKS or node.tag == "li":
            return _SPACES.sub(" ", inner).strip()
        return inner

    def _link(self, node: Node, inner: str) -> str:
        href = node.attrs.get("href", "").strip()
        if not inner.strip():
            return ""  # a bookmark: Word's anchors are not the page's
        if href.lower().startswith(LINK_SCHEMES) and not any(c in href for c in " <>()"):
            return f"[{inner.strip()}]({href})"
        return inner

    def _note_reference(self, node: Node) -> str:
        links = node.elements("a")
        found = _NOTE_REF.match(links[0].attrs.get("href", "")) if len(links) == 1 else None
        return f"[^{found.group(1)}]" if found else ""

    def _collect_notes(self, node: Node) -> bool:
        """mammoth's footnotes and endnotes: an <ol> of <li id="footnote-N">, kept for the end."""
        items = node.elements("li")
        if not items or not all(_NOTE_ID.match(i.attrs.get("id", "")) for i in items):
            return False
        for item in items:
            for link in _find(item, "a"):  # the «↑» back to the reference
                if link.attrs.get("href", "").startswith(("#footnote-ref-", "#endnote-ref-")):
                    link.children = []
            number = _NOTE_ID.match(item.attrs["id"]).group(1)  # type: ignore[union-attr]
            self.notes.append((number, _SPACES.sub(" ", self.inline(item)).strip()))
        return True

    def footnotes(self) -> str:
        return "\n".join(f"[^{number}]: {text}" for number, text in self.notes)

    def list_(self, node: Node, depth: int) -> str:
        lines = []
        for number, item in enumerate(node.elements("li"), start=1):
            marker = f"{number}." if node.tag == "ol" else "-"
            words = "".join(self.inline(c) for c in item.children
                            if not (isinstance(c, Node) and c.tag in ("ul", "ol")))
            pad = LIST_INDENT * depth
            lines.append(f"{pad}{marker} {_SPACES.sub(' ', words).strip()}".rstrip())
            for nested in item.elements("ul", "ol"):
                lines.append(self.list_(nested, depth + 1))
        return "\n".join(lines)

    def table(self, node: Node) -> str:
        rows = [[self._cell(cell) for cell in row.elements("td", "th")]
                for row in _find(node, "tr")]
        rows = [row for row in rows if row]
        if not rows:
            return ""
        width = max(len(row) for row in rows)
        rows = [row + [""] * (width - len(row)) for row in rows]
        lines = [_row(rows[0]), _row(["---"] * width), *(_row(row) for row in rows[1:])]
        return "\n".join(lines)

    def _cell(self, cell: Node) -> str:
        parts = [self.inline(child) for child in cell.children]
        text = " ".join(_SPACES.sub(" ", part).strip() for part in parts if part.strip())
        return text.replace("\\\n", " ").replace("|", "\\|")


def _find(node: Node, tag: str) -> list[Node]:
    found = []
    for child in node.elements():
        if child.tag == tag:
            found.append(child)
        found += _find(child, tag)
    return found


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _wrap(inner: str, mark: str) -> str:
    """Emphasis around the words, the spaces Word often puts inside it left outside."""
    stripped = inner.strip()
    if not stripped:
        return inner
    lead = inner[: len(inner) - len(inner.lstrip())]
    trail = inner[len(inner.rstrip()):]
    return f"{lead}{mark}{stripped}{mark}{trail}"


def _escape(text: str) -> str:
    text = text.replace("&", "&amp;").replace("<", "&lt;")
    return _SPECIAL.sub(r"\\\1", text)


def _escape_line_start(text: str) -> str:
    """A paragraph that starts like a heading, a quote or a list item stays a paragraph."""
    def escaped(found: re.Match[str]) -> str:
        mark = found.group(2)
        if mark[0].isdigit():  # «1.» is a number, «1\.» a number that starts no list
            return found.group(1) + mark[:-1] + "\\" + mark[-1]
        return found.group(1) + "\\" + mark

    return _LINE_START.sub(escaped, text.strip())
