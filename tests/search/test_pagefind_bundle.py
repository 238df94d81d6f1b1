"""Pagefind's filter and metadata files: read exactly, rewritten in one order whatever the input."""

from __future__ import annotations

import asyncio
import gzip
import json
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from build_tools.search.pagefind_bundle import (
    SIGNATURE,
    BundleFormatError,
    PagefindBundle,
    decode,
    encode,
    pagefind_hash,
)
from build_tools.search.search_index import SearchIndexError, _index, entry_glob, index_site

TOPICS = ["наставничество", "инклюзивное образование", "ФГОС", "оценивание", "чтение",
          "проектная деятельность", "школьный музей"]
DISTRICTS = ["Северный район", "Южный район", "Заречный район", "Центральный район"]


def small_site(folder: Path) -> Path:
    """Twelve pages with several filters and sort keys: enough values to show hash-map order."""
    for number in range(12):
        topics = "".join(f'<span data-pagefind-filter="topic">{TOPICS[(number + k) % 7]}</span>'
                         for k in range(3))
        page = folder / f"p{number:02}" / "index.html"
        page.parent.mkdir(parents=True)
        page.write_text(
            f'<!doctype html><html lang="ru"><head><title>Практика {number}</title></head>'
            f'<body><main data-pagefind-body data-pagefind-sort="date:2025-{number % 12 + 1:02}-01"'
            f' data-pagefind-filter="district:{DISTRICTS[number % 4]}">'
            f"<h1>Практика номер {number}</h1>{topics}"
            f'<span data-pagefind-filter="year">{2020 + number % 5}</span>'
            f"<p>Школа описывает опыт работы с педагогами, вариант {number}.</p>"
            f'<p data-pagefind-sort="title">Практика {number:02}</p></main></body></html>',
            encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def raw_bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundle exactly as Pagefind wrote it, before any rewriting."""
    site = small_site(tmp_path_factory.mktemp("pagefind") / "site")
    # A thread of its own: Playwright's sync API may leave an event loop running in this one.
    with ThreadPoolExecutor(max_workers=1) as worker:
        worker.submit(asyncio.run, _index(site, "ru")).result()
    return site / "pagefind"


def bundle_files(bundle: Path) -> dict[str, bytes]:
    return {path.relative_to(bundle).as_posix(): path.read_bytes()
            for path in sorted(bundle.rglob("*")) if path.is_file()}


def cbor_files(bundle: Path) -> list[Path]:
    return sorted([*bundle.glob("*.pf_meta"), *(bundle / "filter").glob("*.pf_filter")])


def body(path: Path) -> bytes:
    data = gzip.decompress(path.read_bytes())
    assert data.startswith(SIGNATURE)
    return data[len(SIGNATURE):]


def test_codec_reads_and_writes_pagefinds_files_byte_for_byte(raw_bundle: Path) -> None:
    files = cbor_files(raw_bundle)
    assert len(files) == 4  # the metadata (with the sorts) and the filters district, topic, year
    for path in files:
        value, end = decode(body(path))
        assert end == len(body(path))
        assert encode(value) == body(path), path.name


def test_hash_names_files_as_pagefind_does(raw_bundle: Path) -> None:
    for path in (raw_bundle / "filter").glob("*.pf_filter"):
        assert path.stem == "ru_" + pagefind_hash(body(path))[:7]
    meta = next(raw_bundle.glob("*.pf_meta"))
    assert meta.name == f"pagefind.ru_{pagefind_hash(body(meta))[:10]}.pf_meta"


def test_pagefind_hash_writes_bytes_without_leading_zeros() -> None:
    # SHA-1 of b"abc" is a9993e36 4706816a ...: the byte 0x06 is written as «6».
    assert pagefind_hash(b"abc").startswith("a9993e3647681")


def reordered_copy(bundle: Path, target: Path) -> Path:
    """The same index with every list in reverse order, named the way Pagefind names files."""
    shutil.copytree(bundle, target)
    entry = json.loads((target / "pagefind-entry.json").read_text("utf-8"))
    meta_path = target / f"pagefind.{entry['languages']['ru']['hash']}.pf_meta"
    meta, _ = decode(body(meta_path))
    for pair in meta[3]:
        old = target / "filter" / f"{pair[1]}.pf_filter"
        name, values = decode(body(old))[0]
        reversed_body = encode([name, values[::-1]])
        pair[1] = "ru_" + pagefind_hash(reversed_body)[:7]
        old.unlink()
        (target / "filter" / f"{pair[1]}.pf_filter").write_bytes(
            gzip.compress(SIGNATURE + reversed_body))
    meta[3].reverse()
    meta[4].reverse()
    meta_body = encode(meta)
    entry["languages"]["ru"]["hash"] = "ru_" + pagefind_hash(meta_body)[:10]
    meta_path.unlink()
    (target / f"pagefind.{entry['languages']['ru']['hash']}.pf_meta").write_bytes(
        gzip.compress(SIGNATURE + meta_body))
    (target / "pagefind-entry.json").write_text(json.dumps(entry), encoding="utf-8")
    return target


def test_any_order_of_filters_and_sorts_gives_the_same_files(
        raw_bundle: Path, tmp_path: Path) -> None:
    one = shutil.copytree(raw_bundle, tmp_path / "one")
    other = reordered_copy(raw_bundle, tmp_path / "other")
    assert bundle_files(one) != bundle_files(other)
    for bundle in (one, other):
        PagefindBundle.read(bundle).write_canonical()
    assert bundle_files(one) == bundle_files(other)
    # Fragments and word index chunks are Pagefind's own, untouched.
    for name, data in bundle_files(raw_bundle).items():
        if name.startswith(("fragment/", "index/")):
            assert bundle_files(one)[name] == data


def test_canonical_bundle_is_sorted_complete_and_stable(raw_bundle: Path, tmp_path: Path) -> None:
    bundle = shutil.copytree(raw_bundle, tmp_path / "bundle")
    before = PagefindBundle.read(bundle)
    before.write_canonical()
    once = bundle_files(bundle)
    after = PagefindBundle.read(bundle)
    assert after.page_count == before.page_count == 12
    [index] = after.languages
    assert [name for name, _ in index.meta[3]] == ["district", "topic", "year"]
    assert [key for key, _ in index.meta[4]] == ["date", "title"]
    topics = next(values for name, values in index.filters.values() if name == "topic")
    assert [value for value, _ in topics] == sorted(TOPICS, key=lambda t: t.encode())
    assert sum(len(pages) for _, pages in topics) == 36  # three topics on each of 12 pages
    # The entry file names the new metadata file; no old metadata or filter file is left.
    entry = json.loads((bundle / "pagefind-entry.json").read_text("utf-8"))
    assert [p.name for p in bundle.glob("*.pf_meta")] == [
        f"pagefind.{entry['languages']['ru']['hash']}.pf_meta"]
    assert sorted(p.stem for p in (bundle / "filter").iterdir()) == sorted(
        filter_hash for _, filter_hash in index.meta[3])
    after.write_canonical()
    assert bundle_files(bundle) == once


@pytest.mark.parametrize("data", [
    bytes([0xA1, 0x61, 0x61, 0x01]),  # a map
    bytes([0x20]),  # a negative integer
    bytes([0x9F, 0xFF]),  # an array of indefinite length
    bytes([0x82, 0x01]),  # an array cut short
    bytes([0x63, 0x61]),  # a text cut short
])
def test_codec_refuses_what_pagefinds_files_never_hold(data: bytes) -> None:
    with pytest.raises(BundleFormatError):
        decode(data)


def test_a_file_without_the_signature_is_refused(raw_bundle: Path, tmp_path: Path) -> None:
    bundle = shutil.copytree(raw_bundle, tmp_path / "bundle")
    victim = next((bundle / "filter").glob("*.pf_filter"))
    victim.write_bytes(gzip.compress(b"not pagefind"))
    with pytest.raises(BundleFormatError, match="нет подписи pagefind_dcd"):
        PagefindBundle.read(bundle)


def test_entry_glob_names_one_level_of_pages_under_each_folder() -> None:
    assert entry_glob(["practices", "digests", "practices"]) == "{digests,practices}/*/index.html"
    assert entry_glob(["practices"], directory_urls=False) == "practices/*.html"
    with pytest.raises(SearchIndexError):
        entry_glob([])


def test_only_pages_in_the_glob_are_indexed(tmp_path: Path) -> None:
    """Pages outside the entry folders, and listings inside them, are never read by Pagefind."""
    site = tmp_path / "site"
    small_site(site / "practices")
    for outside in ("schools/s1/index.html", "practices/page/2/index.html", "index.html"):
        page = site / outside
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text('<html lang="ru"><body><main data-pagefind-body><h1>Школа</h1>'
                        "<p>Не материал банка</p></main></body></html>", encoding="utf-8")
    glob = entry_glob(["practices", "recommendations"])
    with ThreadPoolExecutor(max_workers=1) as worker:
        report = worker.submit(index_site, site, glob=glob, expected=12).result()
    assert report.pages == 12
    urls = {json.loads(body(path))["url"] for path in (site / "pagefind/fragment").iterdir()}
    assert urls == {f"/practices/p{number:02}/" for number in range(12)}


def test_fewer_pages_than_expected_fail_the_step(tmp_path: Path) -> None:
    site = small_site(tmp_path / "site" / "practices").parent
    with ThreadPoolExecutor(max_workers=1) as worker, pytest.raises(
            SearchIndexError, match="12 страниц материалов из 13"):
        worker.submit(index_site, site, glob=entry_glob(["practices"]), expected=13).result()
