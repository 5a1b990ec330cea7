"""Paging for the web view's lists: which page a request asks for (`?page=N`), what that page covers, the
page links to show, and a clear 404 page (with a link back) for a page past the end."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from starlette.exceptions import HTTPException
from starlette.requests import Request

MAX_PAGE = 10**9  # a bigger number is no page, and would overflow the database's OFFSET


class NoSuchPage(HTTPException):
    """A page number past the last page: 404, with a link to the last page that exists."""

    def __init__(self, pages: "Pages", what: str, request: Request):
        plural = "page" if pages.count == 1 else "pages"
        super().__init__(404, f"There is no page {pages.number:,} of {what}: there {'is' if pages.count == 1 else 'are'} "
                              f"{pages.count:,} {plural}.")
        self.link = (str(pages.url(request, pages.count)), f"Go to page {pages.count:,}")


@dataclass
class Pages:
    """Page `number` (from 1) of `total` items, `size` to a page."""

    number: int
    size: int
    total: int

    @property
    def count(self) -> int:
        """How many pages there are: at least one, so an empty list still has a (first) page."""
        return max(1, -(-self.total // self.size))

    @property
    def offset(self) -> int:
        return (self.number - 1) * self.size

    @property
    def first_item(self) -> int:
        return min(self.total, self.offset + 1)

    @property
    def last_item(self) -> int:
        return min(self.total, self.offset + self.size)

    def links(self, around: int = 2) -> list[Optional[int]]:
        """Page numbers to link: the first, the last and those near this one; None where some are left out."""
        shown = sorted({1, self.count, *range(max(1, self.number - around), min(self.count, self.number + around) + 1)})
        result: list[Optional[int]] = []
        for number in shown:
            if result and number - result[-1] > 1:
                result.append(None)
            result.append(number)
        return result

    @staticmethod
    def url(request: Request, number: int) -> str:
        """This request's URL (its search, dates …) at page `number`."""
        return str(request.url.include_query_params(page=number))

    def check(self, what: str, request: Request) -> "Pages":
        """Self, or NoSuchPage when the page is past the end."""
        if self.number > self.count:
            raise NoSuchPage(self, what, request)
        return self


def requested_page(request: Request) -> int:
    """The page number `?page=` asks for (1 when absent); 400 for anything but a whole number from 1."""
    given = request.query_params.get("page", "1").strip() or "1"
    if not (given.isascii() and given.isdigit() and len(given) <= 10) or not 1 <= int(given) <= MAX_PAGE:
        raise HTTPException(400, f"?page= takes a page number (1, 2, 3 …), not {given[:40]!r}.")
    return int(given)
