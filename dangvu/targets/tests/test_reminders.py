"""The trigger of a congress term: the congress due in its last year."""

import datetime as dt

import pytest

from dangvu.notifications.triggers import TRIGGERS
from dangvu.targets.models import Term

pytestmark = pytest.mark.django_db


def test_the_congress_is_due_on_the_first_day_of_the_terms_last_year(personas):
    term = Term.objects.create(organization=personas.committee, start_year=2020, end_year=2025)
    [occurrence] = list(TRIGGERS["targets.congress_due"].find(dt.date(2025, 1, 1)))
    assert (occurrence.on, occurrence.organization_id) == (dt.date(2025, 1, 1), personas.committee.pk)
    assert "2020-2025" in occurrence.title
    assert list(TRIGGERS["targets.congress_due"].find(dt.date(2025, 1, 2))) == []
    assert list(TRIGGERS["targets.congress_due"].find(dt.date(2024, 1, 1))) == []
    assert TRIGGERS["targets.congress_due"].still_due(occurrence.key)
    assert term


def test_the_congress_is_no_longer_due_once_the_next_term_is_recorded(personas):
    Term.objects.create(organization=personas.committee, start_year=2020, end_year=2025)
    [occurrence] = list(TRIGGERS["targets.congress_due"].find(dt.date(2025, 1, 1)))
    Term.objects.create(organization=personas.committee, start_year=2025, end_year=2030)
    assert not TRIGGERS["targets.congress_due"].still_due(occurrence.key)
