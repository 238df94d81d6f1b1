"""The bank's procedure pages: «Положение о банке» and «Как мы оцениваем доказанность».

Both are built from the registries and the code's own constants (criteria.yml, departments,
experts, cost bands, the status and evidence enums, the validator's thresholds, the evidence
locks), so when the institute edits the YAML or a rule changes, the published text follows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..content.library import Library
from ..content.practice_fields import LAUNCH_TIMES
from ..content.practice_rules import MIN_STEPS
from ..content.statuses import Evidence, Status
from ..monitoring import evidence
from .guide import GUIDE_URL

STATUS_MEANINGS = {
    Status.DRAFT: "автор ещё пишет описание; на сайте его нет.",
    Status.UNDER_REVIEW: "описание готово и передано на рецензию; на сайте его нет.",
    Status.PUBLISHED: "рецензент оценил практику по критериям банка, и она опубликована "
                      "в банке.",
    Status.RECOMMENDED: "практика опубликована, и банк по решению подразделения института "
                        "рекомендует её другим школам: она прошла пороги, описанные ниже.",
}
"""What each review status means for the reader; a test checks every status is here."""

EVIDENCE_MEANINGS = {
    Evidence.DESCRIBED: "практику описала одна школа; результаты показаны только по ней.",
    Evidence.PILOTED: "практика проверена в работе школы-автора, её результаты "
                      "измерены.",
    Evidence.REPLICATED: "практику переняли другие школы: в описании указано, какие и с "
                         "какого года.",
    Evidence.CONFIRMED: "результат практики виден в региональном мониторинге: она связана "
                        "с показателем, по которому у школы есть данные.",
}


@dataclass(frozen=True)
class BankPage:
    src_uri: str
    title: str
    template: str
    description: str
    context: Callable[[Library], dict[str, Any]]

    @property
    def url(self) -> str:
        return self.src_uri[: -len(".md")] + "/"


def procedure_context(library: Library) -> dict[str, Any]:
    """Who submits, who reviews, the statuses, the ladder, the criteria and the thresholds."""
    registry = library.registry
    departments = registry.vocabularies["departments"]
    experts = [{"name": e.name, "position": e.position,
                "department": (departments.by_id(e.department) or e).name}
               for e in registry.bank.experts.values()]
    return {
        "statuses": [(status.value, STATUS_MEANINGS[status]) for status in Status],
        "ladder": [(level.value, EVIDENCE_MEANINGS[level]) for level in Evidence],
        "departments": list(departments),
        "experts": experts,
        "criteria": registry.bank.criteria,
        "cost_bands": list(registry.vocabularies["cost_bands"]),
        "launch_times": LAUNCH_TIMES,
        "min_steps": MIN_STEPS,
        "least_evidence": Evidence.REPLICATED.value,
        "recommended": Status.RECOMMENDED.value,
        "published": Status.PUBLISHED.value,
        "under_review": Status.UNDER_REVIEW.value,
        "draft": Status.DRAFT.value,
        "guide_url": GUIDE_URL,
        "evidence_url": EVIDENCE_PAGE.url,
    }


def evidence_context(library: Library) -> dict[str, Any]:
    """The locks' rules, straight from monitoring/evidence.py, with a worked example."""
    example = evidence.evidence_strength(EXAMPLE, frozenset())
    return {
        "example": example,
        "max_locks": evidence.MAX_LOCKS,
        "many_schools": evidence.MANY_SCHOOLS,
        "long_period": evidence.LONG_PERIOD_YEARS,
        "large_pupils": evidence.LARGE_SAMPLE["pupils"],
        "large_teachers": evidence.LARGE_SAMPLE["teachers"],
        "ladder": [(level.value, EVIDENCE_MEANINGS[level]) for level in Evidence],
        "procedure_url": PROCEDURE_PAGE.url,
    }


EXAMPLE = {"school": "author", "results": [{"period": "2022–2025", "sample": {"pupils": 240}}]}
"""The evidence page's example: one school, three years, 240 pupils, no monitoring link."""

PROCEDURE_PAGE = BankPage(
    "bank/polozhenie.md", "Положение о банке лучших практик", "bank_procedure.html",
    "Кто предлагает практики, кто и по каким критериям их оценивает и как практика "
    "становится рекомендованной к тиражированию.", procedure_context)
EVIDENCE_PAGE = BankPage(
    "bank/evidence.md", "Как мы оцениваем доказанность", "bank_evidence.html",
    "Что значит «Сила доказательств: 3 из 5» у практики и почему это не исследование.",
    evidence_context)
PAGES = (PROCEDURE_PAGE, EVIDENCE_PAGE)
