"""Tests of build_tools.diagnostics."""
