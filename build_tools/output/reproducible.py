"""One build time for everything the build embeds: SOURCE_DATE_EPOCH when set, else now.

Every generated file that carries a time (feeds, open-data packages, XLSX downloads, archive
entries) takes it from `build_time()`, never from `datetime.now()`: with SOURCE_DATE_EPOCH set
(https://reproducible-builds.org/specs/source-date-epoch/) two builds of the same content give
byte-identical sites. MkDocs reads the same variable for sitemap.xml and its gzip header.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import zipfile

SOURCE_DATE_EPOCH = "SOURCE_DATE_EPOCH"

ZIP_EPOCH = dt.datetime(1980, 1, 1, tzinfo=dt.UTC)
"""The earliest time a zip entry can carry (MS-DOS date)."""

_ZIP_ENTRY_MODE = 0o644 << 16
"""Unix permissions stored with every archive entry, so the umask of the build leaves no trace."""


class BuildTimeError(ValueError):
    """SOURCE_DATE_EPOCH is set but is not a whole number of seconds since 1970."""


def source_date_epoch() -> int | None:
    """The value of SOURCE_DATE_EPOCH, or None when it is unset or empty."""
    raw = os.environ.get(SOURCE_DATE_EPOCH, "").strip()
    if not raw:
        return None
    if not raw.isdigit():
        raise BuildTimeError(
            f"переменная окружения {SOURCE_DATE_EPOCH} должна быть целым числом секунд "
            f"с 1 января 1970 года (UTC), а сейчас в ней «{raw}». Пример: "
            f"{SOURCE_DATE_EPOCH}=$(git log -1 --format=%ct)")
    return int(raw)


def is_reproducible() -> bool:
    """True when the build must embed no time of its own (SOURCE_DATE_EPOCH is set)."""
    return source_date_epoch() is not None


def build_time() -> dt.datetime:
    """The time of this build, timezone-aware in UTC: SOURCE_DATE_EPOCH when set, else now.

    Use it for every time written into the site: «lastBuildDate» of a feed, «modified» of a
    data package, document properties of a spreadsheet.
    """
    epoch = source_date_epoch()
    if epoch is None:
        return dt.datetime.now(dt.UTC).replace(microsecond=0)
    return dt.datetime.fromtimestamp(epoch, dt.UTC)


def with_fixed_entry_times(archive: bytes, when: dt.datetime | None = None) -> bytes:
    """The same zip archive with every entry stamped `when` (default: `build_time()`).

    Zip writers stamp each entry with the current time and the temporary file's permissions;
    this rewrites the archive entry by entry, in the same order and with the same contents.
    """
    moment = max(when or build_time(), ZIP_EPOCH).astimezone(dt.UTC)
    date_time = (moment.year, moment.month, moment.day,
                 moment.hour, moment.minute, moment.second)
    output = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(archive)) as source, \
            zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            fixed = zipfile.ZipInfo(entry.filename, date_time=date_time)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.create_system = 3  # Unix, whatever the building machine is
            fixed.external_attr = _ZIP_ENTRY_MODE
            target.writestr(fixed, source.read(entry))
    return output.getvalue()
