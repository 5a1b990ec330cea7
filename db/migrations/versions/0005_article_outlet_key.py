"""Article.outlet_key: the outlet's name folded for grouping and filtering ("The Harbor City Herald" and
"Harbor City Herald" are one outlet), beside the name as written, which pages and exports show. Back-filled
from the stored names.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07
"""
import sqlalchemy as sa
from alembic import op

from quotes.records import outlet_key

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

ARTICLE = sa.table("article", sa.column("id", sa.Integer), sa.column("outlet", sa.String),
                   sa.column("outlet_key", sa.String))


def upgrade() -> None:
    with op.batch_alter_table("article") as batch:
        batch.add_column(sa.Column("outlet_key", sa.String(), nullable=True))
    op.create_index("ix_article_outlet_key", "article", ["outlet_key"])
    bind = op.get_bind()
    # The folding is Python's (quotes.records.outlet_key), so the keys are computed here rather than in SQL.
    keys = [{"article_id": row.id, "key": outlet_key(row.outlet)}
            for row in bind.execute(sa.select(ARTICLE.c.id, ARTICLE.c.outlet).where(ARTICLE.c.outlet.is_not(None)))]
    keys = [key for key in keys if key["key"]]
    if keys:
        bind.execute(ARTICLE.update().where(ARTICLE.c.id == sa.bindparam("article_id"))
                     .values(outlet_key=sa.bindparam("key")), keys)


def downgrade() -> None:
    op.drop_index("ix_article_outlet_key", "article")
    with op.batch_alter_table("article") as batch:
        batch.drop_column("outlet_key")
