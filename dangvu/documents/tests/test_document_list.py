"""The document list: filters, and a constant number of queries whatever the page holds."""

import csv
import datetime as dt
import io

import pytest
from django.urls import reverse

from dangvu.documents.models import Document
from dangvu.documents.services import document_issue

pytestmark = pytest.mark.django_db


def _issue(org, n, code="CV"):
    for i in range(n):
        document_issue(
            organization=org,
            type_code=code,
            issued_on=dt.date(2026, 1, 5) + dt.timedelta(days=i),
            subject=f"Việc {i}",
            by=None,
        )


@pytest.mark.parametrize("count", [3, 30])
def test_the_list_uses_the_same_number_of_queries_for_few_or_many_documents(
    client, personas, count, django_assert_max_num_queries
):
    _issue(personas.committee, count)
    client.force_login(personas.staff)
    with django_assert_max_num_queries(9):
        response = client.get(reverse("documents:list"))
    assert response.status_code == 200


def test_filters_by_type_and_scope(client, personas):
    _issue(personas.committee, 2, "CV")
    _issue(personas.org_a, 1, "NQ")
    _issue(personas.org_b, 1, "NQ")
    client.force_login(personas.secretary_a)
    page = client.get(reverse("documents:list"), {"type_code": "NQ"}).context["page"]
    assert [d.organization for d in page.object_list] == [personas.org_a]
    client.force_login(personas.staff)
    assert client.get(reverse("documents:list"), {"type_code": "CV"}).context["page"].paginator.count == 2


def test_the_search_ignores_tones_in_the_subject_and_the_symbol(client, personas):
    document_issue(
        organization=personas.committee,
        type_code="NQ",
        issued_on=dt.date(2026, 2, 3),
        subject="Nghị quyết về công tác đảng viên",
        by=None,
    )
    _issue(personas.committee, 2)
    client.force_login(personas.staff)

    def found(q):
        response = client.get(reverse("documents:list"), {"q": q})
        return [d.subject for d in response.context["page"].object_list]

    assert found("nghi quyet dang vien") == ["Nghị quyết về công tác đảng viên"]
    assert found("CÔNG TÁC") == ["Nghị quyết về công tác đảng viên"]
    symbol = Document.objects.get(type_code="NQ").number_symbol  # e.g. "01-NQ/DUK"
    assert found(symbol.lower()) == ["Nghị quyết về công tác đảng viên"]


def _csv(response) -> list[list[str]]:
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_the_export_holds_every_document_the_filters_select_not_only_the_page(client, personas, settings):
    settings.PAGE_SIZE = 2
    _issue(personas.org_a, 3, "NQ")
    _issue(personas.org_a, 1, "CV")
    client.force_login(personas.secretary_a)
    rows = _csv(client.get(reverse("documents:list"), {"type_code": "NQ", "page": "2", "export": "csv"}))
    assert rows[0][:3] == ["Số và ký hiệu", "Ngày ban hành", "Trích yếu"]
    assert sorted(row[2] for row in rows[1:]) == ["Việc 0", "Việc 1", "Việc 2"]
    assert all("NQ" in row[0] for row in rows[1:])


def test_the_export_covers_only_the_users_subtree(client, personas):
    _issue(personas.org_a, 1)
    client.force_login(personas.secretary_b)
    assert _csv(client.get(reverse("documents:list"), {"export": "csv"}))[1:] == []


def test_an_invalid_filter_shows_its_message_and_every_document(client, personas):
    _issue(personas.org_a, 2)
    client.force_login(personas.secretary_a)
    response = client.get(reverse("documents:list"), {"year": "abc"})
    assert response.status_code == 200
    assert response.context["form"].errors["year"]
    assert response.context["page"].paginator.count == 2
