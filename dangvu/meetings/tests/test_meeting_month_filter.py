"""The meetings list's month is picked with the browser's month picker (2026-03); the warning's link (3/2026) and a
typed month (03/2026) are read the same way; anything else is a Vietnamese message beside the field."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import translation

from dangvu.meetings.tests.test_meeting_rules import record
from dangvu.members.tests.factories import admit

pytestmark = pytest.mark.django_db


@pytest.fixture
def march_and_april(personas):
    admit(personas.cell_a1, full_name="Lê Văn Cường")
    return record(personas.cell_a1, held_on=dt.date(2026, 3, 10)), record(
        personas.cell_a1, held_on=dt.date(2026, 4, 10)
    )


@pytest.mark.parametrize("month", ["2026-03", "03/2026", "3/2026"])
def test_the_month_picked_typed_or_linked_narrows_the_list_to_that_month(client, personas, march_and_april, month):
    march, _april = march_and_april
    client.force_login(personas.staff)
    response = client.get(reverse("meetings:list"), {"month": month})
    assert response.status_code == 200
    assert list(response.context["page"].object_list) == [march]
    assert 'type="month"' in response.content.decode() and 'value="2026-03"' in response.content.decode()


def test_a_month_that_is_not_one_is_refused_beside_the_field_and_every_meeting_shown(client, personas, march_and_april):
    client.force_login(personas.staff)
    with translation.override("vi"):
        response = client.get(reverse("meetings:list"), {"month": "13/2026"})
    assert response.status_code == 200
    assert response.context["form"].errors["month"] == ["Nhập tháng theo dạng mm/yyyy, ví dụ 03/2026."]
    assert len(response.context["page"].object_list) == 2
