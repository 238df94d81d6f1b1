"""Every optional field absent: no page, feed, calendar or dataset prints «None» or an empty label.

A minimal practice, recommendation, digest (with a bare online event: no place, no end, no
registration), course (on request, no enrolment), conference edition and innovation project,
and a school with only its required registry fields are added to the sample; every generated
page and file is searched for the traces of a missing value.
"""

from __future__ import annotations

import re
from pathlib import Path

from build_tools.checks.loader import Project, load_library
from build_tools.pages.pages import SiteBuilder
from build_tools.syndication.syndication import PublicationSettings

MINIMAL = {
    "content/practices/minimalnaya-praktika.md": """---
title: Минимальная практика
summary: Практика, у которой заполнены только обязательные поля.
school: minimalnaya-shkola
authors:
  - name: Иванова Анна Сергеевна
    role: учитель
levels: [начальное общее]
topics: [управление школой]
evidence: апробирована
status: опубликовано
review:
  reviewer: kafedra-pedagogiki-i-psihologii
  date: 2026-11-20
date: 2026-11-02
license: CC BY 4.0
---

Текст практики.
""",
    "content/recommendations/minimalnye-rekomendatsii.md": """---
title: Минимальные рекомендации
summary: Рекомендации, у которых заполнены только обязательные поля.
audience: [руководители школ]
department: кафедра педагогики и психологии
year: 2026
date: 2026-11-03
topics: [управление школой]
status: опубликовано
---

Текст рекомендаций.
""",
    "content/innovation/minimalnyy-proekt.md": """---
title: Минимальный инновационный проект
summary: Проект, у которого заполнены только обязательные поля.
schools: [minimalnaya-shkola]
goal: Проверить, что страница проекта не показывает пустых полей.
tasks: [одна задача]
novelty: Новизна в одном предложении.
significance: Значимость в одном предложении.
legal_basis: [fz-273]
stages:
  - title: Единственный этап
    start: 2026-09-01
    end: 2027-05-31
    tasks: [задача этапа]
topics: [управление школой]
date: 2026-11-04
status: опубликовано
---
""",
    "content/digests/2026-12.md": """---
year: 2026
month: 12
issue: 37
status: опубликовано
rubrics:
  - rubric: конференции и семинары
    items:
      - title: Вебинар без места проведения
        date: 2026-12-01
        summary: Событие только онлайн, без ссылки, окончания и регистрации.
        event:
          start: 2026-12-20
          online: true
      - title: Новость без ссылки
        date: 2026-12-02
        summary: Материал без события.
---
""",
    "content/courses/minimalnyy-kurs.md": """---
title: Минимальный курс
summary: Курс по заявке, у которого заполнены только обязательные поля.
hours: 16
audience: [педагоги]
department: кафедра педагогики и психологии
format: очно
date: 2026-11-03
status: опубликовано
---
""",
    "content/conference/2027.md": """---
year: 2027
theme: Минимальный выпуск
dates:
  start: 2027-11-11
place: Гатчина
status: опубликовано
---
""",
}

SCHOOL = """- id: minimalnaya-shkola
  name: МБОУ «Минимальная школа»
  short_name: Минимальная школа
  district: Тосненский район
  kind: новостройка
  settlement: село
  opened: 2024
  member_since: 2024
"""

TRACES = [
    (re.compile(r"None(?![a-z])|(?<![\w:\"-])none(?![\w\"-])"), "None"),
    (re.compile(r"(?<![\w-])(?:nan|NaN|inf|undefined|null)(?![\w-])"), "nan/inf/undefined/null"),
    (re.compile(r"(?<![\w\"'=(\[])\[\](?![\w\"'\])])|(?<![\w\"'=(])\{\}(?![\w\"'])"),
     "an empty list or mapping"),
    (re.compile(r"<(strong|dt|th)>[^<]*</\1>\s*(?:·|;|,|</p>|</li>|</dd>|</tr>|<br>|$)", re.M),
     "a label without a value"),
    (re.compile(r"<(p|li|dd|td|span)[^>]*>\s*</\1>"), "an empty element"),
]
GENERATED_TEMPLATES = "guide/index.md"
"""The guide shows the templates of `kb new`, where `topics: []` is what an editor fills in."""


def _texts(project: Path) -> dict[str, str]:
    for path, text in MINIMAL.items():
        (project / path).write_text(text, encoding="utf-8")
    with (project / "content/_data/schools.yml").open("a", encoding="utf-8") as registry:
        registry.write(SCHOOL)
    library, problems = load_library(Project(project / "content", project))
    assert not problems.has_errors(), [p.render() for p in problems.errors]
    builder = SiteBuilder(library, publication=PublicationSettings(
        site_url="https://example.org/bank/"))
    texts = {page.src_uri: f"{page.before}\n{page.markdown}\n{page.after}"
             for page in builder.pages()}
    for static in builder.static_files():
        if isinstance(static.content, str):
            texts[static.src_uri] = static.content
    return texts


def test_no_page_or_file_prints_a_missing_value(project: Path) -> None:
    texts = _texts(project)
    for uri in ("practices/minimalnaya-praktika.md", "schools/minimalnaya-shkola/index.md",
                "recommendations/minimalnye-rekomendatsii.md", "digests/2026-12.md",
                "innovation/minimalnyy-proekt.md"):
        assert uri in texts, sorted(texts)
    found = []
    for uri, text in texts.items():
        if uri.startswith("schemas/"):
            continue  # JSON Schemas spell out "null" and [] by design
        for pattern, what in TRACES:
            if uri == GENERATED_TEMPLATES and what == "an empty list or mapping":
                continue
            for match in pattern.finditer(text):
                around = text[max(0, match.start() - 60):match.end() + 40].replace("\n", " ")
                found.append(f"{uri}: {what}: …{around}…")
    assert not found, "\n".join(found[:40])


def test_an_online_event_without_a_place_says_online(project: Path) -> None:
    page = _texts(project)["digests/2026-12.md"]
    assert "<strong>Где:</strong> онлайн" in page
