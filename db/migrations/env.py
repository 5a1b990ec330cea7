"""Alembic environment: runs on the connection quotes.db.migrate hands over (or a URL given with -x url=)."""

from alembic import context
from sqlalchemy import create_engine

from quotes.db.models import SQLModel

config = context.config
target_metadata = SQLModel.metadata


def run_on(connection) -> None:
    context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    run_on(connection)
else:
    url = context.get_x_argument(as_dictionary=True).get("url")
    with create_engine(url).begin() as own_connection:
        run_on(own_connection)
