"""The review status of an entry and the evidence ladder of a practice."""

from __future__ import annotations

import enum


class Status(enum.Enum):
    """Review status: only published entries reach the public site."""

    DRAFT = "черновик"
    UNDER_REVIEW = "на рассмотрении"
    PUBLISHED = "опубликовано"
    RECOMMENDED = "рекомендовано к тиражированию"

    def is_public(self) -> bool:
        return self in (Status.PUBLISHED, Status.RECOMMENDED)


class Evidence(enum.Enum):
    """How well a practice is proven, from a single school's description to monitoring data.

    The members are in ladder order: a later one is stronger evidence."""

    DESCRIBED = "описана в одной школе"
    PILOTED = "апробирована"
    REPLICATED = "тиражирована в других школах"
    CONFIRMED = "подтверждена мониторингом"

    @property
    def rank(self) -> int:
        return list(Evidence).index(self)
