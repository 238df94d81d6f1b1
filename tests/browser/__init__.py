"""End-to-end tests in headless Chromium over the built sample site."""
