"""The house style for numbers and dates (SYSTEM.md, "Numbers in the house style"; RULES.md §7)."""

import datetime as dt
from decimal import Decimal

import pytest
from django import forms
from django.template import Context, Template
from django.utils import formats, translation

from dangvu.lib import dates, numbers


@pytest.fixture(autouse=True)
def vietnamese():
    with translation.override("vi"):
        yield


def test_a_day_first_date_parses_as_day_then_month():
    field = forms.DateField()
    assert field.clean("05/03/2026") == dt.date(2026, 3, 5)


def test_an_impossible_date_is_refused():
    with pytest.raises(forms.ValidationError):
        forms.DateField().clean("31/02/1990")


def test_django_number_formatting_groups_thousands_with_dots():
    assert formats.number_format(1234567, use_l10n=True, force_grouping=True) == "1.234.567"
    assert Template("{{ n }}").render(Context({"n": 1234567})) == "1.234.567"


def test_django_number_formatting_uses_a_decimal_comma():
    assert Template("{{ n }}").render(Context({"n": 79.61})) == "79,61"


def test_dates_render_day_first_on_screens():
    assert Template("{{ d }}").render(Context({"d": dt.date(2026, 3, 5)})) == "05/03/2026"


@pytest.mark.parametrize(
    ("value", "expected"),
    [(7261, "7.261"), (1905, "1.905"), (999, "999"), (0, "0"), (1234567, "1.234.567"), (-1500, "-1.500")],
)
def test_integers_are_grouped_with_dots(value, expected):
    assert numbers.format_int(value) == expected


@pytest.mark.parametrize(("value", "expected"), [(7, "07"), (0, "00"), (9, "09"), (10, "10"), (1967, "1.967")])
def test_counts_below_ten_take_a_leading_zero_in_prose(value, expected):
    assert numbers.format_count(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [(79.61, "79,61%"), (Decimal("79.605"), "79,61%"), (2.5, "2,50%"), (100, "100,00%"), (1234.5, "1.234,50%")],
)
def test_percentages_have_two_decimals_a_comma_and_round_half_up(value, expected):
    assert numbers.format_percent(value) == expected


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2023, 7, 25), "Kiên Giang, ngày 25 tháng 7 năm 2023"),
        (dt.date(2024, 2, 5), "Kiên Giang, ngày 05 tháng 02 năm 2024"),
        (dt.date(2021, 6, 4), "Kiên Giang, ngày 04 tháng 6 năm 2021"),
    ],
)
def test_the_place_date_line_follows_the_party_document_format(day, expected):
    assert dates.format_place_date(day, "Kiên Giang") == expected


@pytest.mark.parametrize(
    ("day", "expected"),
    [(dt.date(2023, 4, 11), "11/4/2023"), (dt.date(2021, 6, 4), "04/6/2021"), (dt.date(2021, 1, 14), "14/01/2021")],
)
def test_dates_in_running_text_are_written_as_in_the_examples(day, expected):
    assert dates.format_short(day) == expected


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (dt.date(2023, 1, 31), 1, dt.date(2023, 2, 28)),
        (dt.date(2024, 1, 31), 1, dt.date(2024, 2, 29)),
        (dt.date(2023, 3, 15), 12, dt.date(2024, 3, 15)),
        (dt.date(2024, 2, 29), 12, dt.date(2025, 2, 28)),
    ],
)
def test_adding_months_clamps_to_the_end_of_the_month(start, months, expected):
    assert dates.add_months(start, months) == expected


@pytest.mark.parametrize(
    ("born", "on", "months"),
    [
        (dt.date(2000, 5, 10), dt.date(2018, 5, 10), 216),
        (dt.date(2000, 5, 10), dt.date(2018, 5, 9), 215),
        (dt.date(2000, 1, 31), dt.date(2000, 2, 29), 1),
    ],
)
def test_an_age_in_months_counts_whole_months(born, on, months):
    assert dates.months_between(born, on) == months
