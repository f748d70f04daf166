"""The trigger of a letter: its handling deadline, while it is not handled."""

import datetime as dt

import pytest

from dangvu.inspections import services
from dangvu.inspections.models import Letter, LetterCategory, LetterKind, LetterStatus
from dangvu.notifications.triggers import TRIGGERS

pytestmark = pytest.mark.django_db


@pytest.fixture
def letter(personas):
    data = {
        "received_on": dt.date(2026, 3, 2),
        "kind": LetterKind.DENUNCIATION,
        "sender": "Lê Văn Cường",
        "subject_text": "Cán bộ phòng kế toán",
        "category": LetterCategory.WITHIN_AUTHORITY,
    }
    return services.letter_create(organization=personas.org_a, data=data, by=None, today=dt.date(2026, 3, 3))


def test_a_letter_is_due_on_its_handling_deadline_without_naming_its_sender(personas, letter):
    assert letter.due_on
    [occurrence] = list(TRIGGERS["inspections.letter_deadline"].find(letter.due_on))
    assert (occurrence.on, occurrence.organization_id) == (letter.due_on, personas.org_a.pk)
    assert "Lê Văn Cường" not in occurrence.title + occurrence.body
    assert list(TRIGGERS["inspections.letter_deadline"].find(letter.due_on - dt.timedelta(days=1))) == []


def test_a_handled_or_extended_letter_is_no_longer_due(letter):
    [occurrence] = list(TRIGGERS["inspections.letter_deadline"].find(letter.due_on))
    still_due = TRIGGERS["inspections.letter_deadline"].still_due
    assert still_due(occurrence.key)
    Letter.objects.filter(pk=letter.pk).update(due_on=letter.due_on + dt.timedelta(days=30))
    assert not still_due(occurrence.key)
    Letter.objects.filter(pk=letter.pk).update(due_on=letter.due_on, status=LetterStatus.RESOLVED)
    assert not still_due(occurrence.key)
    assert list(TRIGGERS["inspections.letter_deadline"].find(letter.due_on)) == []
