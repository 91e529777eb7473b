"""A throwaway PostgreSQL server for the tests: Debian's binaries, a temporary folder, loopback.

``PostgresServer`` runs ``initdb`` and ``pg_ctl`` from ``/usr/lib/postgresql/<version>/bin``
(Debian's ``postgresql`` package, which ``make system-deps`` installs) in a temporary folder,
listening on a free port of 127.0.0.1 with trust authentication, and deletes everything when
stopped. It is tuned to start fast and forget everything (no fsync, small buffers): it holds
test data only. ``initdb`` refuses to run as root, so as root the folder is given to the
``postgres`` user and every binary runs through ``runuser -u postgres --``.
"""

from __future__ import annotations

import os
import pwd
import secrets
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import psycopg
from psycopg import sql

DEBIAN_BINARIES = "/usr/lib/postgresql/*/bin"
SUPERUSER = "postgres"


class Unavailable(RuntimeError):
    """PostgreSQL cannot be started here; the message says why and what to install."""


def find_binaries() -> Path:
    """The newest ``/usr/lib/postgresql/<version>/bin`` holding ``initdb`` and ``pg_ctl``."""
    found = [
        folder
        for folder in Path("/").glob(DEBIAN_BINARIES.lstrip("/"))
        if (folder / "initdb").is_file() and (folder / "pg_ctl").is_file()
    ]
    if not found:
        raise Unavailable(
            f"no PostgreSQL server binaries in {DEBIAN_BINARIES} (install Debian's postgresql "
            "package: `make system-deps` as root)"
        )
    return max(found, key=lambda folder: _version(folder.parent.name))


def _version(name: str) -> tuple[int, ...]:
    return tuple(int(part) for part in name.split(".") if part.isdigit())


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class PostgresServer:
    """One PostgreSQL server in a temporary folder; ``start()``, ``url(name)``, ``stop()``."""

    def __init__(self) -> None:
        self.binaries = find_binaries()
        self.as_root = os.geteuid() == 0
        if self.as_root:
            try:
                self._owner = pwd.getpwnam(SUPERUSER)
            except KeyError as missing:
                raise Unavailable(
                    f"running as root and there is no '{SUPERUSER}' user to run initdb as"
                ) from missing
            if shutil.which("runuser") is None:
                raise Unavailable("running as root and runuser is missing (util-linux)")
        self.folder = Path(tempfile.mkdtemp(prefix="ml-spine-pg-"))
        self.data = self.folder / "data"
        self.port = 0

    def _run(self, binary: str, *arguments: str) -> None:
        command = [str(self.binaries / binary), *arguments]
        if self.as_root:
            command = ["runuser", "-u", SUPERUSER, "--", *command]
        done = subprocess.run(command, capture_output=True, text=True, timeout=60)
        if done.returncode != 0:
            raise Unavailable(f"{binary} failed ({done.returncode}): {done.stderr.strip()[-800:]}")

    def start(self) -> PostgresServer:
        if self.as_root:
            os.chown(self.folder, self._owner.pw_uid, self._owner.pw_gid)
        self._run(
            "initdb",
            "--pgdata",
            str(self.data),
            "--username",
            SUPERUSER,
            "--auth",
            "trust",
            "--encoding",
            "UTF8",
            "--locale",
            "C",
            "--no-sync",
            "--no-instructions",
        )
        self.port = _free_port()
        settings = {
            "listen_addresses": "127.0.0.1",
            "port": str(self.port),
            "unix_socket_directories": str(self.folder),
            # Test data only: nothing needs to survive a crash, and a small server starts fast.
            "fsync": "off",
            "synchronous_commit": "off",
            "full_page_writes": "off",
            "shared_buffers": "16MB",
            "max_connections": "200",
        }
        options = " ".join(f"-c {name}={value}" for name, value in settings.items())
        self._run("pg_ctl", "--pgdata", str(self.data), "--log", str(self.folder / "log"),
                  "--options", options, "--wait", "start")  # fmt: skip
        return self

    def url(self, database: str = SUPERUSER) -> str:
        """The SQLAlchemy URL of one database on this server."""
        return f"postgresql+psycopg://{SUPERUSER}@127.0.0.1:{self.port}/{database}"

    def _admin(self) -> psycopg.Connection:
        return psycopg.connect(
            host="127.0.0.1", port=self.port, user=SUPERUSER, dbname=SUPERUSER, autocommit=True
        )

    def create_database(self) -> str:
        """A new, empty database; returns its name."""
        name = f"test_{secrets.token_hex(6)}"
        with self._admin() as connection:
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        return name

    def empty_tables(self, database: str, tables: list[str]) -> None:
        """Delete every row of ``tables`` (and reset their id sequences): a clean slate in
        a few milliseconds, where a new database costs a quarter of a second."""
        with psycopg.connect(
            host="127.0.0.1", port=self.port, user=SUPERUSER, dbname=database, autocommit=True
        ) as connection:
            names = sql.SQL(", ").join(sql.Identifier(table) for table in tables)
            connection.execute(sql.SQL("TRUNCATE {} RESTART IDENTITY CASCADE").format(names))

    def drop_database(self, name: str) -> None:
        with self._admin() as connection:
            connection.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )

    def stop(self) -> None:
        """Stop the server at once (its data is thrown away) and delete the folder."""
        try:
            if self.port:
                self._run("pg_ctl", "--pgdata", str(self.data), "--mode", "immediate",
                          "--wait", "stop")  # fmt: skip
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)
