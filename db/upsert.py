"""INSERT ... ON CONFLICT DO NOTHING for SQLite and PostgreSQL, so parallel writers never duplicate a row
that a unique key identifies (speakers, aliases, roles, statements, articles)."""

from __future__ import annotations

from typing import Optional

from sqlalchemy import case
from sqlalchemy import insert as generic_insert
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session


def insert_or_get(session: Session, model, *, values: dict, unique: list[str]) -> tuple[int, bool]:
    """Id of the row of `model` whose `unique` columns equal those in `values`, inserting it if missing.
    Returns (id, created)."""
    values = with_defaults(model, values)
    new_id = _insert_ignore(session, model, values=values, unique=unique)
    if new_id is not None:
        return new_id, True
    table = model.__table__
    where = [table.c[name] == values[name] for name in unique]
    return session.execute(select(table.c.id).where(*where)).scalar_one(), False


def with_defaults(model, values: dict) -> dict:
    """`values` plus the model's Python-side defaults (core INSERTs do not run SQLModel's default_factory)."""
    return {**model(**values).model_dump(exclude={"id"}), **values}


def _insert_ignore(session: Session, model, *, values: dict, unique: list[str]) -> Optional[int]:
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    elif dialect == "sqlite":
        from sqlalchemy.dialects.sqlite import insert
    else:
        return _insert_in_savepoint(session, model, values=values)
    statement = insert(model.__table__).values(**values).on_conflict_do_nothing(index_elements=unique)
    return session.execute(statement.returning(model.__table__.c.id)).scalar_one_or_none()


def _insert_in_savepoint(session: Session, model, *, values: dict) -> Optional[int]:
    # Other databases: no portable ON CONFLICT, so try and fall back on the unique key.
    try:
        with session.begin_nested():
            result = session.execute(generic_insert(model.__table__).values(**values))
            return result.inserted_primary_key[0]
    except IntegrityError:
        return None


def earliest(column, value):
    """SQL for min(column, value) that treats NULL as "not seen yet"; runs in the UPDATE, so parallel
    writers cannot overwrite each other's dates."""
    return case((column.is_(None), value), (column > value, value), else_=column)


def latest(column, value):
    return case((column.is_(None), value), (column < value, value), else_=column)
