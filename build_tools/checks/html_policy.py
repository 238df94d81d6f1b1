"""Raw HTML in an entry's body: what the sanitiser would remove is reported to the editor.

The allow-list is the sanitiser's own (sanitize.py): a tag, attribute or link scheme that the
build would silently strip is an error here, with the line, so the editor learns why.
Embedded players (iframe, object, embed, video, audio) are refused by default: the site makes
no request to another server, and a plain link to the video serves readers as well. The
institute may allow <iframe> players from named hosts (embed_hosts of the kb plugin).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..content.body_outline import Element, Outline
from ..content.id_namespace import ID_REFERENCES, referenced_ids, reserved_reason
from ..content.urls import browser_url
from ..diagnostics.problems import Problem
from ..output.sanitize import (
    ALLOWED_ATTRIBUTES,
    ALLOWED_TAGS,
    EMBED_ATTRIBUTES,
    GLOBAL_ATTRIBUTES,
    URL_SCHEMES,
    embed_allowed,
)

EMBED_TAGS = frozenset({"iframe", "object", "embed", "video", "audio", "source", "track",
                        "frame", "frameset", "applet", "picture", "portal"})
URL_ATTRIBUTES = ("href", "src")
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


def url_scheme(url: str) -> str:
    """The scheme a browser would see: `jav&#x09;ascript:` and ` JavaScript:` are javascript."""
    return browser_url(url).scheme


def check_html(outline: Outline, embed_hosts: tuple[str, ...] = (), kind: str = "",
               slug: str = "") -> Iterator[tuple[int, Problem]]:
    """(body line, problem) for every element or attribute outside the allow-list.

    `embed_hosts` (the kb plugin's option, empty by default) lets <iframe> players from those
    hosts through, with a title for screen readers. `kind` (practice, recommendation, digest)
    and `slug` name the page, whose own sections' anchors the body may not take.
    """
    yield from _id_problems(outline, kind, slug)
    for element in outline.elements:
        if element.tag == "iframe" and embed_hosts:
            yield from ((element.line, p) for p in _iframe_problems(element, embed_hosts))
            continue
        for problem in _element_problems(element):
            yield element.line, problem


def _iframe_problems(element: Element, hosts: tuple[str, ...]) -> Iterator[Problem]:
    src = element.attrs.get("src") or ""
    if not embed_allowed(src, hosts):
        yield Problem(
            "ExternalEmbed",
            f"фрейм с адреса «{src}» не допускается: встраивать можно только проигрыватели "
            f"с сайтов из списка embed_hosts в mkdocs.yml ({', '.join(hosts)}), по https.",
            hint="Дайте обычную ссылку или попросите веб-команду института добавить сайт "
                 "в список.",
        )
    if not (element.attrs.get("title") or "").strip():
        yield Problem(
            "EmbedWithoutTitle",
            "у встроенного проигрывателя нет атрибута title: читатель с экранным диктором не "
            "узнает, что в нём.",
            hint='Добавьте описание: <iframe title="Видеозапись открытого урока" …>.',
        )
    for name in element.attrs:
        if name not in EMBED_ATTRIBUTES | GLOBAL_ATTRIBUTES:
            yield _forbidden_attribute("iframe", name)


def _element_problems(element: Element) -> Iterator[Problem]:
    tag = element.tag
    if tag in EMBED_TAGS:
        yield Problem(
            "ExternalEmbed",
            f"встроенный проигрыватель или фрейм <{tag}> не допускается: сайт не загружает "
            "ничего с других серверов, а встроенное содержимое может следить за читателями.",
            hint="Дайте обычную ссылку: [Видеозапись занятия](https://…).",
        )
        return
    if tag not in ALLOWED_TAGS:
        yield _forbidden_tag(tag)
        return
    allowed = ALLOWED_ATTRIBUTES.get(tag, set()) | GLOBAL_ATTRIBUTES
    for name, value in element.attrs.items():
        if name not in allowed:
            yield _forbidden_attribute(tag, name)
        elif name in URL_ATTRIBUTES:
            scheme = browser_url(value).scheme
            if scheme and scheme not in URL_SCHEMES:
                yield Problem(
                    "ForbiddenUrl",
                    f"ссылка со схемой «{scheme}:» не допускается: такие адреса запускают "
                    "программу или подставляют содержимое прямо в браузере читателя.",
                    hint="Используйте адрес, начинающийся с https://, или путь к файлу рядом "
                         "с материалом.",
                )


def _forbidden_tag(tag: str) -> Problem:
    if tag in ("script", "style"):
        what = "программы" if tag == "script" else "собственные стили"
        return Problem(
            "ForbiddenHtml",
            f"тег <{tag}> не допускается: {what} в тексте материала могут нарушить работу "
            "сайта или навредить читателям.",
            hint="Удалите этот фрагмент; оформление сайта общее для всех страниц.",
        )
    return Problem(
        "ForbiddenHtml",
        f"тег <{tag}> не входит в список разрешённых и будет удалён при сборке.",
        hint="Используйте разметку Markdown: заголовки, списки, таблицы, ссылки.",
    )


def _forbidden_attribute(tag: str, name: str) -> Problem:
    if name.startswith("on"):
        message = (f"атрибут «{name}» у тега <{tag}> запускает программу в браузере читателя "
                   "и не допускается.")
    elif name == "style":
        message = (f"атрибут «style» у тега <{tag}> не допускается: оформление сайта задаётся "
                   "общей таблицей стилей.")
    else:
        message = f"атрибут «{name}» у тега <{tag}> не разрешён и будет удалён при сборке."
    return Problem("ForbiddenHtmlAttribute", message, hint="Удалите этот атрибут.")


def _id_problems(outline: Outline, kind: str, slug: str) -> Iterator[tuple[int, Problem]]:
    """Ids and id references that would take the theme's, ours or the page's own sections'."""
    headings = {h.anchor: h for h in outline.headings}
    for element in outline.elements:
        for name in ID_REFERENCES:
            for value in referenced_ids(name, element.attrs.get(name, "")):
                reason = reserved_reason(value, kind, slug) if value else ""
                if not reason:
                    continue
                heading = headings.get(value) if element.tag in _HEADINGS else None
                if heading is not None and name == "id":
                    yield heading.line, Problem(
                        "ReservedId",
                        f"заголовок «{heading.text}» получает адрес раздела #{value}: этот "
                        f"адрес {reason}.",
                        hint="Переформулируйте заголовок или задайте ему свой адрес латиницей: "
                             f"## {heading.text} {{ #svoy-adres }}.",
                    )
                else:
                    yield element.line, Problem(
                        "ReservedId",
                        f"атрибут {name}=«{value}» у тега <{element.tag}> не допускается: "
                        f"этот адрес {reason}.",
                        hint="Выберите другой адрес из строчных латинских букв, цифр и "
                             "дефисов, например etapy-raboty.",
                    )
