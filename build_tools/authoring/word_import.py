"""`kb import`: a school's Word document made into a draft entry an editor finishes.

mammoth converts the .docx into plain HTML by the document's structure (not its looks);
`docx_markdown` writes that as Markdown. The front-matter is `kb new`'s commented template
with the title and today's date filled in, since a Word file says nothing reliable about the
school, levels or topics. Images are saved beside the entry as attachments, their alt text
taken from Word or left for the editor. Nothing existing is ever overwritten, and every part
of the document that could not be carried over is reported in Russian.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import mammoth

from ..content.content_types import ContentType, Status
from ..content.fields import Vocabulary
from ..content.slugs import slugify
from . import docx_markdown as dm
from .scaffold import render

IMPORTABLE = ("practice", "recommendation")
ATTACHMENT_FOLDER = "attachments"
"""Where the sample keeps files beside entries; images land there as <slug>-<n>.<ext>."""
IMAGE_EXTENSIONS = {"image/png": ".png", "image/jpeg": ".jpg", "image/gif": ".gif",
                    "image/webp": ".webp"}
"""The raster types the site publishes (content_types.IMAGE_TYPES); Word's EMF, WMF and TIFF
drawings are reported instead."""
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
"""A .docx is a zip archive; one that unpacks to more than this is refused unread."""
STYLE_MAP = "p[style-name='Title'] => h1:fresh\np[style-name='Subtitle'] => p:fresh"
"""Word's «Название» style is the document's title; its subtitle, a paragraph."""
_IMAGE_TOKEN = "kb-import-image-{}"
_CORE_TITLE = "{http://purl.org/dc/elements/1.1/}title"

FEATURES = (
    ("<w:txbxContent", "надписи (текстовые поля): их текст перенесён в то место, где надпись "
                       "привязана к абзацу; проверьте, что он стоит на своём месте"),
    ("<w:ins ", "исправления в режиме рецензирования: вставки приняты, удалённый текст "
                "убран; сверьте черновик с документом, если исправления ещё не согласованы"),
    ("<w:del ", None),  # said together with the insertions
    ("<w:commentReference", "примечания рецензентов: они не перенесены, прочитайте их в Word"),
    ("<m:oMath", "формулы: перенесён только их текст, проверьте запись"),
    ("<c:chart", "диаграммы: они не перенесены; вставьте их картинкой (PNG) или приложите "
                 "данные таблицей"),
    ("/diagram", "рисунки SmartArt: они не перенесены; вставьте их картинкой (PNG)"),
    ("<w:object", "встроенные объекты (листы Excel, файлы): они не перенесены; приложите их "
                  "отдельными файлами"),
)
"""Parts of document.xml mammoth leaves out or changes silently, and what the editor does."""


class WordImportError(Exception):
    """The document cannot be imported; the message is for the editor, in Russian."""


@dataclass(frozen=True)
class Imported:
    path: Path
    images: tuple[Path, ...]
    notes: tuple[str, ...]
    """What could not be carried over and what is left to do, one Russian sentence each."""


@dataclass
class _Image:
    extension: str
    content: bytes
    alt: str


def import_document(content_type: ContentType, source: Path, content_root: Path,
                    vocabularies: Mapping[str, Vocabulary], today: dt.date,
                    title: str = "") -> Imported:
    """Write a draft entry (and its images) from a .docx; never overwrites a file."""
    if content_type.name not in IMPORTABLE:
        raise WordImportError(f"из Word можно загрузить только: {', '.join(IMPORTABLE)}.")
    data = _read(source)
    notes = _features(data)
    images: list[_Image] = []
    html_text, messages = _convert(data, images, notes)
    notes += [n for n in (_message(m) for m in messages) if n and n not in notes]
    blocks = dm.parse(html_text).children
    title, blocks = _title(" ".join(title.split()) or _core_title(data), blocks, source)
    slug = slugify(title)
    if not slug:
        raise WordImportError(f"из названия «{title}» не получилось имя файла: укажите "
                              "название словами: --title \"Название\".")
    folder = content_root / content_type.folder
    path = folder / f"{slug}.md"
    image_paths = [folder / ATTACHMENT_FOLDER / f"{slug}-{n}{image.extension}"
                   for n, image in enumerate(images, start=1)]
    for target in (path, *image_paths):
        if target.exists():
            raise WordImportError(
                f"файл {target.relative_to(content_root).as_posix()} уже есть: ничего не "
                "записано и не перезаписано. Если это та же практика, правьте существующий "
                "файл; иначе укажите другое название: --title \"Название\".")
    body = dm.markdown(blocks, heading_shift=_heading_shift(blocks))
    for n, image_path in enumerate(image_paths, start=1):
        body = body.replace(f"]({_IMAGE_TOKEN.format(n)})",
                            f"]({ATTACHMENT_FOLDER}/{image_path.name})")
    missing_alt = [p.name for p, image in zip(image_paths, images, strict=True) if not image.alt]
    if missing_alt:
        notes.append("у изображений нет подписи (alt): " + ", ".join(missing_alt) + ". "
                     "Опишите в квадратных скобках ![...] перед каждым, что на нём видно.")
    _write(path, image_paths, images, _text(content_type, title, today, vocabularies, body,
                                            source.name))
    return Imported(path, tuple(image_paths), tuple(notes))


def _read(source: Path) -> bytes:
    if source.suffix.lower() == ".doc":
        raise WordImportError(f"{source.name}: старый формат .doc не читается. Откройте файл в "
                              "Word или LibreOffice и сохраните как .docx.")
    try:
        data = source.read_bytes()
    except OSError as error:
        raise WordImportError(f"файл {source} не открывается: {error.strerror}.") from error
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
            if "word/document.xml" not in archive.namelist():
                raise zipfile.BadZipFile
    except zipfile.BadZipFile as error:
        raise WordImportError(f"{source.name} — не документ Word (.docx). Сохраните его в "
                              "Word как «Документ Word (.docx)».") from error
    if unpacked > MAX_UNPACKED_BYTES:
        raise WordImportError(f"{source.name} распаковывается больше чем в "
                              f"{MAX_UNPACKED_BYTES // 2**20} МБ: уменьшите рисунки в Word "
                              "(«Сжать рисунки») и повторите.")
    return data


def _member(data: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(name) if name in archive.namelist() else b""


def _features(data: bytes) -> list[str]:
    xml = _member(data, "word/document.xml").decode("utf-8", "replace")
    found = [f"в документе есть {note or FEATURES[1][1]}." for marker, note in FEATURES
             if marker in xml]
    return list(dict.fromkeys(found))


def _core_title(data: bytes) -> str:
    """The title in the document's properties (File → Properties), if the author set one."""
    try:
        root = ElementTree.fromstring(_member(data, "docProps/core.xml") or b"<x/>")
    except ElementTree.ParseError:
        return ""
    element = root.find(_CORE_TITLE)
    return " ".join((element.text or "").split()) if element is not None else ""


def _convert(data: bytes, images: list[_Image], notes: list[str]) -> tuple[str, list[Any]]:
    def image(element: Any) -> list[Any]:
        extension = IMAGE_EXTENSIONS.get(element.content_type)
        if extension is None:
            kind = element.content_type.split("/")[-1].upper()
            notes.append(f"рисунок в формате {kind} не перенесён: сохраните его в Word как "
                         "PNG или JPEG и вставьте снова.")
            return []
        with element.open() as stream:
            images.append(_Image(extension, stream.read(), " ".join(
                (element.alt_text or "").split())))
        return [mammoth.html.element("img", {"src": _IMAGE_TOKEN.format(len(images)),
                                             "alt": images[-1].alt})]

    try:
        result = mammoth.convert_to_html(io.BytesIO(data), style_map=STYLE_MAP,
                                         convert_image=image)
    except Exception as error:  # a broken archive part: mammoth's own errors vary
        raise WordImportError(f"документ не прочитан: {error}. Откройте его в Word, "
                              "сохраните заново как .docx и повторите.") from error
    return str(result.value), list(result.messages)


_STYLE = re.compile(r"Unrecognised (paragraph|run) style: (.*) \(Style ID: .*\)")


def _message(message: Any) -> str:
    """mammoth's warning in Russian; images are reported by `_convert` already."""
    text = str(message.message)
    if "unlikely to display in web browsers" in text:
        return ""
    found = _STYLE.fullmatch(text)
    if found:
        what = "абзаца" if found.group(1) == "paragraph" else "фрагмента текста"
        return (f"стиль {what} «{found.group(2).strip(chr(39))}» перенесён как обычный текст; "
                "если это заголовок, поставьте в начале строки ## .")
    return f"не перенесено: {text}."


def _title(given: str, blocks: list[dm.Node | str], source: Path,
           ) -> tuple[str, list[dm.Node | str]]:
    """The title and the body without it: the given one, else the document's first heading."""
    first = next((b for b in blocks if isinstance(b, dm.Node) or b.strip()), None)
    heading = first if isinstance(first, dm.Node) and dm.heading_level(first) else None
    if heading is not None and (not given or dm.plain_text(heading) == given):
        rest = [b for b in blocks if b is not heading]
        return given or dm.plain_text(heading), rest
    if given:
        return given, blocks
    raise WordImportError(
        f"в {source.name} нет названия: ни в свойствах файла, ни заголовком в начале. "
        "Укажите его: --title \"Название практики\".")


def _heading_shift(blocks: list[dm.Node | str]) -> int:
    """The body's top headings become ##: the page's title is the only #."""
    levels = [dm.heading_level(b) for b in blocks if isinstance(b, dm.Node)]
    top = min((level for level in levels if level), default=2)
    return 2 - top


def _text(content_type: ContentType, title: str, today: dt.date,
          vocabularies: Mapping[str, Vocabulary], body: str, source_name: str) -> str:
    values = {"title": title, "date": today.isoformat(), "status": Status.DRAFT.value}
    template = render(content_type, values, vocabularies)
    front_matter = template[: template.index("\n---\n", 4) + len("\n---\n")]
    note = (f"<!-- Текст перенесён из файла {source_name.replace('--', '-')}. Проверьте "
            "заголовки, списки и таблицы и заполните поля выше. -->")
    return f"{front_matter}\n{note}\n\n{body}"


def _write(path: Path, image_paths: list[Path], images: list[_Image], text: str) -> None:
    """The images first, then the entry; "x" refuses a file that appeared meanwhile."""
    for image_path, image in zip(image_paths, images, strict=True):
        image_path.parent.mkdir(parents=True, exist_ok=True)
        with image_path.open("xb") as out:
            out.write(image.content)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8", newline="\n") as out:
        out.write(text)
