"""The engine glue: the `kb` command line and the MkDocs plugin."""
