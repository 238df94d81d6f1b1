"""Internship-site rules that need the bank's practices: each practice a site shows exists and
is a practice of the site's own school."""

from __future__ import annotations

from ..content.library import Entry
from ..content.registries import Registry
from ..diagnostics.problems import Problem


def check_sites(entries: list[Entry], registry: Registry,
                practice_files: set[str]) -> list[Problem]:
    """Located at the site's row in internship_sites.yml. `practice_files`: the names of every
    practice file, read or not: one that could not be read has its own error, not another."""
    practices: dict[str, Entry] = {}
    shared: set[str] = set()
    """Names of two practice files: DuplicateId reports them, and which one a site means is
    unknown, so neither is judged here."""
    for entry in entries:
        if entry.type.name != "practice":
            continue
        if entry.slug in practices:
            shared.add(entry.slug)
        practices[entry.slug] = entry
    registries = registry.sites
    problems = []
    for site in registries.sites:
        for number, slug in enumerate(site.practices):
            where = (site.index, "practices", number)
            practice = practices.get(slug)
            if slug in shared:
                continue
            if slug in practice_files and (practice is None or not practice.data.get("school")):
                continue
            if practice is None:
                problems.append(Problem(
                    "SitePracticeUnknown",
                    f"практики «{slug}» нет в банке (content/practices/{slug}.md): укажите имя "
                    "файла практики этой школы без .md.", field=where,
                ).located(registries.sites_file, site.line, 1))
            elif (practice.data.get("school") != site.school
                  and registry.schools.find(str(practice.data.get("school"))) is not None):
                # A practice of an unknown school has its own UnknownSchool in its file.
                problems.append(Problem(
                    "SitePracticeOfOtherSchool",
                    f"практика «{slug}» — практика школы «{practice.data.get('school')}», а "
                    f"площадка — школы «{site.school}»: площадка показывает стажёрам только "
                    "свои практики.", field=where,
                ).located(registries.sites_file, site.line, 1))
    return problems
