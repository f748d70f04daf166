import hashlib
import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction

from dangvu.members.models import Member, MemberEvent, Status
from dangvu.members.services import derive_timeline
from dangvu.organizations.models import Organization

pytestmark = pytest.mark.django_db


def _fingerprint() -> str:
    rows = list(Member.objects.order_by("pk").values_list("full_name", "date_of_birth", "status", "card_number"))
    rows += list(MemberEvent.objects.order_by("pk").values_list("kind", "on", "organization__code"))
    return hashlib.sha256(repr(rows).encode()).hexdigest()


def _seed(seed: int) -> dict:
    out = StringIO()
    call_command("seed_demo", "--size", "small", "--seed", str(seed), stdout=out)
    return json.loads(out.getvalue().strip().splitlines()[-1])


def test_the_demo_is_deterministic_for_a_seed_and_ends_with_a_json_summary():
    with transaction.atomic():
        first = _seed(7)
        fingerprint = _fingerprint()
        transaction.set_rollback(True)  # back to an empty database, whatever the apps created
    second = _seed(7)
    assert _fingerprint() == fingerprint
    first.pop("seconds"), second.pop("seconds")
    assert first == second
    assert first["Member"] == Member.objects.count() and first["MemberEvent"] == MemberEvent.objects.count()


def test_the_demo_has_the_shares_of_the_examples():
    summary = _seed(1)
    active = Member.objects.filter(status__in=[Status.PROBATIONARY, Status.FULL])
    n = active.count()
    assert summary["current_members"] == n
    assert 700 <= n <= 900
    assert 0.33 <= active.filter(sex="female").count() / n <= 0.47
    assert 0.005 <= active.filter(is_ethnic_minority=True).count() / n <= 0.06
    assert active.filter(is_religious=True).exists()


def test_every_demo_member_history_passes_the_rules_the_services_enforce():
    _seed(3)
    for member in Member.objects.prefetch_related("events")[:300]:
        timeline = derive_timeline(member, list(member.events.all()))
        assert timeline.status == member.status


def test_the_demo_prints_the_logins(capsys):
    out = StringIO()
    call_command("seed_demo", "--size", "small", "--seed", "1", stdout=out)
    text = out.getvalue()
    assert "admin / admin" in text and "bithu / demo" in text
    again = StringIO()
    call_command("seed_demo", "--size", "small", "--if-empty", stdout=again)
    assert "admin / admin" in again.getvalue()


def test_the_seeded_tree_is_a_valid_treebeard_tree_that_accepts_new_organizations():
    from dangvu.organizations.services import organization_found

    _seed(2)
    assert Organization.objects.find_problems() == ([], [], [], [], [])
    root = Organization.objects.get(depth=1)
    import datetime as dt

    new = organization_found(
        parent=root, code="NEW", name="Chi bộ Mới", kind="base_cell", on=dt.date(2026, 1, 1), by=None
    )
    assert new.path.startswith(root.path) and Organization.objects.get_parent(new) == root
