"""Tests of the files around the package: CI, pre-commit, VS Code, the nginx site."""
