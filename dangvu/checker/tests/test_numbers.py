"""Vietnamese numbers: each run of digits read the way the issue and the house style say."""

from decimal import Decimal

import pytest

from dangvu.checker.numbers import parse_cell, tokenize


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("7.261 đảng viên", "int", Decimal(7261)),
        ("kết nạp 1.905 đồng chí", "int", Decimal(1905)),
        ("đạt 79,61%", "percent", Decimal("79.61")),
        ("98,5 điểm", "decimal", Decimal("98.5")),
        ("03 tổ chức", "int", Decimal(3)),
        ("30.196 tỷ đồng", "amount", Decimal(30196)),
        ("trị giá 53.000.000đ;", "amount", Decimal(53000000)),
        ("cho 01 đồng chí", "int", Decimal(1)),  # "đồng chí" is a comrade, not money
        ("Covid-19", "label", Decimal(19)),
    ],
)
def test_a_number_is_read_as_house_style_writes_it(text, kind, value):
    (token,) = tokenize(text)
    assert (token.kind, token.value) == (kind, value)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("nhiệm kỳ 2020 - 2025", "range"),
        ("giai đoạn 2024 -2026", "range"),
        ("ngày 11/4/2023", "date"),
        ("ngày 25 tháng 7 năm 2023", "date"),
        ("trong tháng 4/2023", "monthyear"),
        ("Nghị quyết số 22-NQ/TU", "docnumber"),
        ("Quyết định số 216 - QĐ/ĐUK", "docnumber"),
        ("5.1. Công tác tổ chức", "section"),
        ("có 42/46 đơn vị", "ratio"),
        ("sắp xếp 12/13 Văn phòng", "ratio"),  # not a date: there is no month 13, and no "ngày"
    ],
)
def test_dates_ranges_and_document_numbers_are_not_taken_for_quantities(text, kind):
    (token,) = tokenize(text)
    assert token.kind == kind


def test_an_impossible_year_is_still_read_as_a_date_so_it_can_be_reported():
    first, last = tokenize("(7/5/1954-7/5/20201)")
    assert (first.is_valid_date, last.is_valid_date, last.year) == (True, False, 20201)


def test_the_day_must_exist_in_its_month():
    (token,) = tokenize("ngày 29/02/2023")
    assert not token.is_valid_date
    (token,) = tokenize("ngày 29/02/2024")
    assert token.is_valid_date


@pytest.mark.parametrize(
    ("cell", "value"),
    [("1.305", Decimal(1305)), ("87,00%", Decimal("87.00")), ("03", Decimal(3)), ("Năm 2021", None), ("-", None)],
)
def test_a_table_cell_holds_one_number_or_none(cell, value):
    token = parse_cell(cell)
    assert (token.value if token else None) == value
