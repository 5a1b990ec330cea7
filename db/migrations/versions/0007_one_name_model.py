"""Speaker.surname_key and given_key from the one name model (quotes.extraction.names.parts, through db/names.name_parts):
particles stay in the surname ("Ursula von der Leyen": von der leyen, was leyen; the bare "von der Leyen" has
no given name, was "von") and every suffix of the word list counts ("Martin Luther King V": king, was v).
Re-keys the stored people; identity, name and alias keys are unchanged.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07
"""
import sqlalchemy as sa
from alembic import op

from quotes.db.names import fold_words, honorifics, name_parts, person_keys

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

SPEAKER = sa.table("speaker", sa.column("id", sa.Integer), sa.column("name", sa.String),
                   sa.column("kind", sa.String), sa.column("surname_key", sa.String),
                   sa.column("given_key", sa.String))
# The suffixes revision 0006 knew; its surname was the last word before one, its given name the first word.
OLD_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def upgrade() -> None:
    _rekey(lambda name: person_keys(name_parts(name), "person"))


def downgrade() -> None:
    _rekey(_old_keys)


def _old_keys(name: str) -> dict:
    tokens = fold_words(name).split()
    while len(tokens) > 1 and tokens[0] in honorifics():
        tokens = tokens[1:]
    if len(tokens) > 1 and tokens[-1] in OLD_SUFFIXES:
        tokens.pop()
    if not tokens:
        return dict(surname_key=None, given_key=None)
    return dict(surname_key=tokens[-1], given_key=tokens[0] if len(tokens) > 1 else None)


def _rekey(keys_of) -> None:
    # The folding is Python's (names.fold_words), so the keys are computed here rather than in SQL.
    bind = op.get_bind()
    people = bind.execute(sa.select(SPEAKER.c.id, SPEAKER.c.name, SPEAKER.c.surname_key, SPEAKER.c.given_key)
                          .where(SPEAKER.c.kind == "person")).all()
    changed = []
    for row in people:
        keys = keys_of(row.name)
        if (keys["surname_key"], keys["given_key"]) != (row.surname_key, row.given_key):
            changed.append({"speaker_id": row.id, "surname": keys["surname_key"], "given": keys["given_key"]})
    if changed:
        bind.execute(SPEAKER.update().where(SPEAKER.c.id == sa.bindparam("speaker_id"))
                     .values(surname_key=sa.bindparam("surname"), given_key=sa.bindparam("given")), changed)
