"""``whimbrel serve``: an HTTP API and the dashboard over an event store (docs/api.md)."""

from whimbrel.serve.app import Limits, create_app

__all__ = ["Limits", "create_app"]
