"""`erp serve --workers N` (core/serving.py): each worker listens on the port itself,
connections have Nagle's algorithm off, a dead worker is replaced and SIGTERM stops all."""

from __future__ import annotations

import asyncio
import contextlib
import http.client
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from core import serving

ROOT = Path(__file__).resolve().parents[1]
uvloop = pytest.importorskip("uvloop")  # not installed on Windows
pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="SO_REUSEPORT workers are Linux only")


@pytest.mark.parametrize("loop", ["asyncio", "uvloop"])
def test_connections_accepted_on_a_workers_socket_send_without_delay(loop):
    """A response written in two parts (headers, then body) must not wait for the
    client's delayed ACK: asyncio sets TCP_NODELAY only on sockets that say they are
    TCP (uvloop, which uvicorn uses when installed, always does)."""
    sock = serving._reuse_port_socket("127.0.0.1", 0)
    port = sock.getsockname()[1]
    seen: list[int] = []

    class Probe(asyncio.Protocol):
        def connection_made(self, transport: asyncio.BaseTransport) -> None:
            accepted = transport.get_extra_info("socket")
            seen.append(accepted.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
            transport.close()

    async def main() -> None:
        server = await asyncio.get_running_loop().create_server(Probe, sock=sock)
        async with server:
            _, writer = await asyncio.open_connection("127.0.0.1", port)
            while not seen:
                await asyncio.sleep(0.01)
            writer.close()

    factory = uvloop.new_event_loop if loop == "uvloop" else asyncio.new_event_loop
    with asyncio.Runner(loop_factory=factory) as runner:
        runner.run(main())
    assert seen and seen[0] != 0


def test_a_port_another_program_listens_on_is_refused_before_any_worker_starts():
    with socket.socket() as other:
        other.bind(("127.0.0.1", 0))
        other.listen()
        with pytest.raises(OSError):
            serving._check_port_free("127.0.0.1", other.getsockname()[1])


def _workers(pid: int) -> set[int]:
    with open(f"/proc/{pid}/task/{pid}/children") as f:
        children = [int(p) for p in f.read().split()]
    out = set()
    for child in children:
        with contextlib.suppress(OSError), open(f"/proc/{child}/cmdline", "rb") as f:
            if b"spawn_main" in f.read():
                out.add(child)
    return out


def _healthy(port: int) -> bool:
    with contextlib.suppress(OSError):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
        conn.request("GET", "/healthz")
        return conn.getresponse().status == 200
    return False


def _wait(check, seconds: float = 60):  # noqa: ANN001, ANN202
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(0.1)
    raise AssertionError("timed out")


def test_two_workers_serve_one_port_a_dead_one_is_replaced_and_sigterm_stops_all(tmp_path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = dict(os.environ, ERP_DATABASE_URL=f"sqlite:///{tmp_path}/serve.db")
    env.pop("ERP_REDIS_URL", None)
    server = subprocess.Popen([sys.executable, "-m", "core", "serve", "--port", str(port),
                               "--workers", "2"], cwd=ROOT, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        first = _wait(lambda: len(_workers(server.pid)) == 2 and _healthy(port)
                      and _workers(server.pid))
        # every connection is answered, whichever worker the kernel gives it to
        assert all(_healthy(port) for _ in range(20))
        time.sleep(serving.STARTUP_GRACE_S)  # past starting: a death now is a crash
        victim = min(first)
        os.kill(victim, signal.SIGKILL)
        again = _wait(lambda: (w := _workers(server.pid)) and len(w) == 2
                      and victim not in w and w)
        assert len(again & first) == 1
        assert _wait(lambda: _healthy(port))
        server.send_signal(signal.SIGTERM)
        assert server.wait(timeout=60) == 0
        assert not any(os.path.exists(f"/proc/{pid}") for pid in again)
        assert not _healthy(port)
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
