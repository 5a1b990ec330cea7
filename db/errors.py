"""Typed errors of the storage layer; each message says how to fix the problem."""

from quotes.errors import QuotesError


class DatabaseError(QuotesError):
    """Base of every error quotes.db raises on purpose."""


class SchemaOutOfDate(DatabaseError):
    """The database was created by an older (or newer) quote-tracker and needs a migration."""


class NotADatabase(DatabaseError):
    """The URL points at a database that quote-tracker did not create."""


class ArticleNotFound(DatabaseError):
    """No stored article matches the id, URL or title fragment given."""


class AmbiguousArticle(DatabaseError):
    """A title fragment matches more than one stored article."""


class SpeakerNotFound(DatabaseError):
    """No stored speaker has the id or alias given."""


class IdentityError(DatabaseError):
    """A merge or split that cannot be done as asked (same speaker, unknown alias, ...)."""


class IngestConflict(DatabaseError):
    """An article could not be written after several retries because other writers held the database."""
