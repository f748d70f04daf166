import datetime as dt

import pytest
from django.urls import reverse

from dangvu.dashboard.alerts import collect
from dangvu.members.tests.factories import admit

pytestmark = pytest.mark.django_db


def test_the_dashboard_warns_of_probation_ending_and_overdue_decisions(personas, today):
    admit(
        personas.cell_a1, full_name="Lê Văn Sắp", full=False, on=dt.date(2025, 11, 20), ceremony_on=dt.date(2025, 12, 1)
    )
    admit(personas.cell_a2, full_name="Lê Văn Trễ", full=False, on=dt.date(2024, 6, 3))
    messages = [a.message for a in collect(user=personas.staff, organization=personas.committee, today=today)]
    assert any("1" in m and "30" in m for m in messages)
    assert len(messages) >= 2


def test_a_secretary_cannot_open_the_dashboard_of_another_organization(client, personas):
    client.force_login(personas.secretary_a)
    assert client.get(reverse("dashboard:home"), {"org": personas.org_b.pk}).status_code == 404
    assert client.get(reverse("dashboard:home"), {"org": personas.cell_a1.pk}).status_code == 200


def test_the_dashboard_shows_the_registry_figures(client, personas, today):
    from dangvu.indicators.registry import compute

    client.force_login(personas.staff)
    response = client.get(reverse("dashboard:home"))
    headline = dict((ind.code, v) for ind, v in response.context["headline"])
    expected = compute(
        organization=personas.committee, start=dt.date(today.year, 1, 1), end=today, codes=["members.total"]
    )
    assert headline["members.total"] == expected["members.total"]
    assert {c.key for c in response.context["charts"]} >= {"members", "admissions", "transfers"}


def test_the_charts_leave_a_year_without_figures_empty_instead_of_drawing_zero(personas, today):
    from dangvu.dashboard.selectors import TREND_YEARS, trends

    charts = {chart.key: chart for chart in trends(organization=personas.committee, today=today)}
    years = list(range(today.year - TREND_YEARS + 1, today.year + 1))
    members = dict(zip(years, charts["members"].series[0]["data"], strict=True))
    # The personas are admitted in March 2020: no member was recorded at the end of 2019.
    assert members[2019] is None
    assert members[2020] == 3 and members[today.year] == 3
    # A year of members without admissions is a real 0, not a gap.
    admissions = dict(zip(years, charts["admissions"].series[0]["data"], strict=True))
    assert admissions[2019] is None and admissions[2020] == 3 and admissions[2021] == 0
    # No rating season and no meeting: the shares have no denominator in any year.
    assert all(value is None for series in charts["grades"].series for value in series["data"])
    assert all(value is None for value in charts["attendance"].series[0]["data"])


def test_a_chart_is_empty_for_the_years_before_the_organization_was_founded(personas, today):
    from dangvu.dashboard.selectors import trends
    from dangvu.organizations.models import OrganizationKind
    from dangvu.organizations.tests.factories import make_org

    young = make_org(
        personas.committee, kind=OrganizationKind.BASE_CELL, name="Chi bộ mới", code="NEW", on=dt.date(2024, 5, 1)
    )
    admit(young, full_name="Đỗ Văn Mới", on=dt.date(2024, 6, 1))
    members = trends(organization=young, today=today)[0].series[0]["data"]
    assert members[-3:] == [1.0, 1.0, 1.0] and members[:-3] == [None] * (len(members) - 3)


def test_the_dashboard_sends_a_year_without_figures_as_null_to_the_charts(client, personas):
    client.force_login(personas.staff)
    html = client.get(reverse("dashboard:home")).content.decode()
    assert "null" in html.split('id="charts-data"', 1)[1].split("</script>", 1)[0]
