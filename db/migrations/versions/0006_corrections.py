"""Corrections by a person (db/corrections.py): the correction table, and Quote.corrected, which says a quote
was filed under its speaker by hand.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07
"""
import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "correction",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("article_id", sa.Integer(), sa.ForeignKey("article.id"), nullable=False),
        sa.Column("field", sa.String(), nullable=False),
        sa.Column("value", sa.Text(), nullable=True),
        sa.Column("original", sa.Text(), nullable=True),
        sa.Column("speaker_id", sa.Integer(), sa.ForeignKey("speaker.id"), nullable=True),
        sa.Column("original_speaker_id", sa.Integer(), sa.ForeignKey("speaker.id"), nullable=True),
        sa.Column("quote_id", sa.Integer(), nullable=True),
        sa.Column("start", sa.Integer(), nullable=True),
        sa.Column("end", sa.Integer(), nullable=True),
        sa.Column("spans", sa.JSON(), nullable=False),
        sa.Column("text", sa.Text(), nullable=True),
        sa.Column("kind", sa.String(), nullable=True),
        sa.Column("created_by", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_correction_article_id", "correction", ["article_id"])
    with op.batch_alter_table("quote") as batch:
        batch.add_column(sa.Column("corrected", sa.String(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("quote") as batch:
        batch.drop_column("corrected")
    op.drop_index("ix_correction_article_id", "correction")
    op.drop_table("correction")
