"""The candidate list: deadline filter, and a constant number of queries."""

import datetime as dt

import pytest
from django.urls import reverse

from dangvu.candidates.models import Candidate, Stage

pytestmark = pytest.mark.django_db


def _bulk(cell, n, **over):
    Candidate.objects.bulk_create(
        Candidate(full_name=f"Quần Chúng {i}", sex="male", date_of_birth=dt.date(1998, 1, 1), organization=cell, **over)
        for i in range(n)
    )


@pytest.mark.parametrize("count", [3, 30])
def test_the_list_uses_the_same_number_of_queries_for_few_or_many_candidates(
    client, personas, count, django_assert_max_num_queries
):
    _bulk(personas.cell_a1, count)
    client.force_login(personas.staff)
    with django_assert_max_num_queries(8):
        assert client.get(reverse("candidates:list")).status_code == 200


def test_the_deadline_filter_shows_candidates_past_the_60_day_deadline(client, personas):
    """QĐ 232 §4: the committee decides within 60 working days of the cell's resolution."""
    _bulk(
        personas.cell_a1,
        1,
        stage=Stage.CELL_APPROVED,
        cell_vote_on=dt.date(2020, 1, 2),
        decision_due_on=dt.date(2020, 3, 30),
    )
    _bulk(personas.cell_a1, 2)
    client.force_login(personas.secretary_a)
    response = client.get(reverse("candidates:list"), {"deadline": "overdue"})
    assert response.context["page"].paginator.count == 1
    assert "quá hạn" in response.content.decode()


def test_the_search_ignores_tones_and_finds_d_with_stroke(client, personas):
    from dangvu.candidates.services import candidate_create

    for name in ("Nguyễn Thị Đào", "Trần Văn Dũng", "Lê Minh Anh"):
        candidate_create(
            by=None,
            data={
                "full_name": name,
                "sex": "female",
                "date_of_birth": dt.date(1999, 3, 4),
                "organization": personas.cell_a1,
                "national_id": "001199000" + str(len(name)).zfill(3),
            },
        )
    client.force_login(personas.staff)

    def found(q):
        response = client.get(reverse("candidates:list"), {"q": q})
        return {c.full_name for c in response.context["page"].object_list}

    assert found("nguyen dao") == {"Nguyễn Thị Đào"}
    assert found("DUNG") == {"Trần Văn Dũng"}
    assert found("d") == {"Nguyễn Thị Đào", "Trần Văn Dũng"}
    assert found("001199000") == {"Nguyễn Thị Đào", "Trần Văn Dũng", "Lê Minh Anh"}
