"""The trigger of a reporting round: its due date, for each organization that has not submitted."""

import datetime as dt

import pytest
from django.utils import timezone

from dangvu.notifications.triggers import TRIGGERS
from dangvu.reports.models import Report, ReportStatus
from dangvu.reports.services import round_open

pytestmark = pytest.mark.django_db
DUE = dt.date(2023, 5, 5)


@pytest.fixture
def round_(personas):
    return round_open(
        organization=personas.committee,
        kind="monthly",
        period_key="2023-04",
        due_on=DUE,
        participants=[personas.org_a, personas.org_b],
        by=None,
    )


def _submitted(organization, round_):
    return Report.objects.create(
        organization=organization,
        kind=round_.kind,
        period_key=round_.period_key,
        round=round_,
        status=ReportStatus.SUBMITTED,
        submitted_at=timezone.now(),
    )


def test_the_round_is_due_for_the_organizations_that_have_not_submitted(personas, round_):
    _submitted(personas.org_a, round_)
    found = list(TRIGGERS["reports.round_due"].find(DUE))
    assert [(o.organization_id, o.on) for o in found] == [(personas.org_b.pk, DUE)]
    assert "05/05/2023" in found[0].title
    assert list(TRIGGERS["reports.round_due"].find(DUE - dt.timedelta(days=1))) == []


def test_a_report_submitted_or_a_round_closed_is_no_longer_due(personas, round_):
    [a_key, b_key] = [o.key for o in TRIGGERS["reports.round_due"].find(DUE)]
    still_due = TRIGGERS["reports.round_due"].still_due
    assert still_due(a_key) and still_due(b_key)
    _submitted(personas.org_a, round_)
    assert not still_due(a_key) and still_due(b_key)
    round_.closed_at = timezone.now()
    round_.save()
    assert not still_due(b_key)
    assert list(TRIGGERS["reports.round_due"].find(DUE)) == []
