import pytest
from click.testing import CliRunner

from cli_fakes import fake_factory
from quotes.cli.context import App
from quotes.cli.main import main


@pytest.fixture
def invoke():
    """Run `quotes ARGS` with an 80-column terminal and the fake extractor; returns click's Result."""
    runner = CliRunner(env={"COLUMNS": "80", "QUOTES_DB": None, "QUOTES_STANZA_DIR": None})

    def run(*args, input=None, factory=fake_factory):
        return runner.invoke(main, [str(a) for a in args], input=input, obj=App(extractor_factory=factory),
                             catch_exceptions=False, prog_name="quotes")

    return run


@pytest.fixture
def stored(tmp_path):
    """A database holding three articles from two outlets; one statement carried by both, trimmed in one."""
    from datetime import date

    from quotes.db import make_engine, session_scope
    from quotes.db.store import ingest_article
    from quotes.records import Article

    url = f"sqlite:///{tmp_path / 'stored.db'}"
    engine = make_engine(url)
    for article, records in stored_articles(date, Article):
        with session_scope(engine) as session:
            ingest_article(session, article=article, records=records, pipeline_version="1")
    engine.dispose()
    return url


@pytest.fixture
def one_quote_each(tmp_path, monkeypatch):
    """Make a database with one quote by each (name, kind), in that order; `before_joins` fills it as
    quote-tracker did before a bare surname joined the full name stored after it."""
    from datetime import date

    from quotes.db import make_engine, session_scope
    from quotes.db.store import ingest_article
    from quotes.records import Article, QuoteRecord

    made = iter(range(100))

    def make(speakers, *, before_joins=False):
        url = f"sqlite:///{tmp_path / f'speakers{next(made)}.db'}"
        engine = make_engine(url)
        with monkeypatch.context() as patched:
            if before_joins:
                patched.setattr("quotes.db.matching.join_waiting_surnames", lambda session, **kwargs: [])
            for n, (name, kind) in enumerate(speakers):
                said = f"Statement number {n}"
                article = Article(text=f'"{said}," said {name}.', source=f"{n}.txt", title=f"Story {n}",
                                  outlet="Wire", published_at=date(2024, 3, 1 + n))
                record = QuoteRecord(source=article.source, text=said, start=1, end=1 + len(said), kind="direct",
                                     cue="said", speaker=name, speaker_kind=kind, mention=name, confidence=0.9,
                                     rule="nsubj-of-cue")
                with session_scope(engine) as session:
                    ingest_article(session, article=article, records=[record], pipeline_version="1")
        engine.dispose()
        return url

    return make


def quote(text, article, *, speaker, kind="direct", role=None, speaker_kind="person", cue="said"):
    from quotes.records import QuoteRecord

    start = article.text.index(text)
    return QuoteRecord(source=article.source, text=text, start=start, end=start + len(text), kind=kind, cue=cue,
                       speaker=speaker, speaker_kind=speaker_kind, mention=speaker.split()[-1], role=role,
                       confidence=0.9, rule="nsubj-of-cue")


def stored_articles(date, Article):
    wire = Article(source="wire.txt", title="UN urges restraint in Kazakhstan", outlet="Northwire",
                   url="https://northwire.example/kz", published_at=date(2022, 1, 10),
                   text='"We are deeply concerned about the reports of deaths and injuries, and we call on all '
                        'sides to refrain from violence," UN spokesman Matteo Lindqvist said. Lindqvist said '
                        'the UN had not received a request for assistance. The Interior Ministry said 9,900 '
                        'people had been detained.')
    ledger = Article(source="ledger.txt", title="Almaty counts the cost", outlet="Eastern Ledger",
                     url="https://ledger.example/almaty", published_at=date(2022, 1, 11),
                     text='"We are deeply concerned about the reports of deaths and injuries," said Matteo '
                          'Lindqvist. "Nobody can tell them anything," said Anna Lindqvist, a lawyer.')
    courier = Article(source="courier.txt", title="Dockers end strike", outlet="Coastal Courier",
                      url=None, published_at=date(2022, 1, 12),
                      text='"This is a fair offer," said Ruth Ashdown, the union secretary.')
    return [
        (wire, [quote("We are deeply concerned about the reports of deaths and injuries, and we call on all sides "
                      "to refrain from violence", wire, speaker="Matteo Lindqvist", role="UN spokesman"),
                quote("the UN had not received a request for assistance", wire, speaker="Matteo Lindqvist",
                      kind="indirect", role="UN spokesman"),
                quote("9,900 people had been detained", wire, speaker="Interior Ministry", kind="indirect",
                      speaker_kind="organization")]),
        (ledger, [quote("We are deeply concerned about the reports of deaths and injuries", ledger,
                        speaker="Matteo Lindqvist"),
                  quote("Nobody can tell them anything", ledger, speaker="Anna Lindqvist", role="lawyer")]),
        (courier, [quote("This is a fair offer", courier, speaker="Ruth Ashdown", role="union secretary")]),
    ]
