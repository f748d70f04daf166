"""Form helpers shared by the apps: house-style date inputs, searched choices and mapping service errors onto forms."""

import datetime as dt
import re

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from dangvu.lib import lookup
from dangvu.lib.versioning import renew_version


class OrganizationChoiceField(forms.ModelChoiceField):
    """An organization picked by its name and code."""

    def label_from_instance(self, obj):
        return f"{obj.name} ({obj.code})"


class OrganizationTreeChoiceField(forms.ModelChoiceField):
    """An organization picked from the tree, each level indented under its parent."""

    def label_from_instance(self, obj):
        return f"{'· ' * max(obj.depth - 1, 0)}{obj.name}"


class SearchText(str):
    """What was typed in a search box when no choice was picked (no script, or typed and sent at once)."""


class SearchChoiceInput(forms.Widget):
    """A search box that lists matches as the user types (htmx, `lib.lookup`) and keeps the chosen pk in a hidden
    input. Without a script the typed text is sent and the field picks the one match, or lists the matches to pick
    from (`SearchChoiceField.to_python`)."""

    template_name = "includes/search_choice.html"

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.field = None  # the field it belongs to (set by the field, for the chosen record and the matches)
        self.choices = ()  # set by ModelChoiceField, never listed: the point is not to render every option

    def render(self, name, value, attrs=None, renderer=None):
        # The project's templates (templates/includes), not the form renderer's own directories.
        return mark_safe(render_to_string(self.template_name, self.get_context(name, value, attrs)))

    def value_from_datadict(self, data, files, name):
        picked = [value for value in (data.getlist(name) if hasattr(data, "getlist") else [data.get(name)]) if value]
        if picked:
            return picked[-1]
        text = (data.get(f"{name}_q") or "").strip()
        return SearchText(text) if text else None

    def value_omitted_from_data(self, data, files, name):
        return name not in data and f"{name}_q" not in data

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        field = self.field
        chosen = field.chosen(value) if field is not None and not isinstance(value, SearchText) else None
        kind = field.kind if field is not None else "members"
        context["widget"].update(
            {
                "kind": kind,
                "pk": chosen["pk"] if chosen else "",
                "text": value if isinstance(value, SearchText) else (chosen["label"] if chosen else ""),
                "detail": chosen["detail"] if chosen else "",
                "url": reverse("lookup:search", args=[kind]),
                "narrowing": field.narrowing() if field is not None else "",
                "matches": field.matches if field is not None else [],
                "min_chars": lookup.MIN_CHARS,
            }
        )
        return context


class SearchChoiceField(forms.ModelChoiceField):
    """A record chosen by searching (members, organizations): for choices that can run to thousands of options.

    The form sets its scoped `queryset` in `__init__` as for any ModelChoiceField; the submitted pk is validated
    against it (a pk outside it gets the usual "not one of the available choices"). `where`/`exclude` (lookups on
    the model) narrow what the search offers as the user types to what the queryset holds beyond the user's scope.
    """

    kind = ""
    widget = SearchChoiceInput
    default_error_messages = {
        "no_match": _("Nothing matches “%(text)s”; type another part of the name."),
        "several": _("%(count)s match “%(text)s”: pick one below or type more of the name."),
    }

    def __init__(self, queryset, *, where=None, exclude=None, **kwargs):
        super().__init__(queryset, **kwargs)
        self.where, self.exclude = where or {}, exclude or {}
        self.matches = []
        self.widget.field = self

    def __deepcopy__(self, memo):
        result = super().__deepcopy__(memo)
        result.widget.field = result
        result.where, result.exclude, result.matches = dict(self.where), dict(self.exclude), []
        return result

    def label_from_instance(self, obj):
        return lookup.KINDS[self.kind].label(obj)

    def narrowing(self) -> str:
        return lookup.narrowing_token(self.where, self.exclude)

    def chosen(self, value) -> dict | None:
        """The record a submitted or initial value names, as the field shows it, or None."""
        if value in self.empty_values:
            return None
        pk = value.pk if isinstance(value, self.queryset.model) else value
        try:
            record = self.queryset.filter(pk=pk).first()
        except (ValueError, TypeError, ValidationError):
            return None
        return lookup.options(self.kind, [record])[0] if record is not None else None

    def to_python(self, value):
        if not isinstance(value, SearchText):
            return super().to_python(value)
        found = lookup.search(self.queryset, self.kind, value, limit=lookup.LIMIT + 1)
        if len(found) == 1:
            return found[0]
        if not found:
            raise ValidationError(self.error_messages["no_match"], code="no_match", params={"text": value})
        self.matches = lookup.options(self.kind, found[: lookup.LIMIT])
        count = f"{lookup.LIMIT}+" if len(found) > lookup.LIMIT else len(found)
        raise ValidationError(self.error_messages["several"], code="several", params={"text": value, "count": count})


class MemberSearchField(SearchChoiceField):
    """A member chosen by name (accent-insensitive), party card or national ID number; shown with their cell."""

    kind = "members"


class OrganizationSearchField(SearchChoiceField):
    """An organization chosen by name or code (accent-insensitive); shown with the organization above it."""

    kind = "organizations"


class SearchChoicesInput(SearchChoiceInput):
    """Several records picked by searching: each one picked is a ticked box above the search box (untick to drop
    it). Without a script the typed text adds its one match, or lists the matches to tick."""

    template_name = "includes/search_choices.html"

    def value_from_datadict(self, data, files, name):
        picked = [v for v in (data.getlist(name) if hasattr(data, "getlist") else data.get(name) or []) if v]
        text = (data.get(f"{name}_q") or "").strip()
        return picked + ([SearchText(text)] if text else [])

    def get_context(self, name, value, attrs):
        context = super().get_context(name, None, attrs)
        values = [v for v in (value or []) if not isinstance(v, SearchText)]
        typed = next((v for v in (value or []) if isinstance(v, SearchText)), "")
        context["widget"].update({"picked": self.field.chosen_many(values) if self.field else [], "text": typed})
        return context


class SearchChoicesField(forms.ModelMultipleChoiceField):
    """Several records chosen by searching (`SearchChoiceField` for a list of them): the pks sent are validated
    against the form's scoped queryset."""

    kind = ""
    widget = SearchChoicesInput
    default_error_messages = SearchChoiceField.default_error_messages

    def __init__(self, queryset, *, where=None, exclude=None, **kwargs):
        super().__init__(queryset, **kwargs)
        self.where, self.exclude = where or {}, exclude or {}
        self.matches = []
        self.widget.field = self

    def __deepcopy__(self, memo):
        result = super().__deepcopy__(memo)
        result.widget.field = result
        result.where, result.exclude, result.matches = dict(self.where), dict(self.exclude), []
        return result

    narrowing = SearchChoiceField.narrowing

    def label_from_instance(self, obj):
        return lookup.KINDS[self.kind].label(obj)

    def chosen(self, value) -> None:
        return None  # the picked ones are listed by `chosen_many`

    def chosen_many(self, values) -> list[dict]:
        pks = [v.pk if isinstance(v, self.queryset.model) else v for v in values]
        pks = [pk for pk in pks if str(pk).isdigit() and len(str(pk)) < 12]
        return lookup.options(self.kind, list(self.queryset.filter(pk__in=pks))) if pks else []

    def clean(self, value):
        value = list(value or [])
        typed = [v for v in value if isinstance(v, SearchText)]
        pks = [v for v in value if not isinstance(v, SearchText)]
        for text in typed:
            found = lookup.search(self.queryset, self.kind, text, limit=lookup.LIMIT + 1)
            if len(found) == 1:
                pks.append(str(found[0].pk))
            elif not found:
                raise ValidationError(self.error_messages["no_match"], code="no_match", params={"text": text})
            elif not {str(record.pk) for record in found} & {str(pk) for pk in pks}:  # else: ticked from the list
                self.matches = lookup.options(self.kind, found[: lookup.LIMIT])
                count = f"{lookup.LIMIT}+" if len(found) > lookup.LIMIT else len(found)
                raise ValidationError(
                    self.error_messages["several"], code="several", params={"text": text, "count": count}
                )
        return super().clean(list(dict.fromkeys(pks)))


class OrganizationsSearchField(SearchChoicesField):
    """Organizations chosen by name or code, one after another (accent-insensitive)."""

    kind = "organizations"


class VnDateInput(forms.DateInput):
    """A text input that shows and accepts dates day-first (05/03/2026), as users write them."""

    def __init__(self, attrs=None):
        base = {"placeholder": _("dd/mm/yyyy"), "inputmode": "numeric", "autocomplete": "off", "class": "date"}
        super().__init__(attrs={**base, **(attrs or {})}, format="%d/%m/%Y")


class VnDateField(forms.DateField):
    widget = VnDateInput
    default_error_messages = {"invalid": _("Enter a real date as dd/mm/yyyy, e.g. 05/03/2026.")}


_MONTH = re.compile(r"^\s*(?:(\d{4})-(\d{1,2})|(\d{1,2})/(\d{4}))\s*$")


def parse_month(text: str) -> dt.date | None:
    """ "2026-03" (a month input) or "03/2026" (as written) -> 2026-03-01; None for anything else."""
    found = _MONTH.match(text or "")
    if not found:
        return None
    year, month = (found[1], found[2]) if found[1] else (found[4], found[3])
    try:
        return dt.date(int(year), int(month), 1)
    except ValueError:
        return None


class MonthField(forms.CharField):
    """A month, picked with the browser's month picker (it sends 2026-03); typed 03/2026 is accepted too (and a
    link's month=10/2026). Cleans to the month's first day."""

    widget = forms.TextInput(attrs={"type": "month", "placeholder": "mm/yyyy"})
    default_error_messages = {"invalid": _("Enter a month as mm/yyyy, e.g. 03/2026.")}

    def prepare_value(self, value):
        return value.strftime("%Y-%m") if isinstance(value, dt.date) else value

    def bound_data(self, data, initial):
        # A typed or linked 03/2026 is shown back as 2026-03: the only value a month picker can show.
        return parse_month(str(data or "")[:20]) or data

    def to_python(self, value):
        text = super().to_python(value)
        if text in self.empty_values:
            return None
        month = parse_month(text[:20])
        if month is None or not 2000 <= month.year <= 2100:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return month


def apply_service_errors(form: forms.Form, error: ValidationError) -> None:
    """Show a service's refusal beside the field it names, or above the form when the form has no such field."""
    renew_version(form, error)
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            for item in errors:
                message = " ".join(item.messages)
                form.add_error(field if field in form.fields else None, message)
    else:
        for message in error.messages:
            form.add_error(None, message)


__all__ = [
    "NON_FIELD_ERRORS",
    "MonthField",
    "MemberSearchField",
    "OrganizationSearchField",
    "OrganizationChoiceField",
    "OrganizationTreeChoiceField",
    "OrganizationsSearchField",
    "VnDateField",
    "VnDateInput",
    "apply_service_errors",
    "parse_month",
]
