"""The organization filter of a list at province size: a few hundred options, written without a template each.

A list's filter offers every organization of the user's scope: 3,049 at province size, a 300 KB page that
Django's select widget takes two seconds to write (one template per option). Above `FILTER_OPTIONS_LIMIT`
organizations the filter offers the levels above the cells (committees and base organizations: a base
organization's filter covers its cells) and the organization already chosen; the field's queryset, and so
what a link may ask for (a warning's `?organization=<cell>`), stays the whole scope.
"""

from django import forms
from django.db.models import Q
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from dangvu.organizations.models import OrganizationKind

FILTER_OPTIONS_LIMIT = 400
# What the organization fields' labels read (name and code, indented by depth): the rest is not fetched.
LABEL_FIELDS = ("id", "path", "depth", "kind", "name", "code", "short_name")


class QuickSelect(forms.Select):
    """A select whose options are written in Python: some microseconds an option instead of half a millisecond."""

    def render(self, name, value, attrs=None, renderer=None):
        chosen = "" if value is None else str(value)
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            ((key, " selected" if str(key) == chosen else "", label) for key, label in self.choices),
        )
        return format_html(
            "<select{}>{}</select>", flatatt(self.build_attrs(self.attrs, {**(attrs or {}), "name": name})), options
        )


def narrow_organization_filter(form: forms.Form, name: str = "organization"):
    """Offer the organizations of the filter `name` with a QuickSelect, without the cells when the scope is big."""
    field = form.fields[name]
    scope = field.queryset
    shown = scope
    attrs = dict(field.widget.attrs)
    if scope.count() > FILTER_OPTIONS_LIMIT:
        chosen = form.data.get(form.add_prefix(name)) if form.is_bound else None
        keep = ~Q(kind=OrganizationKind.CELL)
        if chosen and str(chosen).isdigit() and len(str(chosen)) < 10:
            keep |= Q(pk=int(chosen))
        shown = scope.filter(keep)
        attrs["title"] = _("Cells are not listed: choose their base organization, whose filter covers its cells.")
    empty = [("", field.empty_label)] if field.empty_label is not None else []
    widget = QuickSelect(attrs=attrs)
    widget.choices = empty + [(org.pk, field.label_from_instance(org)) for org in shown.only(*LABEL_FIELDS)]
    widget.is_required = field.widget.is_required
    field.widget = widget
