"""Backup and restore of the whole database and the uploaded files. A restore checks before it replaces.

Backup: a consistent snapshot of the database (SQLite: the online backup API while the site runs;
PostgreSQL: `pg_dump` of an exported snapshot, with the table digests read in the same snapshot),
the uploaded files except the import uploads (personal data kept only a few days, see
`exchange/retention.py`), and a manifest: the size and SHA-256 of every file in the backup, the row
count and SHA-256 of every table, and an HMAC signature of the whole manifest with the site's key
(`SECRET_KEY`, or one of `SECRET_KEY_FALLBACKS` after a key rotation). The backup is readable by its
owner only: directories 0700, files 0600.

Restore verifies the whole backup before it touches anything live:

1. the manifest is read and its signature checked (an edited manifest is refused);
2. the database file is copied into a private scratch directory, hashing the copy, and the copy is
   compared with the manifest (so the file checked is the file restored, whatever happens to the
   backup meanwhile);
3. the uploaded files are copied into a scratch directory beside `MEDIA_ROOT`, each hashed on the
   way and compared with the manifest; a missing, changed, unlisted or symlinked file is refused;
4. the database copy is opened and every table's digest compared with the manifest
   (SQLite: `PRAGMA integrity_check` first, then the digests of the copy itself; PostgreSQL: the
   dump is restored into a scratch database, `CREATE DATABASE <name>_restore_<pid>`, and the
   digests are read there);
5. only then is it swapped in. SQLite: the backup API copies the verified scratch copy into the
   live database in a single step (one write transaction: readers see the old or the new database,
   never a mixture; a failure rolls it back). PostgreSQL: `pg_restore --clean --single-transaction`
   of the same verified dump into the live database: every statement runs in one transaction, so a
   failure leaves the live database as it was. This was chosen over renaming the scratch database
   into place because a rename needs every session of the site terminated and loses the live
   database's own settings and grants, while a single-transaction restore of a dump already proven
   to restore correctly needs neither. The uploaded files are swapped by renaming directories.

A backup that cannot be read or differs from its manifest raises `BackupError` with a one-line
Vietnamese message, and the live database and files are left exactly as they were.
"""

import datetime as dt
import hashlib
import json
import logging
import os
import shutil
import sqlite3
import subprocess
import tempfile
from pathlib import Path

from django.conf import settings
from django.core import signing
from django.db import DatabaseError, connection, connections, transaction
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

FORMAT = 2
MANIFEST = "manifest.json"
SQLITE_FILE = "dangvu.sqlite3"
PG_FILE = "dangvu.dump"
MEDIA_DIR = "media"
# Uploaded import files hold personal data for a few days only; they are never copied into a backup.
NOT_BACKED_UP = ("imports",)
SIGNING_SALT = "dangvu.backup.manifest"
CHUNK = 1 << 20


class BackupError(Exception):
    """A backup that cannot be made or restored; the message is one line, for the person at the console."""


# --- digests -----------------------------------------------------------------------------------------------


def table_digests(using: str = "default") -> dict[str, dict]:
    """Row count and SHA-256 of every table of the live database, rows in the order of all their columns."""
    return connection_digests(connections[using])


def connection_digests(conn) -> dict[str, dict]:
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


def file_digest(path: Path) -> dict:
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as f:
        while chunk := f.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return {"size": size, "sha256": digest.hexdigest()}


# --- the manifest and its signature ---------------------------------------------------------------------------


def _canonical(manifest: dict) -> str:
    body = {k: v for k, v in manifest.items() if k != "signature"}
    return json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def sign(manifest: dict) -> dict:
    signer = signing.Signer(salt=SIGNING_SALT)
    return {**manifest, "signature": signer.signature(_canonical(manifest))}


def signature_valid(manifest: dict) -> bool:
    signature = manifest.get("signature")
    if not isinstance(signature, str):
        return False
    signer = signing.Signer(salt=SIGNING_SALT)
    value = _canonical(manifest)
    return any(
        constant_time_compare(signature, signer.signature(value, key=key))
        for key in [settings.SECRET_KEY, *settings.SECRET_KEY_FALLBACKS]
    )


def read_manifest(source: Path) -> dict:
    """The manifest of the backup in `source`, refused unless it is complete and signed with this site's key."""
    try:
        manifest = json.loads((source / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise BackupError(
            _("%(dir)s holds no readable %(manifest)s; is it a backup directory?")
            % {"dir": source, "manifest": MANIFEST}
        ) from None
    if (
        not isinstance(manifest, dict)
        or manifest.get("format") != FORMAT
        or not isinstance(manifest.get("tables"), dict)
        or not isinstance(manifest.get("files"), dict)
    ):
        raise BackupError(_("The manifest of the backup is incomplete or of an older format; it cannot be checked."))
    if not signature_valid(manifest):
        raise BackupError(
            _("The manifest of the backup was not signed with this site's key (SECRET_KEY) or was changed.")
        )
    if manifest.get("vendor") != _vendor():
        raise BackupError(
            _("The backup is of a %(theirs)s database; this site uses %(ours)s.")
            % {"theirs": manifest.get("vendor"), "ours": _vendor()}
        )
    return manifest


# --- backup ---------------------------------------------------------------------------------------------------


def _vendor() -> str:
    return connection.vendor


def backup(output: Path, *, include_media: bool = True) -> dict:
    """Write a backup into the directory `output` (created if missing, 0700) and return its manifest."""
    old_umask = os.umask(0o077)  # every file and directory of the backup is created private
    try:
        output.mkdir(mode=0o700, parents=True, exist_ok=True)
        if any(output.iterdir()):
            raise BackupError(_("%(dir)s is not empty; choose a new directory for each backup.") % {"dir": output})
        os.chmod(output, 0o700)
        if _vendor() == "sqlite":
            database = SQLITE_FILE
            tables = _sqlite_backup(output / SQLITE_FILE)
        elif _vendor() == "postgresql":
            database = PG_FILE
            tables = _pg_backup(output / PG_FILE)
        else:
            raise BackupError(_("Backups of %(vendor)s databases are not supported.") % {"vendor": _vendor()})
        files = {database: file_digest(output / database)}
        media = Path(settings.MEDIA_ROOT)
        with_media = include_media and media.is_dir()
        if with_media:
            for relative in _media_files(media):
                target = output / MEDIA_DIR / relative
                target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
                shutil.copyfile(media / relative, target)
                files[f"{MEDIA_DIR}/{relative}"] = file_digest(target)
        manifest = sign(
            {
                "format": FORMAT,
                "created_at": timezone.now().isoformat(),
                "vendor": _vendor(),
                "database": database,
                "tables": tables,
                "media": with_media,
                "files": files,
            }
        )
        (output / MANIFEST).write_text(json.dumps(manifest, indent=1, ensure_ascii=False), encoding="utf-8")
        _make_private(output)
        return manifest
    finally:
        os.umask(old_umask)


def _media_files(media: Path) -> list[str]:
    """The uploaded files to back up, as POSIX paths relative to `media`; import uploads are left out."""
    found = []
    for path in sorted(media.rglob("*")):
        relative = path.relative_to(media)
        if relative.parts[0] in NOT_BACKED_UP or path.is_symlink() or not path.is_file():
            continue
        found.append(relative.as_posix())
    return found


def _make_private(root: Path) -> None:
    os.chmod(root, 0o700)
    for path in root.rglob("*"):
        if not path.is_symlink():
            os.chmod(path, 0o700 if path.is_dir() else 0o600)


def _sqlite_backup(target: Path) -> dict[str, dict]:
    """Copy a consistent snapshot of the live database; digest the copy itself, not the live tables."""
    destination = sqlite3.connect(target, detect_types=sqlite3.PARSE_DECLTYPES | sqlite3.PARSE_COLNAMES)
    try:
        _raw_sqlite().backup(destination)
        return sqlite_digests(destination)
    finally:
        destination.close()


def _pg_backup(target: Path) -> dict[str, dict]:
    """`pg_dump` of a snapshot exported by this transaction, whose tables are digested in the same snapshot."""
    if connection.in_atomic_block:
        raise BackupError(_("A backup cannot run inside a transaction."))
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        _pg_run(["pg_dump", "--format=custom", "--no-owner", f"--snapshot={snapshot}", f"--file={target}"])
        return _digests(cursor, sorted(connection.introspection.table_names(cursor)), connection.ops.quote_name)


# --- restore --------------------------------------------------------------------------------------------------


def restore(source: Path, *, include_media: bool = True) -> dict:
    """Verify the backup in `source` completely, then replace the database (and uploaded files) with it."""
    manifest = read_manifest(source)
    if connection.in_atomic_block:
        raise BackupError(_("A restore cannot run inside a transaction."))
    database = SQLITE_FILE if _vendor() == "sqlite" else PG_FILE
    if manifest.get("database") != database or database not in manifest["files"]:
        raise BackupError(_("The manifest of the backup does not list the database file."))
    with tempfile.TemporaryDirectory(prefix="dangvu-restore-") as scratch:
        copy = Path(scratch) / database
        _copy_verified(source / database, copy, manifest["files"][database], name=database)
        staged = None
        try:
            if include_media and manifest.get("media"):
                staged = _stage_media(source, manifest["files"])
            if _vendor() == "sqlite":
                _sqlite_restore(copy, manifest["tables"])
            else:
                _pg_restore(copy, manifest["tables"])
        except BaseException:
            if staged is not None:
                shutil.rmtree(staged, ignore_errors=True)
            raise
    if staged is not None:
        _swap_media(staged)
    differing = _differing(table_digests(), manifest["tables"])
    if differing:
        # Not expected: the same verified copy restored differently. Say so rather than report success.
        raise BackupError(
            _("After the restore these tables differ from the backup: %(tables)s") % {"tables": differing}
        )
    return manifest


def _differing(found: dict, expected: dict) -> str:
    return ", ".join(sorted(name for name in set(found) | set(expected) if found.get(name) != expected.get(name)))


def _copy_verified(source: Path, target: Path, expected, *, name: str) -> None:
    """Copy `source` to `target`, hashing what is written; refuse a file missing or unlike the manifest."""
    if not isinstance(expected, dict) or source.is_symlink() or not source.is_file():
        raise BackupError(_("The backup file %(name)s is missing.") % {"name": name})
    digest = hashlib.sha256()
    size = 0
    try:
        with open(source, "rb") as src, open(target, "wb") as dst:
            while chunk := src.read(CHUNK):
                digest.update(chunk)
                size += len(chunk)
                dst.write(chunk)
    except OSError:
        raise BackupError(_("The backup file %(name)s cannot be read.") % {"name": name}) from None
    if size != expected.get("size") or digest.hexdigest() != expected.get("sha256"):
        raise BackupError(_("The backup file %(name)s differs from the manifest.") % {"name": name})


def _stage_media(source: Path, files: dict) -> Path:
    """The backup's uploaded files, verified, in a new directory beside `MEDIA_ROOT` (so a rename swaps them)."""
    listed = {key[len(MEDIA_DIR) + 1 :]: value for key, value in files.items() if key.startswith(MEDIA_DIR + "/")}
    root = source / MEDIA_DIR
    present = set()
    if root.is_dir():
        for path in root.rglob("*"):
            relative = path.relative_to(root).as_posix()
            if path.is_symlink():
                raise BackupError(_("The backup holds a link instead of a file: %(name)s") % {"name": relative})
            if path.is_file():
                present.add(relative)
    unlisted = sorted(present - set(listed))
    if unlisted:
        raise BackupError(_("The backup holds a file its manifest does not list: %(name)s") % {"name": unlisted[0]})
    media = Path(settings.MEDIA_ROOT)
    media.parent.mkdir(parents=True, exist_ok=True)
    staged = Path(tempfile.mkdtemp(dir=media.parent, prefix=f".{media.name}-restore-"))
    try:
        for relative in sorted(listed):
            if relative not in present:
                raise BackupError(_("The backup file %(name)s is missing.") % {"name": f"{MEDIA_DIR}/{relative}"})
            target = staged / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            _copy_verified(root / relative, target, listed[relative], name=f"{MEDIA_DIR}/{relative}")
        os.chmod(staged, media.stat().st_mode & 0o7777 if media.is_dir() else 0o755)
    except BaseException:
        shutil.rmtree(staged, ignore_errors=True)
        raise
    return staged


def _swap_media(staged: Path) -> None:
    media = Path(settings.MEDIA_ROOT)
    if not media.exists():
        os.rename(staged, media)
        return
    old = Path(tempfile.mkdtemp(dir=media.parent, prefix=f".{media.name}-old-"))
    os.rmdir(old)
    os.rename(media, old)
    try:
        os.rename(staged, media)
    except BaseException:
        os.rename(old, media)
        raise
    shutil.rmtree(old, ignore_errors=True)


def _raw_sqlite() -> sqlite3.Connection:
    connection.ensure_connection()
    return connection.connection


def _sqlite_restore(copy: Path, tables: dict) -> None:
    """Check the scratch copy (integrity, every table's digest), then copy it into the live database in one step."""
    try:
        scratch = sqlite3.connect(
            f"{copy.as_uri()}?mode=ro", uri=True, detect_types=sqlite3.PARSE_DECLTYPES | sqlite3.PARSE_COLNAMES
        )
    except sqlite3.Error:
        raise BackupError(_("The database file of the backup cannot be opened.")) from None
    try:
        try:
            check = scratch.execute("PRAGMA integrity_check").fetchone()[0]
            if check != "ok":
                raise BackupError(_("The database file of the backup is damaged."))
            found = sqlite_digests(scratch)
        except BackupError:
            raise
        except Exception:  # any failure reading an untrusted file is a damaged backup, never a traceback
            logger.info("restore: the backup database cannot be read", exc_info=True)
            raise BackupError(_("The database file of the backup is damaged.")) from None
        differing = _differing(found, tables)
        if differing:
            raise BackupError(
                _("These tables of the backup differ from its manifest: %(tables)s") % {"tables": differing}
            )
        scratch.backup(_raw_sqlite())  # pages=-1: the whole database in one step, one write transaction
    finally:
        scratch.close()


def _pg_restore(dump: Path, tables: dict) -> None:
    """Restore the verified dump into a scratch database and check it there; then into the live one, atomically."""
    live = connection.settings_dict
    scratch_name = f"{live['NAME']}_restore_{os.getpid()}"[:63]
    quoted = connection.ops.quote_name(scratch_name)
    try:
        with connection.cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS {quoted}")
            cursor.execute(f"CREATE DATABASE {quoted} TEMPLATE template0 ENCODING 'UTF8'")
    except DatabaseError:
        logger.info("restore: cannot create %s", scratch_name, exc_info=True)
        raise BackupError(
            _("The scratch database %(name)s cannot be created; the database user needs the CREATEDB right.")
            % {"name": scratch_name}
        ) from None
    try:
        try:
            _pg_run(
                ["pg_restore", "--no-owner", "--exit-on-error", "--single-transaction", str(dump)], dbname=scratch_name
            )
        except BackupError:
            raise BackupError(_("The database file of the backup is damaged.")) from None
        wrapper = type(connections["default"])({**live, "NAME": scratch_name}, alias="restore-scratch")
        try:
            found = connection_digests(wrapper)
        except DatabaseError:
            logger.info("restore: the scratch database cannot be read", exc_info=True)
            raise BackupError(_("The database file of the backup is damaged.")) from None
        finally:
            wrapper.close()
        differing = _differing(found, tables)
        if differing:
            raise BackupError(
                _("These tables of the backup differ from its manifest: %(tables)s") % {"tables": differing}
            )
    finally:
        try:
            with connection.cursor() as cursor:
                cursor.execute(f"DROP DATABASE IF EXISTS {quoted}")
        except DatabaseError:  # not worth hiding the real outcome for; the name says what it is
            logger.warning("restore: the scratch database %s was left behind", scratch_name)
    _pg_run(
        ["pg_restore", "--clean", "--if-exists", "--no-owner", "--exit-on-error", "--single-transaction", str(dump)],
        dbname=live["NAME"],
    )


def _pg_run(command: list[str], *, dbname: str | None = None) -> None:
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
        args.insert(1, f"--dbname={dbname}")
        connections.close_all()
    else:
        args.append(db["NAME"])
    result = subprocess.run(args, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        logger.info("%s failed: %s", command[0], result.stderr)
        last = (result.stderr.strip().splitlines() or [""])[-1]
        raise BackupError(_("%(command)s failed: %(reason)s") % {"command": command[0], "reason": last})
