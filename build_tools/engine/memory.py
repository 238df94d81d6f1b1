"""Memory a build no longer needs, handed back before Pagefind starts.

Pagefind runs as a process of its own at the end of the build, while the build's Python process
is still alive: the build's peak memory is the sum of both at that moment. A `kb build` needs
neither the generated pages' HTML nor the converted bodies once the pages are written, so the
plugin drops them page by page (see `KnowledgeBasePlugin.on_page_content`, `on_post_page`) and
this module then returns the freed memory to the system: CPython frees the strings, but glibc's
allocator keeps the pages of its heap unless asked to trim it. Elsewhere (macOS, musl) there is
no such call and nothing is done; the build only needs more memory there.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc


def release_freed_memory() -> None:
    """Collect garbage, then ask glibc to return its free heap pages to the system."""
    gc.collect()
    name = ctypes.util.find_library("c")
    if not name:
        return
    try:
        trim = ctypes.CDLL(name).malloc_trim
    except (OSError, AttributeError):  # not glibc
        return
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    trim(0)
