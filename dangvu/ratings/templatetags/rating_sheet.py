"""A number as the sheets show it: 91,5 (decimal comma, no trailing zeros)."""

from decimal import Decimal

from django import template

from dangvu.lib.numbers import format_decimal

register = template.Library()


@register.filter
def vn_num(value):
    if value in (None, ""):
        return ""
    text = format_decimal(Decimal(str(value)), 2)
    return text.rstrip("0").rstrip(",")
