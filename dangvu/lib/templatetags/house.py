"""Template filters for the house style and the history tabs."""

import datetime as dt

from django import template
from django.utils.translation import gettext as _

from dangvu.lib import dates, numbers

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


@register.simple_tag(takes_context=True)
def history_rows(context, records):
    """Each historical record with the fields it changed against the previous one: (record, [(field, old, new)]).

    Sensitive fields (accounts.services.SENSITIVE_FIELDS) are shown only to users allowed to see them, and
    showing them is logged (one row per history tab shown); the others see that the field changed, not its values.
    """
    from dangvu.accounts.models import Purpose
    from dangvu.accounts.services import is_own_record, sensitive_access_log, sensitive_fields, shows_sensitive

    request = context.get("request")
    user = getattr(request, "user", None) or context.get("user")
    records = list(records)  # newest first, as the history tabs list them
    rows = []
    shown = {}  # object id -> (an instance of it, sensitive fields shown)
    for index, record in enumerate(records):
        older = records[index + 1] if index + 1 < len(records) else None
        previous = older if older is not None and older.id == record.id else None
        changes = []
        if previous is not None:
            hidden = sensitive_fields(record)
            delta = record.diff_against(previous)
            for change in delta.changes:
                field = record.instance_type._meta.get_field(change.field)
                old, new = _display(change.old), _display(change.new)
                if change.field in hidden:
                    instance = record.instance
                    if shows_sensitive(user, instance):
                        if not is_own_record(user, instance):
                            shown.setdefault(record.id, (instance, set()))[1].add(change.field)
                    else:
                        old = new = _("(hidden)")
                changes.append((str(field.verbose_name), old, new))
        rows.append((record, changes))
    for instance, fields in shown.values():
        kind = instance._meta.label_lower
        sensitive_access_log(
            user=user,
            purpose=Purpose.HISTORY,
            fields=fields,
            member=instance if kind == "members.member" else None,
            candidate=instance if kind == "candidates.candidate" else None,
        )
    return rows


def _display(value):
    if value is None or value == "":
        return "—"
    if isinstance(value, dt.date):
        return dates.format_short(value)
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    return value


@register.simple_tag
def page_links(page):
    """The pager's page numbers: the first and last, the current one with two on each side, gaps as None."""
    if page is None or not page.has_other_pages():
        return []
    elided = page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
    return [None if number == page.paginator.ELLIPSIS else number for number in elided]


@register.filter
def period_label(key, kind=None):
    """A period key as users read it: {{ "2026-10"|period_label }} -> "tháng 10 năm 2026"; the report kind as
    the argument tells a mid-term period from a term ("giữa nhiệm kỳ 2020 - 2025")."""
    from dangvu.lib.period_picker import period_label as label

    return label(str(key or ""), kind or None)
