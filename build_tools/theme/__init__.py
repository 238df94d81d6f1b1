"""The theme seam: everything our code knows about Material for MkDocs, in one room."""
