"""Each membership warning on the dashboard opens the member list filtered to exactly the rows it counts
("5 overdue" and "18 due soon" are two different lists), and its count is written in the house style."""

import datetime as dt
from urllib.parse import parse_qs, urlsplit

import pytest

from dangvu.lib.numbers import house_format
from dangvu.members.alerts import membership_alerts
from dangvu.members.forms import MemberFilterForm
from dangvu.members.selectors import member_list
from dangvu.members.tests.factories import admit

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 11, 22)


@pytest.fixture
def probationers(personas):
    # Probation ends 12 months after the ceremony.
    ending = [
        admit(personas.cell_a1, full_name=f"Sắp Hết {n}", full=False, on=dt.date(2025, 11, 25), ceremony_on=day)
        for n, day in enumerate([dt.date(2025, 11, 30), dt.date(2025, 12, 10)])
    ]
    overdue = [
        admit(
            personas.cell_a2, full_name="Quá Hạn", full=False, on=dt.date(2025, 8, 20), ceremony_on=dt.date(2025, 9, 1)
        )
    ]
    return ending, overdue


def _rows_of(alert, user):
    query = {key: values[-1] for key, values in parse_qs(urlsplit(alert.url).query).items()}
    filters = MemberFilterForm(query, user=user).filters()
    return {member.full_name for member in member_list(user=user, filters=filters, today=TODAY)}


def test_each_probation_warning_opens_exactly_the_members_it_counts(personas, probationers):
    alerts = membership_alerts(user=personas.staff, organization=personas.committee, today=TODAY)
    ending, overdue = (_rows_of(alert, personas.staff) for alert in alerts[:2])
    assert ending == {"Sắp Hết 0", "Sắp Hết 1"} and alerts[0].count == 2
    assert overdue == {"Quá Hạn"} and alerts[1].count == 1


def test_a_warning_opened_by_a_base_secretary_stays_in_their_scope(personas, probationers):
    alerts = membership_alerts(user=personas.secretary_a, organization=personas.org_a, today=TODAY)
    assert _rows_of(alerts[0], personas.secretary_a) == {"Sắp Hết 0", "Sắp Hết 1"}


def test_warning_counts_are_grouped_and_years_are_not():
    template = "%(count)d members are not yet rated in the %(year)s season"
    assert house_format(template, {"count": 8180, "year": 2026}) == "8.180 members are not yet rated in the 2026 season"
