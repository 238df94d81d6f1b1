"""Tests of build_tools.authoring."""
