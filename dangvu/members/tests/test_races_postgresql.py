"""Writers of one member racing on PostgreSQL: threads, each with its own connection, run the services at the
same moment; afterwards every member is re-derived from its events and must match what is stored.

SQLite serialises writers on the whole database, so the races cannot happen there: the module is skipped.
Run it with DATABASE_URL pointing at PostgreSQL (scripts/postgres.sh start).
"""

import datetime as dt
import threading
from collections.abc import Callable

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from dangvu.lib.versioning import StaleEdit, version_of
from dangvu.members.models import EventKind, Member, MembershipSpell, TransferMode
from dangvu.members.services import (
    apply_timeline,
    derive_timeline,
    member_event_delete,
    member_event_record,
    member_update,
)
from dangvu.members.tests.factories import admit
from dangvu.organizations.models import OrganizationKind
from dangvu.organizations.tests.factories import make_org

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="races need PostgreSQL's row locks"),
]
D = dt.date
PAIRS = 40
AT_ONCE = 10  # pairs started together (20 threads, 20 connections)


def _run_pairs(pairs: list[tuple[Callable[[], None], Callable[[], None]]]) -> list[BaseException]:
    """Run each pair's two calls in two threads released by one barrier; return what they raised."""
    raised: list[BaseException] = []

    def thread(call, barrier):
        try:
            barrier.wait(timeout=60)
            call()
        except BaseException as error:  # noqa: BLE001 - collected and judged by the test
            raised.append(error)
        finally:
            connections.close_all()

    for start in range(0, len(pairs), AT_ONCE):
        threads = []
        for first, second in pairs[start : start + AT_ONCE]:
            barrier = threading.Barrier(2)
            threads += [threading.Thread(target=thread, args=(c, barrier)) for c in (first, second)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    return raised


def _differences(member: Member) -> list[str]:
    """What the stored member and spells say that a fresh replay of its live events does not."""
    stored = Member.all_objects.get(pk=member.pk)
    replayed = Member.all_objects.get(pk=member.pk)
    timeline = derive_timeline(replayed, list(replayed.events.all()))
    apply_timeline(replayed, timeline)
    columns = (
        "status",
        "organization_id",
        "last_organization_id",
        "admitted_on",
        "probation_ends_on",
        "full_decision_due_on",
        "seniority_base_on",
        "next_badge_years",
        "next_badge_on",
    )
    found = [
        f"{member.pk}.{name}: {getattr(stored, name)} != {getattr(replayed, name)}"
        for name in columns
        if getattr(stored, name) != getattr(replayed, name)
    ]
    spells = list(MembershipSpell.objects.filter(member=member).values_list("organization_id", "start", "end"))
    expected = [(s.organization_id, s.start, s.end) for s in timeline.spells]
    if sorted(spells, key=str) != sorted(expected, key=str):
        found.append(f"{member.pk}.spells: {spells} != {expected}")
    cards = [e.card_number for e in replayed.events.filter(kind=EventKind.CARD_ISSUED).order_by("on", "id")]
    if cards and stored.card_number != cards[-1]:
        found.append(f"{member.pk}.card_number: {stored.card_number} != {cards[-1]}")
    return found


@pytest.fixture
def cell_members():
    committee = make_org(None, name="Đảng bộ Khối", code="K")
    cell = make_org(committee, kind=OrganizationKind.BASE_CELL, name="Chi bộ Sở Xây dựng", code="XD")
    members = [
        admit(cell, full_name=f"Nguyễn Văn Số {n}", national_id=f"{1_085_000_000 + n:012d}") for n in range(PAIRS)
    ]
    return cell, members


def test_transfers_out_racing_edit_form_saves_leave_every_member_as_its_events_say(cell_members):
    """The reported attack: 40 pairs of "record a transfer out" and "save the edit form" (opened before)."""
    _cell, members = cell_members
    opened = {m.pk: version_of(m) for m in members}

    def transfer(member):
        return lambda: member_event_record(
            member=member,
            kind=EventKind.TRANSFERRED_OUT,
            on=D(2025, 6, 1),
            transfer_mode=TransferMode.OFFICIAL,
            external_place="Đảng bộ tỉnh An Giang",
            document_no="12-GGT",
            by=None,
        )

    def save_form(member):
        return lambda: member_update(member=member, by=None, data={"phone": "0912 345 678"}, version=opened[member.pk])

    raised = _run_pairs([(transfer(m), save_form(m)) for m in members])

    assert raised == []
    assert [d for m in members for d in _differences(m)] == []
    assert set(Member.objects.filter(pk__in=[m.pk for m in members]).values_list("status", "phone")) == {
        ("transferred_away", "0912 345 678")
    }


def test_a_card_recorded_while_the_edit_form_is_open_is_never_put_back(cell_members):
    """The form opened before a new card number was recorded carries the old one: the save is refused."""
    _cell, members = cell_members
    for n, member in enumerate(members):
        member_event_record(
            member=member, kind=EventKind.CARD_ISSUED, on=D(2022, 1, 5), card_number=f"{10_000_000 + n}", by=None
        )
    opened = {m.pk: (version_of(m), Member.objects.get(pk=m.pk).card_number) for m in members}

    def new_card(member, n):
        return lambda: member_event_record(
            member=member, kind=EventKind.CARD_ISSUED, on=D(2025, 2, 3), card_number=f"{20_000_000 + n}", by=None
        )

    def save_form(member):
        version, old_card = opened[member.pk]
        return lambda: member_update(
            member=member, by=None, data={"phone": "0912 345 678", "card_number": old_card}, version=version
        )

    raised = _run_pairs([(new_card(m, n), save_form(m)) for n, m in enumerate(members)])

    assert all(isinstance(error, StaleEdit) for error in raised), raised
    assert [d for m in members for d in _differences(m)] == []
    cards = dict(Member.objects.filter(pk__in=[m.pk for m in members]).values_list("pk", "card_number"))
    assert cards == {m.pk: f"{20_000_000 + n}" for n, m in enumerate(members)}


def test_event_deletes_racing_new_events_leave_every_member_as_its_events_say(cell_members):
    """Deleting the full-membership decision while a transfer out is recorded: both replays see each other."""
    _cell, members = cell_members

    def delete_full(member):
        event = member.events.get(kind=EventKind.MADE_FULL)
        return lambda: member_event_delete(event=event, by=None)

    def transfer(member):
        return lambda: member_event_record(
            member=member,
            kind=EventKind.TRANSFERRED_OUT,
            on=D(2025, 6, 1),
            transfer_mode=TransferMode.OFFICIAL,
            external_place="Đảng bộ tỉnh An Giang",
            document_no="12-GGT",
            by=None,
        )

    raised = _run_pairs([(delete_full(m), transfer(m)) for m in members])

    assert all(isinstance(error, ValidationError) for error in raised), raised
    assert [d for m in members for d in _differences(m)] == []
