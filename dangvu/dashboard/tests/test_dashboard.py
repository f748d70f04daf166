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
