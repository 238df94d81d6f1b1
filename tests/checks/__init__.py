"""Tests of build_tools.checks."""
