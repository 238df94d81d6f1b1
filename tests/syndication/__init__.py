"""Tests of build_tools.syndication."""
