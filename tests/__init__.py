"""Tests, one folder per room of build_tools; shared fixtures in conftest.py."""
