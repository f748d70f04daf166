"""Backup and restore of the whole database (and the uploaded files), checked table by table.

SQLite: the online backup API copies a consistent snapshot while the site keeps running, and
restores the same way into the live database. PostgreSQL: `pg_dump --format=custom` and
`pg_restore --clean`. Every backup carries a manifest with a digest of each table; a restore
compares the restored tables with it and says which one differs.
"""

import datetime as dt
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.conf import settings
from django.db import connection, connections
from django.utils import timezone

MANIFEST = "manifest.json"
SQLITE_FILE = "dangvu.sqlite3"
PG_FILE = "dangvu.dump"
MEDIA_DIR = "media"


class BackupError(Exception):
    pass


def table_digests(using: str = "default") -> dict[str, dict]:
    """Row count and SHA-256 of every table of the live database, rows in the order of all their columns."""
    conn = connections[using]
    if conn.vendor == "sqlite":
        conn.ensure_connection()
        return sqlite_digests(conn.connection)
    with conn.cursor() as cursor:
        tables = sorted(conn.introspection.table_names(cursor))
        return _digests(cursor, tables, conn.ops.quote_name)


def sqlite_digests(raw: sqlite3.Connection) -> dict[str, dict]:
    cursor = raw.cursor()
    tables = [
        name
        for (name,) in cursor.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
    ]
    try:
        return _digests(cursor, tables, lambda name: '"' + name.replace('"', '""') + '"')
    finally:
        cursor.close()


def _digests(cursor, tables: list[str], quote) -> dict[str, dict]:
    digests = {}
    for table in tables:
        cursor.execute(f"SELECT * FROM {quote(table)} LIMIT 0")
        width = len(cursor.description)
        order = ", ".join(str(i + 1) for i in range(width))
        cursor.execute(f"SELECT * FROM {quote(table)} ORDER BY {order}")
        digest = hashlib.sha256()
        rows = 0
        while batch := cursor.fetchmany(5000):
            for row in batch:
                digest.update(repr(tuple(_stable(v) for v in row)).encode())
                rows += 1
        digests[table] = {"rows": rows, "sha256": digest.hexdigest()}
    return digests


def _stable(value):
    if isinstance(value, memoryview | bytearray):
        return bytes(value)
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        return value.astimezone(dt.UTC).replace(tzinfo=None)
    return value


def _vendor() -> str:
    return connection.vendor


def backup(output: Path, *, include_media: bool = True) -> dict:
    """Write a backup into the directory `output` (created if missing) and return its manifest."""
    output.mkdir(parents=True, exist_ok=True)
    if any(output.iterdir()):
        raise BackupError(f"{output} is not empty; choose a new directory for each backup.")
    if _vendor() == "sqlite":
        tables = _sqlite_backup(output / SQLITE_FILE)
    elif _vendor() == "postgresql":
        _pg_run(["pg_dump", "--format=custom", "--no-owner", f"--file={output / PG_FILE}"])
        tables = table_digests()
    else:
        raise BackupError(f"Backups of {_vendor()} databases are not supported.")
    media = Path(settings.MEDIA_ROOT)
    if include_media and media.is_dir():
        shutil.copytree(media, output / MEDIA_DIR)
    manifest = {
        "created_at": timezone.now().isoformat(),
        "vendor": _vendor(),
        "tables": tables,
        "media": include_media and media.is_dir(),
    }
    (output / MANIFEST).write_text(json.dumps(manifest, indent=1, ensure_ascii=False), encoding="utf-8")
    return manifest


def restore(source: Path, *, include_media: bool = True) -> dict:
    """Replace the database (and uploaded files) with the backup in `source`; verify every table."""
    try:
        manifest = json.loads((source / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as missing:
        raise BackupError(f"{source} holds no readable {MANIFEST}; is it a backup directory?") from missing
    if manifest.get("vendor") != _vendor():
        raise BackupError(f"The backup is of a {manifest.get('vendor')} database; this site uses {_vendor()}.")
    if _vendor() == "sqlite":
        _sqlite_restore(source / SQLITE_FILE)
    else:
        dump = source / PG_FILE
        if not dump.is_file():
            raise BackupError(f"{dump} is missing.")
        _pg_run(["pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction", str(dump)], dbname=True)
    if include_media and manifest.get("media") and (source / MEDIA_DIR).is_dir():
        media = Path(settings.MEDIA_ROOT)
        if media.exists():
            shutil.rmtree(media)
        shutil.copytree(source / MEDIA_DIR, media)
    restored = table_digests()
    differing = sorted(
        name for name in set(restored) | set(manifest["tables"]) if restored.get(name) != manifest["tables"].get(name)
    )
    if differing:
        raise BackupError("Restored tables differ from the backup: " + ", ".join(differing))
    return manifest


def _raw_sqlite() -> sqlite3.Connection:
    connection.ensure_connection()
    return connection.connection


def _sqlite_backup(target: Path) -> dict[str, dict]:
    """Copy a consistent snapshot of the live database; digest the copy itself, not the live tables."""
    destination = sqlite3.connect(target, detect_types=sqlite3.PARSE_DECLTYPES | sqlite3.PARSE_COLNAMES)
    try:
        _raw_sqlite().backup(destination)
        return sqlite_digests(destination)
    finally:
        destination.close()


def _sqlite_restore(source: Path) -> None:
    if not source.is_file():
        raise BackupError(f"{source} is missing.")
    if connection.in_atomic_block:
        raise BackupError("A restore cannot run inside a transaction.")
    origin = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        try:
            check = origin.execute("PRAGMA integrity_check").fetchone()[0]
        except sqlite3.DatabaseError as damaged:
            raise BackupError(f"The backup file is damaged: {damaged}") from damaged
        if check != "ok":
            raise BackupError(f"The backup file is damaged: {check}")
        origin.backup(_raw_sqlite())
    finally:
        origin.close()


def _pg_run(command: list[str], *, dbname: bool = False) -> None:
    db = settings.DATABASES["default"]
    env = {**os.environ, "PGPASSWORD": str(db.get("PASSWORD") or "")}
    args = [
        *command[:1],
        f"--host={db.get('HOST') or 'localhost'}",
        f"--port={db.get('PORT') or 5432}",
        f"--username={db.get('USER') or ''}",
        *command[1:],
    ]
    if dbname:
        args.insert(1, f"--dbname={db['NAME']}")
    else:
        args.append(db["NAME"])
    connections.close_all()
    result = subprocess.run(args, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")
