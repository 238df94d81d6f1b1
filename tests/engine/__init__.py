"""Tests of build_tools.engine."""
