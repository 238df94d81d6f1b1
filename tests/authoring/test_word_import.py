"""`kb import`: a school's .docx becomes a draft that validates once the editor fills it in."""

from __future__ import annotations

import io
import struct
import time
import zlib
from pathlib import Path

import docx
import frontmatter
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches

from build_tools.authoring import docx_markdown as dm
from build_tools.content.content_types import PRACTICE, RECOMMENDATION
from build_tools.engine.cli import main
from tests.authoring.test_scaffold import fill_required, problems_in, registry_of
from tests.helpers import KbRunner

TITLE = "Школьная газета как межпредметный проект"
SLUG = "shkolnaya-gazeta-kak-mezhpredmetnyy-proekt"


def png() -> bytes:
    """A 4×4 red PNG, written by hand so the test needs no imaging library."""
    rows = b"".join(b"\x00" + b"\xd0\x20\x20" * 4 for _ in range(4))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data)))

    header = struct.pack(">IIBBBBB", 4, 4, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows))
            + chunk(b"IEND", b""))


def school_document(path: Path, *, title_property: str = "") -> Path:
    """What a school sends: headings, emphasis, a link, lists, a table and a photo."""
    document = docx.Document()
    document.core_properties.title = title_property
    document.add_heading(TITLE, 1)
    intro = document.add_paragraph("Газету делают ученики ")
    intro.add_run("7–9 классов").bold = True
    intro.add_run(" вместе с учителями литературы и информатики, выпуск — ")
    intro.add_run("раз в месяц").italic = True
    intro.add_run(".")
    document.add_heading("Как устроена редакция", 2)
    document.add_paragraph("Собрать редакцию из добровольцев", style="List Number")
    document.add_paragraph("Распределить роли: корреспонденты, вёрстка, корректура",
                           style="List Number")
    document.add_paragraph("Темы номера [черновик] выбирают *все* вместе", style="List Bullet")
    document.add_heading("График выпусков", 2)
    table = document.add_table(rows=3, cols=3)
    for row, values in enumerate((("Месяц", "Тема", "Полос"),
                                  ("Сентябрь", "Новый учебный год", "4"),
                                  ("Октябрь", "День учителя | интервью", "6"))):
        for column, value in enumerate(values):
            table.cell(row, column).text = value
    document.add_picture(io.BytesIO(png()), width=Inches(1))
    document.add_paragraph("2024. Первый номер вышел тиражом 120 экземпляров.")
    document.save(path)
    return path


def import_(project: Path, *args: str) -> int:
    return main(["-f", str(project / "mkdocs.yml"), "import", *args])


def test_a_word_document_becomes_a_draft_that_validates_once_filled(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = school_document(tmp_path / "gazeta.docx")
    started = time.perf_counter()
    assert import_(project, "practice", str(source)) == 0
    seconds = time.perf_counter() - started
    relative = f"practices/{SLUG}.md"
    path = project / "content" / relative
    image = project / "content/practices/attachments" / f"{SLUG}-1.png"
    assert image.read_bytes() == png()
    out, err = capsys.readouterr()
    assert f"Создан черновик content/{relative}." in out.replace(str(project) + "/", "")
    assert ("Проверьте: у изображений нет подписи (alt): "
            f"{SLUG}-1.png. Опишите в квадратных скобках ![...] перед каждым, что на нём "
            "видно.") in err

    post = frontmatter.load(path)
    assert list(post.metadata) == list(PRACTICE.record.fields)  # `kb new`'s template
    assert (post.metadata["title"], post.metadata["status"]) == (TITLE, "черновик")
    body = post.content
    assert TITLE not in body  # the first heading is the page's title, not a body heading
    assert "Газету делают ученики **7–9 классов** вместе" in body
    assert "выпуск — *раз в месяц*." in body
    assert ("1. Собрать редакцию из добровольцев\n"
            "2. Распределить роли: корреспонденты, вёрстка, корректура\n\n"
            "- Темы номера \\[черновик\\] выбирают \\*все\\* вместе") in body
    assert ("## График выпусков\n\n| Месяц | Тема | Полос |\n| --- | --- | --- |\n"
            "| Сентябрь | Новый учебный год | 4 |\n"
            "| Октябрь | День учителя \\| интервью | 6 |") in body
    assert f"![](attachments/{SLUG}-1.png)" in body
    assert "2024\\. Первый номер" in body  # a paragraph, not a numbered list

    problems = problems_in(project, relative)
    assert any("[ImageWithoutAlt]" in line for line in problems), problems
    fill_required(path, PRACTICE, registry_of(project))
    path.write_text(path.read_text(encoding="utf-8").replace(
        "![](attachments/", "![Первая полоса сентябрьского номера](attachments/"),
        encoding="utf-8")
    assert problems_in(project, relative) == []
    assert seconds < 10


def test_the_title_comes_from_the_document_properties_first(project: Path,
                                                            tmp_path: Path) -> None:
    source = school_document(tmp_path / "gazeta.docx", title_property="Газета «Перемена»")
    assert import_(project, "recommendation", str(source)) == 0
    path = project / "content/recommendations/gazeta-peremena.md"
    post = frontmatter.load(path)
    assert list(post.metadata) == list(RECOMMENDATION.record.fields)
    assert post.metadata["title"] == "Газета «Перемена»"
    assert post.content.count("## ") >= 3 and TITLE in post.content  # now a body heading


def test_importing_over_an_existing_file_is_refused(project: Path, tmp_path: Path,
                                                    kb: KbRunner) -> None:
    source = school_document(tmp_path / "gazeta.docx")
    existing = project / "content/practices" / f"{SLUG}.md"
    existing.write_text("не трогать\n", encoding="utf-8")
    result = kb("import", "practice", str(source), cwd=project)
    assert result.returncode == 1
    assert result.stderr == (
        f"kb import: файл practices/{SLUG}.md уже есть: ничего не записано и не "
        "перезаписано. Если это та же практика, правьте существующий файл; иначе укажите "
        "другое название: --title \"Название\".\n")
    assert existing.read_text(encoding="utf-8") == "не трогать\n"
    assert not (project / "content/practices/attachments" / f"{SLUG}-1.png").exists()


def test_a_document_that_is_not_docx_is_refused_in_russian(project: Path, tmp_path: Path,
                                                           kb: KbRunner) -> None:
    fake = tmp_path / "opisanie.docx"
    fake.write_text("это не Word", encoding="utf-8")
    result = kb("import", "practice", str(fake), cwd=project)
    assert (result.returncode, result.stderr) == (1, (
        "kb import: opisanie.docx — не документ Word (.docx). Сохраните его в Word как "
        "«Документ Word (.docx)».\n"))
    old = tmp_path / "opisanie.doc"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    result = kb("import", "practice", str(old), cwd=project)
    assert "старый формат .doc не читается" in result.stderr and "Traceback" not in result.stderr


def test_what_mammoth_leaves_out_is_reported(project: Path, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    source = school_document(tmp_path / "gazeta.docx")
    document = docx.Document(str(source))
    paragraph = document.paragraphs[1]
    document.add_comment(paragraph.runs, text="Уточнить классы", author="Рецензент")
    inserted = OxmlElement("w:ins")  # a tracked insertion around the last run
    inserted.set(qn("w:id"), "90")
    inserted.set(qn("w:author"), "Рецензент")
    run = paragraph.runs[-1]._r
    run.addprevious(inserted)
    inserted.append(run)
    document.save(source)
    assert import_(project, "practice", str(source)) == 0
    err = capsys.readouterr().err
    assert ("Проверьте: в документе есть примечания рецензентов: они не перенесены, "
            "прочитайте их в Word.") in err
    assert ("Проверьте: в документе есть исправления в режиме рецензирования: вставки "
            "приняты, удалённый текст убран; сверьте черновик с документом, если исправления "
            "ещё не согласованы.") in err
    assert "Газету делают ученики **7–9 классов**" in (
        project / "content/practices" / f"{SLUG}.md").read_text(encoding="utf-8")


def test_footnotes_links_and_nested_lists_become_markdown() -> None:
    html = ('<p>См. <a href="https://example.org/gazeta">пример</a> и <a href="#_Toc1">раздел'
            '</a><sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup></p>'
            '<ul><li>Первый<ul><li>вложенный</li></ul></li><li>Второй</li></ul>'
            '<ol><li id="footnote-1"><p>Источник: школьный архив. '
            '<a href="#footnote-ref-1">↑</a></p></li></ol>')
    assert dm.markdown(dm.parse(html).children) == (
        "См. [пример](https://example.org/gazeta) и раздел[^1]\n\n"
        "- Первый\n    - вложенный\n- Второй\n\n"
        "[^1]: Источник: школьный архив.\n")


def test_text_that_looks_like_markup_stays_text() -> None:
    html = ("<p>Смотри &lt;script&gt;alert(1)&lt;/script&gt; и {: onclick=x } &amp; "
            "A&amp;B, `код`</p><p># не заголовок</p><p>- не список</p>")
    assert dm.markdown(dm.parse(html).children) == (
        "Смотри &lt;script\\>alert(1)&lt;/script\\> и \\{: onclick=x \\} &amp; A&amp;B, "
        "\\`код\\`\n\n\\# не заголовок\n\n\\- не список\n")
