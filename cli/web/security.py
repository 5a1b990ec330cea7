"""What the web view sends and accepts to stay a local, read-only view: trusted Host names only (a page
elsewhere cannot read it through DNS rebinding), and headers that forbid framing, type sniffing and any
script or resource from elsewhere."""

from __future__ import annotations

from typing import Iterable, Sequence

from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware

LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]", "testserver")
"""Host names always trusted: this machine (and Starlette's TestClient, which names itself testserver)."""
WILDCARD_BINDS = ("0.0.0.0", "::", "")
"""Addresses that listen on every interface: the view is for the network then, reached by any name."""

HEADERS = (
    # No scripts at all; styles only inline (base.html's <style>, the statement swatches); the favicon is data:.
    (b"content-security-policy", b"default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; "
                                 b"form-action 'self'; frame-ancestors 'none'; base-uri 'none'"),
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
)


def trusted_hosts(bound: str = "127.0.0.1", extra: Iterable[str] = ()) -> list[str]:
    """The Host names the view answers: this machine's names, the address it was bound to, and `extra`;
    every name when it listens on all interfaces."""
    if bound in WILDCARD_BINDS:
        return ["*"]
    return list(dict.fromkeys([*LOCAL_HOSTS, bound.strip("[]"), *extra]))


class SecurityHeaders:
    """ASGI middleware adding HEADERS to every HTTP response."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                message["headers"] = [*message.get("headers", []),
                                      *((name, value) for name, value in HEADERS if name not in present)]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def middleware(hosts: Sequence[str]) -> list[Middleware]:
    """The web view's middleware, outermost first: a request for another Host gets 400 before any page."""
    return [Middleware(SecurityHeaders), Middleware(TrustedHostMiddleware, allowed_hosts=list(hosts))]
