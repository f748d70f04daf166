"""Decimal commas in number fields: "91,5" is 91.5 whatever the browser's locale or the active language."""

from decimal import Decimal

import pytest
from django import forms
from django.utils import translation

from dangvu.lib.number_input import AcceptsDecimalComma, VnDecimalField, parse_decimal


@pytest.mark.parametrize(
    ("typed", "number"),
    [
        ("91,5", "91.5"),
        ("91.5", "91.5"),
        ("1.234,5", "1234.5"),
        ("1 234,5", "1234.5"),
        ("1.234", "1234"),
        ("-3,25", "-3.25"),
        ("100", "100"),
    ],
)
def test_a_number_typed_the_vietnamese_way_is_read_as_meant(typed, number):
    assert parse_decimal(typed) == Decimal(number)


@pytest.mark.parametrize("typed", ["abc", "1,2,3", "12.34.5", "9,1.5", ","])
def test_what_is_not_a_number_is_refused(typed):
    with pytest.raises(ValueError):
        parse_decimal(typed)


class Plain(forms.Form):
    score = forms.DecimalField(max_digits=5, decimal_places=2, max_value=100)
    months = forms.IntegerField(required=False)


class Fixed(AcceptsDecimalComma, Plain):
    pass


def test_the_plain_field_refuses_a_decimal_comma_which_is_the_defect():
    assert not Plain({"score": "91,5"}).is_valid()


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_mixin_reads_a_decimal_comma_in_any_language_and_keeps_the_bounds(language):
    with translation.override(language):
        form = Fixed({"score": "91,5", "months": "3"})
        assert form.is_valid() and form.cleaned_data == {"score": Decimal("91.5"), "months": 3}
        assert not Fixed({"score": "100,5"}).is_valid()
        assert "score" in Fixed({"score": "chín mốt"}).errors


def test_the_input_is_text_with_a_decimal_keypad_showing_a_comma():
    html = str(Fixed(initial={"score": Decimal("91.50")})["score"])
    assert 'type="text"' in html and 'inputmode="decimal"' in html and 'value="91,5"' in html
    assert "step" not in html


def test_a_declared_field_reads_commas_too():
    class Form(forms.Form):
        share = VnDecimalField(max_digits=5, decimal_places=2)

    form = Form({"share": "35,5"})
    assert form.is_valid() and form.cleaned_data["share"] == Decimal("35.5")
