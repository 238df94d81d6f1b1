"""Two builds of the same content with SOURCE_DATE_EPOCH set give byte-identical sites."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest

from build_tools.monitoring.downloads import xlsx_bytes
from build_tools.output.reproducible import (
    BuildTimeError,
    build_time,
    is_reproducible,
    source_date_epoch,
    with_fixed_entry_times,
)
from tests.helpers import copy_sample

EPOCH = 1_767_225_600
DCTERMS = "http://purl.org/dc/terms/"
"""2026-01-01 00:00:00 UTC."""

EPOCH_TIME = dt.datetime.fromtimestamp(EPOCH, dt.UTC)


def build(folder: Path, *, hash_seed: str) -> Path:
    """The sample project copied into `folder` and built there with `kb build -d out`."""
    # mkdocs.yml sets site_url, so MkDocs writes lastmod dates into sitemap.xml: they must not
    # differ between the two builds.
    copy_sample(folder)
    assert "\nsite_url: https://" in (folder / "mkdocs.yml").read_text(encoding="utf-8")
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(EPOCH), "PYTHONHASHSEED": hash_seed}
    result = subprocess.run([sys.executable, "-m", "build_tools.engine.cli", "build", "-d", "out"],
                            cwd=folder, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    return folder / "out"


def tree(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes()
            for path in sorted(site.rglob("*")) if path.is_file()}


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Two builds in folders of different names and depths, with different hash seeds."""
    base = tmp_path_factory.mktemp("reproducible")
    first = build(base / "first", hash_seed="1")
    second = build(base / "another" / "place", hash_seed="2")
    return first, second


def test_two_builds_give_byte_identical_sites(two_builds: tuple[Path, Path]) -> None:
    first, second = (tree(site) for site in two_builds)
    assert sorted(first) == sorted(second), (
        f"only in the first build: {sorted(set(first) - set(second))}; "
        f"only in the second: {sorted(set(second) - set(first))}")
    differing = [name for name in first if first[name] != second[name]]
    assert not differing, f"files that differ between the two builds: {differing}"
    # The comparison covers what used to differ: the search index, downloads, the sitemap.
    assert any(name.startswith("pagefind/filter/") for name in first)
    assert any(name.endswith(".pf_meta") for name in first)
    assert any(name.endswith(".xlsx") for name in first)
    assert "sitemap.xml.gz" in first


def test_no_build_folder_leaks_into_the_site(two_builds: tuple[Path, Path]) -> None:
    for site in two_builds:
        project = str(site.parent).encode()
        leaking = [name for name, data in tree(site).items() if project in data]
        assert not leaking, f"{site.parent} is written into {leaking}"


def test_every_embedded_time_is_source_date_epoch(two_builds: tuple[Path, Path]) -> None:
    site = two_builds[0]
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert sitemap.count("<lastmod>") > 10
    assert sitemap.count("<lastmod>2026-01-01</lastmod>") == sitemap.count("<lastmod>")
    # The gzip header's MTIME field.
    assert int.from_bytes((site / "sitemap.xml.gz").read_bytes()[4:8], "little") == EPOCH
    assert gzip.decompress((site / "sitemap.xml.gz").read_bytes()).decode() == sitemap

    for path in sorted(site.rglob("*.xlsx")):
        with zipfile.ZipFile(io.BytesIO(path.read_bytes())) as archive:
            assert {entry.date_time for entry in archive.infolist()} == {(2026, 1, 1, 0, 0, 0)}
            core = ElementTree.fromstring(archive.read("docProps/core.xml"))
        # Read as XML: openpyxl may declare the namespaces on each element or once at the top.
        for stamp in ("created", "modified"):
            found = core.find(f"{{{DCTERMS}}}{stamp}")
            assert found is not None and found.text == "2026-01-01T00:00:00Z", (path, stamp)


def test_build_refuses_a_malformed_source_date_epoch(project: Path) -> None:
    env = {**os.environ, "SOURCE_DATE_EPOCH": "2026-01-01"}
    result = subprocess.run([sys.executable, "-m", "build_tools.engine.cli", "build"], cwd=project,
                            env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert ("переменная окружения SOURCE_DATE_EPOCH должна быть целым числом секунд "
            "с 1 января 1970 года (UTC), а сейчас в ней «2026-01-01»") in result.stderr
    assert not (project / "site").exists()


# build_time() and archives, without building a site.


def test_build_time_is_source_date_epoch_when_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(EPOCH))
    assert build_time() == EPOCH_TIME
    assert build_time().tzinfo is dt.UTC
    assert source_date_epoch() == EPOCH and is_reproducible()


@pytest.mark.parametrize("value", [None, "", "  "])
def test_build_time_is_now_without_source_date_epoch(
        monkeypatch: pytest.MonkeyPatch, value: str | None) -> None:
    if value is None:
        monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    else:
        monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    moment = build_time()
    assert before <= moment <= dt.datetime.now(dt.UTC)
    assert source_date_epoch() is None and not is_reproducible()


@pytest.mark.parametrize("value", ["-5", "1.5", "2026-01-01", "завтра"])
def test_malformed_source_date_epoch_is_refused(
        monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    with pytest.raises(BuildTimeError, match=f"а сейчас в ней «{re.escape(value)}»"):
        build_time()


def _archive(stamp: tuple[int, int, int, int, int, int], mode: int) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for name, text in (("b.xml", "<b/>"), ("a.xml", "<a>данные</a>")):
            entry = zipfile.ZipInfo(name, date_time=stamp)
            entry.external_attr = mode << 16
            archive.writestr(entry, text)
    return buffer.getvalue()


def test_archive_entries_get_one_time_and_keep_order_and_content() -> None:
    one = with_fixed_entry_times(_archive((2025, 3, 1, 10, 0, 0), 0o600), EPOCH_TIME)
    other = with_fixed_entry_times(_archive((2026, 5, 9, 17, 42, 8), 0o640), EPOCH_TIME)
    assert one == other
    with zipfile.ZipFile(io.BytesIO(one)) as archive:
        assert archive.namelist() == ["b.xml", "a.xml"]
        assert archive.read("a.xml").decode() == "<a>данные</a>"
        assert {entry.date_time for entry in archive.infolist()} == {(2026, 1, 1, 0, 0, 0)}


def test_archive_times_before_1980_become_1980() -> None:
    fixed = with_fixed_entry_times(_archive((2025, 3, 1, 10, 0, 0), 0o600),
                                   dt.datetime(1970, 1, 1, tzinfo=dt.UTC))
    with zipfile.ZipFile(io.BytesIO(fixed)) as archive:
        assert {entry.date_time for entry in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_xlsx_does_not_depend_on_the_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    import pandas as pd

    table = pd.DataFrame({"район": ["Северный", "Южный"], "значение": [1.5, 2.0]})
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(EPOCH))
    first = xlsx_bytes(table, "показатель")
    real_time = time.time
    monkeypatch.setattr(time, "time", lambda: real_time() + 86_400 * 400)
    assert xlsx_bytes(table, "показатель") == first


def test_xlsx_without_source_date_epoch_is_dated_now(monkeypatch: pytest.MonkeyPatch) -> None:
    import pandas as pd
    from openpyxl import load_workbook

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    before = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
    book = load_workbook(io.BytesIO(xlsx_bytes(pd.DataFrame({"a": [1]}), "лист")))
    after = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    assert before <= book.properties.created <= after
    assert before <= book.properties.modified <= after
