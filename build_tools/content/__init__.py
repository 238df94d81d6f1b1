"""The content model: fields, entry types, registries, YAML sources and the loaded bank."""
