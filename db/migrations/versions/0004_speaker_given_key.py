"""Speaker.given_key: a person's folded first name, so a look-up by one word ("Hillary") finds Hillary Clinton
as well as people of that surname. Back-filled from the stored names of people; organisations, groups and bare
names ("Obama") get none.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-09
"""
import sqlalchemy as sa
from alembic import op

from quotes.db.names import name_parts, person_keys

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

SPEAKER = sa.table("speaker", sa.column("id", sa.Integer), sa.column("name", sa.String),
                   sa.column("kind", sa.String), sa.column("given_key", sa.String))


def upgrade() -> None:
    with op.batch_alter_table("speaker") as batch:
        batch.add_column(sa.Column("given_key", sa.String(), nullable=True))
    op.create_index("ix_speaker_given_key", "speaker", ["given_key"])
    bind = op.get_bind()
    people = bind.execute(sa.select(SPEAKER.c.id, SPEAKER.c.name).where(SPEAKER.c.kind == "person")).all()
    # The folding is Python's (names.fold_words), so the keys are computed here rather than in SQL.
    keys = [{"speaker_id": row.id, "given": person_keys(name_parts(row.name), "person")["given_key"]}
            for row in people]
    keys = [key for key in keys if key["given"]]
    if keys:
        bind.execute(SPEAKER.update().where(SPEAKER.c.id == sa.bindparam("speaker_id"))
                     .values(given_key=sa.bindparam("given")), keys)


def downgrade() -> None:
    op.drop_index("ix_speaker_given_key", "speaker")
    with op.batch_alter_table("speaker") as batch:
        batch.drop_column("given_key")
