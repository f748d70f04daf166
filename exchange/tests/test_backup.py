"""Backup and restore: a round trip brings every table back identical, and a damaged backup is refused."""

import json

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from exchange.backup import MANIFEST, SQLITE_FILE, table_digests
from members.models import Member, MemberEvent
from members.services import member_delete
from organizations.models import Organization

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "sqlite", reason="the PostgreSQL path runs pg_dump/pg_restore"),
]


def test_a_restore_brings_every_table_back_identical(personas, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    (tmp_path / "media" / "member-photos").mkdir(parents=True)
    (tmp_path / "media" / "member-photos" / "a.jpg").write_bytes(b"photo")
    before = table_digests()
    call_command("backup", "--output", str(tmp_path / "bk"))
    manifest = json.loads((tmp_path / "bk" / MANIFEST).read_text())
    assert manifest["tables"] == before
    assert set(before) >= {"members_member", "members_memberevent", "organizations_organization", "accounts_user"}

    # Everything changes after the backup: rows deleted, added, edited, files removed.
    member_delete(member=personas.member_b, by=None)
    MemberEvent.objects.filter(member=personas.member_a).update(note="changed")
    Organization.objects.filter(pk=personas.org_b.pk).update(name="Đổi tên")
    (tmp_path / "media" / "member-photos" / "a.jpg").unlink()
    assert table_digests() != before

    call_command("restore", str(tmp_path / "bk"), "--noinput")
    assert table_digests() == before
    assert Member.objects.filter(pk=personas.member_b.pk).exists()
    assert (tmp_path / "media" / "member-photos" / "a.jpg").read_bytes() == b"photo"


def test_a_backup_needs_a_new_directory(personas, tmp_path):
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "x").write_text("x")
    with pytest.raises(CommandError, match="not empty"):
        call_command("backup", "--output", str(tmp_path / "full"))


def test_a_damaged_backup_is_refused_and_the_database_left_alone(personas, tmp_path):
    call_command("backup", "--output", str(tmp_path / "bk"), "--no-media")
    (tmp_path / "bk" / SQLITE_FILE).write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    before = table_digests()
    with pytest.raises(CommandError):
        call_command("restore", str(tmp_path / "bk"), "--noinput", "--no-media")
    assert table_digests() == before


def test_a_directory_without_a_manifest_is_not_a_backup(personas, tmp_path):
    with pytest.raises(CommandError, match="manifest"):
        call_command("restore", str(tmp_path), "--noinput")
