"""Initial schema: articles, speakers with aliases and roles, statements, quotes.

Revision ID: 0001
Revises:
Create Date: 2026-11-29
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "article",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("source", sa.String(), nullable=False),
        sa.Column("url", sa.String(), nullable=True),
        sa.Column("title", sa.String(), nullable=True),
        sa.Column("outlet", sa.String(), nullable=True),
        sa.Column("published_at", sa.Date(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("content_hash", sa.String(), nullable=False, unique=True),
        sa.Column("pipeline_version", sa.String(), nullable=False),
        sa.Column("ingested_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_article_url", "article", ["url"])
    op.create_index("ix_article_outlet", "article", ["outlet"])
    op.create_index("ix_article_published_at", "article", ["published_at"])

    op.create_table(
        "speaker",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("identity_key", sa.String(), nullable=False, unique=True),
        sa.Column("name_key", sa.String(), nullable=False),
        sa.Column("surname_key", sa.String(), nullable=True),
        sa.Column("merged_into_id", sa.Integer(), sa.ForeignKey("speaker.id"), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_speaker_name_key", "speaker", ["name_key"])
    op.create_index("ix_speaker_surname_key", "speaker", ["surname_key"])

    op.create_table(
        "alias",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("speaker_id", sa.Integer(), sa.ForeignKey("speaker.id"), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("manual", sa.Boolean(), nullable=False),
        sa.UniqueConstraint("speaker_id", "key", name="uq_alias_speaker_key"),
    )
    op.create_index("ix_alias_speaker_id", "alias", ["speaker_id"])
    op.create_index("ix_alias_key", "alias", ["key"])

    op.create_table(
        "role",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("speaker_id", sa.Integer(), sa.ForeignKey("speaker.id"), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("title_key", sa.String(), nullable=False),
        sa.Column("first_seen", sa.Date(), nullable=True),
        sa.Column("last_seen", sa.Date(), nullable=True),
        sa.UniqueConstraint("speaker_id", "title_key", name="uq_role_speaker_title"),
    )
    op.create_index("ix_role_speaker_id", "role", ["speaker_id"])
    op.create_index("ix_role_title_key", "role", ["title_key"])

    op.create_table(
        "statement",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("speaker_id", sa.Integer(), sa.ForeignKey("speaker.id"), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("word_count", sa.Integer(), nullable=False),
        sa.Column("first_seen", sa.DateTime(), nullable=True),
        sa.Column("occurrences", sa.Integer(), nullable=False),
        sa.UniqueConstraint("speaker_id", "key", name="uq_statement_speaker_key"),
    )
    op.create_index("ix_statement_speaker_id", "statement", ["speaker_id"])

    op.create_table(
        "quote",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("article_id", sa.Integer(), sa.ForeignKey("article.id"), nullable=False),
        sa.Column("speaker_id", sa.Integer(), sa.ForeignKey("speaker.id"), nullable=True),
        sa.Column("statement_id", sa.Integer(), sa.ForeignKey("statement.id"), nullable=True),
        sa.Column("alias_key", sa.String(), nullable=True),
        sa.Column("source", sa.String(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("spans", sa.JSON(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("cue", sa.String(), nullable=True),
        sa.Column("cue_start", sa.Integer(), nullable=True),
        sa.Column("cue_end", sa.Integer(), nullable=True),
        sa.Column("speaker", sa.String(), nullable=True),
        sa.Column("speaker_kind", sa.String(), nullable=False),
        sa.Column("mention", sa.String(), nullable=True),
        sa.Column("mention_start", sa.Integer(), nullable=True),
        sa.Column("mention_end", sa.Integer(), nullable=True),
        sa.Column("role", sa.String(), nullable=True),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("rule", sa.String(), nullable=False),
    )
    op.create_index("ix_quote_article_id", "quote", ["article_id"])
    op.create_index("ix_quote_statement_id", "quote", ["statement_id"])
    op.create_index("ix_quote_speaker_article", "quote", ["speaker_id", "article_id"])

    op.create_table(
        "speaker_decision",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("action", sa.String(), nullable=False),
        sa.Column("speaker_id", sa.Integer(), sa.ForeignKey("speaker.id"), nullable=False),
        sa.Column("other_speaker_id", sa.Integer(), sa.ForeignKey("speaker.id"), nullable=False),
        sa.Column("alias", sa.String(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )


def downgrade() -> None:
    for table in ("speaker_decision", "quote", "statement", "role", "alias", "speaker", "article"):
        op.drop_table(table)
