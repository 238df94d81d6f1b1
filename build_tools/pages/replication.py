"""«Хочу внедрить»: the links that start a school's request to adopt a practice."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

from ..content.library import Entry, Library
from ..content.registries import Term

FORM_FILE = "zayavka-na-vnedrenie.yaml"
"""The issue form «Заявка на внедрение практики», the same file under .github/ and .gitea/."""
GITHUB_FORM = f".github/ISSUE_TEMPLATE/{FORM_FILE}"
GITEA_FORM = f".gitea/ISSUE_TEMPLATE/{FORM_FILE}"
PRACTICE_FIELD = "practice"
"""The form field the link fills in with the practice's name and address."""
_GITHUB_HOSTS = ("github.com",)


@dataclass(frozen=True)
class RequestLink:
    kind: str
    """"form" (the git host's issue form) or "mail" (a letter to the department)."""
    label: str
    url: str


def replication_request(entry: Entry, library: Library, *, requests_url: str,
                        site_url: str) -> list[RequestLink]:
    """The ways to ask for a practice: the prefilled issue form, then a letter as fallback.

    `requests_url` is the kb setting (the host's new-issue page, may be ""); `site_url` ends
    with "/" or is "" (the page is then named by its path on the site).
    """
    page = (site_url + entry.url) if site_url else entry.url
    links = []
    if requests_url:
        links.append(RequestLink("form", "Подать заявку на внедрение",
                                 issue_form_url(requests_url, entry.title, page)))
    department = responsible_department(entry, library)
    if department is not None and department.email:
        links.append(RequestLink("mail", f"Написать письмо: {department.name}",
                                 mail_url(department.email, entry.title, page)))
    return links


def issue_form_url(requests_url: str, title: str, page: str) -> str:
    """The new-issue page with the form chosen and the practice named.

    Both hosts take `template` and `title`: GitHub names the form by its file name in
    .github/ISSUE_TEMPLATE/, Forgejo and Gitea by its path in the repository. Only GitHub
    fills form fields from parameters named by their ids; elsewhere the title names the
    practice. The address's own parameters are kept.
    """
    parts = urlsplit(requests_url)
    github = parts.hostname in _GITHUB_HOSTS
    query = [*parse_qsl(parts.query, keep_blank_values=True),
             ("template", FORM_FILE if github else GITEA_FORM),
             ("title", f"Заявка на внедрение: {title}"),
             (PRACTICE_FIELD, f"{title} — {page}")]
    return urlunsplit(parts._replace(query=urlencode(query, quote_via=quote)))


def mail_url(email: str, title: str, page: str) -> str:
    """A mailto: link with subject and body (RFC 6068: %20 for spaces, CRLF between lines)."""
    body = "\r\n".join((
        f"Здравствуйте. Наша школа хочет внедрить практику «{title}» ({page}).",
        "Школа (полное название):",
        "Что хотим внедрить:",
        "Когда планируем начать:",
        "Контакт школы как организации (без личных телефонов и адресов почты):",
    ))
    query = urlencode({"subject": f"Хочу внедрить практику «{title}»", "body": body},
                      quote_via=quote)
    return f"mailto:{quote(email, safe='@')}?{query}"


def responsible_department(entry: Entry, library: Library) -> Term | None:
    """The department that decided on the practice, else the reviewing one (an expert's own
    department when an expert reviewed it), else None."""
    registry = library.registry
    departments = {term.id: term for term in registry.vocabularies["departments"]}
    decision = entry.data.get("decision") or {}
    reviewer = (entry.data.get("review") or {}).get("reviewer")
    expert = registry.bank.experts.get(reviewer) if isinstance(reviewer, str) else None
    for candidate in (decision.get("by"), reviewer, expert.department if expert else None):
        if candidate in departments:
            return departments[candidate]
    return None
