"""Exports: what the list shows, filters applied, Vietnamese headers, house-style dates and numbers; they re-import."""

import csv
import datetime as dt
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from dangvu.exchange.columns import MEMBER_COLUMNS, ORGANIZATION_COLUMNS
from dangvu.exchange.reading import open_table
from dangvu.exchange.services import import_members, import_organizations
from dangvu.members.models import Member
from dangvu.members.tests.factories import admit

pytestmark = pytest.mark.django_db


def csv_rows(response) -> list[list[str]]:
    text = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def test_the_member_export_applies_the_list_filters_and_scope(client, personas):
    admit(personas.cell_a2, full_name="Hoàng Thị Dự Bị", sex="female", national_id="001190000333", full=False)
    client.force_login(personas.secretary_a)
    everyone = csv_rows(client.get(reverse("exchange:export_members"), {"format": "csv"}))
    assert everyone[0][:4] == ["STT", "Họ và tên", "Tên gọi khác", "Giới tính"]
    names = [row[1] for row in everyone[1:]]
    assert names == ["Nguyễn Văn An", "Hoàng Thị Dự Bị", "Lê Thị Cúc"]  # B's member is outside A's tree
    probationary = csv_rows(client.get(reverse("exchange:export_members"), {"format": "csv", "probationary": "on"}))
    assert [row[1] for row in probationary[1:]] == ["Hoàng Thị Dự Bị"]
    searched = csv_rows(client.get(reverse("exchange:export_members"), {"format": "csv", "q": "nguyen"}))
    assert [row[1] for row in searched[1:]] == ["Nguyễn Văn An"]


def test_the_member_csv_writes_dates_day_first_and_guards_formulas(client, personas):
    Member.objects.filter(pk=personas.member_a.pk).update(hometown="=HYPERLINK(1)")
    client.force_login(personas.staff)
    rows = csv_rows(client.get(reverse("exchange:export_members"), {"format": "csv"}))
    header, first = rows[0], rows[1]
    assert first[header.index("Ngày sinh")] == "15/06/1985"
    assert first[header.index("Ngày quyết định kết nạp")] == "02/03/2020"
    assert first[header.index("Quê quán")] == "'=HYPERLINK(1)"


def test_the_member_workbook_is_the_register_layout_with_real_dates(client, personas):
    client.force_login(personas.staff)
    response = client.get(reverse("exchange:export_members"), {"format": "xlsx"})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet["A1"].value == "SỔ DANH SÁCH ĐẢNG VIÊN (Mẫu 7-HSĐV)"
    header = [c.value for c in sheet[4]]
    born = sheet.cell(row=5, column=header.index("Ngày sinh") + 1)
    assert born.value.date() == dt.date(1985, 6, 15) and born.number_format == "dd/mm/yyyy"


def test_an_export_re_imports_without_a_change(client, personas, tmp_path):
    admit(personas.cell_a2, full_name="Vũ Văn Không Số", national_id=None, full=False)
    client.force_login(personas.staff)
    for fmt in ("xlsx", "csv"):
        response = client.get(reverse("exchange:export_members"), {"format": fmt, "status": "all"})
        path = tmp_path / f"export.{fmt}"
        path.write_bytes(response.content)
        report = import_members(
            table=open_table(path, name=path.name, columns=MEMBER_COLUMNS), by=personas.staff, commit=True
        )
        assert report.ok, report.lines()
        assert (report.rows, report.created, report.updated, report.skipped) == (4, 0, 0, 4)


def test_the_organization_export_is_the_tree_page_and_re_imports(client, personas, tmp_path):
    client.force_login(personas.secretary_a)
    response = client.get(reverse("exchange:export_organizations"), {"format": "csv"})
    rows = csv_rows(response)
    assert rows[0][:5] == ["Mã", "Tên", "Tên viết tắt", "Loại hình", "Mã tổ chức đảng cấp trên"]
    assert [(r[0], r[4]) for r in rows[1:]] == [("A", "DUK"), ("A1", "A"), ("A2", "A")]
    assert rows[1][-2] == "2"  # member A and A1's cell secretary
    path = tmp_path / "tree.csv"
    path.write_bytes(response.content)
    report = import_organizations(
        table=open_table(path, name="tree.csv", columns=ORGANIZATION_COLUMNS), by=personas.secretary_a, commit=True
    )
    assert report.ok and report.skipped == 3, report.lines()


def test_the_organization_export_as_of_a_past_date_uses_the_names_then(client, personas):
    client.force_login(personas.staff)
    response = client.get(reverse("exchange:export_organizations"), {"format": "xlsx", "on": "01/01/1960"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.max_row == 4  # title, date, blank line, header: nothing existed in 1960


def test_an_unknown_format_is_not_found(client, personas):
    client.force_login(personas.staff)
    assert client.get(reverse("exchange:export_members"), {"format": "pdf"}).status_code == 404


@pytest.mark.parametrize("size", [3, 12])
def test_the_member_export_takes_a_constant_number_of_queries(client, personas, size, django_assert_max_num_queries):
    for n in range(size):
        admit(personas.cell_a1, full_name=f"Người Số {n}", national_id=f"0011900{n:05d}")
    client.force_login(personas.staff)
    with django_assert_max_num_queries(12):
        client.get(reverse("exchange:export_members"), {"format": "xlsx"})
