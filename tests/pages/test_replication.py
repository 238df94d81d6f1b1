"""«Хочу внедрить»: the prefilled issue form and the letter to the department."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from build_tools.content.registries import VOCABULARIES, Registry, Schools, Term, TermList
from build_tools.pages.replication import (
    GITEA_FORM,
    GITHUB_FORM,
    PRACTICE_FIELD,
    replication_request,
)

ROOT = Path(__file__).parents[2]
SITE = "https://example.org/bank/"
GITEA = "https://git.institute.example/bank/content/issues/new"
TITLE = "Наставничество «Двое в классе» & 100% результат"
SPEC = next(spec for spec in VOCABULARIES if spec.name == "departments")


def library(*departments: Term) -> Any:
    vocabularies = {"departments": TermList(SPEC, list(departments))}
    return SimpleNamespace(registry=Registry(vocabularies, Schools()))


def practice(**data: Any) -> Any:
    return SimpleNamespace(title=TITLE, url="practices/dvoe-v-klasse/", data=data)


CENTRE = Term("tsentr", "центр сопровождения новых школ", email="bank@institute.example")


def form_ids(path: Path) -> set[str]:
    form = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert form["name"] == "Заявка на внедрение практики"
    return {field["id"] for field in form["body"] if "id" in field}


@pytest.mark.parametrize(("requests_url", "template", "form_folder"), [
    (GITEA, GITEA_FORM, ROOT),  # Forgejo and Gitea: the path in the repository
    ("https://github.com/institute/bank/issues/new", "zayavka-na-vnedrenie.yaml",
     ROOT / ".github/ISSUE_TEMPLATE"),  # GitHub: the file name in .github/ISSUE_TEMPLATE/
])
def test_the_form_link_names_the_practice_and_a_form_that_exists(
        requests_url: str, template: str, form_folder: Path) -> None:
    [link] = replication_request(practice(), library(), requests_url=requests_url,
                                 site_url=SITE)
    parts = urlsplit(link.url)
    assert link.url.startswith(requests_url + "?") and " " not in link.url
    query = parse_qs(parts.query, strict_parsing=True)
    assert query == {
        "template": [template],
        "title": [f"Заявка на внедрение: {TITLE}"],
        PRACTICE_FIELD: [f"{TITLE} — {SITE}practices/dvoe-v-klasse/"],
    }
    # Every field the link fills is a field of both forms, and the two forms are one.
    github, gitea = ROOT / GITHUB_FORM, ROOT / GITEA_FORM
    assert github.read_bytes() == gitea.read_bytes()
    assert set(query) - {"template", "title"} <= form_ids(github)
    assert (form_folder / template).is_file()


def test_the_form_asks_for_school_plans_and_an_organisations_contact() -> None:
    form = yaml.safe_load((ROOT / GITHUB_FORM).read_text(encoding="utf-8"))
    fields = {f["id"]: f for f in form["body"] if "id" in f}
    assert set(fields) == {"practice", "school", "adopt", "timeline", "contact"}
    assert all(f["validations"]["required"] for f in fields.values())
    assert "152-ФЗ" in fields["contact"]["attributes"]["description"]


def test_the_address_keeps_its_own_parameters() -> None:
    [link] = replication_request(practice(), library(), requests_url=GITEA + "?labels=5",
                                 site_url="")
    query = parse_qs(urlsplit(link.url).query)
    assert query["labels"] == ["5"]
    assert query[PRACTICE_FIELD] == [f"{TITLE} — practices/dvoe-v-klasse/"]


def test_a_letter_goes_to_the_department_that_decided() -> None:
    reviewer = Term("kafedra", "кафедра педагогики", email="kafedra@institute.example")
    entry = practice(decision={"by": "tsentr"}, review={"reviewer": "kafedra"})
    [form, mail] = replication_request(entry, library(CENTRE, reviewer), requests_url=GITEA,
                                       site_url=SITE)
    assert (form.kind, mail.kind) == ("form", "mail")
    assert mail.label == "Написать письмо: центр сопровождения новых школ"
    address, _, query = mail.url.partition("?")
    assert address == "mailto:bank@institute.example"
    assert "+" not in query  # RFC 6068: a space is %20
    fields = parse_qs(query)
    assert fields["subject"] == [f"Хочу внедрить практику «{TITLE}»"]
    assert f"«{TITLE}» ({SITE}practices/dvoe-v-klasse/)" in fields["body"][0]
    assert "\r\n" in fields["body"][0]


def test_without_a_decision_the_reviewing_department_and_without_email_no_letter() -> None:
    plain = Term("kafedra", "кафедра педагогики")  # departments.yml without `email`
    entry = practice(review={"reviewer": "tsentr"})
    [mail] = replication_request(entry, library(CENTRE), requests_url="", site_url=SITE)
    assert mail.url.startswith("mailto:bank@institute.example?")
    assert replication_request(practice(review={"reviewer": "kafedra"}), library(plain),
                               requests_url="", site_url=SITE) == []
    assert replication_request(practice(review={"reviewer": "ivanova-expert"}),
                               library(CENTRE), requests_url="", site_url=SITE) == []


def test_a_practice_reviewed_by_an_expert_writes_to_the_expert_s_department() -> None:
    from build_tools.content.bank_registries import BankRegistries, Expert
    registry = Registry({"departments": TermList(SPEC, [CENTRE])}, Schools(),
                        bank=BankRegistries(experts={"ivanova-expert": Expert(
                            "ivanova-expert", "Иванова Мария Петровна", "доцент", "tsentr")}))
    entry = practice(review={"reviewer": "ivanova-expert"})
    [mail] = replication_request(entry, SimpleNamespace(registry=registry), requests_url="",
                                 site_url=SITE)
    assert mail.url.startswith("mailto:bank@institute.example?")


def test_every_practice_page_renders_with_and_without_a_department_to_write_to() -> None:
    """Under `kb serve` drafts are shown too; a draft has no review, so no department and no
    letter: the card offers the form alone (this once stopped the preview)."""
    from build_tools.checks.loader import Project, check_content
    from build_tools.pages.pages import SiteBuilder
    checked = check_content(Project(ROOT / "content", ROOT))
    builder = SiteBuilder(checked.library, requests_url=GITEA)
    pages = {spec.src_uri: spec for spec in builder.pages()}
    draft = pages["practices/tsifrovoy-kabinet-klassnogo-rukovoditelya.md"]
    assert "Хочу внедрить" in draft.before and "письмом" not in draft.before
    assert any("письмом" in spec.before for spec in pages.values() if spec.kind == "entry")
