"""Personal data (152-ФЗ) and mojibake in entry text."""

from __future__ import annotations

import pytest

from build_tools.checks.mojibake import check_mojibake
from build_tools.checks.text_checks import check_text
from build_tools.content.personal_data import check_contacts, find_contacts, normalize_contact


@pytest.mark.parametrize("text", [
    "+7 900 000-00-00", "+7 (900) 000-00-00", "8 (900) 000 00 00", "89000000000",
    "8-900-000-00-00", "+79000000000", "8 (81370) 2-34-56",
])
def test_russian_phone_numbers_are_found(text: str) -> None:
    assert [kind for kind, _ in find_contacts(f"Звоните: {text}.")] == ["phone"]


@pytest.mark.parametrize("text", [
    "ISBN 978-5-00000-000-0", "в 2022–2025 годах", "тираж 8 000 экз.", "дата 2026-06-04",
    "https://example.org/news/2026/06/plan", "8 классов по 30 человек", "@shkola_rodnik",
    "показатель 81,5 % при 1650 учениках",
])
def test_numbers_and_addresses_that_are_not_contacts_pass(text: str) -> None:
    assert list(find_contacts(text)) == []


def test_consent_covers_the_exact_contact_in_any_spelling() -> None:
    consented = {normalize_contact("+7 (900) 000-00-02"), normalize_contact("Metodist@Example.org")}
    text = "Координатор: 8 900 000 00 02, metodist@example.org, секретарь: +7 900 000-00-03."
    [problem] = check_contacts(text, consented)
    assert problem.code == "PersonalData"
    assert "«+7 900 000-00-03»" in problem.message and "152-ФЗ" in problem.message


def test_fields_and_body_lines_are_both_checked() -> None:
    data = {"authors": [{"name": "Иванова", "role": "учитель, ivanova@example.org"}],
            "contacts_consent": ["ivanova@example.org"], "summary": "Тел. +7 900 000-00-00"}
    in_fields, in_body = check_text(data, "Первая строка\nПишите: petrov@example.org\n")
    assert [(p.field, p.code) for p in in_fields] == [(("summary",), "PersonalData")]
    assert [(line, p.code) for line, p in in_body] == [(2, "PersonalData")]


def test_mojibake_is_reported_with_the_text_as_meant() -> None:
    broken = "Практика школы".encode().decode("cp1251")
    [problem] = check_mojibake(f"Описание: {broken}")
    assert problem.code == "Mojibake" and "«Практика»" in problem.message
    assert check_mojibake("школа «Корпус С» и блок «Р»") == []


@pytest.mark.parametrize(("text", "written"), [
    ("Пишите: director&#64;example.org.", "director&#64;example.org"),
    ("Пишите: director&commat;example.org.", "director&commat;example.org"),
    ("Пишите: director&#x40;example&#46;org.", "director&#x40;example&#46;org"),
    ("Пишите: director＠example．org.", "director＠example．org"),
    ("Пишите: director@example\\.org.", "director@example\\.org"),
    ("Пишите: director@exa**mp**le.org.", "director@exa**mp**le.org"),
    ("Пишите: direc\u200btor@example.org.", "direc\u200btor@example.org"),
])
def test_e_mails_are_found_as_the_reader_sees_them(text: str, written: str) -> None:
    assert list(find_contacts(text)) == [("email", written)]
    assert normalize_contact(written) == "director@example.org"


@pytest.mark.parametrize("text", [
    "900 000-00-00", "(812) 000-00-00", "(812)000-00-00", "900-000-00-00", "900 000 00 00",
    "＋７ ９００ ０００-００-００", "９００ ０００-００-００", "8 (９００) 000-00-00",
    "+7&nbsp;900&nbsp;000-00-00", "495 000-00-00",
])
def test_phones_without_country_code_or_in_other_digits_are_found(text: str) -> None:
    [(kind, written)] = find_contacts(f"Звоните: {text}.")
    assert kind == "phone" and written == text
    assert normalize_contact(text) in ("79000000000", "78120000000", "74950000000")


@pytest.mark.parametrize("text", [
    "приказ № 1234 от 01.09.2025", "приказ от 29 августа 2025 г. № 123-45-67",
    "ИНН 780 123-45-67", "ИНН 7801234567", "бюджет 3 500 000,00 руб.", "1 900 000 руб.",
    "в 2024–2025 годах 900 учеников", "ISBN 978-5-900-00000-0", "дата 2025-09-01",
    "показатели 2021 2022 2023 2024", "очередь 123 456 78 90 в списке",
    "коды ОКПО 900 000-00-00", "1 150 000 00 00", "версия 3.900.000-00-00",
    "&laquo;Родник&raquo; — 900 учеников", "рейтинг: 95,5 % и 980 баллов",
])
def test_numbers_that_are_not_phones_pass(text: str) -> None:
    assert list(find_contacts(text)) == []


def test_consent_covers_a_phone_written_without_country_code() -> None:
    consented = {normalize_contact("+7 900 000-00-05")}
    assert check_contacts("Приёмная: 900 000-00-05, ９００ ０００-００-０５.", consented) == []
