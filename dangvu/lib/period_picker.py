"""A period picked, not typed: month, quarter, half-year, nine months, year or congress term.

`PeriodField(kinds=(...))` shows two selects, the part of the year ("tháng 10", "quý III", "6 tháng đầu năm",
"9 tháng đầu năm", "cả năm" or a term "nhiệm kỳ 2020 - 2025") and the year, and cleans to the period key the
code already uses ("2026-10", "2026-Q3", "2026-H1", "2026-9M", "2026", "2020-2025"); `reports.periods` stays
the one parser. It starts on the period a clerk most likely means (`default_key`). With several kinds and a
`kind_field` (the report kind beside it), a small script shows only the parts of the chosen kind; without
JavaScript every part shows and the form checks that kind and period fit (`check_fits`).
"""

import datetime as dt
import json

from django import forms
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from dangvu.reports.periods import ROMAN, Kind, PeriodError, parse_period

TERM = "term"  # the picker's kind for both term reports (mid-term and term-end share their "2020-2025" key)
PICKER_KINDS = (Kind.MONTHLY, Kind.QUARTERLY, Kind.HALF_YEAR, Kind.NINE_MONTH, Kind.ANNUAL, TERM)
TERM_YEARS = 5  # party congress terms run five years (2020-2025, 2025-2030)
DUE_SOON_DAYS = 10  # a period ending this close is the one being reported on, not the one before
YEARS_BACK = 10


def picker_kind(kind: str) -> str:
    return TERM if kind in (Kind.MID_TERM, Kind.TERM_END, TERM) else kind


def kind_of_key(key: str) -> str:
    """The picker kind a period key belongs to, judged by its shape ("2026-Q3" -> quarterly)."""
    key = (key or "").strip().upper()
    if "-Q" in key:
        return Kind.QUARTERLY
    if "-H" in key:
        return Kind.HALF_YEAR
    if key.endswith("-9M"):
        return Kind.NINE_MONTH
    first, _sep, rest = key.partition("-")
    if not rest:
        return Kind.ANNUAL
    return TERM if len(rest) == 4 else Kind.MONTHLY


def period_label(key: str, kind: str | None = None) -> str:
    """What users read for a period key: "tháng 10 năm 2026"; the key itself when it names no period."""
    kind = kind or kind_of_key(key)
    try:
        return parse_period(Kind.TERM_END if kind == TERM else kind, key or "").label
    except PeriodError:
        return key or ""


def _term_of(year: int) -> tuple[int, int]:
    first = 2020 + (year - 2020) // TERM_YEARS * TERM_YEARS
    return first, first + TERM_YEARS


def default_key(kind: str, today: dt.date | None = None) -> str:
    """The period a clerk most likely means today: the current one when it ends within DUE_SOON_DAYS (a report
    is written as its period closes), otherwise the last finished one; the current term for term reports."""
    today = today or timezone.localdate()
    kind = picker_kind(kind)
    if kind == TERM:
        first, last = _term_of(today.year)
        return f"{first}-{last}"
    candidates = {
        Kind.MONTHLY: lambda y, n: f"{y}-{n:02d}",
        Kind.QUARTERLY: lambda y, n: f"{y}-Q{(n - 1) // 3 + 1}",
        Kind.HALF_YEAR: lambda y, n: f"{y}-H{1 if n <= 6 else 2}",
        Kind.NINE_MONTH: lambda y, n: f"{y}-9M",
        Kind.ANNUAL: lambda y, n: f"{y}",
    }[kind]
    current = parse_period(kind, candidates(today.year, today.month))
    if kind == Kind.NINE_MONTH and today > current.end:
        return current.key  # October to December: this year's nine months are over
    if (current.end - today).days < DUE_SOON_DAYS:
        return current.key
    before = current.start - dt.timedelta(days=1)
    if kind == Kind.NINE_MONTH:
        before = dt.date(today.year - 1, 12, 31)
    return parse_period(kind, candidates(before.year, before.month)).key


# --- The parts of the year, as the first select offers them -------------------------------------------------


def _groups(kinds, today: dt.date) -> list[dict]:
    """The part select's option groups, one per picker kind: (value, label)."""
    groups = []
    for kind in kinds:
        if kind == Kind.MONTHLY:
            options = [(f"{m:02d}", _("Month %(month)d") % {"month": m}) for m in range(1, 13)]
            label = _("Months")
        elif kind == Kind.QUARTERLY:
            options = [(f"Q{q}", _("Quarter %(roman)s") % {"roman": ROMAN[q]}) for q in range(1, 5)]
            label = _("Quarters")
        elif kind == Kind.HALF_YEAR:
            options = [("H1", _("First six months")), ("H2", _("Last six months"))]
            label = _("Half-years")
        elif kind == Kind.NINE_MONTH:
            options = [("9M", _("First nine months"))]
            label = _("Nine months")
        elif kind == Kind.ANNUAL:
            options = [("Y", _("Whole year"))]
            label = _("Year")
        else:
            now_first, _now_last = _term_of(today.year)
            names = _("Term %(first)s - %(last)s")
            options = [
                (f"T{first}-{first + TERM_YEARS}", names % {"first": first, "last": first + TERM_YEARS})
                for first in range(now_first - 2 * TERM_YEARS, now_first + TERM_YEARS + 1, TERM_YEARS)
            ]
            label = _("Terms")
        report_kinds = f"{Kind.MID_TERM} {Kind.TERM_END}" if kind == TERM else kind
        groups.append({"kind": kind, "report_kinds": report_kinds, "label": label, "options": options})
    return groups


def split_key(key: str) -> tuple[str, str]:
    """A period key as the picker's (part, year)."""
    key = (key or "").strip().upper()
    kind = kind_of_key(key)
    if kind == TERM:
        return f"T{key}", ""
    if kind == Kind.ANNUAL:
        return "Y", key
    year, _sep, part = key.partition("-")
    if kind == Kind.MONTHLY and part.isdigit():
        part = f"{int(part):02d}"
    return part, year


def join_parts(part: str, year: str) -> str:
    """The picker's (part, year) as a period key; "" when the year is missing."""
    if part.startswith("T"):
        return part[1:]
    if not year:
        return ""
    return year if part == "Y" else f"{year}-{part}"


class PeriodWidget(forms.MultiWidget):
    """The part of the year and the year, two selects (names `<name>_0`, `<name>_1`)."""

    template = "includes/period_picker.html"

    def __init__(self, kinds=PICKER_KINDS, kind_field: str | None = None, attrs=None):
        self.kinds = tuple(picker_kind(k) for k in kinds)
        self.kind_field = kind_field
        super().__init__([forms.Select, forms.Select], attrs)

    def value_from_datadict(self, data, files, name):
        if f"{name}_0" not in data and data.get(name):
            return list(split_key(data[name]))  # a key written out (a link, a script): "?period=2026-10"
        return super().value_from_datadict(data, files, name)

    def value_omitted_from_data(self, data, files, name):
        return name not in data and super().value_omitted_from_data(data, files, name)

    def decompress(self, value):
        return list(split_key(value)) if value else ["", ""]

    def render(self, name, value, attrs=None, renderer=None):
        today = timezone.localdate()
        if not isinstance(value, list):
            value = self.decompress(value)
        part, year = (value + ["", ""])[:2]
        final = self.build_attrs(self.attrs, attrs)
        years = [str(y) for y in range(today.year + 1, today.year - YEARS_BACK - 1, -1)]
        if year and year not in years:
            years.append(str(year))  # an older period still shows as it is
        defaults = {k: split_key(default_key(k, today)) for k in (*self.kinds, Kind.MID_TERM, Kind.TERM_END)}
        context = {
            "name": name,
            "id": final.get("id", f"id_{name}"),
            "part": str(part or ""),
            "year": str(year or ""),
            "groups": _groups(self.kinds, today),
            "years": years,
            "kind_field": self.kind_field or "",
            "defaults": json.dumps({k: list(v) for k, v in defaults.items() if picker_kind(k) in self.kinds}),
            "required": final.get("required", False),
        }
        return mark_safe(render_to_string(self.template, context))  # noqa: S308 - the template escapes


class PeriodField(forms.MultiValueField):
    """A period of one of `kinds` (reports.periods.Kind values; mid-term and term-end both mean a term),
    cleaned to its key. Starts on `default_key` of the first kind unless the form gives an initial value."""

    default_error_messages = {
        "invalid": gettext_lazy("Choose a period from the list."),
        "no_year": gettext_lazy("Choose the year of the period."),
        "required": gettext_lazy("Choose the period."),
    }

    def __init__(self, *, kinds=PICKER_KINDS, kind_field: str | None = None, **kwargs):
        self.kinds = tuple(dict.fromkeys(picker_kind(k) for k in kinds))
        fields = (forms.CharField(required=False), forms.CharField(required=False))
        kwargs.setdefault("initial", lambda: default_key(self.kinds[0]))
        kwargs.setdefault("widget", PeriodWidget(kinds=self.kinds, kind_field=kind_field))
        super().__init__(fields, require_all_fields=False, **kwargs)

    def compress(self, data_list):
        part, year = (list(data_list) + ["", ""])[:2]
        part, year = (part or "").strip().upper(), (year or "").strip()
        if not part:
            if self.required:
                raise ValidationError(self.error_messages["required"], code="required")
            return ""
        key = join_parts(part, year)
        if not key:
            raise ValidationError(self.error_messages["no_year"], code="no_year")
        kind = kind_of_key(key)
        if kind not in self.kinds:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        try:
            return parse_period(Kind.TERM_END if kind == TERM else kind, key).key
        except PeriodError:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None


def check_fits(form: forms.Form, *, kind_field: str, period_field: str) -> None:
    """Beside the period: a period that does not fit the report kind chosen (a quarter for a monthly report)."""
    kind, key = form.cleaned_data.get(kind_field), form.cleaned_data.get(period_field)
    if not kind or not key:
        return
    try:
        parse_period(kind, key)
    except PeriodError:
        form.add_error(
            period_field,
            _("%(period)s does not fit a report of this kind; choose a period of its kind.")
            % {"period": _capitalised(period_label(key))},
        )


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]
