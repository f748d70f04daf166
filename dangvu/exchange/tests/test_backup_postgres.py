"""Backup and restore on PostgreSQL: the dump is verified in a scratch database before the live one is replaced."""

import json
import subprocess

import pytest
from django.core.management import call_command
from django.db import connection

from dangvu.accounts.models import User
from dangvu.exchange.backup import MANIFEST, PG_FILE, _pg_run, file_digest, sign, table_digests
from dangvu.members.models import Member, MemberEvent
from dangvu.members.services import member_delete
from dangvu.organizations.models import Organization

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the SQLite path is tested in test_backup.py"),
]


def _refused(capsys, backup_dir) -> str:
    capsys.readouterr()
    with pytest.raises(SystemExit) as exit_:
        call_command("restore", str(backup_dir), "--noinput", "--no-media")
    assert exit_.value.code == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and err.startswith("Lỗi"), err
    return err


def _resign_for(backup_dir) -> None:
    """The attacker's best case: the manifest's file digest fixed and signed again (the table digests are not)."""
    manifest = json.loads((backup_dir / MANIFEST).read_text())
    manifest["files"][PG_FILE] = file_digest(backup_dir / PG_FILE)
    (backup_dir / MANIFEST).write_text(json.dumps(sign(manifest)))


def _scratch_databases() -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT datname FROM pg_database WHERE datname LIKE %s", [connection.settings_dict["NAME"] + "_restore_%"]
        )
        return [name for (name,) in cursor.fetchall()]


def test_a_postgresql_restore_brings_every_table_back_identical(personas, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    before = table_digests()
    call_command("backup", "--output", str(tmp_path / "bk"), "--no-media")
    assert json.loads((tmp_path / "bk" / MANIFEST).read_text())["tables"] == before

    member_delete(member=personas.member_b, by=None)
    MemberEvent.objects.filter(member=personas.member_a).update(note="changed")
    Organization.objects.filter(pk=personas.org_b.pk).update(name="Đổi tên")
    assert table_digests() != before

    call_command("restore", str(tmp_path / "bk"), "--noinput", "--no-media")
    assert table_digests() == before
    assert Member.objects.filter(pk=personas.member_b.pk).exists()
    assert Organization.objects.get(pk=personas.org_b.pk).name == "Chi bộ Sở Tư pháp"
    assert _scratch_databases() == []


def test_a_postgresql_dump_whose_table_differs_from_the_manifest_is_refused(personas, tmp_path, capsys):
    call_command("backup", "--output", str(tmp_path / "bk"), "--no-media")
    # A dump where the secretary is a superuser, put in place of the backup's.
    User.objects.filter(username="sec_a").update(is_superuser=True)
    (tmp_path / "bk" / PG_FILE).unlink()
    _pg_run(["pg_dump", "--format=custom", "--no-owner", f"--file={tmp_path / 'bk' / PG_FILE}"])
    User.objects.filter(username="sec_a").update(is_superuser=False)
    member_delete(member=personas.member_b, by=None)
    _resign_for(tmp_path / "bk")
    before = table_digests()
    err = _refused(capsys, tmp_path / "bk")
    assert "accounts_user" in err
    assert table_digests() == before
    assert not User.objects.get(username="sec_a").is_superuser
    assert _scratch_databases() == []


@pytest.mark.parametrize("resigned", [False, True])
def test_a_truncated_postgresql_dump_is_refused_and_the_database_left_alone(personas, tmp_path, capsys, resigned):
    call_command("backup", "--output", str(tmp_path / "bk"), "--no-media")
    dump = tmp_path / "bk" / PG_FILE
    data = dump.read_bytes()
    dump.write_bytes(data[: len(data) // 2])
    if resigned:
        _resign_for(tmp_path / "bk")
    member_delete(member=personas.member_b, by=None)
    before = table_digests()
    err = _refused(capsys, tmp_path / "bk")
    assert ("hỏng" if resigned else PG_FILE) in err
    assert table_digests() == before
    assert _scratch_databases() == []


def test_a_postgresql_backup_is_one_snapshot_readable_by_its_owner_only(personas, tmp_path):
    call_command("backup", "--output", str(tmp_path / "bk"), "--no-media")
    assert oct((tmp_path / "bk").stat().st_mode & 0o777) == "0o700"
    assert {oct(p.stat().st_mode & 0o777) for p in (tmp_path / "bk").iterdir()} == {"0o600"}
    listing = subprocess.run(["pg_restore", "--list", str(tmp_path / "bk" / PG_FILE)], capture_output=True, text=True)
    assert "accounts_user" in listing.stdout
