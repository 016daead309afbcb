"""The dashboard page and its static files, served by ``whimbrel serve`` (docs/api.md)."""
