"""The quote's shape is declared once, by the output contract; the table and the rows follow it."""

import dataclasses

from quotes.db.models import Quote, QuoteBase, SQLModel, StoredArticle, StoredSpeaker
from quotes.db.rows import QuoteRow
from quotes.records import CONTRACT_FIELDS, QuoteRecord


def test_the_contract_order_names_every_record_field_once():
    assert sorted(CONTRACT_FIELDS) == sorted(field.name for field in dataclasses.fields(QuoteRecord))


def test_the_quote_table_has_every_contract_field_with_its_default():
    assert tuple(QuoteBase.model_fields) == CONTRACT_FIELDS
    assert set(CONTRACT_FIELDS) <= set(Quote.model_fields)
    columns = SQLModel.metadata.tables["quote"].columns
    assert [name for name in CONTRACT_FIELDS if columns[name].nullable] == [
        "cue", "cue_start", "cue_end", "speaker", "mention", "mention_start", "mention_end", "role"]
    assert Quote(source="a.txt", text="x", start=0, end=1, kind="direct").speaker_kind == "unknown"


def test_rows_carry_the_contract_between_their_ids_and_the_article():
    names = [field.name for field in dataclasses.fields(QuoteRow)]
    assert names[4:4 + len(CONTRACT_FIELDS)] == list(CONTRACT_FIELDS)


def test_stored_models_keep_their_table_names():
    assert (StoredArticle.__tablename__, StoredSpeaker.__tablename__) == ("article", "speaker")
