"""Backup and restore (SQLite): a restore verifies the whole backup before it replaces anything.

A backup that cannot be read or differs from its manifest is refused with one Vietnamese line and
exit status 2, and the live database and uploaded files stay exactly as they were.
"""

import json
import sqlite3
import stat

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from dangvu.accounts.models import User
from dangvu.exchange.backup import MANIFEST, SQLITE_FILE, file_digest, sign, table_digests
from dangvu.members.models import Member, MemberEvent
from dangvu.members.services import member_delete
from dangvu.organizations.models import Organization

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "sqlite", reason="the PostgreSQL path is tested in test_backup_postgres.py"
    ),
]


@pytest.fixture
def media(settings, tmp_path):
    root = tmp_path / "media"
    (root / "member-photos").mkdir(parents=True)
    (root / "member-photos" / "a.jpg").write_bytes(b"photo")
    (root / "imports" / "2026" / "11").mkdir(parents=True)
    (root / "imports" / "2026" / "11" / "members.csv").write_text("ho_ten\nNguyễn Văn A\n")
    settings.MEDIA_ROOT = root
    return root


@pytest.fixture
def backup_dir(personas, media, tmp_path):
    call_command("backup", "--output", str(tmp_path / "bk"))
    return tmp_path / "bk"


def _manifest(backup_dir) -> dict:
    return json.loads((backup_dir / MANIFEST).read_text())


def _write_manifest(backup_dir, manifest: dict) -> None:
    (backup_dir / MANIFEST).write_text(json.dumps(manifest))


def _make_superuser_in_backup(backup_dir, username: str) -> None:
    raw = sqlite3.connect(backup_dir / SQLITE_FILE)
    raw.execute("UPDATE accounts_user SET is_superuser = 1, is_staff = 1 WHERE username = ?", [username])
    raw.commit()
    raw.close()


def _refused(capsys, backup_dir, *args) -> str:
    """Run the restore, expect exit status 2 and return its one line on stderr."""
    capsys.readouterr()
    with pytest.raises(SystemExit) as exit_:
        call_command("restore", str(backup_dir), "--noinput", *args)
    assert exit_.value.code == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and err.startswith("Lỗi"), err
    assert "Traceback" not in err
    return err


def _live_state(media) -> tuple:
    files = {p.relative_to(media).as_posix(): p.read_bytes() for p in media.rglob("*") if p.is_file()}
    return table_digests(), files


def test_a_restore_brings_every_table_and_file_back_identical(personas, media, tmp_path):
    before = table_digests()
    call_command("backup", "--output", str(tmp_path / "bk"))
    manifest = _manifest(tmp_path / "bk")
    assert manifest["tables"] == before
    assert set(before) >= {"members_member", "members_memberevent", "organizations_organization", "accounts_user"}
    assert manifest["files"]["media/member-photos/a.jpg"] == {
        "size": 5,
        "sha256": file_digest(media / "member-photos" / "a.jpg")["sha256"],
    }

    # Everything changes after the backup: rows deleted, added, edited, files removed.
    member_delete(member=personas.member_b, by=None)
    MemberEvent.objects.filter(member=personas.member_a).update(note="changed")
    Organization.objects.filter(pk=personas.org_b.pk).update(name="Đổi tên")
    (media / "member-photos" / "a.jpg").unlink()
    (media / "member-photos" / "new.jpg").write_bytes(b"new")
    assert table_digests() != before

    call_command("restore", str(tmp_path / "bk"), "--noinput")
    assert table_digests() == before
    assert Member.objects.filter(pk=personas.member_b.pk).exists()
    assert (media / "member-photos" / "a.jpg").read_bytes() == b"photo"
    assert not (media / "member-photos" / "new.jpg").exists()
    assert not [p for p in media.parent.iterdir() if p.name.startswith(".media-")]  # no scratch left behind


def test_import_uploads_are_not_kept_in_backups(backup_dir):
    assert not (backup_dir / "media" / "imports").exists()
    assert not [name for name in _manifest(backup_dir)["files"] if "imports" in name]


def test_a_backup_is_readable_by_its_owner_only(backup_dir):
    paths = [backup_dir, *backup_dir.rglob("*")]
    assert {stat.S_IMODE(p.stat().st_mode) for p in paths if p.is_dir()} == {0o700}
    assert {stat.S_IMODE(p.stat().st_mode) for p in paths if p.is_file()} == {0o600}
    assert (backup_dir / SQLITE_FILE).is_file() and (backup_dir / "media" / "member-photos" / "a.jpg").is_file()


def test_restore_refuses_a_backup_whose_database_file_was_edited(personas, backup_dir, media, capsys):
    _make_superuser_in_backup(backup_dir, "sec_a")
    before = _live_state(media)
    err = _refused(capsys, backup_dir)
    assert SQLITE_FILE in err
    assert _live_state(media) == before
    assert not User.objects.get(username="sec_a").is_superuser


def test_restore_refuses_a_manifest_edited_without_the_site_key(personas, backup_dir, media, capsys):
    _make_superuser_in_backup(backup_dir, "sec_a")
    manifest = _manifest(backup_dir)
    manifest["files"][SQLITE_FILE] = file_digest(backup_dir / SQLITE_FILE)  # the attacker fixes the digest
    _write_manifest(backup_dir, manifest)
    before = _live_state(media)
    err = _refused(capsys, backup_dir)
    assert "SECRET_KEY" in err
    assert _live_state(media) == before
    assert not User.objects.get(username="sec_a").is_superuser


def test_restore_refuses_backup_whose_table_differs_from_manifest(personas, backup_dir, media, capsys):
    # Even with the file digest fixed and the manifest signed again, the table digests catch the change.
    _make_superuser_in_backup(backup_dir, "sec_a")
    manifest = _manifest(backup_dir)
    manifest["files"][SQLITE_FILE] = file_digest(backup_dir / SQLITE_FILE)
    _write_manifest(backup_dir, sign(manifest))
    before = _live_state(media)
    err = _refused(capsys, backup_dir)
    assert "accounts_user" in err
    assert _live_state(media) == before
    assert not User.objects.get(username="sec_a").is_superuser


@pytest.mark.parametrize("damage", ["truncated", "garbage"])
def test_a_damaged_database_file_is_refused_with_one_line_and_the_database_left_alone(
    personas, backup_dir, media, capsys, damage
):
    path = backup_dir / SQLITE_FILE
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3] if damage == "truncated" else b"SQLite format 3\x00" + b"\x17" * 4000)
    before = _live_state(media)
    _refused(capsys, backup_dir)
    # Also when the manifest was made to match the damaged file: the copy is opened and checked, then refused.
    manifest = _manifest(backup_dir)
    manifest["files"][SQLITE_FILE] = file_digest(path)
    _write_manifest(backup_dir, sign(manifest))
    err = _refused(capsys, backup_dir)
    assert "hỏng" in err
    assert _live_state(media) == before


@pytest.mark.parametrize("change", ["missing", "changed", "unlisted"])
def test_restore_refuses_a_backup_whose_uploaded_files_differ_from_the_manifest(
    personas, backup_dir, media, capsys, change
):
    photo = backup_dir / "media" / "member-photos" / "a.jpg"
    if change == "missing":
        photo.unlink()
    elif change == "changed":
        photo.write_bytes(b"phoTo")  # same size, other content
    else:
        (photo.parent / "extra.php").write_bytes(b"<?php")
    member_delete(member=personas.member_b, by=None)  # the live data has moved on since the backup
    before = _live_state(media)
    err = _refused(capsys, backup_dir)
    assert ("extra.php" if change == "unlisted" else "a.jpg") in err
    assert _live_state(media) == before
    assert not [p for p in media.parent.iterdir() if p.name.startswith(".media-")]


def test_a_directory_without_a_manifest_is_not_a_backup(personas, tmp_path, capsys):
    err = _refused(capsys, tmp_path)
    assert MANIFEST in err


def test_a_backup_needs_a_new_directory(personas, tmp_path):
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "x").write_text("x")
    with pytest.raises(SystemExit) as exit_:
        call_command("backup", "--output", str(tmp_path / "full"))
    assert exit_.value.code == 2


def test_the_restore_question_must_be_answered_yes(personas, backup_dir, monkeypatch):
    monkeypatch.setattr("builtins.input", lambda prompt: "no")
    with pytest.raises(CommandError):
        call_command("restore", str(backup_dir), "--traceback")
