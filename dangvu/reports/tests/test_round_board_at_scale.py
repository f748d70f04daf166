"""A round's board at province size: hundreds of base organizations asked, shown a page at a time, counted by
status, narrowed by status or by the organization's name (accents ignored), exported whole."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from dangvu.organizations.models import OrganizationKind
from dangvu.organizations.tests.factories import make_org
from dangvu.reports import services

pytestmark = pytest.mark.django_db
BASES = 120


@pytest.fixture
def big_round(personas):
    bases = [
        make_org(personas.committee, kind=OrganizationKind.BASE_CELL, name=f"Chi bộ Sở Số {n:03d}", code=f"S{n:03d}")
        for n in range(BASES)
    ]
    round_ = services.round_open(
        organization=personas.committee,
        kind="monthly",
        period_key="2025-04",
        due_on=dt.date(2099, 5, 5),
        participants=[personas.org_a, personas.org_b, *bases],
        by=None,
    )
    report = services.report_create(
        organization=personas.org_a, kind="monthly", period_key="2025-04", by=None, round=round_
    )
    services.report_submit(report=report, by=None)
    return round_


def _get(client, user, round_, query=""):
    client.force_login(user)
    return client.get(reverse("reports:round", kwargs={"pk": round_.pk}) + query)


def test_the_board_shows_a_page_of_organizations_and_counts_every_one_by_status(client, personas, big_round):
    response = _get(client, personas.staff, big_round)
    assert response.status_code == 200
    page = response.context["page"]
    assert len(page.object_list) == 50 and page.paginator.count == BASES + 2
    counts = {state: n for state, _label, n in response.context["counts"]}
    assert counts == {"not_started": BASES + 1, "draft": 0, "submitted": 1, "late": 0}
    assert "1/122 báo cáo đã gửi" in response.content.decode()


def test_the_board_narrows_to_one_status_and_to_a_name_typed_without_accents(client, personas, big_round):
    submitted = _get(client, personas.staff, big_round, "?state=submitted").context["page"].object_list
    assert [row["organization"] for row in submitted] == [personas.org_a]
    found = _get(client, personas.staff, big_round, "?q=chi+bo+so+so+007").context["page"].object_list
    assert [row["organization"].code for row in found] == ["S007"]
    assert "Không có tổ chức nào phù hợp." in _get(client, personas.staff, big_round, "?q=khong+co").content.decode()


def test_a_bad_status_keeps_the_whole_board_with_the_message_in_the_form(client, personas, big_round):
    response = _get(client, personas.staff, big_round, "?state=lost")
    assert response.status_code == 200 and response.context["form"].errors["state"]
    assert response.context["page"].paginator.count == BASES + 2


def test_the_board_exports_every_organization_not_only_the_page(client, personas, big_round):
    response = _get(client, personas.staff, big_round, "?state=not_started&export=csv")
    assert response.status_code == 200
    lines = response.content.decode("utf-8-sig").strip().splitlines()
    assert len(lines) == 1 + BASES + 1


def test_the_board_reads_the_same_number_of_queries_for_120_organizations_as_for_2(client, personas, big_round):
    client.force_login(personas.staff)
    url = reverse("reports:round", kwargs={"pk": big_round.pk})
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    assert len(queries) <= 12
