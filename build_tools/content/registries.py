"""Registries: vocabularies and member schools, kept as YAML data files in content/_data/."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..diagnostics.problems import Problem
from .association import (
    ORG_TYPES,
    PROJECT_FIELDS,
    SERVICE,
    Association,
    association_from,
    division_problems,
)
from .bank_registries import (
    CRITERION,
    EXPERT,
    BankRegistries,
    criteria_from,
    experts_from,
)
from .compound_fields import ListOf, Record
from .fields import CheckContext, Field, Vocabulary, normalize
from .normative_documents import (
    NORMATIVE_DOCUMENT,
    NORMATIVE_FILE,
    NormativeDocuments,
    normative_documents_from,
)
from .scalar_fields import Text, Url, slug_id
from .schools import SCHOOL, School, Schools
from .site_model import SiteRegistries
from .sources import read_data_file

DATA_DIR = "_data"


@dataclass(frozen=True)
class VocabularySpec:
    """A vocabulary the institute extends by editing its data file, without touching Python."""

    name: str
    label: str
    """What one term is, in Russian, for messages: «тема», «уровень образования»."""
    title: str
    """The heading of the vocabulary's index page, or empty when it gets no pages."""
    url: str = ""
    """The site folder of the term pages, e.g. "topics"; empty: no pages."""
    extra: tuple[str, ...] = ()
    """Fields a term of this vocabulary may have besides id, name and description."""


VOCABULARIES: tuple[VocabularySpec, ...] = (
    VocabularySpec("topics", "тема", "Темы", "topics"),
    VocabularySpec("levels", "уровень образования", "Уровни образования", "levels",
                   extra=("everyday",)),
    VocabularySpec("subjects", "предмет", "Предметы", "subjects"),
    VocabularySpec("districts", "муниципальный район", "Районы", "districts"),
    VocabularySpec("projects", "проект Ассоциации", "Проекты Ассоциации", "projects",
                   extra=tuple(PROJECT_FIELDS)),
    VocabularySpec("audiences", "адресат", "Для кого", "audiences"),
    VocabularySpec("departments", "кафедра или отдел института", "",
                   extra=("email", "website")),
    VocabularySpec("rubrics", "рубрика дайджеста", ""),
    VocabularySpec("licenses", "лицензия", "", extra=("url",)),
    VocabularySpec("cost_bands", "затраты на практику", ""),
    VocabularySpec("pupils", "категория обучающихся", ""),
    VocabularySpec("event_formats", "формат события", ""),
)
"""cost_bands.yml lists its bands cheapest first: filters and sorting keep that order."""

TERM = Record(
    "Термин словаря.",
    fields={
        "id": slug_id("Латинский идентификатор для адреса страницы, например mentoring."),
        "name": Text("Название по-русски: именно его пишут в полях материалов.", required=True),
        "description": Text("Короткое пояснение для читателей сайта."),
    },
)

TERM_EXTRAS: dict[str, Field] = {
    "email": Text("Адрес почты подразделения (не сотрудника), например bank@institute.example: "
                  "по нему школы пишут «Хочу внедрить».", max_length=120,
                  pattern=r"[^@\s]+@[^@\s]+\.[^@\s]+",
                  pattern_hint="не похоже на адрес почты: нужно имя@домен."),
    "website": Url("Официальная страница подразделения (https://…).", max_length=300),
    "url": Url("Адрес текста лицензии, например https://creativecommons.org/licenses/by/4.0/; "
               "его читают поисковые системы и наборы открытых данных."),
    "everyday": ListOf("Как этот уровень называют в обиходе, например «начальная школа» или "
                       "«1–4 классы». Такое написание в материалах не принимается, но проверка "
                       "подскажет вместо него название уровня.",
                       item=Text("", max_length=60)),
    **PROJECT_FIELDS,
}
"""Optional fields some vocabularies have (VocabularySpec.extra)."""


def term_record(spec: VocabularySpec) -> Record:
    if not spec.extra:
        return TERM
    return Record(TERM.doc, fields={**TERM.fields, **{k: TERM_EXTRAS[k] for k in spec.extra}})


SYNONYMS = Record(
    "Группа равнозначных написаний для поиска: сокращение и его расшифровки.",
    fields={
        "terms": ListOf("Написания, которые поиск считает одним и тем же, например ОВЗ и "
                        "ограниченные возможности здоровья.", required=True, min_items=2,
                        item=Text("", max_length=120)),
    },
)

@dataclass
class Term:
    id: str
    name: str
    description: str = ""
    email: str = ""
    website: str = ""
    url: str = ""
    """The address of a licence's text (licenses.yml only)."""
    everyday: tuple[str, ...] = ()
    """What people call the term in everyday speech (levels.yml only): suggestions only."""


@dataclass
class TermList:
    """The terms of one vocabulary, in the order of the data file."""

    spec: VocabularySpec
    terms: list[Term] = field(default_factory=list)
    available: bool = True
    """False when the data file could not be read as a whole (see Vocabulary.available)."""
    broken: frozenset[str] = frozenset()
    """Normalised ids and names of rows that are in the file but have an error."""

    @property
    def label(self) -> str:
        return self.spec.label

    def is_broken(self, value: str) -> bool:
        return normalize(value) in self.broken

    def names(self) -> list[str]:
        return [t.name for t in self.terms]

    def find(self, value: str) -> str | None:
        wanted = normalize(value)
        return next((t.name for t in self.terms if normalize(t.name) == wanted), None)

    @property
    def everyday(self) -> list[tuple[str, tuple[str, ...]]]:
        """Each term's name with its everyday names, for suggestions (suggestions.py)."""
        return [(t.name, t.everyday) for t in self.terms if t.everyday]

    def by_name(self, name: str) -> Term:
        return next(t for t in self.terms if t.name == name)

    def by_id(self, term_id: str) -> Term | None:
        return next((t for t in self.terms if t.id == term_id), None)

    def __iter__(self) -> Iterator[Term]:
        return iter(self.terms)


@dataclass
class Registry:
    vocabularies: dict[str, TermList]
    schools: Schools
    synonyms: list[tuple[str, ...]] = field(default_factory=list)
    bank: BankRegistries = field(default_factory=BankRegistries)
    """The bank's criteria and experts."""
    association: Association = field(default_factory=Association)
    """Projects with their participants, and the institute's support services."""
    sites: SiteRegistries = field(default_factory=SiteRegistries)
    """Internship sites, partner organisations and networks (site_registries.py)."""
    normative_documents: NormativeDocuments = field(default_factory=NormativeDocuments)
    """Laws and orders innovation projects name as their legal basis."""

    def vocabulary(self, name: str) -> Vocabulary:
        if name == "schools":
            return self.schools
        if name == "normative_documents":
            return self.normative_documents
        return self.vocabularies[name]

    def all_vocabularies(self) -> Mapping[str, Vocabulary]:
        return {**self.vocabularies, "schools": self.schools,
                "normative_documents": self.normative_documents}


@dataclass(frozen=True)
class FileContext:
    """What fields of one file may look up: vocabularies and where the file lies."""

    registry: Registry
    file_path: Path
    content_root: Path

    def vocabulary(self, name: str) -> Vocabulary:
        return self.registry.vocabulary(name)


def load_registry(content_root: Path, display_root: Path) -> tuple[Registry, list[Problem]]:
    """Read every vocabulary and the schools registry; report all their problems."""
    problems: list[Problem] = []
    registry = Registry({}, Schools())
    data_dir = content_root / DATA_DIR
    rows_of: dict[str, Rows] = {}
    for spec in VOCABULARIES:
        path = data_dir / f"{spec.name}.yml"
        rows = read_rows(path, term_record(spec), registry, content_root, display_root,
                         problems)
        problems.extend(_duplicates(rows, ("id", "name"), display_path(path, display_root)))
        rows_of[spec.name] = rows
        terms = [Term(r["id"], r["name"], r["description"] or "", r.get("email") or "",
                      r.get("website") or "", r.get("url") or "",
                      tuple(r.get("everyday") or ())) for r in rows]
        registry.vocabularies[spec.name] = TermList(spec, terms, available=rows.readable,
                                                    broken=frozenset(rows.broken))
    path = data_dir / "schools.yml"
    rows = read_rows(path, SCHOOL, registry, content_root, display_root, problems)
    registry.schools.available = rows.readable
    registry.schools.broken = frozenset(rows.broken)
    problems.extend(_duplicates(rows, ("id",), display_path(path, display_root)))
    for row in rows:
        fields = {k: v for k, v in row.items() if not k.startswith("_")}
        fields.update({k: fields[k] or "" for k in ("locality", "website", "contact",
                                                    "division")})
        fields["type"] = fields["type"] or ORG_TYPES[0]
        registry.schools.items.setdefault(row["id"], School(**fields))
    problems.extend(division_problems(rows, display_path(path, display_root)))
    registry.association = _load_association(registry, rows_of["projects"], data_dir,
                                             content_root, display_root, problems)
    registry.bank = _load_bank(registry, data_dir, content_root, display_root, problems)
    path = data_dir / NORMATIVE_FILE
    if path.is_file():  # optional: only innovation projects cite it
        rows = read_rows(path, NORMATIVE_DOCUMENT, registry, content_root, display_root, problems)
        problems.extend(_duplicates(rows, ("id",), display_path(path, display_root)))
        registry.normative_documents = normative_documents_from(
            rows, readable=rows.readable, broken=rows.broken)
    path = data_dir / "synonyms.yml"
    if path.is_file():  # optional: search works without it, only less generously
        rows = read_rows(path, SYNONYMS, registry, content_root, display_root, problems)
        registry.synonyms = [tuple(row["terms"]) for row in rows]
    from .site_registries import load_site_registries  # it reads rows with this module
    registry.sites, found = load_site_registries(registry, data_dir, content_root, display_root)
    return registry, problems + found


def _load_bank(registry: Registry, data_dir: Path, root: Path, display_root: Path,
               problems: list[Problem]) -> BankRegistries:
    """criteria.yml and experts.yml: a broken row is reported and left out."""
    bank = BankRegistries()
    path = data_dir / "criteria.yml"
    shown = display_path(path, display_root)
    rows = read_rows(path, CRITERION, registry, root, display_root, problems)
    bank.criteria_available = rows.readable
    problems.extend(_duplicates(rows, ("id", "name"), shown))
    bank.criteria, found = criteria_from(rows, shown)
    problems.extend(found)
    path = data_dir / "experts.yml"
    shown = display_path(path, display_root)
    rows = read_rows(path, EXPERT, registry, root, display_root, problems)
    bank.experts_available = rows.readable
    problems.extend(_duplicates(rows, ("id",), shown))
    departments = {t.id for t in registry.vocabularies["departments"]}
    bank.experts, found = experts_from(rows, departments, shown)
    problems.extend(found)
    return bank


def _load_association(registry: Registry, projects: list[dict[str, Any]], data_dir: Path,
                      root: Path, display_root: Path, problems: list[Problem]) -> Association:
    """projects.yml's rows against the schools; services.yml is optional (no services section
    on «Об Ассоциации» without it)."""
    path = data_dir / "services.yml"
    services = (read_rows(path, SERVICE, registry, root, display_root, problems)
                if path.is_file() else Rows())
    problems.extend(_duplicates(services, ("id", "name"), display_path(path, display_root)))
    association, found = association_from(
        projects, services, registry.schools.items if registry.schools.available else None,
        registry.schools.broken,
        departments if (departments := registry.vocabularies["departments"]).available else None,
        (display_path(data_dir / "projects.yml", display_root), display_path(path, display_root)))
    problems.extend(found)
    return association


class Rows(list[dict[str, Any]]):
    """The valid rows of a data file; `readable` is False when the file as a whole failed
    (missing, unreadable, empty, not a list) or its rows need a vocabulary that failed."""

    readable = True
    broken: set[str]
    """Normalised ids and names of the rows left out for their errors."""

    def __init__(self) -> None:
        super().__init__()
        self.broken = set()


def read_rows(
    path: Path,
    record: Record,
    registry: Registry,
    root: Path,
    display_root: Path,
    problems: list[Problem],
) -> Rows:
    shown = display_path(path, display_root)
    failed = Rows()
    failed.readable = False
    if not path.is_file():
        problems.append(Problem("MissingRegistry", f"нет файла справочника {shown}.", path=shown))
        return failed
    document, found = read_data_file(path)
    problems.extend(p.located(shown, p.line, p.column) for p in found)
    if document is None or found:
        return failed
    if document.data is None:
        problems.append(Problem(
            "EmptyRegistry",
            "в справочнике нет ни одной записи (файл пуст или в нём только комментарии и "
            "служебные строки YAML вроде «---»): "
            "все материалы, которые на него ссылаются, нельзя проверить.",
            hint="Верните записи из истории изменений (git) или добавьте хотя бы одну: "
                 "строку «- id: …» с полями.",
        ).located(shown, 1, 1))
        return failed
    if not isinstance(document.data, list):
        problems.append(Problem(
            "RegistryNotList", "справочник должен быть списком записей, каждая начинается с «- ».",
        ).located(shown, 1, 1))
        return failed
    ctx: CheckContext = FileContext(registry, path, root)
    rows = Rows()
    for index, raw in enumerate(document.data):
        clean, row_problems = record.check(raw, ctx)
        problems += [document.source_map.locate(p.under(index), shown) for p in row_problems]
        if any(p.code == "VocabularyUnavailable" for p in row_problems):
            rows.readable = False
        if clean is not None and not row_problems:
            clean["_index"], clean["_line"] = index, document.source_map.position((index,))[0]
            rows.append(clean)
        elif isinstance(raw, dict):
            rows.broken.update(normalize(v) for k, v in raw.items()
                               if k in ("id", "name") and isinstance(v, str) and v.strip())
    return rows


def _duplicates(rows: list[dict[str, Any]], keys: tuple[str, ...], shown: str) -> list[Problem]:
    problems = []
    for key in keys:
        first_line: dict[str, int] = {}
        for row in rows:
            value = normalize(str(row[key]))
            if value in first_line:
                problems.append(Problem(
                    "DuplicateId",
                    f"значение «{row[key]}» уже есть в справочнике (строка {first_line[value]}): "
                    "у каждой записи оно должно быть своим.",
                    field=(row["_index"], key),
                ).located(shown, row["_line"], 1))
            else:
                first_line[value] = row["_line"]
    return problems


def display_path(path: Path, display_root: Path) -> str:
    try:
        return path.resolve().relative_to(display_root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
