"""An entry's body on its page: the HTML the checks converted, not a second Markdown pass."""

from __future__ import annotations

from typing import Any, cast

from markdown.serializers import _escape_attrib
from mkdocs.structure.toc import get_toc

from ..content.body_outline import EXTENSION_CONFIGS, LINK_TOKEN, PAGE_EXTENSIONS, Outline

_REWRITER: Any = None
"""MkDocs' own link rewriter: the page's addresses are exactly what MkDocs would write."""
try:
    from mkdocs.structure.pages import _RelativePathTreeprocessor

    _REWRITER = _RelativePathTreeprocessor
except ImportError:  # an engine without it converts every page itself
    pass


def reusable(config: Any) -> bool:
    """Whether MkDocs would convert bodies as the checks did: same extensions, same settings.

    When mkdocs.yml's `markdown_extensions` differ, every page is converted by MkDocs again:
    slower, never different.
    """
    return (_REWRITER is not None
            and list(config.markdown_extensions) == list(PAGE_EXTENSIONS)
            and dict(config.mdx_configs or {}) == EXTENSION_CONFIGS)


def converted(outline: Outline | None) -> bool:
    return outline is not None and outline.html is not None


def page_html(outline: Outline, page: Any, files: Any, config: Any) -> str:
    """The body's HTML with MkDocs' addresses put in, and what MkDocs' conversion would have
    recorded on the page: its table of contents, its anchors, its links to anchors."""
    assert outline.html is not None and _REWRITER is not None
    rewriter = _REWRITER(page.file, files, config)
    # In document order, as MkDocs visits them: its warnings and anchor records come out alike.
    urls = [_escape_attrib(rewriter.path_to_url(url)) for url in outline.page_links]
    page.toc = get_toc(cast(Any, outline.toc_tokens))
    page.present_anchor_ids = set(outline.anchors)
    page.links_to_anchors = rewriter.links_to_anchors
    return LINK_TOKEN.sub(lambda token: urls[int(token[1])], outline.html)
