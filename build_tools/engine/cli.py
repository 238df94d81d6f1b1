"""`kb`: validate content, build the site, serve it locally, write JSON Schemas."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from ..authoring.schemas import SCHEMA_DIR, write_schemas
from ..checks.loader import Checked, Project, check_content, load_library
from ..content.content_types import CONTENT_TYPES
from ..diagnostics.problems import Problems, render_github, render_json, render_text
from ..output.reproducible import BuildTimeError, source_date_epoch
from ..pages.guide import guide_address
from .cli_parser import RussianArgumentParser
from .preview import PreviewError, changed_files
from .settings import SettingsError, SiteSettings, read_site

FORMATS = {"text": render_text, "github": render_github, "json": render_json}


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "run"):
        parser.print_help()
        return 2
    return int(args.run(args))


def _parser() -> argparse.ArgumentParser:
    parser = RussianArgumentParser(
        prog="kb", description="Банк практик: проверка материалов, сборка и просмотр сайта.")
    parser.add_argument("-f", "--config-file", default="mkdocs.yml", metavar="ФАЙЛ",
                        help="файл настроек сайта (по умолчанию mkdocs.yml)")
    commands = parser.add_subparsers(title="команды", metavar="команда")

    validate = commands.add_parser("validate", help="проверить все материалы и справочники")
    validate.add_argument("--strict", action="store_true",
                          help="считать предупреждения ошибками")
    validate.add_argument("--format", choices=sorted(FORMATS), default="text",
                          help="вид отчёта: text, github (аннотации) или json")
    validate.set_defaults(run=_validate)

    build = commands.add_parser("build", help="проверить материалы и собрать сайт в site/")
    build.add_argument("--strict", action="store_true", help="считать предупреждения ошибками")
    build.add_argument("--format", choices=sorted(FORMATS), default="text")
    build.add_argument("-d", "--site-dir", metavar="ПАПКА",
                       help="куда собрать сайт (по умолчанию site/)")
    build.add_argument(
        "--preview-changed", metavar="ВЕТКА",
        help="предпросмотр запроса на слияние: собрать и материалы, добавленные или "
             "изменённые с момента ответвления от ВЕТКИ (например origin/main), даже "
             "черновики — с пометкой «Черновик — не опубликовано», без поиска и лент")
    build.add_argument("--preview", metavar="ФАЙЛ", action="append", default=[],
                       help="собрать и этот материал, даже черновик (можно повторять)")
    build.set_defaults(run=_build)

    serve = commands.add_parser("serve", help="предпросмотр сайта с обновлением при правке")
    serve.add_argument("-a", "--dev-addr", default="127.0.0.1:8000", metavar="АДРЕС:ПОРТ",
                       help="адрес и порт (по умолчанию 127.0.0.1:8000)")
    serve.set_defaults(run=_serve)

    edit = commands.add_parser(
        "edit", help="редактор материалов в браузере на своём компьютере, без git-сервера")
    edit.add_argument("-a", "--dev-addr", default="127.0.0.1:8000", metavar="АДРЕС:ПОРТ",
                      help="адрес и порт предпросмотра (по умолчанию 127.0.0.1:8000)")
    edit.add_argument("--backend-port", type=int, default=8081, metavar="ПОРТ",
                      help="порт, на котором редактор сохраняет файлы (по умолчанию 8081)")
    edit.set_defaults(run=_edit)

    issue = commands.add_parser("issue", help="превратить заявку из формы в черновик материала")
    issue.add_argument("type", choices=["practice"], metavar="вид", help="вид заявки: practice")
    issue.add_argument("body", metavar="файл",
                       help="файл с текстом заявки (как его показывает GitHub)")
    issue.add_argument("--number", default="", metavar="НОМЕР",
                       help="номер заявки: попадёт в черновик")
    issue.set_defaults(run=_issue)

    digest = commands.add_parser("digest", help="работа с дайджестом Ассоциации")
    digest_commands = digest.add_subparsers(title="действия", metavar="действие")
    draft = digest_commands.add_parser(
        "draft", help="создать черновик выпуска за месяц из новых практик, рекомендаций "
                      "и анонсов событий")
    draft.add_argument("month", nargs="?", default="", metavar="ГГГГ-ММ",
                       help="год и месяц выпуска: ГГГГ-ММ, например 2026-12 (без месяца — "
                            "текущий)")
    draft.set_defaults(run=_digest_draft)
    new = commands.add_parser(
        "new", help="создать файл нового материала по шаблону со всеми полями",
        description="Создаёт файл со всеми полями и подсказками: имя файла — латиницей из "
                    "названия, дата — сегодняшняя, статус — черновик. Существующий файл не "
                    "перезаписывается. Для дайджеста вместо названия укажите месяц: "
                    "kb new digest 2026-12 (без месяца — текущий), для выпуска конференции — "
                    "год: kb new conference 2027.")
    new.add_argument("type", choices=[t.name for t in CONTENT_TYPES], metavar="вид",
                     help="вид материала: practice, recommendation, digest, course или "
                          "conference")
    new.add_argument("title", nargs="?", default="", metavar="название",
                     help="название в кавычках; для дайджеста — месяц ГГГГ-ММ, для "
                          "конференции — год")
    new.set_defaults(run=_new)

    imported = commands.add_parser(
        "import", help="сделать черновик практики или рекомендаций из документа Word",
        description="Переносит текст документа Word (.docx) в новый черновик: заголовки, "
                    "списки, таблицы, выделение и ссылки — в Markdown, рисунки — в папку "
                    "attachments/ рядом. Название берётся из свойств документа или первого "
                    "заголовка; остальные поля остаются шаблоном kb new. Существующие файлы "
                    "не перезаписываются.")
    imported.add_argument("type", choices=["practice", "recommendation"], metavar="вид",
                          help="вид материала: practice или recommendation")
    imported.add_argument("file", metavar="файл.docx", help="документ Word, например opisanie.docx")
    imported.add_argument("--title", default="", metavar="НАЗВАНИЕ",
                          help="название материала, если в документе его нет")
    imported.set_defaults(run=_import)

    schema = commands.add_parser("schema", help="записать JSON Schema материалов в schemas/")
    schema.add_argument("-o", "--output", default=SCHEMA_DIR, metavar="ПАПКА",
                        help=f"куда записать схемы (по умолчанию {SCHEMA_DIR})")
    schema.set_defaults(run=_schema)
    return parser


def _site(config_file: str) -> SiteSettings:
    """mkdocs.yml and the kb plugin's options, read as the plugin reads them."""
    path = Path(config_file)
    if not path.is_file():
        raise SystemExit(f"kb: не найден файл настроек {config_file}: запустите kb из папки "
                         "проекта или укажите -f путь/к/mkdocs.yml.")
    try:
        return read_site(path)
    except SettingsError as error:
        raise SystemExit(f"kb: {error}") from error


def _project(config_file: str) -> Project:
    """Where content/ is and how it is checked; paths are shown from the current folder."""
    return _site(config_file).project(Path.cwd())


def _report(problems: Problems, fmt: str, strict: bool, site_url: str) -> int:
    output = FORMATS[fmt](problems)
    if output:
        print(output, file=sys.stdout if fmt == "json" else sys.stderr)
    if output and fmt == "text":
        address = guide_address(site_url)
        print(f"Что значит каждое сообщение и как его исправить: {address}", file=sys.stderr)
    elif fmt == "text":
        print("Материалы проверены: ошибок нет.", file=sys.stderr)
    if fmt == "json" and not output:
        print(render_json(problems))
    return 1 if problems.fails(strict=strict) else 0


def _validate(args: argparse.Namespace) -> int:
    return _check(args)[0]


def _check(args: argparse.Namespace) -> tuple[int, Checked]:
    """Load and check everything once and report it: the exit code and what was loaded."""
    site = _site(args.config_file)
    checked = check_content(site.project(Path.cwd()))
    return _report(checked.problems, args.format, args.strict, site.site_url), checked


def _build(args: argparse.Namespace) -> int:
    from mkdocs.commands import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    from .mkdocs_plugin import KnowledgeBasePlugin

    try:
        source_date_epoch()
    except BuildTimeError as error:
        print(f"Сайт не собран: {error}.", file=sys.stderr)
        return 1
    try:
        previewed = _previewed(args)
    except PreviewError as error:
        print(f"Сайт не собран: {error}", file=sys.stderr)
        return 1
    code, checked = _check(args)
    if code:
        print("Сайт не собран: исправьте ошибки выше. Опубликованный сайт не изменён.",
              file=sys.stderr)
        return code
    _configure_logging()
    overrides = {"site_dir": args.site_dir} if args.site_dir else {}
    try:
        config = load_config(args.config_file, strict=args.strict, **overrides)
        for plugin in config.plugins.values():
            if isinstance(plugin, KnowledgeBasePlugin):  # content is loaded once per build
                plugin.preload(checked)
                plugin.preview(previewed)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            mkdocs_build.build(config)
        finally:
            config.plugins.on_shutdown()
    except MkDocsException as error:
        print(f"Сайт не собран: {error}. Опубликованный сайт не изменён.", file=sys.stderr)
        return 1
    return 0


def _previewed(args: argparse.Namespace) -> list[Path]:
    """The files a preview build shows even as drafts: named, or changed since a branch."""
    files = [Path(name) for name in args.preview]
    missing = [str(path) for path in files if not path.is_file()]
    if missing:
        raise PreviewError(f"для предпросмотра не найден файл {', '.join(missing)}.")
    if args.preview_changed:
        files += changed_files(args.preview_changed, Path.cwd())
    return files


def _serve(args: argparse.Namespace) -> int:
    from mkdocs.commands import serve

    from .incremental import quiet_dirty_warning

    _configure_logging()
    quiet_dirty_warning()
    # A dirty build: after a save only the pages whose source changed are written again.
    serve.serve(config_file=args.config_file, dev_addr=args.dev_addr, livereload=True,
                build_type="dirty")
    return 0


def _edit(args: argparse.Namespace) -> int:
    from .local_edit import run

    return run(args, _serve)


def _issue(args: argparse.Namespace) -> int:
    import datetime as dt

    from ..authoring.issue_form import IssueFormError, draft, read_form, write
    from ..content.registries import load_registry

    project = _project(args.config_file)
    registry, _ = load_registry(project.content_root, project.display_root)
    try:
        form = read_form(Path(args.config_file).resolve().parent)
        made = draft(Path(args.body).read_text(encoding="utf-8"), form, registry.schools,
                     dt.date.today(), int(args.number) if args.number.isdigit() else None)
        path = write(made, project.content_root)
    except (IssueFormError, OSError) as error:
        print(f"kb issue: {error}", file=sys.stderr)
        return 1
    print(project.shown(path))
    for note in made.notes:
        print(note, file=sys.stderr)
    return 0


def _digest_draft(args: argparse.Namespace) -> int:
    from ..authoring.digest_draft import DraftError, write_draft
    from ..pages.render import normalize_site_url

    site = _site(args.config_file)
    project = site.project(Path.cwd())
    library, problems = load_library(project)
    if problems.has_errors():
        print("В материалах есть ошибки (kb validate покажет их); черновик собран из "
              "исправных материалов.", file=sys.stderr)
    site_url = normalize_site_url(site.site_url)
    try:
        path = write_draft(library, project.content_root / "digests", args.month, site_url,
                           shown=project.shown)
    except DraftError as error:
        print(f"kb digest draft: {error}", file=sys.stderr)
        return 1
    print(f"Черновик записан: {project.shown(path)}. Допишите его и смените статус на "
          "«опубликовано».", file=sys.stderr)
    return 0


def _new(args: argparse.Namespace) -> int:
    import datetime as dt

    from ..authoring.scaffold import ScaffoldError, content_type_named, new_entry
    from ..content.registries import load_registry

    project = _project(args.config_file)
    registry, _ = load_registry(project.content_root, project.display_root)
    try:
        path = new_entry(content_type_named(args.type), args.title, project.content_root,
                         registry.all_vocabularies(), dt.date.today())
    except ScaffoldError as error:
        print(f"kb new: {error}", file=sys.stderr)
        return 1
    print(f"Создан файл {project.shown(path)}. Заполните поля с пометкой «Обязательно», "
          "затем проверьте: kb validate.")
    return 0


def _import(args: argparse.Namespace) -> int:
    import datetime as dt

    from ..authoring.scaffold import content_type_named
    from ..authoring.word_import import WordImportError, import_document
    from ..content.registries import load_registry

    project = _project(args.config_file)
    registry, _ = load_registry(project.content_root, project.display_root)
    try:
        imported = import_document(content_type_named(args.type), Path(args.file),
                                   project.content_root, registry.all_vocabularies(),
                                   dt.date.today(), title=args.title)
    except WordImportError as error:
        print(f"kb import: {error}", file=sys.stderr)
        return 1
    print(f"Создан черновик {project.shown(imported.path)}.")
    for image in imported.images:
        print(f"Рисунок: {project.shown(image)}")
    for note in imported.notes:
        print(f"Проверьте: {note}", file=sys.stderr)
    print("Заполните поля с пометкой «Обязательно», затем проверьте: kb validate.")
    return 0


def _schema(args: argparse.Namespace) -> int:
    from ..content.registries import load_registry

    project = _project(args.config_file)
    registry, problems = load_registry(project.content_root, project.display_root)
    if problems:
        print(render_text(Problems(problems)), file=sys.stderr)
        return 1
    for path in write_schemas(Path(args.output), registry.all_vocabularies()):
        print(path)
    return 0


def _configure_logging() -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logger = logging.getLogger("mkdocs")
    if not logger.handlers:
        logger.addHandler(handler)
    logger.setLevel(logging.INFO)


if __name__ == "__main__":
    sys.exit(main())
