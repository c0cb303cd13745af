"""`erp serve --workers N`: N server processes, each listening on the port on its own.

With one listening socket shared by all workers (what uvicorn's own ``--workers`` does),
the worker that wakes first accepts every connection waiting, up to a hundred at a time.
Clients that keep their connection open (POS terminals, a load balancer's pool) then
stay on that one worker while the others idle: under load a two-worker server used one
core. On Linux each worker here opens its own socket with ``SO_REUSEPORT``, and the kernel
spreads new connections over the workers' sockets. Elsewhere uvicorn's workers are used.

The parent only watches: it restarts a worker that dies, stops every worker on SIGTERM or
SIGINT, and gives up if a worker dies as soon as it starts (a bad setting, a port taken).
"""

from __future__ import annotations

import logging
import multiprocessing
import signal
import socket
import sys
import threading
import time
from multiprocessing.process import BaseProcess
from typing import Any

import uvicorn

log = logging.getLogger("erp.serve")

APP = "core.server:create_app"
STARTUP_GRACE_S = 5.0  # a worker that dies sooner than this is not restarted
STOP_TIMEOUT_S = 30.0


def serve(host: str, port: int, workers: int, **options: Any) -> None:
    """Serve until SIGTERM or SIGINT; ``options`` are uvicorn's."""
    if workers <= 1 or not sys.platform.startswith("linux"):
        uvicorn.run(APP, factory=True, host=host, port=port, workers=workers, **options)
        return
    _check_port_free(host, port)
    Supervisor(host, port, workers, options).run()


def _check_port_free(host: str, port: int) -> None:
    """Fail at once, in the parent, if something else holds the port."""
    probe = _reuse_port_socket(host, port)
    probe.close()


def _reuse_port_socket(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # IPPROTO_TCP named, not left 0: asyncio turns Nagle's algorithm off (TCP_NODELAY)
    # only on connections of sockets that say they are TCP. With it on, a response
    # written as headers then body waits for the client's delayed ACK: 40 ms a request.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    try:
        sock.bind((host, port))
    except OSError:
        sock.close()
        raise
    return sock


def _run_worker(host: str, port: int, options: dict[str, Any]) -> None:
    sock = _reuse_port_socket(host, port)
    config = uvicorn.Config(APP, factory=True, host=host, port=port, **options)
    uvicorn.Server(config).run(sockets=[sock])


class Supervisor:
    def __init__(self, host: str, port: int, workers: int, options: dict[str, Any]) -> None:
        self.args = (host, port, options)
        self.count = workers
        self.spawn = multiprocessing.get_context("spawn")
        self.stopping = threading.Event()
        self.processes: list[tuple[BaseProcess, float]] = []

    def run(self) -> None:
        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, lambda *_: self.stopping.set())
        self.processes = [self._start() for _ in range(self.count)]
        failed = False
        try:
            while not self.stopping.wait(0.5):
                failed = self._replace_dead()
                if failed:
                    break
        finally:
            self._stop_all()
        if failed:
            raise SystemExit("a server worker exited while starting; see the log above")

    def _start(self) -> tuple[BaseProcess, float]:
        process = self.spawn.Process(target=_run_worker, args=self.args, name="erp-serve")
        process.start()
        return process, time.monotonic()

    def _replace_dead(self) -> bool:
        """Restart workers that died; True when one died while starting."""
        for i, (process, started) in enumerate(self.processes):
            if process.is_alive():
                continue
            if time.monotonic() - started < STARTUP_GRACE_S:
                return True
            log.warning("server worker %s exited with %s; starting another", process.pid,
                        process.exitcode)
            self.processes[i] = self._start()
        return False

    def _stop_all(self) -> None:
        for process, _ in self.processes:
            if process.is_alive():
                process.terminate()  # SIGTERM: uvicorn finishes the requests in flight
        deadline = time.monotonic() + STOP_TIMEOUT_S
        for process, _ in self.processes:
            process.join(max(0.0, deadline - time.monotonic()))
            if process.is_alive():
                process.kill()
                process.join()
