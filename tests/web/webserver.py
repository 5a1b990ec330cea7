"""A real HTTP server for the browser tests and the screenshot script."""

from __future__ import annotations

import socket
import threading
import time


class LiveServer:
    """uvicorn serving the web view in a thread, on a free port of 127.0.0.1."""

    def __init__(self, url: str):
        import uvicorn

        from quotes.cli.web import create_app, open_readonly

        self.engine = open_readonly(url)
        self.socket = socket.socket()
        self.socket.bind(("127.0.0.1", 0))
        self.base = f"http://127.0.0.1:{self.socket.getsockname()[1]}"
        self.server = uvicorn.Server(uvicorn.Config(create_app(self.engine), log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.socket]}, daemon=True)

    def __enter__(self):
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the web view's test server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc):
        self.server.should_exit = True
        self.thread.join(timeout=10)
        self.socket.close()
        self.engine.dispose()
