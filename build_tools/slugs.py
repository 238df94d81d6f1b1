"""Deprecated path of build_tools.content.slugs, kept for existing sites' mkdocs.yml."""

# Content repositories name `!!python/name:build_tools.slugs.heading_slug` in their mkdocs.yml;
# this re-export keeps them building. New settings use build_tools.content.slugs.
from .content.slugs import heading_slug, slugify

__all__ = ["heading_slug", "slugify"]
