"""Cadre lists: a constant number of queries whatever the page holds."""

import datetime as dt

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
