"""Loading and checking the content: per-file, per-body and cross-file checks."""
