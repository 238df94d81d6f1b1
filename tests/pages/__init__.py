"""Tests of build_tools.pages."""
