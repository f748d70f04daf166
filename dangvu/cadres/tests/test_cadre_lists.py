"""Cadre lists: a constant number of queries whatever the page holds."""

import csv
import datetime as dt
import io

import pytest
from django.urls import reverse

from dangvu.cadres.models import CommitteeAppointment, PoliticalConclusion

pytestmark = pytest.mark.django_db


def _records(personas, count: int) -> None:
    """`count` conclusions and `count` appointments of member A (Nguyễn Văn An)."""
    PoliticalConclusion.objects.bulk_create(
        PoliticalConclusion(
            member=personas.member_a,
            organization=personas.cell_a1,
            purpose="planning",
            concluded_on=dt.date(2025, 1, 2),
            verdict="meets",
            conclusion="Đủ tiêu chuẩn.",
        )
        for _ in range(count)
    )
    CommitteeAppointment.objects.bulk_create(
        CommitteeAppointment(
            organization=personas.org_a,
            member=personas.member_a,
            position="executive",
            kind="appointed",
            decided_by="BTV",
            decided_on=dt.date(2025, 1, 2),
            document_no="1-QĐ/ĐUK",
        )
        for _ in range(count)
    )


@pytest.mark.parametrize("count", [3, 30])
def test_the_lists_use_the_same_number_of_queries(client, personas, count, django_assert_max_num_queries):
    _records(personas, count)
    client.force_login(personas.staff)
    for name in ("cadres:conclusions", "cadres:appointments"):
        with django_assert_max_num_queries(9):
            assert client.get(reverse(name)).status_code == 200


def test_the_lists_search_member_names_without_tones(client, personas):
    _records(personas, 1)
    client.force_login(personas.staff)
    for name in ("cadres:conclusions", "cadres:appointments"):
        assert len(client.get(reverse(name), {"q": "nguyen van an"}).context["page"].object_list) == 1
        assert len(client.get(reverse(name), {"q": "tran thi"}).context["page"].object_list) == 0


def _csv(response) -> list[list[str]]:
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


@pytest.mark.parametrize(
    ("name", "first_header"), [("cadres:conclusions", "Người được kết luận"), ("cadres:appointments", "Đảng viên")]
)
def test_each_list_exports_every_row_it_selects_not_only_the_page(client, personas, settings, name, first_header):
    settings.PAGE_SIZE = 2
    _records(personas, 3)
    client.force_login(personas.secretary_a)
    rows = _csv(client.get(reverse(name), {"q": "nguyen", "page": "2", "export": "csv"}))
    assert rows[0][0] == first_header
    assert [row[0] for row in rows[1:]] == [personas.member_a.full_name] * 3
    assert _csv(client.get(reverse(name), {"q": "tran thi", "export": "csv"}))[1:] == []


def test_the_exports_cover_only_the_users_subtree(client, personas):
    _records(personas, 1)
    client.force_login(personas.secretary_b)
    for name in ("cadres:conclusions", "cadres:appointments"):
        assert _csv(client.get(reverse(name), {"export": "csv"}))[1:] == []
