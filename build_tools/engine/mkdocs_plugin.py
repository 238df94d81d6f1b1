"""Thin MkDocs glue: translates MkDocs events into calls to the core, nothing more.

The core (loader, pages, search_index, publish) knows nothing of MkDocs; a move to another
engine replaces this module only.
"""

from __future__ import annotations

import html
import logging
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jinja2
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files

from ..checks.content_policy import in_input_folder
from ..checks.loader import Checked, Project, check_content
from ..diagnostics.problems import render_text
from ..monitoring.site import MonitoringSettings
from ..output import entry_cache
from ..output.inline_scripts import InlineScripts
from ..output.publish import StagedSite
from ..output.reproducible import BuildTimeError, source_date_epoch
from ..output.sanitize import clean_entry_html, ids_in
from ..pages import (
    low_vision,
    page_scripts,
    page_store,
    problem_pages,
)
from ..pages.page_memo import PageMemo
from ..pages.pages import PageSpec, SiteBuilder
from ..pages.render import BYTECODE, Renderer, normalize_site_url, root_prefix
from ..search.search_index import KeptIndex, SearchIndexError, entry_glob, index_site
from ..syndication.syndication import PublicationSettings
from ..theme import seam as theme
from . import cms_output, entry_body, memory, output_reuse, preview, site_assets
from .incremental import ServeSession, site_key
from .output_reuse import OutputReuse, ReuseError
from .settings import KbSettings, KnowledgeBaseConfig

log = logging.getLogger("mkdocs.plugins.kb")

def _same_project(loaded: Project, wanted: Project) -> bool:
    """The same content checked the same way; paths may be shown from another folder."""
    return (loaded.content_root.resolve() == wanted.content_root.resolve()
            and replace(loaded, display_root=wanted.display_root,
                        content_root=wanted.content_root) == wanted)


def _checked_line(checked: Checked) -> str:
    """How much of the content was checked anew: after an edit, only the edited files."""
    line = f"материалы: проверено заново {len(checked.rechecked)}, без изменений {checked.reused}"
    if 0 < len(checked.rechecked) <= 5:
        line += f" ({', '.join(checked.rechecked)})"
    return line


def _few(uris: list[str]) -> str:
    """The rebuilt pages by name when there are only a few, as after one edit."""
    return f" ({', '.join(uris)})" if 0 < len(uris) <= 5 else ""


class KnowledgeBasePlugin(BasePlugin[KnowledgeBaseConfig]):
    def __init__(self) -> None:
        self.embed_hosts: tuple[str, ...] = ()
        self.settings = KbSettings()
        self.command = ""
        self.dirty = False
        self.pages: dict[str, PageSpec] = {}
        self.staged: StagedSite | None = None
        self.succeeded = False
        self.inline_scripts = InlineScripts()
        self.published: set[str] = set()
        self.preloaded: Checked | None = None
        self.preview_files: list[Path] = []
        """`kb build --preview…`: files whose unpublished entries are built too, marked."""
        self.kept_index = KeptIndex()
        self.bodies: dict[str, Any] = {}
        """Entries' bodies as the checks converted them, by page; reused instead of MkDocs'."""
        self.reused: set[str] = set()
        self.frozen = False  # kb serve: the first build's objects kept from the collector
        self.reuse: OutputReuse | None = None
        """Under `kb build`: the pages taken from the site this build replaces."""
        self.session = ServeSession()
        self.memo = PageMemo()
        """Under `kb serve`: the last build's pages, reused while their inputs hold."""
        # Kept across `kb serve`'s rebuilds: its templates are compiled once per session.
        self.renderer = Renderer()
        self.decap: list[Any] = []
        """The Decap CMS files /admin/ loads, when the web editor is built."""

    def preload(self, checked: Checked) -> None:
        """Content the `kb` command has already loaded and checked: not loaded a second time."""
        self.preloaded = checked

    def preview(self, files: list[Path]) -> None:
        """Build these files' drafts too (a pull request's preview), marked and unindexed."""
        self.preview_files = files

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command
        self.dirty = dirty
        self.session.keeps = command == "serve"  # only the editor's loop compares builds
        if command == "serve":  # many checks in a row: the cache file is written at the end
            entry_cache.hold_writes()

    def on_config(self, config: Any) -> Any:
        try:
            source_date_epoch()  # MkDocs' sitemap would fail on it later with a traceback
        except BuildTimeError as error:
            raise PluginError(str(error)) from error
        serving = self.command == "serve"
        self.settings = KbSettings.from_config(self.config)
        self.embed_hosts = self.settings.embed_hosts
        config_file = Path(config.config_file_path)
        project = self.settings.project(config_file, Path(config.docs_dir), config_file.parent)
        checked = self._checked(project)
        log.info(_checked_line(checked))
        published = checked.published()
        library = (checked.library if serving
                   else preview.previewed(checked.library, published, self.preview_files))
        problems = checked.problems
        for problem in problems.warnings:
            log.warning(problem.render())
        if problems.has_errors():
            if not serving:
                raise PluginError("материалы содержат ошибки, сайт не собран:\n"
                                  + render_text(problems))
            for problem in problems.errors:  # while editing, keep serving the valid pages
                log.error(problem.render())
        # Default-deny: of content/ only the attachments the shown entries refer to are copied.
        self.published = checked.published_sources(library)
        monitoring = MonitoringSettings(self.settings.disclosure, self.settings.selection)
        publication = PublicationSettings(site_url=normalize_site_url(config.site_url))
        if not publication.absolute:
            log.warning("в mkdocs.yml не задан site_url (адрес сайта, например "
                        "https://example.org/bank/): ленты новостей и календарь .ics не собраны.")
        # The editor's loop reuses pages between saves, a build those the last build stored
        # (page_store.py): each while the world every page shares holds.
        world = checked.world_key()
        self.memo.begin(world)
        if not serving:
            self.memo.seed(page_store.load(project.cache_dir, world))
        self.builder = SiteBuilder(library, self.renderer, monitoring_settings=monitoring,
                                   publication=publication, memo=self.memo,
                                   requests_url=self.settings.requests_url,
                                   syndicated=published)
        self.pages = {p.src_uri: p for p in self.builder.pages()}
        if serving:  # a broken entry's address shows its errors instead of a 404
            self.pages.update((p.src_uri, p) for p in problem_pages.error_pages(
                problems, set(self.pages), project.shown(project.content_root) + "/",
                self.renderer))
        reusable = entry_body.reusable(config)
        self.bodies = {e.src_uri: e.outline for e in library.entries
                       if reusable and entry_body.converted(e.outline)}
        self.statics = list(self.builder.static_files())
        if not serving:
            if self.memo.reused:
                log.info(f"из кэша взято страниц и файлов: {self.memo.reused} "
                         f"из {len(self.memo.made())}")
            page_store.save(project.cache_dir, world, self.memo.made(), self.memo.opened)
            self.memo.release()  # the pages hold what they need; the store has the rest
        self.decap = []
        editor = cms_output.editor_backend(self.settings.cms)
        if editor is not None:  # the web editor under /admin/ (engine/cms_output.py)
            admin, self.decap = cms_output.editor_outputs(editor, library, self.renderer, config)
            self.statics += admin
        self.low_vision = low_vision.LowVisionControl(self.builder.renderer)
        site_assets.register(config)
        if self.command == "build" and self.settings.staged:
            self.staged = StagedSite(Path(config.site_dir))
            config.site_dir = str(self.staged.staging)
            # Unchanged pages are taken from the site this build replaces (output_reuse.py).
            self.reuse = (OutputReuse(project.cache_dir, self.staged.site_dir, world)
                          if world and not self.preview_files else None)
        return config

    def _checked(self, project: Project) -> Checked:
        """The command's result when it checked this very project, else a fresh check."""
        preloaded, self.preloaded = self.preloaded, None  # good for one build only
        if preloaded is not None and _same_project(preloaded.project, project):
            return preloaded
        return check_content(project)

    def on_files(self, files: Files, *, config: Any) -> Files:
        docs_dir = Path(config.docs_dir).resolve()
        in_docs: dict[str, bool] = {}  # thousands of files share a few folders
        shadowing = False
        for file in list(files):
            # Entries, registries and tables are inputs; only the checked results are published.
            src_dir = file.src_dir
            if src_dir is not None and src_dir not in in_docs:
                in_docs[src_dir] = Path(src_dir).resolve() == docs_dir
            from_content = src_dir is not None and in_docs[src_dir]
            if (from_content and file.src_uri not in self.published) or file.src_uri in self.pages:
                files.remove(file)
                shadowing = shadowing or not in_input_folder(file.src_uri)
        if shadowing:
            # A content file that shadowed one of the theme's (only possible under `kb serve`,
            # where errors are logged) is gone: the theme's own file takes its place again.
            # The theme has nothing in the content folders, so their files never shadow.
            files.add_files_from_theme(config.theme.get_env(), config)
        # Under `kb serve` (a dirty build) MkDocs skips the files whose digest is unchanged;
        # a clean build writes every file, and the log must say so.
        if not self.dirty:
            self.session.forget()
        self.session.start()
        key = site_key(Path(config.config_file_path), config.nav, self.pages.values())
        if self.reuse is not None:
            self.reuse.begin(key)
        for spec in self.pages.values():
            file = self.session.page(config, spec, key)
            if self.reuse is not None:
                self.reuse.plan(spec, key, file.dest_uri)
            files.append(preview.include(file, spec.draft))
        for static in self.statics:
            files.append(self.session.static(config, static))
        for decap in self.decap:
            files.append(cms_output.decap_file(config, decap))
        for asset in site_assets.files(config):
            files.append(asset)
        return files

    def on_page_markdown(self, markdown: str, *, page: Any, config: Any, files: Files) -> str:
        if self.reuse is not None and self.reuse.is_taken(page.file.src_uri):
            page.meta["template"] = output_reuse.TEMPLATE  # on_post_page puts the page in
            return ""
        spec = self.pages.get(page.file.src_uri)
        if spec is not None:
            # MkDocs' theme templates print meta values without escaping.
            if not page.is_homepage:  # the theme titles the home page with site_name alone
                page.meta["title"] = html.escape(spec.title)
            if spec.description:
                page.meta["description"] = html.escape(spec.description)
            page.meta.update(spec.meta)
            if page.file.src_uri in self.bodies and markdown == spec.markdown:
                self.reused.add(page.file.src_uri)
                return ""  # converted by the checks already: on_page_content puts it in
        return markdown

    def on_page_content(self, html_text: str, *, page: Any, config: Any, files: Files) -> str:
        spec = self.pages.get(page.file.src_uri)
        if spec is None:
            return html_text
        if self.reuse is not None and self.reuse.is_taken(page.file.src_uri):
            page.present_anchor_ids = None  # its anchors are in the taken file: not checked
            self._release(page.file.src_uri, spec)
            return ""
        if page.file.src_uri in self.reused:
            self.reused.discard(page.file.src_uri)
            html_text = entry_body.page_html(self.bodies[page.file.src_uri], page, files, config)
        if spec.kind == "listing":  # a list uses the width its empty sidebars would take
            page.meta.update(theme.hidden_sidebars(navigation=page.parent is None,
                                                   toc=not page.toc.items))
        # The body may not take an id the page's own header and sections carry.
        taken = ids_in(spec.before) | ids_in(spec.after)
        body = clean_entry_html(html_text, self.embed_hosts, taken) if spec.markdown else ""
        content = f"{spec.before}\n{body}\n{spec.after}"
        self._release(page.file.src_uri, spec)
        if spec.kind == "entry" and spec.draft:  # shown, marked, never indexed
            return preview.marked(content)
        if spec.kind == "entry":
            return f'<div data-pagefind-body lang="ru">\n{content}\n</div>'
        return content

    def _release(self, src_uri: str, spec: PageSpec) -> None:
        """A build drops a page's HTML parts once MkDocs has them (serve compares them later)."""
        if self.command == "build":
            self.pages[src_uri] = replace(spec, before="", markdown="", after="")
            self.bodies.pop(src_uri, None)

    def on_post_page(self, output: str, *, page: Any, config: Any) -> str:
        if self.reuse is not None:
            if self.reuse.is_taken(page.file.src_uri):
                try:
                    return self.reuse.output(page.file.src_uri)
                except ReuseError as error:
                    self.reuse.forget()
                    raise PluginError(f"опубликованный сайт изменился во время сборки ({error}); "
                                      "запустите сборку ещё раз.") from error
            output = self._finish_page(output, page)
            self.reuse.record(page.file.src_uri, output)
            return output
        return self._finish_page(output, page)

    def _finish_page(self, output: str, page: Any) -> str:
        output = self._add_controls(output, root_prefix(page.url) or "./", page.file.src_uri)
        spec = self.pages.get(page.file.src_uri)
        # Plain strings: a Markup on either side would escape the other (the feed links).
        head = str(self.builder.head_links(page.url)) + str(spec.head if spec is not None else "")
        output = output.replace("</head>", head + "</head>", 1)
        if self.command == "build":  # written next; MkDocs keeps only its anchors for checks
            page.content = ""
        return self._externalize(output, root_prefix(page.url), page.file.src_uri)

    def on_env(self, env: Any, *, config: Any, files: Files) -> Any:
        # The theme's templates compiled once per process, not on every save of `kb serve`.
        env.bytecode_cache = BYTECODE
        if self.reuse is not None:  # a taken page renders nothing: its file is put in
            env.loader = jinja2.ChoiceLoader([env.loader,
                                              jinja2.DictLoader({output_reuse.TEMPLATE: ""})])
        return env

    def on_post_template(self, output_content: str, *, template_name: str, config: Any) -> str:
        # 404.html is served at any depth, so MkDocs links it from the site's absolute path.
        root = (urlsplit(config.site_url or "/").path or "/").rstrip("/") + "/"
        if template_name == "404.html":
            output_content = self._add_controls(output_content, root, template_name)
            try:
                output_content = theme.replace_not_found(
                    output_content, problem_pages.not_found_content(self.renderer, root))
            except theme.ThemeSeamError as error:
                raise PluginError(str(error)) from error
        return self._externalize(output_content, root, template_name)

    def _externalize(self, output: str, root: str, page: str) -> str:
        output, refused = self.inline_scripts.externalize(output, root, page)
        for problem in refused:  # content cannot produce one: the sanitiser removes scripts
            if self.command != "serve":
                raise PluginError("сайт не собран:\n" + problem.render())
            log.error(problem.render())
        return output

    def _add_controls(self, output: str, root: str, page: str) -> str:
        try:
            output = self.low_vision.add_to(output, root, page,
                                            before_button=self.builder.header_search(root))
            return page_scripts.add_scripts(output, root, page)
        except theme.ThemeSeamError as error:  # fails `kb serve`'s rebuild too: no page lacks it
            raise PluginError(str(error)) from error

    def on_post_build(self, *, config: Any) -> None:
        if self.reuse is not None:
            for name, code in self.reuse.scripts_needed().items():
                self.inline_scripts.files.setdefault(name, code)
        self.inline_scripts.write(Path(config.site_dir))
        self.session.remove_stale()
        if self.command == "serve" and not self.frozen:  # the first build's objects live on
            memory.freeze_soon()
            self.frozen = True
        if self.command == "serve":
            log.info(f"предпросмотр: пересобрано страниц {len(self.session.rebuilt)} "
                     f"из {len(self.pages)}" + _few(self.session.rebuilt))
        self.session.finish()
        if self.settings.search_index:
            if self.command == "build":  # Pagefind's memory comes on top of this process's
                memory.release_freed_memory()
            self._search_index(Path(config.site_dir), config)
        if self.reuse is not None:
            if self.reuse.taken:
                log.info(f"из прошлой сборки взято готовых страниц: {len(self.reuse.taken)} "
                         f"из {len(self.pages)}")
            self.reuse.save()
        self.succeeded = True

    def _search_index(self, site_dir: Path, config: Any) -> None:
        serving = self.command == "serve"
        if serving and self.kept_index.restore(site_dir):
            log.info("Pagefind: поиск в предпросмотре работает по индексу, построенному при "
                     "запуске kb serve; правки появятся в поиске после перезапуска.")
            return
        try:
            report = index_site(site_dir, **self._search_scope(config))
        except SearchIndexError as error:
            raise PluginError(str(error)) from error
        log.info(f"Pagefind: проиндексировано страниц: {report.pages} за {report.seconds:.1f} с")
        if serving:
            self.kept_index.keep(site_dir)

    def _search_scope(self, config: Any) -> dict[str, Any]:
        """Pagefind reads the entry pages only; every published one must be found."""
        entries = [spec for spec in self.pages.values() if spec.kind == "entry"]
        folders = {spec.src_uri.split("/", 1)[0] for spec in entries}
        return {"glob": entry_glob(folders, directory_urls=config.use_directory_urls),
                "expected": max(1, sum(not spec.draft for spec in entries)),
                "synonyms": self.builder.library.registry.synonyms}

    def on_build_error(self, *, error: Exception) -> None:
        self.succeeded = False
        self.session.forget()
        if self.staged is not None:
            self.staged.discard()
            self.staged = None

    def on_shutdown(self) -> None:
        self.kept_index.discard()
        entry_cache.flush()
        # Runs after MkDocs' own strict-mode check, which can still fail a finished build.
        if self.staged is not None:
            if self.succeeded:
                self.staged.commit()
            else:
                self.staged.discard()
            self.staged = None
