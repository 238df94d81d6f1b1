"""How listing pages sit on a screen: the wide-screen grid and the phone's filter drawer.

The stylesheet lays out cards and the search browser on any width; the script moves a filter
panel into a drawer on a phone, with a sticky «Показать N практик» button that closes it.
"""

from __future__ import annotations

STYLESHEET = "assets/kb-layout.css"
"""The script, assets/kb-drawer.js, goes to the pages with a filter panel (page_scripts.py):
any panel marked `data-kb-drawer` (the bank's and the search page's filters, the list filters
of kb-filter.js) opens as a drawer where its «Фильтры» button is shown."""
