"""Quote.updated_at (for `export --updated-since`) and full-text search over quote text.

SQLite gets an FTS5 table kept in sync by triggers; PostgreSQL a GIN index on to_tsvector('english', text).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29
"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

SQLITE_FTS = [
    "CREATE VIRTUAL TABLE quote_fts USING fts5(text, content='quote', content_rowid='id', "
    "tokenize='porter unicode61 remove_diacritics 2')",
    "CREATE TRIGGER quote_fts_insert AFTER INSERT ON quote BEGIN "
    "INSERT INTO quote_fts(rowid, text) VALUES (new.id, new.text); END",
    "CREATE TRIGGER quote_fts_delete AFTER DELETE ON quote BEGIN "
    "INSERT INTO quote_fts(quote_fts, rowid, text) VALUES ('delete', old.id, old.text); END",
    "CREATE TRIGGER quote_fts_update AFTER UPDATE OF text ON quote BEGIN "
    "INSERT INTO quote_fts(quote_fts, rowid, text) VALUES ('delete', old.id, old.text); "
    "INSERT INTO quote_fts(rowid, text) VALUES (new.id, new.text); END",
    # Index the quotes stored before this revision.
    "INSERT INTO quote_fts(quote_fts) VALUES ('rebuild')",
]
PG_FTS = "CREATE INDEX ix_quote_text_fts ON quote USING gin (to_tsvector('english', text))"


def upgrade() -> None:
    # Existing rows get the migration time: they count as updated "now" for incremental exports.
    with op.batch_alter_table("quote") as batch:
        batch.add_column(sa.Column("updated_at", sa.DateTime(), nullable=False,
                                   server_default=sa.text("CURRENT_TIMESTAMP")))
    op.create_index("ix_quote_updated_at", "quote", ["updated_at"])
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for statement in SQLITE_FTS:
            op.execute(statement)
    elif dialect == "postgresql":
        op.execute(PG_FTS)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for name in ("quote_fts_insert", "quote_fts_delete", "quote_fts_update"):
            op.execute(f"DROP TRIGGER {name}")
        op.execute("DROP TABLE quote_fts")
    elif dialect == "postgresql":
        op.execute("DROP INDEX ix_quote_text_fts")
    op.drop_index("ix_quote_updated_at", "quote")
    with op.batch_alter_table("quote") as batch:
        batch.drop_column("updated_at")
