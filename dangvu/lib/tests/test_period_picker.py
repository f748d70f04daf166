"""The period picker: a period is chosen from a month, quarter, half-year, nine months, year or term list and
cleans to the key the reports already use; it starts on the period a clerk most likely means."""

import datetime as dt

import pytest
from django import forms
from django.template import Context, Template
from django.utils import translation

from dangvu.lib.period_picker import PeriodField, default_key, kind_of_key, period_label, split_key
from dangvu.reports.periods import Kind

D = dt.date


class AnyPeriod(forms.Form):
    period = PeriodField(label="Kỳ")


class MonthOnly(forms.Form):
    period = PeriodField(label="Tháng", kinds=(Kind.MONTHLY,), required=False)


@pytest.mark.parametrize(
    ("part", "year", "key"),
    [
        ("10", "2026", "2026-10"),
        ("03", "2026", "2026-03"),
        ("Q3", "2026", "2026-Q3"),
        ("H1", "2026", "2026-H1"),
        ("9M", "2026", "2026-9M"),
        ("Y", "2026", "2026"),
        ("T2020-2025", "", "2020-2025"),
    ],
)
def test_each_kind_of_period_cleans_to_the_key_the_reports_use(part, year, key):
    form = AnyPeriod({"period_0": part, "period_1": year})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["period"] == key
    assert split_key(key) == (part, year)


def test_a_part_of_the_year_without_its_year_asks_for_the_year():
    with translation.override("vi"):
        form = AnyPeriod({"period_0": "Q2", "period_1": ""})
        assert not form.is_valid()
        assert form.errors["period"] == ["Chọn năm của kỳ."]


def test_a_forged_part_or_a_kind_the_field_does_not_offer_is_refused_in_vietnamese():
    with translation.override("vi"):
        assert AnyPeriod({"period_0": "Q9", "period_1": "2026"}).errors["period"] == ["Chọn kỳ trong danh sách."]
        assert MonthOnly({"period_0": "Q1", "period_1": "2026"}).errors["period"] == ["Chọn kỳ trong danh sách."]
        assert AnyPeriod({"period_0": "", "period_1": ""}).errors["period"] == ["Chọn kỳ."]


def test_a_key_written_out_in_a_link_is_still_understood():
    form = MonthOnly({"period": "2026-7"})
    assert form.is_valid() and form.cleaned_data["period"] == "2026-07"
    empty = MonthOnly({})
    assert empty.is_valid() and empty.cleaned_data["period"] == ""


@pytest.mark.parametrize(
    ("kind", "today", "key"),
    [
        (Kind.MONTHLY, D(2026, 10, 5), "2026-09"),  # early in October: September's report
        (Kind.MONTHLY, D(2026, 10, 25), "2026-10"),  # October closing: October's report
        (Kind.MONTHLY, D(2026, 1, 3), "2025-12"),
        (Kind.QUARTERLY, D(2026, 8, 1), "2026-Q2"),
        (Kind.QUARTERLY, D(2026, 9, 25), "2026-Q3"),
        (Kind.HALF_YEAR, D(2026, 3, 1), "2025-H2"),
        (Kind.NINE_MONTH, D(2026, 11, 2), "2026-9M"),
        (Kind.NINE_MONTH, D(2026, 5, 2), "2025-9M"),
        (Kind.ANNUAL, D(2027, 1, 20), "2026"),
        (Kind.ANNUAL, D(2026, 12, 24), "2026"),
        (Kind.TERM_END, D(2026, 5, 1), "2025-2030"),
        (Kind.MID_TERM, D(2024, 5, 1), "2020-2025"),
    ],
)
def test_the_picker_starts_on_the_current_period_when_it_closes_soon_else_the_last_finished(kind, today, key):
    assert default_key(kind, today) == key


def test_the_picker_renders_two_labelled_selects_with_vietnamese_names_and_the_initial_period():
    with translation.override("vi"):
        html = str(AnyPeriod(initial={"period": "2026-Q3"})["period"])
    assert 'name="period_0"' in html and 'name="period_1"' in html
    assert 'aria-label="Kỳ"' in html and 'aria-label="Năm"' in html
    assert '<option value="Q3" selected>Quý III</option>' in html
    assert '<option value="10">Tháng 10</option>' in html
    assert "Nhiệm kỳ 2020 - 2025" in html and "6 tháng đầu năm" in html
    assert '<option value="2026" selected>2026</option>' in html  # a year is never grouped ("2.026")
    assert 'data-kinds="mid_term term_end"' in html


def test_a_period_key_is_named_the_way_reports_name_it():
    assert period_label("2026-10") == "tháng 10 năm 2026"
    assert period_label("2026-Q3") == "quý III năm 2026"
    assert period_label("2026-H1") == "6 tháng đầu năm 2026"
    assert period_label("2026-9M") == "9 tháng đầu năm 2026"
    assert period_label("2026") == "năm 2026"
    assert period_label("2020-2025") == "nhiệm kỳ 2020 - 2025"
    assert period_label("2020-2025", "mid_term") == "giữa nhiệm kỳ 2020 - 2025"
    assert kind_of_key("2026-10") == Kind.MONTHLY and kind_of_key("2020-2025") == "term"


def test_templates_name_a_period_with_the_period_label_filter():
    template = Template('{% load house %}{{ key|period_label }} / {{ key2|period_label:"mid_term" }}')
    text = template.render(Context({"key": "2026-10", "key2": "2020-2025"}))
    assert text == "tháng 10 năm 2026 / giữa nhiệm kỳ 2020 - 2025"
