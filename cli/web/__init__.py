"""`quotes serve`: a local, read-only web view over the database that `quotes ingest` fills."""

from .app import create_app
from .database import open_readonly

__all__ = ["create_app", "open_readonly"]
