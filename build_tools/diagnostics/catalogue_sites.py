"""Catalogue entries of internship sites, partner organisations and networks."""

from __future__ import annotations

from .explanation import Explanation

SITES_CATALOGUE: dict[str, Explanation] = {
    "SiteSchoolNotMember": Explanation(
        "Площадка — не школа Ассоциации",
        "В реестре стажировочных площадок (internship_sites.yml) указана школа, которой нет в "
        "реестре школ: площадкой Ассоциации может быть только её участница.",
        "Исправьте идентификатор школы или сначала добавьте школу в schools.yml.",
        "- id: gorizont-nastavnichestvo\n  school: kudrovo-gorizont",
    ),
    "PeriodReversed": Explanation(
        "Срок заканчивается раньше, чем начинается",
        "У площадки или сети дата until раньше даты since: такой срок не действует ни дня.",
        "Проверьте обе даты: обычно перепутан год или месяц.",
        "since: 2025-09-01\nuntil: 2028-08-31",
    ),
    "SiteDecisionAfterStart": Explanation(
        "Статус начался раньше решения",
        "Дата решения о статусе площадки позже начала её срока: статус не может действовать "
        "до документа, который его присвоил.",
        "Исправьте decision.date или since: срок начинается в день решения или позже.",
        "since: 2025-09-01\ndecision:\n  document: Приказ № 140\n  date: 2025-08-28",
    ),
    "SiteOverlap": Explanation(
        "Сроки площадки одной школы пересекаются",
        "У школы две записи площадки, сроки которых накладываются: в каждый день у школы один "
        "статус. Продление статуса — новая запись, которая начинается после конца прежней.",
        "Сдвиньте since новой записи на день после until прежней или исправьте until прежней.",
    ),
    "SitePracticeUnknown": Explanation(
        "Практики площадки нет в банке",
        "В practices площадки указано имя файла, которого нет в content/practices/.",
        "Напишите имя файла практики без .md или уберите строку.",
        "practices: [nastavnichestvo-molodyh-uchiteley-novoy-shkoly]",
    ),
    "SitePracticeOfOtherSchool": Explanation(
        "Практика другой школы",
        "Площадка показывает стажёрам свой опыт, а указанная практика принадлежит другой школе.",
        "Оставьте в practices только практики школы-площадки (поле school практики).",
    ),
    "AgreementOutsideFolder": Explanation(
        "Договор не в папке partnerships/",
        "Файлы договоров сетей лежат в content/partnerships/, и путь к ним пишется от папки "
        "content/: только оттуда сайт публикует договоры.",
        "Перенесите файл в content/partnerships/ и напишите путь вида partnerships/имя.pdf.",
        "agreement: partnerships/soglashenie-ladoga-sozidanie.pdf",
    ),
    "BadParty": Explanation(
        "Сторона без школы или с двумя значениями",
        "У каждой стороны сети ровно одно из полей: school (школа Ассоциации) или partner "
        "(организация из partners.yml).",
        "Оставьте одно поле; организацию-партнёра сначала добавьте в partners.yml.",
        "parties:\n  - school: kudrovo-gorizont\n  - partner: rmk-vsevolozhsk",
    ),
    "UnknownParty": Explanation(
        "Неизвестная сторона сети",
        "Сторона сети названа идентификатором, которого нет ни в schools.yml, ни в "
        "partners.yml.",
        "Исправьте идентификатор или добавьте организацию в partners.yml.",
    ),
    "PartnershipOneParty": Explanation(
        "Партнёрство с одной стороной",
        "Сеть или договор о партнёрстве связывает хотя бы две школы или организации, а указана "
        "одна.",
        "Допишите в parties остальные стороны.",
        "parties:\n  - school: shlisselburg-ladoga\n  - school: gorbunki-sozidanie",
    ),
    "PairComposition": Explanation(
        "Неправильная пара «сильная школа — школа с низкими результатами»",
        "В такой паре ровно две стороны, обе школы Ассоциации, и у каждой своя роль: сильная "
        "школа и школа с низкими результатами. По ролям страница сетей ставит показатели рядом.",
        "Оставьте две школы и укажите role у каждой; для большего числа сторон выберите другой "
        "вид сети.",
        "parties:\n  - school: shlisselburg-ladoga\n    role: сильная школа\n"
        "  - school: gorbunki-sozidanie\n    role: школа с низкими результатами",
    ),
    "CoordinatorContact": Explanation(
        "Контакт в поле координатора",
        "Координатора сети указывают ролью или органом, без телефонов и адресов почты: это "
        "персональные данные (152-ФЗ), а справочники не знают согласий на их публикацию.",
        "Уберите контакт; напишите, например, «методист районного методического кабинета».",
        "coordinator: районный методический кабинет",
    ),
}
