"""The guide's screenshots load in a browser under the site's sub-path, at their declared size,
and keep a phone's page from scrolling sideways."""

from __future__ import annotations

import pytest

from build_tools.pages.guide_shots import SCREENSHOTS

pytestmark = pytest.mark.browser


def test_the_screenshots_load_on_the_guide_page(sub_path_server, page) -> None:  # type: ignore[no-untyped-def]
    page.goto(sub_path_server.url("guide/#redaktor"))
    images = page.locator(".kb-guide-shot img")
    assert images.count() == len(SCREENSHOTS)
    for index, shot in enumerate(SCREENSHOTS):
        image = images.nth(index)
        image.scroll_into_view_if_needed()
        page.wait_for_function("img => img.complete", arg=image.element_handle())
        natural = image.evaluate("img => [img.naturalWidth, img.naturalHeight]")
        assert natural == [shot.width, shot.height], shot.file
        assert image.get_attribute("alt") == shot.alt


def test_the_screenshots_fit_a_phone(sub_path_server, mobile_page) -> None:  # type: ignore[no-untyped-def]
    mobile_page.goto(sub_path_server.url("guide/#redaktor"))
    widths = mobile_page.evaluate("[...document.querySelectorAll('.kb-guide-shot img')]"
                                  ".map(i => i.getBoundingClientRect().right)")
    viewport = mobile_page.viewport_size["width"]
    assert widths and all(right <= viewport for right in widths)
    assert mobile_page.evaluate("document.documentElement.scrollWidth") <= viewport
