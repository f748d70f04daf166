"""Template filters for the house style and the history tabs."""

import datetime as dt

from django import template
from django.utils.translation import gettext as _

from lib import dates, numbers

register = template.Library()


@register.filter
def vn_int(value):
    """7261 -> 7.261."""
    if value in (None, ""):
        return ""
    return numbers.format_int(int(value))


@register.filter
def vn_pct(value):
    """79.61 -> 79,61%."""
    if value in (None, ""):
        return ""
    return numbers.format_percent(value)


@register.filter
def vn_date(value):
    """A date as the examples write it in running text (25/7/2023, 04/6/2021)."""
    if not value:
        return ""
    if isinstance(value, dt.datetime):
        value = value.date()
    return dates.format_short(value)


@register.filter
def place_date(value, place=""):
    return dates.format_place_date(value, place) if value else ""


@register.simple_tag
def history_rows(records):
    """Each historical record with the fields it changed against the previous one: (record, [(field, old, new)])."""
    records = list(records)  # newest first, as the history tabs list them
    rows = []
    for index, record in enumerate(records):
        older = records[index + 1] if index + 1 < len(records) else None
        previous = older if older is not None and older.id == record.id else None
        changes = []
        if previous is not None:
            delta = record.diff_against(previous)
            for change in delta.changes:
                field = record.instance_type._meta.get_field(change.field)
                changes.append((str(field.verbose_name), _display(change.old), _display(change.new)))
        rows.append((record, changes))
    return rows


def _display(value):
    if value is None or value == "":
        return "—"
    if isinstance(value, dt.date):
        return dates.format_short(value)
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    return value
