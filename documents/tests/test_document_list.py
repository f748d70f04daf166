"""The document list: filters, and a constant number of queries whatever the page holds."""

import datetime as dt

import pytest
from django.urls import reverse

from documents.services import document_issue

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
