"""Editors' tools: `kb new`, digest drafts and the JSON Schemas for editors' VS Code."""
