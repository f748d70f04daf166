"""The triggers of documents sent to members: a document just sent, a document still unread N days later."""

import datetime as dt

import pytest

from dangvu.accounts.models import Role, User
from dangvu.documents.models import Receipt
from dangvu.documents.services import document_delete, document_issue, document_send, receipt_mark_read
from dangvu.notifications.triggers import TRIGGERS

pytestmark = pytest.mark.django_db
SENT = dt.date(2026, 3, 10)


@pytest.fixture
def sent(personas):
    document = document_issue(
        organization=personas.committee, type_code="NQ", issued_on=dt.date(2026, 3, 2), subject="Nghị quyết", by=None
    )
    document_send(
        document=document,
        organizations=[personas.committee],
        include_subtree=True,
        sender=personas.committee,
        by=None,
        today=SENT,
    )
    return document


def _occurrences(code, day):
    return list(TRIGGERS[code].find(day))


def test_a_sent_document_is_one_occurrence_per_cell_naming_the_accounts_of_its_readers(personas, sent):
    found = {o.organization_id: o for o in _occurrences("documents.sent", SENT)}
    assert set(found) == {personas.cell_a1.pk, personas.org_b.pk}
    a1 = found[personas.cell_a1.pk]
    assert a1.on == SENT and a1.title.startswith("Văn bản mới:")
    assert set(a1.extra_recipient_ids) == {personas.plain_member.pk, personas.cell_secretary.pk}
    assert found[personas.org_b.pk].extra_recipient_ids == ()  # Bình has no account yet
    assert _occurrences("documents.sent", SENT + dt.timedelta(days=1)) == []


def test_a_sent_document_names_no_disabled_account(personas, sent):
    User.objects.filter(pk=personas.plain_member.pk).update(is_active=False)
    a1 = next(o for o in _occurrences("documents.sent", SENT) if o.organization_id == personas.cell_a1.pk)
    assert a1.extra_recipient_ids == (personas.cell_secretary.pk,)


def test_a_deleted_document_is_no_longer_due(personas, sent):
    key = _occurrences("documents.sent", SENT)[0].key
    assert TRIGGERS["documents.sent"].still_due(key)
    document_delete(document=sent, by=None)
    assert not TRIGGERS["documents.sent"].still_due(key)
    assert _occurrences("documents.sent", SENT) == []


def test_unread_names_only_those_who_have_not_read_and_stops_when_all_have(personas, sent):
    receipt_mark_read(receipt=Receipt.objects.get(member=personas.member_a))
    found = {o.organization_id: o for o in _occurrences("documents.unread", SENT)}
    a1 = found[personas.cell_a1.pk]
    assert a1.on == SENT and a1.extra_recipient_ids == (personas.cell_secretary.pk,)
    assert TRIGGERS["documents.unread"].still_due(a1.key)
    receipt_mark_read(receipt=Receipt.objects.get(member=personas.cell_secretary.member))
    assert not TRIGGERS["documents.unread"].still_due(a1.key)
    assert personas.cell_a1.pk not in {o.organization_id for o in _occurrences("documents.unread", SENT)}


def test_the_triggers_are_registered_with_their_audiences():
    assert "named" in TRIGGERS["documents.sent"].audiences
    assert {"named", "cell_secretary"} <= set(TRIGGERS["documents.unread"].audiences)
    assert Role.CELL_SECRETARY  # the cell secretary's account is a portal account named like the others
