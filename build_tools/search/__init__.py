"""Search: the filter data on pages and the Pagefind index and bundle."""
