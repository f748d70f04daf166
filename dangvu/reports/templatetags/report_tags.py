"""Filters for report sentence templates: counts and numbers in the house style."""

from decimal import Decimal, InvalidOperation

from django import template
from django.utils.translation import gettext as _

from dangvu.lib import numbers

register = template.Library()


def _number(value, name: str) -> Decimal:
    """The figure as a number; anything else (a name, a group of figures) says which filter it reached."""
    if value in (None, ""):
        return Decimal(0)
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        number = None
    if number is None or not number.is_finite() or isinstance(value, bool):
        raise ValueError(
            _("the filter “%(filter)s” needs a number, not “%(value)s”") % {"filter": name, "value": str(value)[:60]}
        )
    return number


@register.filter
def count(value):
    """A count in prose: 07, 11, 1.967."""
    return numbers.format_count(int(_number(value, "count")))


@register.filter
def num(value):
    """A number: 7.261."""
    return numbers.format_int(int(_number(value, "num")))


@register.filter
def pct(value):
    """A rate: 79,61 (the sentence writes the % sign)."""
    return numbers.format_decimal(_number(value, "pct"))
