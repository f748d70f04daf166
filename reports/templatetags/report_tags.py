"""Filters for report sentence templates: counts and numbers in the house style."""

from decimal import Decimal

from django import template

from lib import numbers

register = template.Library()


@register.filter
def count(value):
    """A count in prose: 07, 11, 1.967."""
    return numbers.format_count(int(value or 0))


@register.filter
def num(value):
    """A number: 7.261."""
    return numbers.format_int(int(value or 0))


@register.filter
def pct(value):
    """A rate: 79,61 (the sentence writes the % sign)."""
    return numbers.format_decimal(Decimal(value or 0))
