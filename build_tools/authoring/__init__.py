"""Editors' tools: `kb new`, digest drafts and the JSON schemas for editors' editors."""
