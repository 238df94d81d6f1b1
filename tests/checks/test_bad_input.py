"""The bad-input corpus: every kind of broken or hostile file is reported, never published.

Each case is a folder in tests/fixtures/bad_input/: `case.yml` says what to do to a copy of the
sample project (edit a file, drop in files from the case's own content/, re-encode, add a
symlink, pad a file past the size limit, write bytes or a generated file); `expected.txt` is
the exact report of `kb validate`.
The test runs `kb build` over a copy that already holds a published site and checks the exit
code, the report, the absence of a traceback and that the published site did not change.

Keys of case.yml besides `about`: `edits` (file, find/replace or append; `repeat` expands a
placeholder of the replacement into a text repeated N times: `{DEEP: ["[", 10000]}`),
`encode`, `pad`, `append_bytes` (hex bytes appended after padding, so they land past the
first 8 KB), `symlinks`, `binary` (a whole file as hex bytes). An accepted case's
expected.txt is «Материалы проверены: ошибок нет.», or its warnings with `accepted:` naming
the page to check (`page`, text it `contains`, characters it must be `without`).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.engine.test_cli import tree_digest
from tests.helpers import FIXTURES, KbRunner

CORPUS = FIXTURES / "bad_input"
CASES = sorted(p.name for p in CORPUS.iterdir() if (p / "case.yml").is_file())
CLEAN = "Материалы проверены: ошибок нет."
GUIDE = "Что значит каждое сообщение и как его исправить: https://example.org/bank/guide/#oshibki\n"
"""The line kb validate ends a report with: the guide's error catalogue at mkdocs.yml's site_url."""
NOT_BUILT = "Сайт не собран: исправьте ошибки выше. Опубликованный сайт не изменён."


def read_case(name: str) -> dict[str, Any]:
    case = yaml.safe_load((CORPUS / name / "case.yml").read_text(encoding="utf-8"))
    assert isinstance(case, dict) and case.get("about"), f"{name}: case.yml needs «about»"
    return case


def apply_case(name: str, project: Path) -> None:
    """Turn the sample project into the case's broken one."""
    folder, case = CORPUS / name, read_case(name)
    if (folder / "content").is_dir():
        shutil.copytree(folder / "content", project / "content", dirs_exist_ok=True)
    for edit in case.get("edits", []):
        path = project / edit["file"]
        text = path.read_text(encoding="utf-8")
        if "find" in edit:
            assert edit["find"] in text, f"{name}: «{edit['find']}» not in {edit['file']}"
            text = text.replace(edit["find"], _expand(edit["replace"], edit), 1)
        text += _expand(edit.get("append", ""), edit)
        path.write_text(text, encoding="utf-8")
    if "encode" in case:
        spec = case["encode"]
        path = project / spec["file"]
        text = path.read_text(encoding="utf-8")
        if spec.get("newline") == "crlf":
            text = text.replace("\n", "\r\n")
        path.write_bytes(text.encode(spec.get("encoding", "utf-8")))
    if "pad" in case:
        path = project / case["pad"]["file"]
        filler = "Повторяющийся абзац, вставленный из отчёта вместе с таблицами.\n"
        with path.open("a", encoding="utf-8") as out:
            out.write(filler * (case["pad"]["kb"] * 1024 // len(filler.encode()) + 1))
    for path, hex_bytes in (case.get("append_bytes") or {}).items():
        with (project / path).open("ab") as out:
            out.write(bytes.fromhex(hex_bytes))
    for link, target in (case.get("symlinks") or {}).items():
        (project / link).parent.mkdir(parents=True, exist_ok=True)
        os.symlink(target, project / link)
    for path, hex_bytes in (case.get("binary") or {}).items():
        (project / path).write_bytes(bytes.fromhex(hex_bytes))
    # `generated`: files too large to commit, as a list of parts, each `text` repeated `times`
    # (default once), written as UTF-8: e.g. a table row with a cell of 140 000 characters.
    for path, parts in (case.get("generated") or {}).items():
        (project / path).parent.mkdir(parents=True, exist_ok=True)
        (project / path).write_text(
            "".join(part["text"] * part.get("times", 1) for part in parts), encoding="utf-8")


def _expand(text: str, edit: dict[str, Any]) -> str:
    for placeholder, (piece, times) in (edit.get("repeat") or {}).items():
        text = text.replace(placeholder, piece * times)
    return text


@pytest.fixture
def published(project: Path, sample_site: Path) -> dict[str, str]:
    """The project with a site already published from the good content; its digest."""
    shutil.copytree(sample_site, project / "site")
    return tree_digest(project / "site")


@pytest.mark.parametrize("name", CASES)
def test_bad_input_is_reported_and_nothing_is_published(
    name: str, project: Path, published: dict[str, str], kb: KbRunner
) -> None:
    apply_case(name, project)
    expected = (CORPUS / name / "expected.txt").read_text(encoding="utf-8")
    result = kb("build", cwd=project)
    assert "Traceback" not in result.stderr + result.stdout
    if expected.strip() == CLEAN:  # accepted input: the site is rebuilt with it
        assert result.returncode == 0, result.stderr
        assert result.stderr.startswith(CLEAN)
        case = read_case(name)
        slug = Path(case["encode"]["file"]).stem
        page = project / "site/practices" / slug / "index.html"
        assert case["title"] in page.read_text(encoding="utf-8")
        return
    if "accepted" in read_case(name):  # accepted with warnings: published without the fault
        accepted = read_case(name)["accepted"]
        assert result.returncode == 0, result.stderr
        assert result.stderr.startswith(expected + GUIDE)
        html = (project / "site" / accepted["page"]).read_text(encoding="utf-8")
        assert accepted["contains"] in html
        assert not [ch for ch in accepted["without"] if ch in html]
        return
    assert result.returncode == 1
    assert result.stderr == expected + GUIDE + NOT_BUILT + "\n"
    assert tree_digest(project / "site") == published
    assert not list(project.glob(".site-staging-*"))


def test_every_case_is_described_and_has_a_report() -> None:
    assert len(CASES) >= 30
    for name in CASES:
        read_case(name)
        assert (CORPUS / name / "expected.txt").is_file(), name
