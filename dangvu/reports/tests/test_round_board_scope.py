"""A reporting round's board: the committee that opened it sees every organization asked; a base organization's
secretary sees only their own row (not the other base committees' progress)."""

import datetime as dt

import pytest
from django.urls import reverse

from dangvu.reports.services import round_open

pytestmark = pytest.mark.django_db


@pytest.fixture
def round_(personas):
    return round_open(
        organization=personas.committee,
        kind="monthly",
        period_key="2025-04",
        due_on=dt.date(2025, 5, 5),
        participants=[personas.org_a, personas.org_b],
        by=None,
    )


def _board(client, user, round_):
    client.force_login(user)
    response = client.get(reverse("reports:round", kwargs={"pk": round_.pk}))
    assert response.status_code == 200
    return [row["organization"] for row in response.context["rows"]]


def test_the_committee_that_opened_the_round_sees_every_organization_asked(client, personas, round_):
    assert _board(client, personas.staff, round_) == [personas.org_a, personas.org_b]


def test_a_base_secretary_sees_only_their_own_organization_on_the_board(client, personas, round_):
    assert _board(client, personas.secretary_a, round_) == [personas.org_a]
    page = client.get(reverse("reports:round", kwargs={"pk": round_.pk})).content.decode()
    assert personas.org_b.name not in page
