"""Throwaway servers for the fault tests, each on a free loopback port, each stopped by its own PID."""

import asyncio
import logging
import os
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

import psycopg
from aiosmtpd.controller import Controller

from bench.server import free_port

POSTGRES_BIN = Path("/usr/lib/postgresql/15/bin")


def wait_for_port(port: int, timeout: float = 20) -> None:
    import socket

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"nothing answered on port {port}")


class Redis:
    """redis-server with no persistence; `kill` is SIGKILL, as when the machine under it dies."""

    def __init__(self):
        self.port = free_port()
        self.process = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
        )
        wait_for_port(self.port)

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"


class Postgres:
    """A PostgreSQL cluster in a temporary folder, run as the `postgres` user when we are root."""

    def __init__(self):
        self.port = free_port()
        self.folder = Path(tempfile.mkdtemp(prefix="chaos-postgres-"))
        self.data = self.folder / "data"
        self.as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self.as_postgres:
            shutil.chown(self.folder, "postgres")

    def _run(self, tool: str, *args: str) -> None:
        subprocess.run([*self.as_postgres, str(POSTGRES_BIN / tool), *args], check=True, capture_output=True)

    def create(self) -> None:
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "-A", "trust", "--no-sync")
        self.start()
        with psycopg.connect(self.url("postgres"), autocommit=True) as connection:
            connection.execute("CREATE DATABASE chaos")

    def start(self) -> None:
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.folder / "server.log"), "-o", options, "-w", "start")

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def destroy(self) -> None:
        try:
            self.stop()
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)

    def url(self, name: str = "chaos") -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{name}"

    def query(self, sql: str) -> list[tuple]:
        with psycopg.connect(self.url(), autocommit=True) as connection:
            return connection.execute(sql).fetchall()


class MailServer:
    """An aiosmtpd server whose behaviour the test switches: "work", "hang" (accept, then never
    answer the greeting's EHLO) or "refuse" (turn every recipient away)."""

    def __init__(self):
        self.mode = "work"
        logging.getLogger("mail.log").setLevel(logging.WARNING)  # aiosmtpd logs every SMTP line at INFO
        self.messages: list[str] = []
        self.controller = Controller(self, hostname="127.0.0.1", port=free_port())

    @property
    def port(self) -> int:
        return self.controller.port

    def start(self) -> None:
        self.controller.start()

    def stop(self) -> None:
        self.controller.stop()

    async def handle_EHLO(self, server, session, envelope, hostname, responses):  # noqa: N802 (aiosmtpd's hook names)
        while self.mode == "hang":
            await asyncio.sleep(0.2)  # the client gives up after EMAIL_TIMEOUT
        session.host_name = hostname
        return responses

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
        if self.mode != "work":
            return "550 5.7.1 Not accepting mail just now"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        self.messages.append(envelope.content.decode("utf-8", "replace"))
        return "250 Message accepted"
