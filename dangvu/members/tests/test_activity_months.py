"""The months of a period that the activity tables answer from (members.activity)."""

import datetime as dt

import pytest

from dangvu.members.activity import whole_months

D = dt.date


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (D(2025, 1, 1), D(2025, 12, 31), {2025: 0b111111111111}),
        (D(2025, 4, 1), D(2025, 4, 30), {2025: 0b000000001000}),
        (D(2025, 1, 1), D(2025, 6, 30), {2025: 0b000000111111}),
        (D(2024, 2, 1), D(2024, 2, 29), {2024: 0b10}),  # leap year
        (D(2023, 7, 1), D(2025, 6, 30), {2023: 0b111111000000, 2024: 0b111111111111, 2025: 0b000000111111}),
    ],
)
def test_a_period_of_whole_months_gives_the_bits_of_its_months_per_year(start, end, expected):
    assert whole_months(start, end) == expected


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (D(2025, 1, 2), D(2025, 12, 31)),  # starts inside a month
        (D(2025, 1, 1), D(2025, 12, 30)),  # ends inside a month
        (D(2023, 2, 1), D(2023, 2, 28) - dt.timedelta(days=1)),
        (D(2025, 5, 1), D(2025, 4, 30)),  # empty
    ],
)
def test_a_period_that_cuts_a_month_is_answered_from_the_rows(start, end):
    assert whole_months(start, end) is None
