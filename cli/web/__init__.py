"""`quotes serve`: a local, read-only web view over the database that `quotes ingest` fills."""

from quotes.cli.web.app import create_app
from quotes.cli.web.database import open_readonly

__all__ = ["create_app", "open_readonly"]
