"""Full-text search over quote text: user input parsed into terms, then one bound parameter per backend.

Input syntax (as `quotes search` documents it): words must all occur; "a phrase" must occur in order;
word* matches a prefix. Nothing else the user types is syntax: only word characters reach the search
engine, so FTS5 and tsquery operators in user text cannot change the query.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from sqlalchemy import Float, Integer, func, literal_column, select
from sqlalchemy import text as text_clause

from .models import Quote

_TERM = re.compile(r'"([^"]*)"|([^\W_]+)(\*?)')
_WORD = re.compile(r"[^\W_]+")  # underscores are word characters to regex, punctuation to tsquery


@dataclass
class SearchTerm:
    words: list[str]
    prefix: bool = False  # the last word is a prefix


def search_terms(text: str) -> list[SearchTerm]:
    terms = []
    for match in _TERM.finditer(text):
        phrase, word, star = match.groups()
        words = _WORD.findall(phrase) if phrase is not None else [word]
        if words:
            terms.append(SearchTerm(words=words, prefix=bool(star)))
    return terms


def fts5_query(terms: list[SearchTerm]) -> str:
    """FTS5 MATCH text: each term a quoted string (so it is never an operator), joined by implicit AND."""
    return " ".join('"' + " ".join(term.words) + '"' + ("*" if term.prefix else "") for term in terms)


def tsquery(terms: list[SearchTerm]) -> str:
    """to_tsquery text: words joined by & , phrases by <-> , prefixes as :* ."""
    parts = []
    for term in terms:
        words = list(term.words)
        if term.prefix:
            words[-1] += ":*"
        parts.append("(" + " <-> ".join(words) + ")" if len(words) > 1 else words[0])
    return " & ".join(parts)


def restrict(query, *, dialect: str, terms: list[SearchTerm], cap: Optional[int] = None):
    """`query` (over Quote) limited to matching quotes and ordered best first. With `cap`, only the `cap`
    newest matching quotes (highest ids) are ranked: a word in every quote ('the') costs the ranking of
    `cap` quotes, not of the whole database."""
    if dialect == "sqlite":
        newest = " ORDER BY rowid DESC LIMIT :cap" if cap is not None else ""
        hits = (text_clause("SELECT rowid AS id, rank AS rank FROM quote_fts WHERE quote_fts MATCH :fts_query"
                            + newest)
                .bindparams(fts_query=fts5_query(terms), **({"cap": cap} if cap is not None else {}))
                .columns(id=Integer, rank=Float).subquery("hits"))
        return query.join(hits, hits.c.id == Quote.id).order_by(hits.c.rank, Quote.id)
    if dialect == "postgresql":
        # The same expression as the GIN index of migration 0002, so the planner can use it.
        english = literal_column("'english'")
        document = func.to_tsvector(english, Quote.text)
        wanted = func.to_tsquery(english, tsquery(terms))
        if cap is not None:
            newest = select(Quote.id).where(document.op("@@")(wanted)).order_by(Quote.id.desc()).limit(cap)
            query = query.where(Quote.id.in_(newest.scalar_subquery()))
        return query.where(document.op("@@")(wanted)).order_by(func.ts_rank(document, wanted).desc(), Quote.id)
    for term in terms:  # other databases: a case-insensitive substring per term
        query = query.where(func.lower(Quote.text).contains(" ".join(term.words).lower(), autoescape=True))
    return query.order_by(Quote.id)
