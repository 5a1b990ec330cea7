"""Schema versions: new databases at head, older ones refused until `quotes db upgrade`, data kept."""

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from click.testing import CliRunner
from sqlalchemy import inspect, text

from dbhelpers import article, ingest, one, quote
from quotes.cli.main import main
from quotes.db import make_engine, session_scope
from quotes.db.errors import SchemaOutOfDate
from quotes.db.migrate import HEAD_REVISION, alembic_config, head_revision, upgrade
from quotes.db.models import SQLModel
from quotes.db.queries import QuoteFilters, find_speakers, search_quotes

FIRST = "0001"
# Written without ids: a fresh database numbers them 1, and PostgreSQL sequences stay in step.
OLD_ROWS = [
    "INSERT INTO article (source, title, outlet, published_at, text, content_hash, pipeline_version, "
    "ingested_at) VALUES ('old.txt', 'Old news', 'Wire', '2023-01-05', 'Old body.', 'abc', '0', "
    "'2023-01-05 10:00:00')",
    "INSERT INTO speaker (name, kind, identity_key, name_key, surname_key, created_at) "
    "VALUES ('Amara Osei', 'person', 'amara osei', 'amara osei', 'osei', '2023-01-05 10:00:00')",
    "INSERT INTO alias (speaker_id, name, key, manual) VALUES (1, 'Amara Osei', 'amara osei', false)",
    "INSERT INTO statement (speaker_id, text, key, word_count, first_seen, occurrences) VALUES "
    "(1, 'Vaccines arrive in every district this winter', 'vaccines arrive in every district this winter', "
    "7, '2023-01-05 00:00:00', 1)",
    "INSERT INTO quote (article_id, speaker_id, statement_id, alias_key, source, text, start, \"end\", spans, "
    "kind, speaker, speaker_kind, confidence, rule) VALUES (1, 1, 1, 'amara osei', 'old.txt', "
    "'Vaccines arrive in every district this winter', 0, 46, '[]', 'direct', 'Amara Osei', 'person', 0.8, "
    "'nsubj-of-cue')",
]


def test_the_head_constant_is_the_head_of_the_migration_scripts():
    assert HEAD_REVISION == head_revision()


def test_new_database_is_created_at_head(db_url):
    engine = make_engine(db_url)
    assert one(engine, "SELECT version_num FROM alembic_version") == head_revision() == "0008"


def test_upgrade_from_first_revision_keeps_data(db_url):
    bare = make_engine(db_url, migrate=False)
    assert upgrade(bare, FIRST) == (None, FIRST)
    with bare.begin() as connection:
        for statement in OLD_ROWS:
            connection.execute(text(statement))
    with pytest.raises(SchemaOutOfDate, match="run `quotes db upgrade`"):
        make_engine(db_url)

    result = CliRunner().invoke(main, ["db", "upgrade", "--db", db_url])
    assert (result.exit_code, result.output) == (0, f"upgraded 0001 -> {HEAD_REVISION}\n")
    assert CliRunner().invoke(main, ["db", "current", "--db", db_url]).output == f"{HEAD_REVISION} (head)\n"

    engine = make_engine(db_url)
    assert one(engine, "SELECT text FROM quote WHERE id = 1") == "Vaccines arrive in every district this winter"
    assert one(engine, "SELECT count(*) FROM quote WHERE updated_at IS NOT NULL") == 1
    with session_scope(engine) as session:
        # Full-text search covers the quotes stored before the index existed.
        assert [q.id for q in search_quotes(session, text="vaccines district", filters=QuoteFilters())] == [1]
    ingest(engine, article("New body."), [quote("Vaccines arrive in every district this winter", "Dr Amara Osei")])
    with session_scope(engine) as session:
        (speaker,) = find_speakers(session, name="Osei")
    assert (speaker.id, speaker.quotes, speaker.statements) == (1, 2, 1)


def test_upgrade_to_0004_fills_given_names_of_people_only_and_downgrades(db_url):
    from alembic import command

    bare = make_engine(db_url, migrate=False)
    upgrade(bare, "0003")
    more = [("Dr Marta Lindqvist", "person"), ("Obama", "person"), ("Stop Hillary", "organization"),
            ("Interior Ministry", "group")]
    with bare.begin() as connection:
        connection.execute(text(OLD_ROWS[1]))  # Amara Osei, a person
        for n, (name, kind) in enumerate(more):
            connection.execute(text("INSERT INTO speaker (name, kind, identity_key, name_key, created_at) "
                                    "VALUES (:name, :kind, :key, :key, '2023-01-05 10:00:00')"),
                               dict(name=name, kind=kind, key=f"key {n}"))
    assert upgrade(bare, "0004") == ("0003", "0004")
    with bare.connect() as connection:
        keys = connection.execute(text("SELECT name, given_key FROM speaker ORDER BY id")).all()
    assert [tuple(row) for row in keys] == [("Amara Osei", "amara"), ("Dr Marta Lindqvist", "marta"),
                                            ("Obama", None), ("Stop Hillary", None), ("Interior Ministry", None)]
    upgrade(bare, "head")
    with session_scope(make_engine(db_url)) as session:
        assert [row.name for row in find_speakers(session, name="Marta")] == ["Dr Marta Lindqvist"]

    with bare.begin() as connection:
        command.downgrade(alembic_config(connection), "0003")
    with bare.connect() as connection:
        assert "given_key" not in {column["name"] for column in inspect(connection).get_columns("speaker")}
        assert connection.execute(text("SELECT count(*) FROM speaker")).scalar_one() == 5
    assert upgrade(bare, "head") == ("0003", HEAD_REVISION)


def test_upgrade_to_0005_folds_the_stored_outlets_and_downgrades(db_url):
    from alembic import command

    bare = make_engine(db_url, migrate=False)
    upgrade(bare, "0004")
    with bare.begin() as connection:
        for n, outlet in enumerate(["The Harbor City Herald", "Harbor City Herald", None]):
            connection.execute(text("INSERT INTO article (source, outlet, text, content_hash, pipeline_version, "
                                    "ingested_at) VALUES ('a.txt', :outlet, 'Body.', :hash, '4', "
                                    "'2023-01-05 10:00:00')"), dict(outlet=outlet, hash=f"h{n}"))
    assert upgrade(bare, "0005") == ("0004", "0005")
    with bare.connect() as connection:
        rows = connection.execute(text("SELECT outlet, outlet_key FROM article ORDER BY id")).all()
    assert [tuple(row) for row in rows] == [("The Harbor City Herald", "harbor city herald"),
                                            ("Harbor City Herald", "harbor city herald"), (None, None)]
    with bare.begin() as connection:
        command.downgrade(alembic_config(connection), "0004")
    with bare.connect() as connection:
        assert "outlet_key" not in {column["name"] for column in inspect(connection).get_columns("article")}


def test_upgrade_to_0006_adds_corrections_to_a_filled_database_and_downgrades(db_url):
    from alembic import command

    bare = make_engine(db_url, migrate=False)
    upgrade(bare, FIRST)
    with bare.begin() as connection:
        for statement in OLD_ROWS:
            connection.execute(text(statement))
    assert upgrade(bare, "0006") == (FIRST, "0006")
    upgrade(bare, "head")
    engine = make_engine(db_url)
    from quotes.db.corrections import correct_speaker, corrections

    with session_scope(engine) as session:
        correct_speaker(session, quote_id=1, name="Kofi Mensah", by="desk")
    with session_scope(engine) as session:
        assert [(r.original, r.value) for r in corrections(session)] == [("Amara Osei", "Kofi Mensah")]
    assert one(engine, "SELECT corrected FROM quote WHERE id = 1") == "speaker"
    engine.dispose()
    with bare.begin() as connection:
        command.downgrade(alembic_config(connection), "0005")
    with bare.connect() as connection:
        assert "correction" not in inspect(connection).get_table_names()
        assert "corrected" not in {column["name"] for column in inspect(connection).get_columns("quote")}
        assert connection.execute(text("SELECT count(*) FROM quote")).scalar_one() == 1


def test_upgrade_to_0007_rekeys_surnames_with_particles_and_suffixes_and_downgrades(db_url):
    from alembic import command

    bare = make_engine(db_url, migrate=False)
    upgrade(bare, "0006")
    # As revision 0006 stored them: the last word is the surname, the first the given name.
    stored = [("Ursula von der Leyen", "person", "leyen", "ursula"), ("von der Leyen", "person", "leyen", "von"),
              ("Martin Luther King V", "person", "v", "martin"), ("Amara Osei", "person", "osei", "amara"),
              ("Van Der Berg Holdings", "organization", None, None)]
    with bare.begin() as connection:
        for n, (name, kind, surname, given) in enumerate(stored):
            connection.execute(text("INSERT INTO speaker (name, kind, identity_key, name_key, surname_key, given_key, "
                                    "created_at) VALUES (:name, :kind, :key, :key, :surname, :given, "
                                    "'2023-01-05 10:00:00')"),
                               dict(name=name, kind=kind, key=f"key {n}", surname=surname, given=given))

    def keys():
        with bare.connect() as connection:
            return [tuple(row) for row in connection.execute(
                text("SELECT name, surname_key, given_key FROM speaker ORDER BY id")).all()]

    assert upgrade(bare, "0007") == ("0006", "0007")
    assert keys() == [("Ursula von der Leyen", "von der leyen", "ursula"), ("von der Leyen", "von der leyen", None),
                      ("Martin Luther King V", "king", "martin"), ("Amara Osei", "osei", "amara"),
                      ("Van Der Berg Holdings", None, None)]
    upgrade(bare, "head")
    with session_scope(make_engine(db_url)) as session:
        # A bare surname lists every person of that surname, the particles included.
        assert sorted(row.name for row in find_speakers(session, name="von der Leyen")) == [
            "Ursula von der Leyen", "von der Leyen"]
    with bare.begin() as connection:
        command.downgrade(alembic_config(connection), "0006")
    assert keys() == [(name, surname, given) for name, _kind, surname, given in stored]


def test_upgrade_to_0008_indexes_a_speakers_statements_and_downgrades(db_url):
    from alembic import command

    bare = make_engine(db_url, migrate=False)
    upgrade(bare, "0007")
    with bare.begin() as connection:
        for row in OLD_ROWS:
            connection.execute(text(row))
    assert upgrade(bare, "0008") == ("0007", "0008")

    def indexes():
        with bare.connect() as connection:
            return {index["name"] for index in inspect(connection).get_indexes("quote")}

    assert "ix_quote_speaker_statement" in indexes()
    with bare.begin() as connection:
        command.downgrade(alembic_config(connection), "0007")
    assert "ix_quote_speaker_statement" not in indexes() and one(bare, "SELECT count(*) FROM quote") == 1


def test_cli_current_on_older_database_says_how_to_fix(db_url):
    upgrade(make_engine(db_url, migrate=False), FIRST)
    result = CliRunner().invoke(main, ["db", "current", "--db", db_url])
    assert result.output == f"0001 (head is {HEAD_REVISION}: run `quotes db upgrade`)\n"


def test_migrations_build_exactly_the_models(db_url):
    engine = make_engine(db_url)

    def ours(name, type_, parent_names):
        return not (type_ == "table" and (name.startswith("quote_fts") or name == "alembic_version"))

    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_name": ours})
        differences = compare_metadata(context, SQLModel.metadata)
    # The GIN full-text index lives only in the migration (an expression index the models cannot declare).
    differences = [d for d in differences if not (d[0] == "remove_index" and d[1].name == "ix_quote_text_fts")]
    assert differences == []
