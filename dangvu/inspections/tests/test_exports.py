"""The three lists export what they show, every row the filters select (not only the page), in the user's subtree."""

import csv
import datetime as dt
import io

import pytest
from django.urls import reverse

from dangvu.inspections.tests.test_screens import _discipline, _inspection, _letter

pytestmark = pytest.mark.django_db


def _rows(response) -> list[list[str]]:
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.csv"')
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


@pytest.fixture
def staff_client(client, personas):
    client.force_login(personas.staff)
    return client


def test_the_inspection_export_holds_every_inspection_the_filters_select(staff_client, personas, settings):
    settings.PAGE_SIZE = 2
    for n in range(3):
        _inspection(personas, n)
    rows = _rows(staff_client.get(reverse("inspections:list"), {"year": "2024", "page": "2", "export": "csv"}))
    assert rows[0][:3] == ["Ngày bắt đầu", "Ngày kết thúc", "Nội dung"]
    assert sorted(row[2] for row in rows[1:]) == ["Kiểm tra 0", "Kiểm tra 1", "Kiểm tra 2"]
    assert {row[4] for row in rows[1:]} == {personas.org_a.name}
    assert rows[1][0] == "01/03/2024"
    assert _rows(staff_client.get(reverse("inspections:list"), {"violation_found": "true", "export": "csv"}))[1:] == []


def test_the_discipline_export_names_the_disciplined_and_the_deciding_body(staff_client, personas):
    _discipline(personas, 1)
    header, row = _rows(staff_client.get(reverse("inspections:discipline_list"), {"export": "csv"}))
    assert row[header.index("Số quyết định")] == "1-QĐ/ĐU"
    assert row[2] == personas.member_a.full_name
    assert personas.org_a.name in row


def test_the_letter_export_shows_what_the_list_shows_and_never_the_sender(client, personas):
    letter = _letter(personas, 1)
    letter.sender = "Người tố cáo"
    letter.save()
    client.force_login(personas.secretary_a)
    rows = _rows(client.get(reverse("inspections:letter_list"), {"export": "csv"}))
    assert len(rows) == 2 and rows[1][0] == "02/03/2025"
    assert "Người tố cáo" not in "".join(rows[1])
    assert rows[1][4] == f"{personas.member_a.full_name}; Thư 1"


def test_an_export_covers_only_the_users_subtree(client, personas):
    _inspection(personas, 1), _discipline(personas, 1), _letter(personas, 1)
    client.force_login(personas.secretary_b)
    for name in ("inspections:list", "inspections:discipline_list", "inspections:letter_list"):
        assert _rows(client.get(reverse(name), {"export": "csv"}))[1:] == []


def test_an_inspection_export_is_a_workbook_with_real_dates(staff_client, personas):
    import openpyxl

    _inspection(personas, 1)
    response = staff_client.get(reverse("inspections:list"), {"export": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    started = [row[0] for row in sheet.iter_rows(min_row=5, values_only=True)]
    assert [value.date() for value in started] == [dt.date(2024, 3, 1)]
