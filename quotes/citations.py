"""Stored quotes as CSL-JSON items for reference managers (Zotero, Mendeley, pandoc-citeproc).

By default one `article-newspaper` item per article, carrying its quotes three ways a reference manager
keeps: readable lines in `abstract`, one compact line per quote with its offsets in `note` (Zotero shows it
as "Extra"), and the full records under `custom.quotes` for tools. `per_quote=True` gives the older shape,
one item per quote. Pure: export records (dicts with the export columns) in, CSL items out; `ris_text`
and `bibtex_text` write those items as RIS and BibTeX through rispy and bibtexparser (the `citations` extra).
"""

from __future__ import annotations

import re
from typing import Iterable, Iterator, Optional

ITEM_TYPE = "article-newspaper"
QUOTE_FIELDS = ("quote_id", "statement_id", "speaker", "speaker_kind", "role", "kind", "cue", "text", "start",
                "end", "spans", "confidence")
_BYLINE_PREFIX = re.compile(r"^\s*by\s+", re.I)
_NAME_SEPARATORS = re.compile(r"\s*(?:,|;|\band\b|&)\s*", re.I)


def csl_items(records: Iterable[dict], *, per_quote: bool = False) -> Iterator[dict]:
    """CSL-JSON items for `records`: one per article (quotes in text order, articles in the order their
    first quote came), or one per quote with `per_quote=True`.

    >>> quote = {"quote_id": 7, "article_id": 3, "title": "Harbour reopens", "outlet": "Northwire",
    ...          "published_at": "2023-03-01", "url": None, "speaker": "Ines Varga", "role": None,
    ...          "kind": "direct", "text": "We are ready", "start": 1, "end": 13}
    >>> [item] = csl_items([quote])
    >>> item["id"], item["container-title"], item["issued"], item["note"]
    ('article-3', 'Northwire', {'date-parts': [[2023, 3, 1]]}, 'quote 7 [1-13] Ines Varga: We are ready')
    """
    if per_quote:
        for record in records:
            yield quote_item(record)
        return
    articles: dict[object, list[dict]] = {}
    for record in records:
        articles.setdefault(record["article_id"], []).append(record)
    for quotes in articles.values():
        yield article_item(sorted(quotes, key=lambda q: (q.get("start") or 0, q["quote_id"])))


def article_item(quotes: list[dict]) -> dict:
    """One item for the article the `quotes` (all from one article) came from."""
    item = _article_fields(quotes[0], item_id=f"article-{quotes[0]['article_id']}")
    item["abstract"] = "\n".join(_readable(quote) for quote in quotes)
    item["note"] = "\n".join(_note_line(quote) for quote in quotes)
    item["custom"] = {"article_id": quotes[0]["article_id"],
                      "quotes": [{field: quote.get(field) for field in QUOTE_FIELDS} for quote in quotes]}
    return item


def quote_item(quote: dict) -> dict:
    """One item per quote (the per-quote mode): the article's fields, the quote as its note."""
    item = _article_fields(quote, item_id=f"quote-{quote['quote_id']}")
    lines = [f"Speaker: {quote.get('speaker') or 'unknown'}"]
    if quote.get("role"):
        lines.append(f"Role: {quote['role']}")
    lines.append(f"Statement: {quote['text']}")
    item["note"] = "\n".join(lines)
    item["custom"] = {"article_id": quote["article_id"], "quotes": [{f: quote.get(f) for f in QUOTE_FIELDS}]}
    return item


def csl_authors(byline: Optional[str]) -> list[dict]:
    """CSL names from a byline: "By Jane Doe and Ola Nordmann" -> [{"family": "Doe", "given": "Jane"}, ...];
    a one-word or agency byline ("Reuters") stays whole as a literal name.

    >>> csl_authors("By Jane Doe and Reuters")
    [{'family': 'Doe', 'given': 'Jane'}, {'literal': 'Reuters'}]
    """
    if not byline or not byline.strip():
        return []
    names = [part.strip() for part in _NAME_SEPARATORS.split(_BYLINE_PREFIX.sub("", byline)) if part.strip()]
    authors = []
    for name in names:
        words = name.split()
        if len(words) < 2 or name.isupper():
            authors.append({"literal": name})
        else:
            split = len(words) - 1
            while split > 1 and words[split - 1].islower():  # "van Dyke", "de la Cruz" keep their particles
                split -= 1
            authors.append({"family": " ".join(words[split:]), "given": " ".join(words[:split])})
    return authors


def _article_fields(record: dict, *, item_id: str) -> dict:
    item = {"id": item_id, "type": ITEM_TYPE, "title": record.get("title") or record.get("source") or item_id}
    authors = csl_authors(record.get("author"))
    if authors:
        item["author"] = authors
    if record.get("outlet"):
        item["container-title"] = record["outlet"]
    issued = _date_parts(record.get("published_at"))
    if issued:
        item["issued"] = issued
    if record.get("url"):
        item["URL"] = record["url"]
    return item


def _date_parts(value) -> Optional[dict]:
    if not value:
        return None
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    year, month, day = (int(part) for part in text[:10].split("-"))
    return {"date-parts": [[year, month, day]]}


def _readable(quote: dict) -> str:
    who = quote.get("speaker") or "unknown speaker"
    if quote.get("role"):
        who += f" ({quote['role']})"
    return f"{who}: “{quote['text']}”" if quote.get("kind") == "direct" else f"{who}: {quote['text']}"


def _note_line(quote: dict) -> str:
    spans = quote.get("spans") or [[quote.get("start"), quote.get("end")]]
    offsets = ",".join(f"{start}-{end}" for start, end in spans)
    return f"quote {quote['quote_id']} [{offsets}] {quote.get('speaker') or 'unknown'}: {quote['text']}"


def ris_text(items: Iterable[dict]) -> str:
    """CSL items as RIS (EndNote, Zotero, Mendeley, RefWorks) through rispy: one NEWS record each, one
    N1 note per quote line. Needs the `citations` extra."""
    import rispy
    from rispy.writer import RisWriter

    class Writer(RisWriter):
        def set_header(self, count):  # rispy numbers records ("1."); RIS readers expect TY first
            return None

    return rispy.dumps([_ris_entry(item) for item in items], implementation=Writer)


def _ris_entry(item: dict) -> dict:
    entry = {"type_of_reference": "NEWS", "id": item["id"], "title": _one_line(item["title"])}
    if item.get("author"):
        entry["authors"] = [_family_first(name) for name in item["author"]]
    if item.get("container-title"):
        entry["secondary_title"] = item["container-title"]
    if item.get("issued"):
        year, month, day = item["issued"]["date-parts"][0]
        entry["year"], entry["date"] = str(year), f"{year:04d}/{month:02d}/{day:02d}"
    if item.get("URL"):
        entry["urls"] = [item["URL"]]
    if item.get("abstract"):
        entry["abstract"] = " | ".join(item["abstract"].splitlines())
    entry["notes"] = [_one_line(line) for line in item.get("note", "").splitlines() if line.strip()]
    return entry


def bibtex_text(items: Iterable[dict]) -> str:
    """CSL items as BibTeX through bibtexparser: one @article each (journal = the outlet, biblatex date),
    the quotes in `note`; LaTeX special characters escaped. Needs the `citations` extra."""
    import bibtexparser
    from bibtexparser.middlewares import LatexEncodingMiddleware
    from bibtexparser.model import Entry, Field

    library = bibtexparser.Library()
    for item in items:
        fields = [Field("title", item["title"])]
        if item.get("author"):
            fields.append(Field("author", " and ".join(_family_first(name) for name in item["author"])))
        if item.get("container-title"):
            fields.append(Field("journal", item["container-title"]))
        if item.get("issued"):
            year, month, day = item["issued"]["date-parts"][0]
            fields += [Field("year", str(year)), Field("month", str(month)),
                       Field("date", f"{year:04d}-{month:02d}-{day:02d}")]
        if item.get("URL"):
            fields.append(Field("url", item["URL"]))
        if item.get("abstract"):
            fields.append(Field("abstract", item["abstract"]))
        fields.append(Field("note", item.get("note", "")))
        library.add(Entry("article", item["id"], fields))
    return bibtexparser.write_string(library, prepend_middleware=[LatexEncodingMiddleware(enclose_urls=True)])


def _family_first(name: dict) -> str:
    if "literal" in name:
        return name["literal"]
    return f"{name['family']}, {name['given']}" if name.get("given") else name["family"]


def _one_line(text: str) -> str:
    return " ".join(text.split())
