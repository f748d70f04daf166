"""The portal payment-file import: a column mapping, a dry run listing each bad row and why, all or nothing,
a file imported twice records each payment once; the file is read within bounds."""

import datetime as dt
import io

import pytest
import xlsxwriter
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from dangvu.dues import imports
from dangvu.dues.models import DuesPayment
from dangvu.dues.tests.ui_data import cell_with_runs

pytestmark = pytest.mark.django_db

HEADERS = ["STT", "Số CCCD", "Họ tên", "Kỳ nộp", "Số tiền", "Ngày nộp", "Mã giao dịch"]


def _xlsx(rows, title=True) -> bytes:
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out)
    sheet = book.add_worksheet()
    start = 0
    if title:
        sheet.write_string(0, 0, "DANH SÁCH GIAO DỊCH NỘP ĐẢNG PHÍ")
        start = 2
    for r, row in enumerate([HEADERS, *rows], start):
        for c, value in enumerate(row):
            if isinstance(value, dt.date):
                sheet.write_datetime(
                    r, c, dt.datetime.combine(value, dt.time()), book.add_format({"num_format": "dd/mm/yyyy"})
                )
            elif isinstance(value, int | float):
                sheet.write_number(r, c, value)
            else:
                sheet.write_string(r, c, value)
    book.close()
    return out.getvalue()


def _csv(rows) -> bytes:
    lines = [";".join(HEADERS)] + [";".join(str(v) for v in row) for row in rows]
    return ("\n".join(lines) + "\n").encode("utf-8")


def _row(n, member, month="03/2025", amount=80000, paid="10/03/2025", ref=None):
    return [n, member.national_id, member.full_name, month, amount, paid, ref or f"GD{n:05d}"]


def _upload(client, content: bytes, name: str):
    return client.post(reverse("dues:import"), {"file": SimpleUploadedFile(name, content)})


MAPPING = {"identified_by": "national_id", "member": 1, "month": 3, "amount": 4, "paid_on": 5, "reference": 6}


def test_the_columns_are_guessed_from_the_portals_titles():
    assert imports.guess_mapping(HEADERS) == MAPPING


def test_a_dry_run_lists_each_bad_row_and_why_and_writes_nothing(client, personas):
    secretary, _runs = cell_with_runs(personas)
    client.force_login(personas.staff)
    rows = [
        _row(1, personas.member_a),
        [2, "999999999999", "Không có", "03/2025", 5000, "10/03/2025", "GD2"],
        _row(3, secretary, month="tháng ba", ref="GD3"),
        _row(4, secretary, amount="năm nghìn", ref="GD4"),
        _row(5, secretary, paid="31/02/2025", ref="GD5"),
        _row(6, secretary, ref="GD00001"),
    ]
    assert _upload(client, _csv(rows), "giao-dich.csv").status_code == 302
    response = client.post(reverse("dues:import_map"), {**MAPPING, "dry_run": "1"})
    assert response.status_code == 200
    plan = response.context["plan"]
    bad = dict(plan.bad)
    assert set(bad) == {3, 4, 5, 6, 7}  # file rows (the title row is row 1)
    assert "999999999999" in bad[3]
    assert "tháng" in bad[4] or "month" in bad[4]
    assert "GD00001" in bad[7]
    assert 'id="bad-rows"' in response.content.decode()
    assert DuesPayment.objects.count() == 0


def test_a_file_with_a_bad_row_imports_nothing(client, personas):
    cell_with_runs(personas)
    client.force_login(personas.staff)
    rows = [_row(1, personas.member_a), [2, "999999999999", "Không có", "03/2025", 5000, "10/03/2025", "GD2"]]
    _upload(client, _csv(rows), "giao-dich.csv")
    response = client.post(reverse("dues:import_map"), {**MAPPING, "import": "1"})
    assert response.status_code == 200
    assert DuesPayment.objects.count() == 0


def test_a_good_workbook_imports_every_row_and_a_second_import_records_each_payment_once(client, personas):
    secretary, _runs = cell_with_runs(personas)
    client.force_login(personas.staff)
    rows = [
        _row(1, personas.member_a, amount=80000, paid=dt.date(2025, 3, 12)),
        _row(2, secretary, amount=5000, month="2025-03", paid=dt.date(2025, 4, 2)),
    ]
    content = _xlsx(rows)
    _upload(client, content, "giao-dich.xlsx")
    response = client.post(reverse("dues:import_map"), {**MAPPING, "import": "1"})
    assert response.status_code == 302
    payments = DuesPayment.objects.order_by("member_id")
    assert {(p.member_id, p.amount, p.channel, p.paid_on) for p in payments} == {
        (personas.member_a.pk, 80_000, "portal", dt.date(2025, 3, 12)),
        (secretary.pk, 5_000, "portal", dt.date(2025, 4, 2)),
    }
    _upload(client, content, "giao-dich.xlsx")
    again = client.post(reverse("dues:import_map"), {**MAPPING, "import": "1"})
    assert again.status_code == 302
    assert DuesPayment.objects.count() == 2


def test_a_member_outside_the_users_subtree_is_a_bad_row(client, personas):
    cell_with_runs(personas)
    client.force_login(personas.secretary_b)
    _upload(client, _csv([_row(1, personas.member_a)]), "giao-dich.csv")
    plan = client.post(reverse("dues:import_map"), {**MAPPING, "dry_run": "1"}).context["plan"]
    assert len(plan.bad) == 1 and not plan.good


def test_the_same_column_for_two_fields_is_refused(client, personas):
    cell_with_runs(personas)
    client.force_login(personas.staff)
    _upload(client, _csv([_row(1, personas.member_a)]), "giao-dich.csv")
    response = client.post(reverse("dues:import_map"), {**MAPPING, "amount": 3, "dry_run": "1"})
    assert response.context["form"].non_field_errors()
    assert response.context["plan"] is None


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("giao-dich.xls", b"\xd0\xcf\x11\xe0 old", ".xls"),
        ("giao-dich.pdf", b"%PDF-1.4", ".xlsx"),
        ("giao-dich.csv", "STT;Họ tên\n1;Nguyễn".encode("cp1258", errors="replace") + b"\xe0\xe1\xe2", "UTF-8"),
        ("giao-dich.xlsx", b"PK\x03\x04 not really a workbook", ""),
    ],
)
def test_a_file_that_cannot_be_read_gets_a_one_line_message_not_a_500(client, personas, name, content, words):
    client.force_login(personas.staff)
    response = _upload(client, content, name)
    if response.status_code == 302:
        response = client.get(reverse("dues:import_map"), follow=True)
    assert response.status_code == 200
    text = response.content.decode()
    assert words in text
    assert DuesPayment.objects.count() == 0


def test_a_workbook_declaring_a_giant_sheet_is_refused_before_parsing(client, personas, settings):
    settings.DANGVU_FILE_MAX_SHEET_CELLS = 10
    client.force_login(personas.staff)
    _upload(client, _xlsx([_row(1, personas.member_a)] * 5), "giao-dich.xlsx")
    response = client.get(reverse("dues:import_map"), follow=True)
    assert response.redirect_chain[-1][0] == reverse("dues:import")
    assert "10" in response.content.decode()
