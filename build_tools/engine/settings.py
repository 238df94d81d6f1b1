"""The kb plugin's settings: one schema and one reader, for the `kb` command and the plugin."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config, ValidationError

from ..authoring.cms_config import BACKENDS, CmsBackend
from ..checks.loader import Project
from ..monitoring.disclosure import Disclosure
from ..monitoring.selection import SelectionRule

CACHE_DIR = ".kb-cache"
"""Beside mkdocs.yml, git-ignored: per-file results of the checks, reused while unchanged."""


class WebAddress(c.URL):
    """An http(s) address: MkDocs' URL alone would take ftp:// or mailto: too."""

    def run_validation(self, value: object) -> str:
        url = super().run_validation(value)
        if not url.startswith(("https://", "http://")):
            raise ValidationError("the address must start with https://")
        return url


class CmsConfig(Config):
    """The web editor (Decap CMS) under /admin/: `cms: {enabled: true, repo: …}`."""

    enabled = c.Type(bool, default=False)
    """Build /admin/ (needs `npm ci`: Decap CMS is pinned in package.json)."""
    backend = c.Choice(BACKENDS, default="gitlab")
    """The git host the editor commits to: gitlab (sign-in with PKCE) or github."""
    repo = c.Type(str, default="")
    """The repository, e.g. institute/bank."""
    branch = c.Type(str, default="main")
    base_url = c.Optional(WebAddress())
    """GitLab: the server (default https://gitlab.com); GitHub: the OAuth proxy."""
    app_id = c.Type(str, default="")
    """GitLab: the OAuth application's id (Settings → Applications, no secret: PKCE)."""


class KnowledgeBaseConfig(Config):
    """The options of `plugins: [{kb: {...}}]` in mkdocs.yml, validated by MkDocs' descriptors."""

    search_index = c.Type(bool, default=True)
    """Run Pagefind over the finished site (turned off only by benchmarks comparing builds)."""
    staged = c.Type(bool, default=True)
    """Build `mkdocs build` into a staging folder and publish it only after full success."""
    embed_hosts = c.ListOfItems(c.Type(str), default=[])
    """Hosts whose <iframe> players editors may embed (e.g. rutube.ru). Empty: the site makes
    no request to another host. Each host also goes into the CSP's frame-src."""
    max_file_kb = c.Type(int, default=1024)
    """Content files larger than this many kilobytes are refused with FileTooLarge."""
    monitoring_min_group = c.Type(int, default=3)
    """The disclosure policy, 1: districts with fewer reporting schools are not shown as
    monitoring aggregates (and, with school values off, nothing that would reveal them)."""
    monitoring_school_values = c.Type(bool, default=True)
    """The disclosure policy, 2: whether school pages, candidates, practice pages and downloads
    show single schools' monitoring values at all."""
    monitoring_improvement_periods = c.Type(int, default=2)
    """The selection rule, 1: consecutive periods (each against the one before) in which a
    learning-results indicator must improve by at least its `meaningful_change`."""
    monitoring_min_indicators = c.Type(int, default=2)
    """The selection rule, 2: how many of a school's learning-results indicators must improve
    so for the school to be an internship-site candidate."""
    cache = c.Type(bool, default=True)
    """Keep per-file check results in .kb-cache/ beside mkdocs.yml and reuse them."""
    requests_url = c.Optional(WebAddress())
    """The «new issue» page of the repository on the institute's git host (Forgejo, Gitea or
    GitHub), e.g. https://git.institute.example/bank/content/issues/new: practice pages link
    to it with the form «Заявка на внедрение практики» prefilled. Empty: no such link."""
    cms = c.SubConfig(CmsConfig)
    """The web editor under /admin/ (authoring/cms_config.py); off by default."""


_EXPECTED = {bool: "да или нет (true или false)", int: "целое число",
             list: "список адресов сайтов, например [rutube.ru]"}
"""What each kind of option takes, in the words of the error message."""
_EXPECTED_OF = {"requests_url": "адрес страницы новой заявки, начинающийся с https://",
                "monitoring_min_group": "целое число не меньше 1",
                "monitoring_improvement_periods": "целое число не меньше 1",
                "monitoring_min_indicators": "целое число не меньше 1",
                "cms": "набор настроек редактора: enabled (true или false), backend (gitlab "
                       "или github), repo, branch, base_url (адрес с https://), app_id"}
"""Options whose default tells nothing of what they take."""
_AT_LEAST_ONE = ("monitoring_min_group", "monitoring_improvement_periods",
                 "monitoring_min_indicators")


class SettingsError(Exception):
    """mkdocs.yml cannot be read, or an option of the kb plugin has a wrong value."""


@dataclass(frozen=True)
class KbSettings:
    """The kb plugin's options once validated: what the core is told, whoever reads mkdocs.yml."""

    search_index: bool = True
    staged: bool = True
    embed_hosts: tuple[str, ...] = ()
    max_file_kb: int = 1024
    monitoring_min_group: int = 3
    monitoring_school_values: bool = True
    monitoring_improvement_periods: int = 2
    monitoring_min_indicators: int = 2
    cache: bool = True
    requests_url: str = ""
    cms: CmsBackend | None = None
    """The web editor's backend when /admin/ is built; None when it is off."""

    @classmethod
    def from_config(cls, config: KnowledgeBaseConfig) -> KbSettings:
        return cls(search_index=config.search_index, staged=config.staged,
                   embed_hosts=tuple(h.lower() for h in config.embed_hosts),
                   max_file_kb=config.max_file_kb,
                   monitoring_min_group=config.monitoring_min_group,
                   monitoring_school_values=config.monitoring_school_values,
                   monitoring_improvement_periods=config.monitoring_improvement_periods,
                   monitoring_min_indicators=config.monitoring_min_indicators,
                   cache=config.cache, requests_url=config.requests_url or "",
                   cms=_cms_backend(config.cms))

    @property
    def disclosure(self) -> Disclosure:
        """The one disclosure policy every monitoring page and download obeys."""
        return Disclosure(self.monitoring_min_group, self.monitoring_school_values)

    @property
    def selection(self) -> SelectionRule:
        """The one selection rule of internship-site candidates, stated on their page."""
        return SelectionRule(self.monitoring_improvement_periods, self.monitoring_min_indicators)

    def project(self, config_file: Path, docs_dir: Path, display_root: Path) -> Project:
        """Where content is and how it is checked; the same for the command and the plugin."""
        config_file = config_file.resolve()
        return Project(docs_dir, display_root, max_file_bytes=self.max_file_kb * 1024,
                       embed_hosts=self.embed_hosts, config_file=config_file,
                       cache_dir=config_file.parent / CACHE_DIR if self.cache else None)


@dataclass(frozen=True)
class SiteSettings:
    """What the `kb` command needs from mkdocs.yml, read without starting MkDocs."""

    config_file: Path
    docs_dir: Path
    site_url: str
    kb: KbSettings

    def project(self, display_root: Path) -> Project:
        return self.kb.project(self.config_file, self.docs_dir, display_root)


def read_site(config_file: Path) -> SiteSettings:
    """mkdocs.yml read safely, the kb options checked by the plugin's own schema."""
    data = _mkdocs_yaml(config_file)
    docs_dir = config_file.resolve().parent / str(data.get("docs_dir") or "docs")
    return SiteSettings(config_file.resolve(), docs_dir, str(data.get("site_url") or ""),
                        kb_settings(_plugin_options(data)))


def kb_settings(options: dict[str, Any]) -> KbSettings:
    """The options validated as MkDocs validates them; a wrong one is a Russian message."""
    # An unreadable tag (!ENV, !!python/...) was read as None: the default applies, as before.
    config = KnowledgeBaseConfig()
    config.load_dict({k: v for k, v in options.items() if v is not None})
    errors, _unknown = config.validate()  # MkDocs itself warns of unknown options
    if not errors:
        errors = [(name, ValidationError("below 1")) for name in _AT_LEAST_ONE
                  if getattr(config, name) < 1]
    if errors:
        raise SettingsError("\n".join(_wrong(name, options.get(name)) for name, _ in errors))
    missing = _cms_missing(config.cms)
    if missing:
        raise SettingsError(missing)
    return KbSettings.from_config(config)


def _cms_backend(cms: CmsConfig) -> CmsBackend | None:
    if not cms.enabled:
        return None
    return CmsBackend(cms.backend, cms.repo, cms.branch, cms.base_url or "", cms.app_id)


def _cms_missing(cms: CmsConfig) -> str:
    """A switched-on editor that could not sign anyone in, in the editor's words."""
    if not cms.enabled:
        return ""
    needed = ["repo"] + (["app_id"] if cms.backend == "gitlab" else [])
    empty = [name for name in needed if not str(cms[name]).strip()]
    if not empty:
        return ""
    return ("в mkdocs.yml у плагина kb редактор включён (cms: enabled: true), но не заданы "
            f"{', '.join(empty)}: укажите репозиторий (repo: институт/банк)"
            + (" и идентификатор OAuth-приложения GitLab (app_id)" if "app_id" in empty else "")
            + ".")


def _wrong(name: str, value: Any) -> str:
    option = dict(KnowledgeBaseConfig._schema).get(name)
    expected = _EXPECTED_OF.get(name) or _EXPECTED.get(
        type(getattr(option, "default", None)), "другое значение")
    return (f"в mkdocs.yml у плагина kb настройка {name} задана как «{value}», а нужно "
            f"{expected}.")


def _mkdocs_yaml(path: Path) -> dict[str, Any]:
    """mkdocs.yml read safely: !!python/name and other tags become None, nothing is run."""
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=Loader)
    except (yaml.YAMLError, OSError, UnicodeDecodeError) as error:
        raise SettingsError(f"не удалось прочитать {path}: {error}") from error
    return data if isinstance(data, dict) else {}


def _plugin_options(settings: dict[str, Any]) -> dict[str, Any]:
    """The options of the kb plugin: `plugins: [kb]`, `plugins: [{kb: {...}}]` or a mapping."""
    plugins = settings.get("plugins") or []
    if isinstance(plugins, dict):
        plugins = [plugins]
    for plugin in plugins if isinstance(plugins, list) else []:
        if isinstance(plugin, dict) and isinstance(plugin.get("kb"), dict):
            return dict(plugin["kb"])
    return {}
