"""Memory a build no longer needs, handed back before Pagefind starts; and, under `kb serve`,
the long-lived objects kept out of the garbage collector's way (`freeze_long_lived`).

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
import threading


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


def freeze_long_lived() -> None:
    """Under `kb serve`, once: collect, then keep what survived out of later collections.

    After its first build the server holds hundreds of thousands of long-lived objects (the
    library, the page memo, the theme's compiled templates). Each rebuild makes enough new ones
    to trigger a full collection, which walked all of them: a pause of up to a second at 5,000
    practices, at a random point of an edit's rebuild. Frozen objects are still freed when
    nothing refers to them any more; only reference cycles among them stay until the session
    ends.
    """
    gc.collect()
    gc.freeze()


def freeze_soon(delay: float = 1.0) -> None:
    """`freeze_long_lived` once the first build has returned and its own objects are garbage,
    while the server waits for the first save (a daemon timer: it never delays the start)."""
    timer = threading.Timer(delay, freeze_long_lived)
    timer.daemon = True
    timer.start()
