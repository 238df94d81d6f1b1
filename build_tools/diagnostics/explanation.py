"""One entry of the error catalogue: what a problem code means and how to fix it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Explanation:
    """What a problem code means to an editor and what to do about it."""

    title: str
    """A short name of the problem, shown as the heading of its entry."""
    meaning: str
    """What happened and why the build cares."""
    fix: str
    """How to fix it, in plain words."""
    example: str = ""
    """Optionally, a correct piece of front-matter or a table row."""
