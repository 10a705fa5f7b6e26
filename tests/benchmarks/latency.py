"""A slow network on loopback: a TCP proxy in front of the test PostgreSQL that holds every
chunk for half the round-trip time in each direction, and counts the round trips it carries.

A round trip is counted at the proxy, from what crosses it: the client speaks (one chunk
or several: a burst), then the server answers. The first chunk the server sends after the
client has spoken ends one round trip; more chunks of the same answer, or more bursts from
the client before the answer comes, do not add to it. So psycopg's pipeline mode, which
sends BEGIN, a statement and its Sync in one burst, costs one; a driver that waits for each
answer before sending the next statement costs one per statement.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass

CHUNK = 65536


@dataclass
class _Link:
    """One client connection's direction state: whether the client spoke since the last answer."""

    client_spoke: bool = False


class DelayProxy:
    """Listens on 127.0.0.1 and forwards to (host, port), each direction `latency_ms / 2` late."""

    def __init__(self, host: str, port: int, latency_ms: float) -> None:
        self.upstream = (host, port)
        self.one_way = latency_ms / 2000  # seconds each way
        self.port = 0
        self._trips = 0
        self._lock = threading.Lock()
        self._loop = asyncio.new_event_loop()
        self._server: asyncio.Server | None = None
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)

    @property
    def round_trips(self) -> int:
        """Round trips carried so far, over every connection."""
        with self._lock:
            return self._trips

    def start(self) -> None:
        self._thread.start()
        started = asyncio.run_coroutine_threadsafe(self._listen(), self._loop)
        self.port = started.result(timeout=10)

    def stop(self) -> None:
        async def close() -> None:
            if self._server is not None:
                self._server.close()
            tasks = [task for task in asyncio.all_tasks() if task is not asyncio.current_task()]
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

        asyncio.run_coroutine_threadsafe(close(), self._loop).result(timeout=10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=10)
        self._loop.close()

    async def _listen(self) -> int:
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        return int(self._server.sockets[0].getsockname()[1])

    async def _serve(self, client_in: asyncio.StreamReader, client_out: asyncio.StreamWriter) -> None:
        try:
            server_in, server_out = await asyncio.open_connection(*self.upstream)
        except OSError:
            client_out.close()
            return
        link = _Link()
        pumps = [
            asyncio.create_task(self._pump(client_in, server_out, link, from_client=True)),
            asyncio.create_task(self._pump(server_in, client_out, link, from_client=False)),
        ]
        try:
            await asyncio.wait(pumps, return_when=asyncio.FIRST_COMPLETED)
        except asyncio.CancelledError:
            pass  # the proxy stops: the connection ends with it
        finally:
            for task in pumps:
                task.cancel()
            for writer in (client_out, server_out):
                writer.close()

    def _seen(self, link: _Link, from_client: bool) -> None:
        if from_client:
            link.client_spoke = True
        elif link.client_spoke:
            link.client_spoke = False
            with self._lock:
                self._trips += 1

    async def _pump(
        self,
        reader: asyncio.StreamReader,
        writer: asyncio.StreamWriter,
        link: _Link,
        *,
        from_client: bool,
    ) -> None:
        """Read chunks as they come; deliver each one_way after it arrived, in order."""
        queue: asyncio.Queue[tuple[float, bytes]] = asyncio.Queue()

        async def deliver() -> None:
            while True:
                due, data = await queue.get()
                if not data:
                    writer.write_eof() if writer.can_write_eof() else writer.close()
                    return
                wait = due - time.monotonic()
                if wait > 0:
                    await asyncio.sleep(wait)
                writer.write(data)
                await writer.drain()

        delivering = asyncio.create_task(deliver())
        try:
            while True:
                data = await reader.read(CHUNK)
                if data:
                    self._seen(link, from_client)
                await queue.put((time.monotonic() + self.one_way, data))
                if not data:
                    break
            await delivering
        finally:
            delivering.cancel()


@contextlib.contextmanager
def delayed(host: str, port: int, latency_ms: float) -> Iterator[DelayProxy]:
    """A running proxy for the length of the block."""
    proxy = DelayProxy(host, port, latency_ms)
    proxy.start()
    try:
        yield proxy
    finally:
        proxy.stop()
