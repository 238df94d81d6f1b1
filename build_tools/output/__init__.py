"""What leaves the build: staging and publishing, reproducible files, sanitising, safe cells."""
