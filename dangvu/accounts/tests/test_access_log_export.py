"""The access log's export: every row its filters select (not only the page), with the screen's columns."""

import csv
import io

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from dangvu.accounts.models import Purpose, SensitiveDataAccess
from dangvu.accounts.services import sensitive_access_log

pytestmark = pytest.mark.django_db


def test_the_access_log_export_writes_every_row_the_filters_select(client, personas, settings):
    settings.PAGE_SIZE = 2
    for _ in range(3):
        sensitive_access_log(
            user=personas.secretary_a, purpose=Purpose.MEMBER_DETAIL, member=personas.member_a, fields=["religion"]
        )
    sensitive_access_log(user=personas.staff, purpose=Purpose.EXPORT, count=2, fields=["ethnicity"], scope="status=all")
    personas.staff.groups.add(Group.objects.get(name="security_officers"))
    client.force_login(personas.staff)
    url = reverse("accounts:sensitive_log")
    response = client.get(url, {"purpose": "member_detail", "export": "csv"})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == [
        "Thời gian",
        "Người thực hiện",
        "Mục đích",
        "Ghi nhận",
        "Các trường",
        "Số dòng",
        "Bộ lọc đã dùng",
    ]
    assert [(r[1], r[3]) for r in rows[1:]] == [("sec_a", "Nguyễn Văn An")] * 3
    assert len(client.get(url, {"purpose": "member_detail"}).context["page"].object_list) == 2
    assert SensitiveDataAccess.objects.count() == 4  # the log's own export shows no sensitive field: not logged
