"""The screenshots of the web editor in the editors' guide: one declaration of each picture.

The PNG files live in `assets/guide/` and are made by `docs_tools/guide_screenshots.py`, which
takes them from `kb edit` on a copy of the sample project and names them from this list; the
guide template shows each beside the step it illustrates, with its Russian alt text and caption,
and the plugin publishes exactly these files.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

FOLDER = "assets/guide"
SOURCE = Path(__file__).parents[1] / "assets" / "guide"


@dataclass(frozen=True)
class Screenshot:
    key: str
    """The template's name for it: `shots.collections`."""
    file: str
    alt: str
    """What the picture shows, for a reader who cannot see it."""
    caption: str

    @property
    def asset(self) -> str:
        """Its path in the built site, from the site root."""
        return f"{FOLDER}/{self.file}"

    @cached_property
    def size(self) -> tuple[int, int]:
        """Width and height from the PNG's header: the page keeps its place while it loads."""
        header = (SOURCE / self.file).read_bytes()[:24]
        width, height = struct.unpack(">II", header[16:24])
        return int(width), int(height)

    @property
    def width(self) -> int:
        return self.size[0]

    @property
    def height(self) -> int:
        return self.size[1]


SCREENSHOTS = (
    Screenshot(
        "collections", "web-editor-collections.png",
        "Окно редактора: слева список коллекций — «Практика», «Методические рекомендации», "
        "«Дайджест», «Курс повышения квалификации», «Выпуск конференции», «Инновационный "
        "проект»; справа уже созданные практики и кнопка «+ практика».",
        "Выберите вид материала слева; новый материал создаёт кнопка «+ практика»."),
    Screenshot(
        "form", "web-editor-form.png",
        "Форма новой практики: заполнены «Название практики» и «Краткое описание», в поле "
        "«Школа-автор» набрано «Лужская», и открыт список с подходящей школой; справа "
        "предпросмотр материала.",
        "Под каждым полем — подсказка. Школу не нужно писать целиком: наберите часть "
        "названия и выберите её в списке."),
    Screenshot(
        "topics", "web-editor-topics.png",
        "Поля «Уровни образования», «Предметы» и «Темы из словаря тем»: тема «школьные музеи» "
        "уже выбрана, после букв «восп» список предлагает тему «воспитание и социализация».",
        "Темы, уровни и предметы выбираются из словарей; выбранные остаются в поле, лишнюю "
        "уберёт крестик."),
    Screenshot(
        "saved", "web-editor-saved.png",
        "Верх окна редактора после сохранения: надписи «Изменения сохранены» и «Опубликовано», "
        "кнопки «Удалить запись» и «Просмотр».",
        "Материал сохранён: редактор пишет «Изменения сохранены», а файл уже лежит в папке "
        "content/practices/."),
)

SHOTS = {shot.key: shot for shot in SCREENSHOTS}
ASSETS = tuple(shot.asset for shot in SCREENSHOTS)
"""What the plugin publishes, beside the other assets."""
