"""A slow network on loopback: a TCP proxy in front of the test PostgreSQL that holds every
chunk for half the round-trip time in each direction, and counts the round trips it carries.

Round trips are counted from the PostgreSQL protocol messages the client sends (the
proxy reads the client's stream; TLS is not used on loopback): a client waits for the
server only after a message that asks for an answer now: Sync (`S`, the end of a
statement, or of a pipeline's batch), Flush (`H`), a simple Query (`Q`), the start-up
message and a password (`p`). A Sync or Flush right after another request, with no other
message between them, is part of the same wait (psycopg ends a pipeline with Sync then
Flush); every simple Query is a wait of its own. So a statement sent on its own costs one,
and psycopg's pipeline mode, which sends BEGIN, statements and a COMMIT and asks for the
answers once, costs one. Counting messages rather than the turns seen on the wire keeps
the count the same at any delay: without one, the server's answer to the first half of a
pipelined burst may come back before the client has sent the second half.
"""

from __future__ import annotations

import asyncio
import contextlib
import multiprocessing
import struct
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any

CHUNK = 65536
WAITS_FOR_ANSWER = frozenset(b"SHQp")
# Start-up requests with no type byte that the server answers with one byte, not a message.
SSL_REQUEST = 80877103
GSSENC_REQUEST = 80877104


@dataclass
class _ClientStream:
    """The messages a client has sent so far on one connection, read as they arrive."""

    buffer: bytearray = field(default_factory=bytearray)
    started: bool = False  # the start-up message is read: typed messages follow
    asked: bool = False  # the last message read asked for an answer

    def waits_in(self, data: bytes) -> int:
        """How many new waits for the server `data` completes."""
        self.buffer += data
        waits = 0
        while True:
            if not self.started:
                if len(self.buffer) < 8:
                    return waits
                length, code = struct.unpack("!ii", self.buffer[:8])
                if len(self.buffer) < length:
                    return waits
                del self.buffer[:length]
                if code not in (SSL_REQUEST, GSSENC_REQUEST):
                    self.started = True
                    waits += 1  # the server answers the start-up before anything else
                continue
            if len(self.buffer) < 5:
                return waits
            kind = self.buffer[0]
            (length,) = struct.unpack("!i", self.buffer[1:5])
            if len(self.buffer) < 1 + length:
                return waits
            del self.buffer[: 1 + length]
            if kind == ord("Q"):
                waits += 1  # a whole request and its answer
                self.asked = True
            elif kind in WAITS_FOR_ANSWER:
                if not self.asked:
                    waits += 1
                self.asked = True
            else:
                self.asked = False


class DelayProxy:
    """Listens on 127.0.0.1 and forwards to (host, port), each direction `latency_ms / 2` late.

    The relay runs in a process of its own, so the measured program's work never holds up
    its forwarding (one Python process would share one interpreter lock between them)."""

    def __init__(self, host: str, port: int, latency_ms: float) -> None:
        self.upstream = (host, port)
        self.one_way = latency_ms / 2000  # seconds each way
        self.port = 0
        # fork: the child runs only the relay, and spawn would run the caller's script again.
        context = multiprocessing.get_context("fork")
        self._context = context
        self._trips = context.Value("q", 0)
        self._process: BaseProcess | None = None

    @property
    def round_trips(self) -> int:
        """Round trips carried so far, over every connection."""
        with self._trips.get_lock():
            return int(self._trips.value)

    def start(self) -> None:
        ours, theirs = self._context.Pipe()
        self._process = self._context.Process(
            target=_relay, args=(*self.upstream, self.one_way, self._trips, theirs), daemon=True
        )
        self._process.start()
        if not ours.poll(30):
            self.stop()
            raise RuntimeError("the latency proxy did not start")
        self.port = int(ours.recv())

    def stop(self) -> None:
        if self._process is not None and self._process.is_alive():
            self._process.terminate()
            self._process.join(timeout=10)


def _relay(host: str, port: int, one_way: float, trips: Any, ready: Connection) -> None:
    """The proxy's process: relay until terminated."""
    asyncio.run(_Relay((host, port), one_way, trips).run(ready))


class _Relay:
    def __init__(self, upstream: tuple[str, int], one_way: float, trips: Any) -> None:
        self.upstream = upstream
        self.one_way = one_way
        self._trips = trips

    async def run(self, ready: Connection) -> None:
        server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        ready.send(int(server.sockets[0].getsockname()[1]))
        async with server:
            await server.serve_forever()

    async def _serve(
        self, client_in: asyncio.StreamReader, client_out: asyncio.StreamWriter
    ) -> None:
        try:
            server_in, server_out = await asyncio.open_connection(*self.upstream)
        except OSError:
            client_out.close()
            return
        link = _ClientStream()
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

    def _seen(self, link: _ClientStream, data: bytes) -> None:
        waits = link.waits_in(data)
        if waits:
            with self._trips.get_lock():
                self._trips.value += waits

    async def _pump(
        self,
        reader: asyncio.StreamReader,
        writer: asyncio.StreamWriter,
        link: _ClientStream,
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
                if data and from_client:
                    self._seen(link, data)
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
