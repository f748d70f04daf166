"""The S01/ĐP, S02/ĐP and B01/ĐP books as XLSX: the figures are the records', a committee's are the sum of its
units', collected = kept + remitted."""

import datetime as dt
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from dangvu.dues import books, services
from dangvu.dues.models import DuesLine, DuesPayment
from dangvu.dues.tests.ui_data import cell_with_runs

pytestmark = pytest.mark.django_db

MARCH = dt.date(2025, 3, 1)


def _due() -> int:
    return sum(line.amount_due + line.voluntary_extra for line in DuesLine.objects.filter(month=MARCH))


def _rows(content: bytes):
    sheet = load_workbook(io.BytesIO(content)).active
    return sheet, [list(r) for r in sheet.iter_rows(values_only=True)]


def _paid(personas, secretary):
    DuesPayment.objects.create(
        member=personas.member_a, organization=personas.cell_a1, month=MARCH, amount=80_000, paid_on=MARCH
    )
    DuesPayment.objects.create(
        member=secretary, organization=personas.cell_a1, month=MARCH, amount=5_000, paid_on=MARCH
    )


def test_the_s01_book_lists_each_member_with_due_and_paid_by_month_and_the_totals(client, personas):
    secretary, _runs = cell_with_runs(personas)
    _paid(personas, secretary)
    client.force_login(personas.staff)
    response = client.get(reverse("dues:book_s01", kwargs={"pk": personas.cell_a1.pk}), {"year": 2025})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet, rows = _rows(response.content)
    assert sheet["A1"].font.name == "Times New Roman"
    names = [r[1] for r in rows]
    assert personas.member_a.full_name in names
    member_row = rows[names.index(personas.member_a.full_name)]
    march_due, march_paid = member_row[2 + 2 * 2], member_row[3 + 2 * 2]
    assert (march_due, march_paid) == (80_000, 80_000)
    total = rows[names.index("Cộng")]
    assert total[-2:] == [_due(), 85_000]
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in [c for r in rows for c in r]


def test_the_s02_book_of_a_committee_is_the_sum_of_its_units(client, personas):
    secretary, _runs = cell_with_runs(personas)
    _paid(personas, secretary)
    _sheet, rows = _rows(books.s02(personas.org_a, 2025))
    names = [r[1] for r in rows]
    a1 = rows[names.index(personas.cell_a1.name)]
    a2 = rows[names.index(personas.cell_a2.name)]
    total = rows[names.index("Cộng")]
    assert a1[2 + 2] == 85_000  # March
    assert a2[2 + 2] == 0
    assert total[2 + 2] == a1[2 + 2] + a2[2 + 2]


def test_the_b01_report_of_a_quarter_shows_members_due_collected_kept_and_remitted(client, personas):
    secretary, _runs = cell_with_runs(personas)
    _paid(personas, secretary)
    services.settle_period(
        organization=personas.cell_a1, period_start=dt.date(2025, 1, 1), period_end=dt.date(2025, 3, 31), user=None
    )
    client.force_login(personas.secretary_a)
    response = client.get(reverse("dues:report_b01", kwargs={"pk": personas.org_a.pk}), {"period": "2025-Q1"})
    assert response.status_code == 200
    _sheet, rows = _rows(response.content)
    assert any("Quý I năm 2025" in str(c) for r in rows for c in r)
    names = [r[1] for r in rows]
    a1 = rows[names.index(personas.cell_a1.name)]
    members, due, collected, _pct, kept, remitted = a1[2:8]
    assert (members, due, collected) == (2, _due(), 85_000)
    assert kept + remitted == collected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-03", (dt.date(2026, 3, 1), dt.date(2026, 3, 31))),
        ("2026-Q1", (dt.date(2026, 1, 1), dt.date(2026, 3, 31))),
        ("2028-q4", (dt.date(2028, 10, 1), dt.date(2028, 12, 31))),
        ("2024-02", (dt.date(2024, 2, 1), dt.date(2024, 2, 29))),
        ("2026-13", None),
        ("2026-Q5", None),
        ("march", None),
    ],
)
def test_a_b01_period_is_a_month_or_a_quarter(text, expected):
    parsed = books.parse_period(text)
    assert (parsed[:2] if parsed else None) == expected


def test_a_bad_b01_period_is_a_one_line_message(client, personas):
    client.force_login(personas.staff)
    response = client.get(reverse("dues:report_b01", kwargs={"pk": personas.org_a.pk}), {"period": "quý 1"})
    assert response.status_code == 400
    assert "2026-Q1" in response.content.decode()
