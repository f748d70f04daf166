"""Backup and restore on PostgreSQL (pg_dump / pg_restore): the round trip brings every table back identical."""

import json

import pytest
from django.core.management import call_command
from django.db import connection

from exchange.backup import MANIFEST, table_digests
from members.models import Member, MemberEvent
from members.services import member_delete
from organizations.models import Organization

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the SQLite path is tested in test_backup.py"),
]


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
