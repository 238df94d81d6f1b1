"""A broken entry's errors as a page under `kb serve`; the Russian 404 page of the site."""

from __future__ import annotations

from pathlib import Path

from build_tools.diagnostics.problems import Problem, Severity
from build_tools.pages.problem_pages import entry_uri, error_pages
from build_tools.pages.render import Renderer


def problem(path: str, code: str = "UnknownSchool", **kwargs: object) -> Problem:
    return Problem(code, "неизвестная школа «kudrovo-gorizon».", field=("school",), path=path,
                   line=4, column=9, hint="Возможно, вы имели в виду «kudrovo-gorizont».",
                   **kwargs)  # type: ignore[arg-type]


def test_only_entry_files_without_a_page_get_one() -> None:
    assert entry_uri("content/practices/x.md", "content/") == "practices/x.md"
    assert entry_uri("content/_data/schools.yml", "content/") == ""
    assert entry_uri("content/practices/attachments/a.csv", "content/") == ""
    assert entry_uri("mkdocs.yml", "content/") == ""
    pages = error_pages([problem("content/practices/x.md"),
                         problem("content/practices/shown.md"),
                         problem("content/practices/warned.md", severity=Severity.WARNING),
                         problem("content/_data/schools.yml")],
                        {"practices/shown.md"}, "content/", Renderer())
    assert [p.src_uri for p in pages] == ["practices/x.md"]
    (page,) = pages
    assert (page.title, page.kind, page.draft) == (
        "Ошибки в файле content/practices/x.md", "errors", False)
    assert "в файле <code>content/practices/x.md</code> 1 ошибка. Исправьте её" in page.before
    assert '<code class="kb-file-error__place">content/practices/x.md:4:9</code>' in page.before
    assert "поле <code class=\"kb-file-error__field\">school</code>" in page.before
    assert ("неизвестная школа «kudrovo-gorizon». Возможно, вы имели в виду "
            "«kudrovo-gorizont».") in page.before
    assert 'href="../../guide/#UnknownSchool"' in page.before
    assert "<strong>Как исправить.</strong>" in page.before


def test_a_code_without_a_catalogue_entry_is_still_shown() -> None:
    (page,) = error_pages([problem("content/digests/2026-12.md", code="NoSuchCode")], set(),
                          "content/", Renderer())
    assert "<p><code>[NoSuchCode]</code></p>" in page.before and "guide/#" not in page.before


def test_the_404_page_is_russian_and_leads_to_the_bank_and_home(sample_site: Path) -> None:
    page = (sample_site / "404.html").read_text(encoding="utf-8")
    assert "404 - Not found" not in page
    assert "<h1>Страница не найдена</h1>" in page
    assert '<a href="/bank/practices/">Банк лучших практик</a>' in page
    assert '<a href="/bank/">Главная страница</a>' in page
    assert 'class="kb-header-search"' in page


def test_the_guide_tells_editors_about_import_errors_and_previews(sample_site: Path) -> None:
    page = (sample_site / "guide/index.html").read_text(encoding="utf-8")
    assert '<h3 id="iz-word">Если описание прислали в Word</h3>' in page
    assert "<code>kb import practice opisanie.docx</code>" in page
    assert "Черновик — не опубликовано" in page
