"""Feeds, the events calendar and open data: the bank read by other programs."""
