import datetime as dt
import random

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from dangvu.demo.seed import DemoContext
from dangvu.workprogramme import demo_data, services
from dangvu.workprogramme.models import WorkItem
from dangvu.workprogramme.selectors import items_between

pytestmark = pytest.mark.django_db
D = dt.date


def _item(p, **fields):
    values = {"by": None, "organization": p.org_a, "year": 2024, "area": "organization", "title": "Việc"}
    return services.item_save(**(values | fields))


def test_an_item_in_a_month_takes_the_quarter_of_that_month(personas):
    item = _item(personas, month=8)
    assert (item.quarter, item.when) == (3, "08/2024")


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({}, "month"),
        ({"month": 13}, "month"),
        ({"quarter": 5}, "quarter"),
        ({"month": 2, "quarter": 3}, "month"),
        ({"month": 2, "title": "  "}, "title"),
    ],
)
def test_an_item_without_a_valid_time_or_task_is_refused_on_its_field(personas, fields, field):
    with pytest.raises(ValidationError) as refused:
        _item(personas, **fields)
    assert field in refused.value.message_dict


def test_the_items_of_a_period_are_its_months_and_its_whole_quarters_without_the_postponed(personas):
    april = _item(personas, month=4, title="Tháng 4")
    second_quarter = _item(personas, quarter=2, title="Quý II")
    _item(personas, month=4, title="Lùi", state="postponed")
    _item(personas, month=7, title="Tháng 7")
    assert items_between(organization=personas.org_a, start=D(2024, 4, 1), end=D(2024, 4, 30)) == [april]
    assert items_between(organization=personas.org_a, start=D(2024, 4, 1), end=D(2024, 6, 30)) == [
        april,
        second_quarter,
    ]
    with_postponed = items_between(organization=personas.org_a, start=D(2024, 4, 1), end=D(2024, 4, 30), postponed=True)
    assert [i.title for i in with_postponed] == ["Tháng 4", "Lùi"]


def test_staff_add_an_item_on_the_screen_and_find_it_in_the_list(client, personas):
    client.force_login(personas.staff)
    year = timezone.localdate().year
    response = client.post(
        reverse("workprogramme:item_create"),
        {
            "organization": personas.committee.pk,
            "year": year,
            "month": 5,
            "area": "ideology",
            "title": "Hướng dẫn tuyên truyền kỷ niệm Ngày sinh Chủ tịch Hồ Chí Minh",
            "owner": "Ban Tuyên giáo",
            "state": "planned",
        },
    )
    item = WorkItem.objects.get()
    assert response.status_code == 302 and item.quarter == 2
    listing = client.get(reverse("workprogramme:item_list"), {"quarter": 2, "area": "ideology"})
    assert "Hướng dẫn tuyên truyền kỷ niệm" in listing.content.decode()
    other_quarter = client.get(reverse("workprogramme:item_list"), {"quarter": 3})
    assert "Hướng dẫn tuyên truyền kỷ niệm" not in other_quarter.content.decode()


def test_a_refused_item_shows_the_vietnamese_rule_beside_the_field(client, personas):
    client.force_login(personas.staff)
    response = client.post(
        reverse("workprogramme:item_create"),
        {
            "organization": personas.committee.pk,
            "year": timezone.localdate().year,
            "month": 2,
            "quarter": 3,
            "area": "ideology",
            "title": "Việc",
            "state": "planned",
        },
    )
    assert response.status_code == 200
    assert "Tháng không thuộc quý đã chọn." in response.content.decode()
    assert not WorkItem.objects.exists()


def test_the_demo_programme_is_done_before_the_end_of_the_history_and_planned_after_it(personas):
    until = D(2026, 10, 31)
    counts = demo_data.seed(DemoContext(size="small", rng=random.Random(1), until=until, log=lambda m: None))
    assert counts["work_items"] == WorkItem.objects.count() > 0
    assert not WorkItem.objects.filter(year=2027).exclude(state="planned").exists()
    assert set(WorkItem.objects.filter(year=2025).values_list("state", flat=True)) <= {"done", "postponed"}
    assert WorkItem.objects.filter(year=2026, month=10, state="in_progress").exists()
