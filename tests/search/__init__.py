"""Tests of build_tools.search."""
