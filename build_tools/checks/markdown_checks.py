"""Links, anchors and images in entry bodies: every one must lead somewhere on the built site."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from ..content.body_outline import Element, Outline
from ..content.content_paths import resolve_in_content
from ..content.content_types import CONTENT_TYPES
from ..content.fields import suggest
from ..content.library import Entry
from ..content.registries import VOCABULARIES, Registry
from ..content.urls import browser_url
from ..diagnostics.problems import Problem

BodyProblem = tuple[int, Problem]
"""A problem and the line of the body it is on (1 = the body's first line)."""

ENTRY_FOLDERS = tuple(t.folder for t in CONTENT_TYPES)
SECTIONS = frozenset({"", *ENTRY_FOLDERS, "schools", "monitoring", "search",
                      *(v.url for v in VOCABULARIES if v.url)})
"""Site folders that always have an index page."""

_DUPLICATE_SUFFIX = re.compile(r"_\d+$")


def check_body(
    outline: Outline, file_path: Path, content_root: Path, body_line: int
) -> Iterator[BodyProblem]:
    """Problems one file shows on its own: images, attachments linked, repeated headings.

    `body_line` is the file line the body starts on, for messages that name another line.
    """
    for image in outline.images():
        yield from _image_problems(image, file_path, content_root)
    for link in outline.links():
        href = browser_url(link.attrs["href"]).text
        if _is_external(href) or href.startswith("#"):
            continue
        if href.startswith("/"):
            yield link.line, _absolute(href)
            continue
        path = unquote(urlsplit(href).path)
        if path and not path.endswith(("/", ".md")) and PurePosixPath(path).suffix:
            yield from _file_problems(link.line, path, file_path, content_root, "MissingFile")
    yield from _duplicate_anchors(outline, body_line)


def _is_external(href: str) -> bool:
    """Another site or another scheme (mailto:, javascript:): not a page of this site."""
    return not browser_url(href).is_relative


def _absolute(href: str) -> Problem:
    return Problem(
        "AbsoluteLink",
        f"ссылка «{href}» начинается с «/» и перестанет работать, когда сайт опубликуют в "
        "подпапке (например, example.org/bank/).",
        hint="Укажите путь к файлу относительно этого материала, например "
             "../practices/roditelskiy-universitet.md.",
    )


def _image_problems(image: Element, file_path: Path, root: Path) -> Iterator[BodyProblem]:
    src = image.attrs.get("src", "").strip()
    url = browser_url(src)
    if not image.attrs.get("alt", "").strip():
        yield image.line, Problem(
            "ImageWithoutAlt",
            f"у изображения «{src}» нет описания: незрячие читатели и поиск не узнают, что на "
            "нём изображено.",
            hint=f"Напишите в квадратных скобках, что на нём: ![Схема работы наставнической "
                 f"пары]({src}).",
        )
    if url.is_other_host:
        yield image.line, Problem(
            "RemoteImage",
            f"изображение «{url.text}» загружается с другого сайта, а сайт банка не обращается к "
            "другим серверам.",
            hint="Сохраните файл рядом с материалом и укажите путь к нему: images/foto.jpg.",
        )
    elif url.text.startswith("/"):
        yield image.line, _absolute(src)
    elif url.text and url.is_relative:
        path = unquote(urlsplit(url.text).path)
        yield from _file_problems(image.line, path, file_path, root, "MissingImage")


def _file_problems(
    line: int, path: str, file_path: Path, root: Path, code: str
) -> Iterator[BodyProblem]:
    target, outside = resolve_in_content(path, file_path.parent, root, url=True)
    if outside is not None:
        yield line, outside
    elif target is not None and not target.is_file():
        what = "изображения" if code == "MissingImage" else "файла"
        yield line, Problem(
            code, f"{what} «{path}» нет рядом с материалом: проверьте имя файла и папку.",
        )


def _duplicate_anchors(outline: Outline, body_line: int) -> Iterator[BodyProblem]:
    first: dict[str, tuple[str, int]] = {}
    for heading in outline.headings:
        base = _DUPLICATE_SUFFIX.sub("", heading.anchor)
        if base in first and base != heading.anchor:
            text, line = first[base]
            yield heading.line, Problem(
                "DuplicateAnchor",
                f"заголовок «{heading.text}» получает тот же адрес раздела #{base}, что и "
                f"заголовок «{text}» в строке {body_line + line - 1}: ссылка на раздел "
                "откроет только первый.",
                hint="Переформулируйте один из заголовков.",
            )
        first.setdefault(heading.anchor, (heading.text, heading.line))


def check_links(entries: list[Entry], registry: Registry) -> Iterator[tuple[Entry, BodyProblem]]:
    """Links between pages: to other entries (.md or site address), sections and anchors."""
    by_uri = {e.src_uri: e for e in entries}
    for entry in entries:
        if entry.outline is None:
            continue
        for link in entry.outline.links():
            href = browser_url(link.attrs["href"]).text
            for problem in _link_problems(entry, href, by_uri, registry):
                yield entry, (link.line, problem)


def _link_problems(
    entry: Entry, href: str, by_uri: dict[str, Entry], registry: Registry
) -> Iterator[Problem]:
    if _is_external(href) or href.startswith("/"):
        return
    parts = urlsplit(href)
    path, anchor = unquote(parts.path), unquote(parts.fragment)
    target: Entry
    if not path:
        target = entry
    elif path.endswith(".md"):
        uri = posixpath.normpath(posixpath.join(posixpath.dirname(entry.src_uri), path))
        if uri not in by_uri:
            if not _is_section_page(uri):
                yield _broken(href, "такого материала нет", sorted(by_uri), uri)
            return
        target = by_uri[uri]
    elif path.endswith("/") or not PurePosixPath(path).suffix:
        address = posixpath.normpath(posixpath.join(entry.url, path)).strip("/")
        address = "" if address == "." else address
        found, problem = _site_address(address, href, by_uri, registry)
        if problem is not None:
            yield problem
        if found is None:
            return
        target = found
    else:
        return  # a file beside the entry: checked with the file itself
    if target is not entry and entry.status.is_public() and not target.status.is_public():
        yield Problem(
            "BrokenLink",
            f"ссылка «{href}» ведёт на материал со статусом «{target.status.value}»: он не "
            "опубликован, и у читателей ссылка не откроется.",
            hint="Уберите ссылку или дождитесь публикации того материала.",
        )
    if anchor and target.outline is not None and anchor not in target.outline.anchors:
        headings = [h.anchor for h in target.outline.headings]
        where = "на этой странице" if target is entry else f"в {target.shown_path}"
        yield Problem(
            "BrokenAnchor",
            f"раздела #{anchor} {where} нет: ссылка откроет страницу, но не нужный раздел.",
            hint=suggest(anchor, headings) or (
                "Адрес раздела — название заголовка латиницей через дефисы, например "
                "#etapy-vnedreniya."),
        )


def _is_section_page(uri: str) -> bool:
    if uri in ("index.md", "search.md"):
        return True
    folder, _, name = uri.rpartition("/")
    return name == "index.md" and folder in SECTIONS


def _site_address(
    address: str, href: str, by_uri: dict[str, Entry], registry: Registry
) -> tuple[Entry | None, Problem | None]:
    parts = address.split("/") if address else []
    if address.startswith(".."):
        return None, _broken(href, "адрес ведёт за пределы сайта")
    if len(parts) <= 1 and (address in SECTIONS):
        return None, None
    if len(parts) == 2 and parts[0] in ENTRY_FOLDERS:
        uri = f"{parts[0]}/{parts[1]}.md"
        if uri in by_uri:
            return by_uri[uri], None
        return None, _broken(href, "такого материала нет", sorted(by_uri), uri)
    if len(parts) == 2 and parts[0] == "schools":
        if registry.schools.find(parts[1]) or not registry.schools.available:
            return None, None  # an unreadable registry is reported once, at its file
        return None, _broken(href, "такой школы нет в справочнике")
    vocabularies = {v.url: v.name for v in VOCABULARIES if v.url}
    if len(parts) == 2 and parts[0] in vocabularies:
        terms = registry.vocabularies.get(vocabularies[parts[0]])
        if terms is not None and (not terms.available or any(t.id == parts[1] for t in terms)):
            return None, None
        return None, _broken(href, "такого раздела нет")
    if parts and parts[0] == "monitoring":
        return None, None  # indicator pages depend on the tables; MkDocs checks them
    return None, _broken(href, "такой страницы на сайте нет")


def _broken(href: str, why: str, options: list[str] | None = None, wanted: str = "") -> Problem:
    hint = suggest(wanted, options) if options and wanted else ""
    return Problem(
        "BrokenLink",
        f"ссылка «{href}» никуда не ведёт: {why}. Ссылку на другой материал пишите как путь к "
        "его файлу, например ../practices/roditelskiy-universitet.md.",
        hint=hint,
    )
