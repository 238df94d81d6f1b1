"""Catalogue entries of the Association's registries: projects, members, support services."""

from __future__ import annotations

from .explanation import Explanation

ASSOCIATION_CATALOGUE: dict[str, Explanation] = {
    "DuplicateParticipant": Explanation(
        "Школа дважды среди участников проекта",
        "В списке participants проекта одна и та же школа записана несколько раз, например с "
        "разными годами: непонятно, с какого года она в проекте.",
        "Оставьте одну запись школы с годом, когда она начала участвовать в проекте.",
        "participants:\n  - school: gatchina-mayak\n    since: 2020",
    ),
    "JoinedProjectBeforeMembership": Explanation(
        "Школа в проекте раньше, чем в Ассоциации",
        "Год начала участия школы в проекте (since) раньше года её вступления в Ассоциацию "
        "(member_since в schools.yml), а проекты Ассоциации ведут её члены.",
        "Исправьте since в projects.yml или member_since в schools.yml — какой из годов "
        "записан неверно.",
        "- school: murino-ekvator\n  since: 2023",
    ),
    "RedundantDivision": Explanation(
        "Отделение совпадает с самой организацией",
        "У организации указано отделение того же рода, что и она сама, например у детского "
        "сада — «дошкольное отделение». Отделение пишут только у школы, часть которой "
        "участвует в Ассоциации отдельно.",
        "Уберите поле division или исправьте тип организации (type).",
        "type: школа\ndivision: дошкольное отделение",
    ),
    "ServiceWithoutContact": Explanation(
        "Некуда обратиться за поддержкой",
        "У формы поддержки в services.yml указано подразделение, у которого в departments.yml "
        "нет ни адреса почты, ни страницы на сайте института: на странице «Об Ассоциации» "
        "школе было бы некуда написать. Личные адреса сотрудников не публикуются.",
        "Добавьте подразделению в departments.yml email (адрес подразделения) или website, "
        "либо выберите другое подразделение.",
        "- id: kafedra-upravleniya\n  name: кафедра управления и экономики образования\n"
        "  email: upravlenie@institute.example",
    ),
}
