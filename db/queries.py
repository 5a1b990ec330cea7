"""Read side: speakers, their quotes and statements, articles, full-text search. Returns rows.py records."""

from __future__ import annotations

import dataclasses
from typing import Iterable, Iterator, Optional

from sqlalchemy import func, or_, select
from sqlmodel import Session

from quotes.db.counts import stats  # one count of what is stored, for the CLI (which loads no models) and here
from quotes.db.errors import AmbiguousArticle, ArticleNotFound
from quotes.db.fulltext import restrict, search_terms
from quotes.db.models import Alias, Quote, Role, Statement, StoredArticle, StoredSpeaker
from quotes.db.names import FoldedName, fold_words, name_parts
from quotes.db.rows import (ARTICLE_FIELDS, QUOTE_ROW_FIELDS, ArticleRow, QuoteFilters, QuoteRow, SpeakerRow,
                            StatementRow)
from quotes.metadata import outlet_key

__all__ = ["QuoteFilters", "find_speakers", "list_speakers", "quotes_by", "statements_by", "article_quotes",
           "search_quotes", "stats", "quote_query", "apply_filters", "quote_row"]

PARTIAL_MATCH_LIMIT = 50
# full-text search ranks at most this many matching quotes, the newest (see search_quotes)
SEARCH_CAP = 10_000
MAX_ID = 2**31 - 1
"""The largest id a row can have (PostgreSQL's SERIAL ids are 32-bit): a bigger number is no stored id, and
asking the database about it fails (OverflowError on SQLite, out of range on PostgreSQL)."""
STREAM_BATCH = 1000


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
    counts and the cut in SQL; when speakers tie across the cut, only ids and names of the tied are read, to
    break the tie by name as Python does (SQL's lower() is not str.casefold)."""
    if limit <= 0:
        return []
    counts = (select(Quote.speaker_id, func.count().label("quotes"))
              .where(Quote.speaker_id.in_(speakers)).group_by(Quote.speaker_id))
    top = session.execute(counts.order_by(func.count().desc()).limit(limit + 1)).all()
    if len(top) > limit and top[limit].quotes < top[limit - 1].quotes:  # no tie across the cut
        return [row.speaker_id for row in top[:limit]]
    cutoff = top[limit - 1].quotes if len(top) >= limit else 0
    chosen = [row.speaker_id for row in top if row.quotes > cutoff]
    if cutoff:
        tied = counts.having(func.count() == cutoff).with_only_columns(Quote.speaker_id)
    else:  # fewer quoted speakers than places: speakers without a quote fill the rest
        quoted = select(Quote.speaker_id).where(Quote.speaker_id.is_not(None))
        tied = speakers.where(StoredSpeaker.id.not_in(quoted))
    names = session.execute(select(StoredSpeaker.id, StoredSpeaker.name).where(StoredSpeaker.id.in_(tied))).all()
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
    """What one speaker said, each distinct statement once, earliest first, with where it appeared.

    Example:
        for statement in quotes.statements_by(session, speaker_id=speaker.id):
            print(statement.articles, statement.outlets, statement.text)
    """
    name = session.execute(select(StoredSpeaker.name).where(StoredSpeaker.id == speaker_id)).scalar_one_or_none() or ""
    seen: dict[int, tuple[set, dict]] = {}
    for row in session.execute(select(Quote.statement_id, Quote.article_id, StoredArticle.outlet)
                               .join(StoredArticle, StoredArticle.id == Quote.article_id)
                               .where(Quote.speaker_id == speaker_id, Quote.statement_id.is_not(None))
                               .order_by(Quote.article_id)):
        articles, outlets = seen.setdefault(row.statement_id, (set(), {}))
        articles.add(row.article_id)
        if row.outlet:
            outlets.setdefault(outlet_key(row.outlet), row.outlet)  # one outlet however written; first form shown
    statements = session.execute(select(Statement).where(Statement.speaker_id == speaker_id)
                                 .order_by(Statement.first_seen, Statement.id)).scalars()
    return [StatementRow(id=s.id, speaker=name, text=s.text, quotes=s.occurrences,
                         articles=len(seen.get(s.id, ((), ()))[0]),
                         outlets=sorted(seen.get(s.id, ((), {}))[1].values()), first_seen=s.first_seen,
                         speaker_id=speaker_id)
            for s in statements]


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


def is_stored_id(number: int) -> bool:
    """Whether `number` can be the id of a stored row at all (see MAX_ID)."""
    return 0 < number <= MAX_ID


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
                              "(`quotes stats` shows what is stored)")
    if len(rows) > 1:
        listing = "; ".join(f"{r.id}: {r.title}" for r in rows)
        raise AmbiguousArticle(f"{article!r} matches several articles ({listing}): pass one id instead")
    return ArticleRow(**rows[0]._asdict())
