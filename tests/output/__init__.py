"""Tests of build_tools.output."""
