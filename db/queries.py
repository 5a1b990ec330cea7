"""Read side: speakers, their quotes and statements, articles, full-text search. Returns rows.py records."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date
from typing import Generic, Iterable, Iterator, Optional, TypeVar

from sqlalchemy import Date, Integer, cast, func, literal_column, or_, select
from sqlmodel import Session

from quotes.records import outlet_key

from .counts import stats  # one count of what is stored, for the CLI (which loads no models) and here
from .errors import AmbiguousArticle, ArticleNotFound, SpeakerNotFound
from .fulltext import restrict, search_terms
from .matching import follow_merges
from .models import (MAX_ID, Alias, Correction, Quote, Role, Statement, StoredArticle, StoredSpeaker,
                     is_stored_id)
from .names import FoldedName, fold_words, name_parts
from .rows import (ARTICLE_FIELDS, QUOTE_ROW_FIELDS, ArticleRow, QuoteFilters, QuoteRow, SpeakerRow,
                   StatementRow)

__all__ = ["QuoteFilters", "find_speakers", "list_speakers", "quotes_by", "statements_by", "article_quotes",
           "search_quotes", "stats", "quote_query", "apply_filters", "quote_row", "live_speaker_id",
           "latest_articles", "article_text", "search_statements", "speaker_statements", "Paged",
           "SearchResults", "StatementHit", "SpokenStatement",
           "speaker_days", "DayCount", "quote_glimpses", "QuoteGlimpse", "change_marks"]

PARTIAL_MATCH_LIMIT = 50
# full-text search ranks at most this many matching quotes, the newest (see search_quotes)
SEARCH_CAP = 10_000
STREAM_BATCH = 1000
Row = TypeVar("Row")


@dataclass
class Paged(Generic[Row]):
    """One page of a longer list: its `rows` and how many there are in all (`total`)."""

    total: int
    rows: list[Row]


@dataclass
class StatementHit:
    """A statement that matched a search, once however many of its quotes matched: its best matching quote,
    and how often the statement was quoted in all (a quote filed without a statement counts alone)."""

    quote: QuoteRow
    quotes: int
    articles: int


@dataclass
class SearchResults(Paged[StatementHit]):
    """A page of search_statements, and how many matching quotes were ranked (at most its `cap`)."""

    quotes: int = 0


@dataclass
class SpokenStatement:
    """A distinct statement of one speaker (or a quote filed without one), as a speaker's page lists it."""

    statement_id: Optional[int]
    quote_id: int  # its first stored quote
    text: str
    kind: str
    quotes: int
    articles: int
    first_seen: Optional[date]  # the earliest publication date of an article that carried it
    last_seen: Optional[date]
    outlets: list[str] = field(default_factory=list)  # each outlet once ("The Herald" = "Herald")
    carriers: list[QuoteRow] = field(default_factory=list)  # its first quotes: dated ones in order, then undated


def find_speakers(session: Session, name: str) -> list[SpeakerRow]:
    """Speakers `name` can mean: an exact alias ("Mr Dujarric", "stephane dujarric"), else a person of that
    surname, else aliases containing it. One bare word ("Obama", "Hillary", "Trump Jr.") also means every
    person of that surname (and suffix) and every person of that first name, so the speaker it was stored
    under hides no namesake; those are listed most quoted first. Accents, case and honorifics do not
    matter; an organisation or group has no surname ("Stop Hillary" is found by its own name or a part of it).

    Example:
        [speaker] = quotes.find_speakers(session, "Mr Lindqvist")    # SpeakerRow: id, name, roles, quotes, …
    """
    parts = name_parts(name)
    if not parts.key:
        return []
    ids = _live(session, select(Alias.speaker_id).where(Alias.key == parts.key))
    if parts.surname and (parts.is_bare or not ids):
        ids += [i for i in _live(session, _people_named(session, parts)) if i not in ids]
    if not ids:
        partial = select(Alias.speaker_id).where(Alias.key.contains(parts.key, autoescape=True))
        ids = _live(session, partial.limit(PARTIAL_MATCH_LIMIT))
    rows = speaker_rows(session, ids)
    # Stable: among equally quoted speakers the exact alias stays first.
    return sorted(rows, key=lambda row: -row.quotes) if parts.is_bare else rows


def _people_named(session: Session, parts: FoldedName) -> list[int]:
    """People of `parts`' surname; for one bare word without a suffix, also people of that first name."""
    named = StoredSpeaker.surname_key == parts.surname
    if parts.is_bare and not parts.suffix:
        named = or_(named, StoredSpeaker.given_key == parts.surname)
    people = session.execute(select(StoredSpeaker.id, StoredSpeaker.name)
                             .where(named, StoredSpeaker.kind == "person").order_by(StoredSpeaker.id)).all()
    if parts.is_bare and parts.suffix:
        people = [row for row in people if name_parts(row.name).suffix == parts.suffix]
    return [row.id for row in people]


def list_speakers(session: Session, *, like: Optional[str] = None, role: Optional[str] = None,
                  kind: Optional[str] = None, limit: Optional[int] = None) -> list[SpeakerRow]:
    """Every live speaker, most quoted first (then by name and id); `like` matches any alias, `role` any role
    held; `limit`: only the first so many, counted in the database (the web home page's top 20 of 20,000).

    Example:
        spokespeople = quotes.list_speakers(session, role="spokes")
        top = quotes.list_speakers(session, limit=20)
    """
    query = select(StoredSpeaker.id).where(StoredSpeaker.merged_into_id.is_(None))
    if like:
        aliases = select(Alias.speaker_id).where(Alias.key.contains(fold_words(like), autoescape=True))
        query = query.where(StoredSpeaker.id.in_(aliases))
    if role:
        roles = select(Role.speaker_id).where(Role.title_key.contains(fold_words(role), autoescape=True))
        query = query.where(StoredSpeaker.id.in_(roles))
    if kind:
        query = query.where(StoredSpeaker.kind == kind)
    ids = _most_quoted(session, query, limit) if limit is not None else list(session.execute(query).scalars())
    rows = sorted(speaker_rows(session, ids), key=lambda row: (-row.quotes, row.name.casefold(), row.id))
    return rows if limit is None else rows[:limit]


def _most_quoted(session: Session, speakers, limit: int) -> list[int]:
    """The ids among the `speakers` query that come first in `list_speakers`' order, `limit` of them: quote
    counts in SQL (one scan of the quote index), the cut in Python; when speakers tie across the cut, only
    ids and names of the tied are read, to break the tie by name as Python does (SQL's lower() is not
    str.casefold)."""
    if limit <= 0:
        return []
    counts = session.execute(select(Quote.speaker_id, func.count().label("quotes"))
                             .where(Quote.speaker_id.in_(speakers)).group_by(Quote.speaker_id)).all()
    counts.sort(key=lambda row: -row.quotes)
    if len(counts) > limit and counts[limit].quotes < counts[limit - 1].quotes:  # no tie across the cut
        return [row.speaker_id for row in counts[:limit]]
    cutoff = counts[limit - 1].quotes if len(counts) >= limit else 0
    chosen = [row.speaker_id for row in counts if row.quotes > cutoff]
    if cutoff:
        tied = [row.speaker_id for row in counts if row.quotes == cutoff]
        names = []
        for first in range(0, len(tied), STREAM_BATCH):  # bounded IN lists
            names += session.execute(select(StoredSpeaker.id, StoredSpeaker.name)
                                     .where(StoredSpeaker.id.in_(tied[first:first + STREAM_BATCH]))).all()
    else:  # fewer quoted speakers than places: speakers without a quote fill the rest
        quoted = select(Quote.speaker_id).where(Quote.speaker_id.is_not(None))
        names = session.execute(select(StoredSpeaker.id, StoredSpeaker.name)
                                .where(StoredSpeaker.id.in_(speakers.where(StoredSpeaker.id.not_in(quoted))))).all()
    names.sort(key=lambda row: (row.name.casefold(), row.id))
    return chosen + [row.id for row in names[:limit - len(chosen)]]


def quotes_by(session: Session, *, speaker_ids: list[int], filters: QuoteFilters) -> Iterator[QuoteRow]:
    """The speakers' quotes in publication order, streamed.

    Example:
        since_2022 = quotes.QuoteFilters(since=datetime.date(2022, 1, 1), kind="direct")
        for quote in quotes.quotes_by(session, speaker_ids=[speaker.id], filters=since_2022):
            print(quote.published_at, quote.outlet, quote.text)
    """
    query = apply_filters(quote_query().where(Quote.speaker_id.in_(speaker_ids)), filters)
    query = query.order_by(StoredArticle.published_at, Quote.article_id, Quote.start, Quote.id)
    for row in session.execute(query.execution_options(yield_per=STREAM_BATCH)):
        yield quote_row(row)


def statements_by(session: Session, *, speaker_id: int) -> list[StatementRow]:
    """What one speaker said, each distinct statement once, with where it appeared: dated ones by their first
    publication date, then those only undated articles carried (first_seen None, as the web view's
    "undated"), ties by id.

    first_seen is read from the articles now, so a corrected publication date (`quotes fix-article
    --published`) shows at once, and an ingest time never stands in for a publication date.

    Example:
        for statement in quotes.statements_by(session, speaker_id=speaker.id):
            print(statement.articles, statement.outlets, statement.text)
    """
    name = session.execute(select(StoredSpeaker.name).where(StoredSpeaker.id == speaker_id)).scalar_one_or_none() or ""
    seen: dict[int, tuple[set, dict, list]] = {}
    for row in session.execute(select(Quote.statement_id, Quote.article_id, StoredArticle.outlet,
                                      StoredArticle.published_at)
                               .join(StoredArticle, StoredArticle.id == Quote.article_id)
                               .where(Quote.speaker_id == speaker_id, Quote.statement_id.is_not(None))
                               .order_by(Quote.article_id)):
        articles, outlets, dates = seen.setdefault(row.statement_id, (set(), {}, []))
        articles.add(row.article_id)
        if row.outlet:
            outlets.setdefault(outlet_key(row.outlet), row.outlet)  # one outlet however written; first form shown
        if row.published_at is not None:
            dates.append(row.published_at)
    rows = []
    for s in session.execute(select(Statement).where(Statement.speaker_id == speaker_id)).scalars():
        articles, outlets, dates = seen.get(s.id, (set(), {}, []))
        rows.append(StatementRow(id=s.id, speaker=name, text=s.text, quotes=s.occurrences, articles=len(articles),
                                 outlets=sorted(outlets.values()), first_seen=min(dates, default=None),
                                 speaker_id=speaker_id))
    return sorted(rows, key=lambda row: (row.first_seen is None, row.first_seen or date.min, row.id))


def article_quotes(session: Session, *, article: str) -> tuple[ArticleRow, list[QuoteRow]]:
    """One article (by id, URL or a fragment of its title) and its quotes in text order.

    Example:
        article, found = quotes.article_quotes(session, article="unrest in Kazakhstan")
    """
    found = _find_article(session, str(article))
    quotes = session.execute(quote_query().where(Quote.article_id == found.id).order_by(Quote.start, Quote.id))
    return found, [quote_row(row) for row in quotes]


def search_quotes(session: Session, *, text: str, filters: QuoteFilters, limit: int = 100,
                  cap: Optional[int] = SEARCH_CAP) -> list[QuoteRow]:
    """Quotes matching every word, "phrase" and prefix* of `text`, best first (SQLite FTS5 / PostgreSQL
    full-text search; English stemming). When more than `cap` quotes match, the best of the `cap` newest
    are returned (and the filters apply to those): ranking every quote holding 'the' took 4.5 s at a
    million quotes. `cap=None` ranks every match.

    Example:
        hits = quotes.search_quotes(session, text='"peaceful protest" detain*', filters=quotes.QuoteFilters())
    """
    terms = search_terms(text)
    if not terms:
        return []
    query = restrict(apply_filters(quote_query(), filters), dialect=session.get_bind().dialect.name, terms=terms,
                     cap=cap)
    return [quote_row(row) for row in session.execute(query.limit(limit))]


def search_statements(session: Session, *, text: str, filters: Optional[QuoteFilters] = None, limit: int = 20,
                      offset: int = 0, cap: Optional[int] = SEARCH_CAP) -> SearchResults:
    """Statements with a quote matching `text` (as search_quotes), best first, each statement once with its
    best matching quote; `limit` and `offset` page through them. `cap` as in search_quotes.

    Example (from quotes.db import queries):
        first = queries.search_statements(session, text="ceasefire", limit=20)
        print(first.total, [(hit.quote.text, hit.articles) for hit in first.rows])
    """
    terms = search_terms(text)
    if not terms:
        return SearchResults(total=0, rows=[])
    matching = select(Quote.id, Quote.statement_id)
    if filters is not None and (filters.since or filters.until or filters.outlet):  # the article only when asked
        matching = matching.join(StoredArticle, StoredArticle.id == Quote.article_id)
    matching = restrict(apply_filters(matching, filters), dialect=session.get_bind().dialect.name, terms=terms,
                        cap=cap)
    best: dict[int, int] = {}  # statement key (a lone quote: minus its id) -> its best matching quote
    ranked = 0
    for quote_id, statement_id in session.execute(matching):
        best.setdefault(statement_id if statement_id is not None else -quote_id, quote_id)
        ranked += 1
    shown = list(best.items())[offset:offset + limit]
    if not shown:
        return SearchResults(total=len(best), rows=[], quotes=ranked)
    rows = {row.id: quote_row(row) for row in
            session.execute(quote_query().where(Quote.id.in_([quote_id for _, quote_id in shown])))}
    statement_ids = [key for key, _ in shown if key > 0]
    counts = dict.fromkeys(statement_ids, (0, 0))
    if statement_ids:
        counts.update((row.statement_id, (row.quotes, row.articles)) for row in session.execute(
            select(Quote.statement_id, func.count().label("quotes"),
                   func.count(func.distinct(Quote.article_id)).label("articles"))
            .where(Quote.statement_id.in_(statement_ids)).group_by(Quote.statement_id)))
    hits = []
    for key, quote_id in shown:
        quotes, articles = counts.get(key, (1, 1))
        hits.append(StatementHit(quote=rows[quote_id], quotes=quotes, articles=articles))
    return SearchResults(total=len(best), rows=hits, quotes=ranked)


def speaker_statements(session: Session, *, speaker_id: int, filters: Optional[QuoteFilters] = None,
                       limit: int = 20, offset: int = 0, carriers: int = 5) -> Paged[SpokenStatement]:
    """One speaker's distinct statements, earliest first (by the first article that carried each; statements
    only in undated articles last), paged in the database; each with its counts, outlets and its first
    `carriers` quotes. `filters` (e.g. a date range) choose which quotes count.

    Example (from quotes.db import queries):
        page = queries.speaker_statements(session, speaker_id=speaker.id, limit=20, offset=20)
        for statement in page.rows:
            print(statement.first_seen, statement.articles, statement.text)
    """
    key = func.coalesce(Quote.statement_id, -Quote.id)
    published = StoredArticle.published_at
    groups = apply_filters(select(key.label("key"), func.min(Quote.statement_id).label("statement_id"),
                                  func.min(Quote.id).label("quote_id"), func.count().label("quotes"),
                                  func.count(func.distinct(Quote.article_id)).label("articles"),
                                  func.min(published).label("first_seen"), func.max(published).label("last_seen"),
                                  func.count().over().label("total"))  # every group's count, in the same scan
                           .join(StoredArticle, StoredArticle.id == Quote.article_id)
                           .where(Quote.speaker_id == speaker_id), filters).group_by(key)
    page = session.execute(groups.order_by(func.min(published).is_(None), func.min(published), func.min(Quote.id))
                           .limit(limit).offset(offset)).all()
    if not page:  # past the end (or nothing): count the groups alone
        total = session.execute(select(func.count()).select_from(groups.subquery())).scalar_one() if offset else 0
        return Paged(total=total, rows=[])
    statement_ids = [row.statement_id for row in page if row.statement_id is not None]
    lone_ids = [row.quote_id for row in page if row.statement_id is None]
    texts = dict(session.execute(select(Statement.id, Statement.text).where(Statement.id.in_(statement_ids))).all())
    firsts = {row.id: row for row in session.execute(select(Quote.id, Quote.text, Quote.kind)
                                                     .where(Quote.id.in_([row.quote_id for row in page])))}
    statements = {row.key: SpokenStatement(statement_id=row.statement_id, quote_id=row.quote_id,
                                           text=texts.get(row.statement_id, firsts[row.quote_id].text),
                                           kind=firsts[row.quote_id].kind, quotes=row.quotes, articles=row.articles,
                                           first_seen=row.first_seen, last_seen=row.last_seen)
                  for row in page}
    # These statements' outlets (each once) and first carriers, counted and ranked in the database.
    mine = (Quote.speaker_id == speaker_id) & or_(Quote.statement_id.in_(statement_ids), Quote.id.in_(lone_ids))
    outlets = apply_filters(select(key.label("key"), func.min(StoredArticle.outlet).label("outlet"))
                            .join(StoredArticle, StoredArticle.id == Quote.article_id)
                            .where(mine, StoredArticle.outlet.is_not(None)), filters)
    for statement_key, outlet in session.execute(outlets.group_by(key, func.coalesce(StoredArticle.outlet_key,
                                                                                     StoredArticle.outlet))):
        statements[statement_key].outlets.append(outlet)
    place = func.row_number().over(partition_by=key, order_by=(published.is_(None), published, Quote.id))
    ranked = apply_filters(select(key.label("key"), Quote.id, place.label("place"))
                           .join(StoredArticle, StoredArticle.id == Quote.article_id).where(mine), filters).subquery()
    first_ids = dict(session.execute(select(ranked.c.id, ranked.c.key).where(ranked.c.place <= carriers)
                                     .order_by(ranked.c.key, ranked.c.place)).all())
    shown = {row.id: quote_row(row) for row in session.execute(quote_query().where(Quote.id.in_(list(first_ids))))}
    for quote_id, statement_key in first_ids.items():
        statements[statement_key].carriers.append(shown[quote_id])
    for statement in statements.values():
        statement.outlets.sort(key=str.casefold)
    return Paged(total=page[0].total, rows=[statements[row.key] for row in page])


@dataclass
class DayCount:
    """How many quotes of one speaker one outlet published on one day (the timeline's unit)."""

    day: date
    outlet_key: Optional[str]  # one outlet however written; None: no outlet
    outlet: Optional[str]  # as first written
    quotes: int
    quote_id: int  # the first of them


BIN_UNITS = ("day", "week", "month", "quarter", "year")


def speaker_days(session: Session, *, speaker_id: int, filters: Optional[QuoteFilters] = None,
                 unit: str = "day") -> list[DayCount]:
    """One speaker's dated quotes counted per outlet and publication day, or per week (from Monday), month,
    quarter or year (`unit`; `day` is then the bin's first day), in the database: a timeline of 10,000 quotes
    reads a few hundred counts, not 10,000 quotes.

    Example (from quotes.db import queries):
        busiest = max(queries.speaker_days(session, speaker_id=speaker.id), key=lambda day: day.quotes)
    """
    if unit not in BIN_UNITS:
        raise ValueError(f"unit must be one of {', '.join(BIN_UNITS)}, not {unit!r}")
    day = _bin_start(StoredArticle.published_at, unit, session.get_bind().dialect.name)
    outlet = func.coalesce(StoredArticle.outlet_key, StoredArticle.outlet)
    query = apply_filters(select(day.label("day"), outlet.label("outlet_key"),
                                 func.min(StoredArticle.outlet).label("outlet"), func.count().label("quotes"),
                                 func.min(Quote.id).label("quote_id"))
                          .join(StoredArticle, StoredArticle.id == Quote.article_id)
                          .where(Quote.speaker_id == speaker_id, StoredArticle.published_at.is_not(None)), filters)
    return [DayCount(**row._asdict()) for row in session.execute(query.group_by(day, outlet))]


def _bin_start(published, unit: str, dialect: str):
    """SQL for the first day of the `unit` holding `published` (the day itself where the dialect is unknown)."""
    if unit == "day" or dialect not in ("sqlite", "postgresql"):
        return published
    if dialect == "postgresql":  # the unit as SQL text: a parameter would differ between SELECT and GROUP BY
        return cast(func.date_trunc(literal_column(f"'{unit}'"), published), Date)
    modifiers = {"week": ("-6 days", "weekday 1"), "month": ("start of month",), "year": ("start of year",)}
    if unit == "quarter":  # back to the quarter's first month: (month - 1) % 3 months before the month's start
        back = func.printf("-%d months", (cast(func.strftime("%m", published), Integer) - 1) % 3)
        return func.date(published, "start of month", back, type_=Date)
    return func.date(published, *modifiers[unit], type_=Date)


@dataclass
class QuoteGlimpse:
    """Where a quote is and how it starts: enough for a link and a tooltip."""

    id: int
    article_id: int
    start: str  # its first words


def quote_glimpses(session: Session, quote_ids: Iterable[int], *, length: int = 80) -> dict[int, QuoteGlimpse]:
    """The quotes of `quote_ids` by id, each with its article and its first `length` characters."""
    ids = list(dict.fromkeys(quote_ids))
    found = {}
    for first in range(0, len(ids), STREAM_BATCH):  # bounded IN lists
        for row in session.execute(select(Quote.id, Quote.article_id, func.substr(Quote.text, 1, length).label("start"))
                                   .where(Quote.id.in_(ids[first:first + STREAM_BATCH]))):
            found[row.id] = QuoteGlimpse(**row._asdict())
    return found


def change_marks(session: Session, counts: Optional[dict[str, int]] = None) -> tuple:
    """Marks that move whenever stored data a page shows changes (rows added or deleted, quotes moved by a
    merge, split or correction): the row counts, the newest ids and the newest quote change. Each is an index
    look-up, so a page can keep an expensive count (list_speakers) until they move. `counts`: stats(session),
    when already read.

    Example (from quotes.db import queries):
        if queries.change_marks(session) != marks_when_counted: ...count again
    """
    newest = [select(func.max(column)) for column in (Quote.id, Quote.updated_at, StoredSpeaker.id, Alias.id, Role.id,
                                                      Correction.id, Statement.id, StoredArticle.id)]
    return tuple((counts or stats(session)).values()) + tuple(session.execute(query).scalar_one() for query in newest)


def quote_query():
    """One quote per row with its article and resolved speaker, columns named as QuoteRow's fields;
    shared by queries and export."""
    resolved = {"speaker": func.coalesce(StoredSpeaker.name, Quote.speaker),
                "speaker_kind": func.coalesce(StoredSpeaker.kind, Quote.speaker_kind)}
    article_fields = {name for name, _type in ARTICLE_FIELDS}

    def column(name):
        if name in resolved:
            return resolved[name].label(name)
        return getattr(StoredArticle if name in article_fields else Quote, name)

    return (select(*(column(name) for name, _type in QUOTE_ROW_FIELDS))
            .join(StoredArticle, StoredArticle.id == Quote.article_id)
            .outerjoin(StoredSpeaker, StoredSpeaker.id == Quote.speaker_id))


def quote_row(row) -> QuoteRow:
    return QuoteRow(**row._asdict())


def apply_filters(query, filters: Optional[QuoteFilters]):
    """QuoteFilters as WHERE clauses; every user value is a bound parameter."""
    if filters is None:
        return query
    if filters.since:
        query = query.where(StoredArticle.published_at >= filters.since)
    if filters.until:
        query = query.where(StoredArticle.published_at <= filters.until)
    if filters.outlet:
        query = query.where(StoredArticle.outlet_key == outlet_key(filters.outlet))  # "The Herald" = "Herald"
    if filters.role:
        query = query.where(func.lower(Quote.role).contains(filters.role.lower(), autoescape=True))
    if filters.kind:
        query = query.where(Quote.kind == filters.kind)
    if filters.contains:
        query = query.where(func.lower(Quote.text).contains(filters.contains.lower(), autoescape=True))
    return query


def speaker_rows(session: Session, ids: Iterable[int]) -> list[SpeakerRow]:
    """SpeakerRows with roles, aliases and counts, in the order of `ids`."""
    ids = list(dict.fromkeys(ids))
    if not ids:
        return []
    rows = {s.id: SpeakerRow(id=s.id, name=s.name, kind=s.kind)
            for s in session.execute(select(StoredSpeaker.id, StoredSpeaker.name, StoredSpeaker.kind)
                                     .where(StoredSpeaker.id.in_(ids)))}
    for role in session.execute(select(Role.speaker_id, Role.title).where(Role.speaker_id.in_(ids))
                                .order_by(Role.last_seen.desc(), Role.id)):
        rows[role.speaker_id].roles.append(role.title)
    for row in rows.values():
        row.role = row.roles[0] if row.roles else None
    for alias in session.execute(select(Alias.speaker_id, Alias.name).where(Alias.speaker_id.in_(ids))
                                 .order_by(Alias.id)):
        rows[alias.speaker_id].aliases.append(alias.name)
    counted = select(Statement.speaker_id, func.count()).where(Statement.speaker_id.in_(ids))
    for speaker_id, count in session.execute(counted.group_by(Statement.speaker_id)):
        rows[speaker_id].statements = count
    published = StoredArticle.published_at
    quotes = (select(Quote.speaker_id, func.count(), func.min(published), func.max(published))
              .join(StoredArticle, StoredArticle.id == Quote.article_id).where(Quote.speaker_id.in_(ids))
              .group_by(Quote.speaker_id))
    for speaker_id, count, first, last in session.execute(quotes):
        rows[speaker_id].quotes, rows[speaker_id].first_seen, rows[speaker_id].last_seen = count, first, last
    return [rows[i] for i in ids if i in rows]


def _live(session: Session, query) -> list[int]:
    """Speaker ids of `query` (or a list of ids), with merged speakers replaced by the one they were merged
    into."""
    ids = list(dict.fromkeys(query if isinstance(query, list) else session.execute(query).scalars()))
    if not ids:
        return []
    merged = dict(session.execute(select(StoredSpeaker.id, StoredSpeaker.merged_into_id)
                                  .where(StoredSpeaker.id.in_(ids), StoredSpeaker.merged_into_id.is_not(None))).all())
    return list(dict.fromkeys(merged.get(i, i) for i in ids))


def live_speaker_id(session: Session, speaker_id: int) -> Optional[int]:
    """`speaker_id`, or the speaker it was merged into (following a chain of merges); None when there is
    no such speaker."""
    try:
        return follow_merges(session, speaker_id)
    except SpeakerNotFound:
        return None


def latest_articles(session: Session, *, limit: int, offset: int = 0) -> list[ArticleRow]:
    """Articles newest first (undated ones last, then by id, newest stored first): a stable order to page
    through with `limit` and `offset`.

    Example (from quotes.db import queries):
        second_page = queries.latest_articles(session, limit=20, offset=20)
    """
    columns = select(*(getattr(StoredArticle, field.name) for field in dataclasses.fields(ArticleRow)))
    rows = session.execute(columns.order_by(StoredArticle.published_at.desc().nulls_last(), StoredArticle.id.desc())
                           .limit(limit).offset(offset))
    return [ArticleRow(**row._asdict()) for row in rows]


def article_text(session: Session, article_id: int) -> Optional[str]:
    """The stored text of one article (the text its quotes' offsets index), None when there is none."""
    if not is_stored_id(article_id):
        return None
    return session.execute(select(StoredArticle.text).where(StoredArticle.id == article_id)).scalar_one_or_none()



def _find_article(session: Session, article: str) -> ArticleRow:
    columns = select(*(getattr(StoredArticle, field.name) for field in dataclasses.fields(ArticleRow)))
    if article.isascii() and article.isdigit() and int(article) <= MAX_ID:
        row = session.execute(columns.where(StoredArticle.id == int(article))).one_or_none()
        if row is not None:
            return ArticleRow(**row._asdict())
    rows = session.execute(columns.where(or_(StoredArticle.url == article, StoredArticle.source == article))).all()
    if not rows:
        fragment = article.lower()
        rows = session.execute(columns.where(func.lower(StoredArticle.title).contains(fragment, autoescape=True))
                               .order_by(StoredArticle.id).limit(10)).all()
    if not rows:
        raise ArticleNotFound(f"no article matches {article!r}: pass an id, URL or words from its title "
                              "(`quotes articles` lists them)")
    if len(rows) > 1:
        listing = "; ".join(f"{r.id}: {r.title}" for r in rows)
        raise AmbiguousArticle(f"{article!r} matches several articles ({listing}): pass one id instead")
    return ArticleRow(**rows[0]._asdict())
