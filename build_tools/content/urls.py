"""Addresses in entry bodies, read the way a browser reads them, before any check looks at them.

A check that matches patterns on the text as written is fooled by what browsers forgive: a
leading space or control character, a tab or newline inside the scheme (`ht&#x09;tps://`, once
the HTML parser has decoded the entity), `//host/x` and `///host/x` (protocol-relative),
`https:host` and `/\\host/x` or `\\\\host/x` (a browser treats backslashes as slashes in
http(s) addresses). Every check of `href` and `src` goes through `browser_url`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

_EDGES = "".join(chr(c) for c in range(0x21)) + "\x7f\xa0\u200b\u200c\u200d\u2060\ufeff"
"""What browsers (and copy-paste) leave at either end: C0 controls, spaces, invisible marks."""
_INSIDE = re.compile(r"[\t\n\r\u200b\u200c\u200d\u2060\ufeff]")
"""Removed anywhere in an address by the URL standard (tab, newline) or invisible to readers."""
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")
_SPECIAL = frozenset({"http", "https", "ftp", "ws", "wss", "file"})
"""Schemes in which the URL standard reads a backslash as a slash."""


@dataclass(frozen=True)
class BrowserUrl:
    """What a browser would request: scheme ('' when relative), host ('' when this site)."""

    text: str
    """The address after decoding and cleaning, as the browser uses it."""
    scheme: str
    host: str

    @property
    def is_relative(self) -> bool:
        """A path on this site: no scheme and no host (`../x.md`, `images/a.png`, `#part`)."""
        return not self.scheme and not self.host

    @property
    def is_other_host(self) -> bool:
        """Loading it makes a request to another server (http(s) or protocol-relative)."""
        return bool(self.host) and self.scheme in ("", "http", "https", "ftp", "ws", "wss")


@lru_cache(maxsize=65_536)  # a pure function of the text; a bank repeats its links
def browser_url(value: str) -> BrowserUrl:
    """Strip what browsers strip, read backslashes as they do, split scheme and host.

    `value` is an attribute as an HTML parser hands it over, entities already decoded
    (body_outline's parser and the sanitiser's both do); decoding it again would read
    `&amp;#106;` as `j`, which a browser does not.
    """
    text = _INSIDE.sub("", value.strip(_EDGES))
    match = _SCHEME.match(text)
    scheme = match.group(1).lower() if match else ""
    rest = text[match.end():] if match else text
    if scheme in _SPECIAL or not scheme:
        # Relative addresses inherit the page's https scheme, so backslashes are slashes too.
        rest = rest.replace("\\", "/")
    text = f"{scheme}:{rest}" if scheme else rest
    host = ""
    if (scheme in _SPECIAL and scheme != "file") or (not scheme and rest.startswith("//")):
        # Browsers skip any number of slashes before the host: `///x`, `https:x`, `http:/x`.
        authority = rest.lstrip("/")
        try:
            host = (urlsplit("//" + authority).hostname or "").rstrip(".")
        except ValueError:  # a malformed host (`//[x`): still another server, never ours
            host = ""
        host = host or authority.split("/", 1)[0] or "?"
    return BrowserUrl(text, scheme, host.lower())
