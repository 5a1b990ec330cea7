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

from quotes.ingest.metadata import read_byline

ITEM_TYPE = "article-newspaper"
QUOTE_FIELDS = ("quote_id", "statement_id", "speaker", "speaker_kind", "role", "kind", "cue", "text", "start",
                "end", "spans", "confidence", "corrected")
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
    a one-word or agency byline ("Reuters") stays whole as a literal name; an outlet or a job title after
    the names ("…, Harbor City Herald", "…, Staff Writer", as stored before bylines were read apart) is none.

    >>> csl_authors("By Jane Doe and Reuters")
    [{'family': 'Doe', 'given': 'Jane'}, {'literal': 'Reuters'}]
    """
    if not byline or not byline.strip():
        return []
    byline = _BYLINE_PREFIX.sub("", byline)
    people, _outlet = read_byline(byline)  # "Bell and Lima, Harbor City Herald": the outlet is no author
    names = [part.strip() for part in _NAME_SEPARATORS.split(people or byline) if part.strip()]
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
    """CSL items as BibTeX through bibtexparser: one @article each with `entrysubtype = {newspaper}` (so
    biblatex and pandoc read a news article and APA shows its full date), journal = the outlet, year, month
    and the biblatex date, the quotes in `note`. LaTeX special characters are escaped, except in `url`,
    which BibTeX and biblatex read verbatim (a `\\url{}` there is printed as such); proper nouns in the title
    are brace-protected from lower-casing. Needs the `citations` extra."""
    import bibtexparser
    from bibtexparser.middlewares import LatexEncodingMiddleware
    from bibtexparser.model import Entry, Field

    library = bibtexparser.Library()
    verbatim = []
    for item in items:
        fields = []
        if item.get("author"):
            fields.append(Field("author", " and ".join(_family_first(name) for name in item["author"])))
        if item.get("container-title"):
            fields.append(Field("journal", item["container-title"]))
        fields.append(Field("entrysubtype", "newspaper"))
        if item.get("issued"):
            year, month, day = item["issued"]["date-parts"][0]
            fields += [Field("year", str(year)), Field("month", str(month)),
                       Field("date", f"{year:04d}-{month:02d}-{day:02d}")]
        if item.get("abstract"):
            fields.append(Field("abstract", item["abstract"]))
        fields.append(Field("note", item.get("note", "")))
        entry = Entry("article", item["id"], fields)
        library.add(entry)
        verbatim.append((entry, item))
    library = LatexEncodingMiddleware(enclose_urls=False).transform(library)
    for entry, item in verbatim:  # written after the encoding: already LaTeX (title) or verbatim (url)
        entry.fields.insert(0, Field("title", protected_title(item["title"])))
        if item.get("URL"):
            entry.fields.append(Field("url", item["URL"]))
    return bibtexparser.write_string(library)


# words a sentence-case headline writes in lower case: their presence tells it from a Title Case one
_SMALL_WORDS = frozenset("a an and as at but by for from in into of on or over the to up with".split())


def protected_title(title: str) -> str:
    """A title as LaTeX with its proper nouns in braces, so BibTeX styles and pandoc's APA, which lower-case
    titles, keep them ("Mayor {Voss} unveils plan for {Riverside} bridge"). In a sentence-case headline
    every capitalised word after the first is a proper noun; a Title Case headline does not say which are,
    so it is protected whole and shown as written. Words with inner capitals ("UN", "iPhone") always are."""
    from pylatexenc.latexencode import unicode_to_latex

    words = title.split()
    title_case = not any(w[:1].islower() and w.lower().strip(",.:;!?") not in _SMALL_WORDS for w in words[1:])
    if title_case and len(words) > 1:
        return "{" + unicode_to_latex(" ".join(words)) + "}"
    protected = []
    for index, word in enumerate(words):
        encoded = unicode_to_latex(word)
        inner_capital = any(c.isupper() for c in word[1:])
        if inner_capital or (index > 0 and word[:1].isupper()):
            encoded = "{" + encoded + "}"
        protected.append(encoded)
    return " ".join(protected)


def _family_first(name: dict) -> str:
    if "literal" in name:
        return name["literal"]
    return f"{name['family']}, {name['given']}" if name.get("given") else name["family"]


def _one_line(text: str) -> str:
    return " ".join(text.split())
