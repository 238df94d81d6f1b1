"""What an entry's Markdown body turns into: headings, links, images and every HTML element.

The body is converted once, as MkDocs converts a page with the Markdown extensions of mkdocs.yml,
so that the checks see what the site will show, attribute lists (`{: onclick=… }`) and raw HTML
included; the page then reuses that HTML instead of converting the body a second time.
Python-Markdown keeps no source positions; each element is placed on the first source line,
outside code blocks, that contains what the editor wrote for it (the link address, the attribute
name, the tag).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urlsplit

import markdown
from markdown.serializers import _escape_attrib
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE

from .slugs import heading_slug

MARKDOWN_EXTENSIONS = ("toc", "tables", "admonition", "attr_list", "md_in_html", "footnotes",
                       "def_list", "pymdownx.details", "pymdownx.superfences")
"""The extensions of mkdocs.yml's markdown_extensions (a test keeps the two lists equal)."""

PAGE_EXTENSIONS = tuple(dict.fromkeys(("toc", "tables", "fenced_code", *MARKDOWN_EXTENSIONS)))
"""What MkDocs converts pages with: its three built-in extensions first, then mkdocs.yml's."""
EXTENSION_CONFIGS: dict[str, dict[str, Any]] = {
    "toc": {"permalink": True, "permalink_title": "Ссылка на этот раздел",
            "slugify": heading_slug},
    "tables": {"use_align_attribute": True},
}
"""mkdocs.yml's `markdown_extensions` settings; the page reuses the HTML only while equal."""

LINK_TOKEN = re.compile("\x02kb-link:(\\d+)\x03")
"""Stands in the converted body for an address MkDocs rewrites relative to the page."""

_FENCE = re.compile(r"^\s*(```|~~~)")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!])")
"""Markdown's backslash escapes: `\\\\host` in the source is `\\host` in the page."""


@dataclass(frozen=True)
class Element:
    """One HTML element of the converted body, with the body line it came from (1-based)."""

    tag: str
    attrs: dict[str, str]
    line: int


@dataclass(frozen=True)
class Heading:
    anchor: str
    text: str
    line: int


@dataclass
class Outline:
    """The parts of a converted body that checks look at."""

    elements: list[Element] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)
    anchors: set[str] = field(default_factory=set)
    """Every id on the page: headings, footnotes, ids from attribute lists."""
    html: str | None = None
    """The converted body, a LINK_TOKEN for each local address; None: the page converts it."""
    page_links: list[str] = field(default_factory=list)
    """The addresses the tokens stand for, by number, as MkDocs' link rewriter receives them."""
    toc_tokens: list[dict[str, Any]] = field(default_factory=list)

    def links(self) -> list[Element]:
        return [e for e in self.elements if e.tag == "a" and "href" in e.attrs]

    def images(self) -> list[Element]:
        return [e for e in self.elements if e.tag == "img"]


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, {name: value or "" for name, value in attrs}))


class _Lines:
    """Finds the source line of a piece of text, skipping fenced code.

    Elements come in document order, so the search starts where the previous one was found
    and wraps around (footnotes and link definitions stand at the end of the source). Lines
    are searched with entities and backslash escapes decoded, as the converted page has them.
    """

    def __init__(self, body: str) -> None:
        self.lines: list[str] = []
        in_code = False
        for line in body.split("\n"):
            fence = bool(_FENCE.match(line))
            shown = html.unescape(_ESCAPE.sub(r"\1", line)).lower()
            self.lines.append("" if in_code or fence else shown)
            in_code = in_code != fence
        self._text = "\n".join(self.lines)
        self._line, self._column = 0, 0

    def find(self, *needles: str) -> int:
        """The 1-based line of the first needle found, or 1."""
        order = [*range(self._line, len(self.lines)), *range(self._line + 1)]
        for needle in needles:
            wanted = needle.lower().strip()
            # Most needles are guesses (`#id`, `<tag`): one test on the whole text rules out
            # the ones the body does not contain, instead of a search line by line.
            if not wanted or wanted not in self._text:
                continue
            for step, index in enumerate(order):
                start = self._column if step == 0 else 0
                column = self.lines[index].find(wanted, start)
                if column >= 0:
                    self._line, self._column = index, column + len(wanted)
                    return index + 1
        return 1


class _PageLinks(Treeprocessor):
    """Stands where MkDocs' link rewriter stands (last, priority 0) and leaves a token in each
    address it would rewrite: the page puts in MkDocs' own result, which needs the site's files.
    """

    def __init__(self, md: markdown.Markdown) -> None:
        super().__init__(md)
        self.reset()

    def reset(self) -> None:
        self.urls: list[str] = []
        self.reusable = True

    def run(self, root: Any) -> None:
        for element in root.iter():
            key = _LINK_ATTRIBUTE.get(element.tag)
            if key is None:
                continue
            url = element.get(key)
            if url is None or _left_alone(url) is None:
                self.reusable = False  # MkDocs' own rewriter would fail: let it
            elif _left_alone(url):
                continue
            elif "\x02" in url or "\x03" in url:
                self.reusable = False  # Markdown's placeholders: only its own pass restores them
            else:
                element.set(key, f"\x02kb-link:{len(self.urls)}\x03")
                self.urls.append(url)


_LINK_ATTRIBUTE = {"a": "href", "img": "src"}


def _left_alone(url: str) -> bool | None:
    """An address MkDocs returns unchanged without a look: another site, an obfuscated e-mail.
    None: one it cannot even split."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme or parts.netloc:
        return True
    return not url.startswith(("/", "\\")) and AMP_SUBSTITUTE in url


def _converter() -> tuple[markdown.Markdown, _PageLinks]:
    converter = markdown.Markdown(extensions=list(PAGE_EXTENSIONS),
                                  extension_configs=EXTENSION_CONFIGS)
    links = _PageLinks(converter)
    converter.treeprocessors.register(links, "relpath", 0)
    return converter, links


_MARKDOWN: tuple[markdown.Markdown, _PageLinks] | None = None


def page_markdown(body: str) -> str:
    """The Markdown an entry's page is made from: its body, trimmed."""
    return body.strip() + "\n"


def outline_of(body: str) -> Outline:
    """Convert `body` and describe it; element lines are relative to the body's first line."""
    global _MARKDOWN
    if _MARKDOWN is None:
        _MARKDOWN = _converter()
    converter, links = _MARKDOWN
    converter.reset()
    links.reset()
    html = converter.convert(page_markdown(body))
    tokens: list[dict[str, Any]] = getattr(converter, "toc_tokens", [])
    collector = _Collector()
    collector.feed(html)
    collector.close()
    lines = _Lines(body)
    outline = Outline(html=html if links.reusable else None, page_links=links.urls,
                      toc_tokens=tokens)
    # The checks see each address as the page's HTML would carry it, not the token.
    shown = [unescape(_escape_attrib(url)) for url in links.urls]
    for tag, attrs in collector.found:
        if shown and tag in _LINK_ATTRIBUTE:
            attrs = {name: _untokenized(value, shown) for name, value in attrs.items()}
        # Plain Markdown output (<p>, <li>) cannot be wrong and is not looked for.
        line = lines.find(*_needles(tag, attrs)) if attrs or tag not in _MARKDOWN_TAGS else 0
        outline.elements.append(Element(tag, attrs, line))
        if attrs.get("id"):
            outline.anchors.add(attrs["id"])
    heading_lines = _Lines(body)
    for token in _flatten(tokens):
        text = str(token.get("name", ""))
        line = heading_lines.find(f"# {text}", f"#{text}", text)
        outline.headings.append(Heading(str(token["id"]), text, line))
    return outline


def _untokenized(value: str, shown: list[str]) -> str:
    token = LINK_TOKEN.fullmatch(value)
    return shown[int(token[1])] if token else value


def _flatten(tokens: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for token in tokens:
        out.append(token)
        out.extend(_flatten(token.get("children", [])))
    return out


_MARKDOWN_TAGS = frozenset({
    "a", "img", "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "em", "strong",
    "code", "pre", "blockquote", "hr", "br", "table", "thead", "tbody", "tr", "th", "td",
    "div", "span", "sup", "dl", "dt", "dd", "details", "summary",
})
"""Tags that Markdown itself writes: for them a `<tag` in the source is not a sure sign."""


def _needles(tag: str, attrs: dict[str, str]) -> list[str]:
    """What the editor most likely typed for this element, most specific first."""
    needles = [f"{name}=" for name in attrs if name.startswith("on") or name == "style"]
    if tag not in _MARKDOWN_TAGS:
        needles.append(f"<{tag}")
    needles += [attrs[name] for name in ("src", "href") if attrs.get(name)]
    # An id written by the editor: {: #x }, { #x }, id="x"; generated ones are not in the text.
    needles += [f"#{attrs['id']}", f"{attrs['id']}\"", f"{attrs['id']}'"] if attrs.get("id") else []
    needles += [attrs[name] for name in ("for", "aria-labelledby") if attrs.get(name)]
    needles += [f"<{tag}", "![" if tag == "img" else ""]
    return needles
