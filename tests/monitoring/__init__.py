"""Tests of build_tools.monitoring."""
