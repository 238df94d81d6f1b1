"""Tests of build_tools.content."""
