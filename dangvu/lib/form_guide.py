"""Guided forms: sections, required markers, fields shown for one choice only, and the error summary.

A form declares what it needs as class attributes, all optional (`includes/form.html` reads them):

    sections = ((_("Identity"), ("full_name", "sex")), (_("Contact"), ("phone",)))
        fieldsets in this order, each with its legend; visible fields in no section follow, untitled.
    shown_when = {"ceremony_on": ("join", ("admitted",))}
        the field is shown only while the field `join` has one of these values (a small script hides it in the
        browser; without the script every field shows). `clean_shown` then ignores what was typed into it.
    required_when_shown = ("external_place",)
        the field is required whenever it is shown, marked like a required field; `clean_shown` checks it.
    label_when = {"on": ("join", {"admitted": _("Admission date"), "transferred_in": _("Arrival date")})}
        the label the field takes for each value of `join` in the browser (its own label covers every case).
"""

import json
from dataclasses import dataclass

from django import forms
from django.forms.boundfield import BoundField
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Row:
    field: BoundField
    required: bool
    controller: str = ""  # the field whose value decides whether this one shows
    values: str = ""  # the values (space-separated) for which it shows
    label_controller: str = ""  # the field whose value picks this one's label
    labels: str = ""  # JSON: the label for each of its values


@dataclass(frozen=True)
class Section:
    title: str
    number: int
    rows: list[Row]


@dataclass(frozen=True)
class ErrorLink:
    message: str
    label: str = ""
    target: str = ""  # the id of the element to focus; empty for an error of the whole form


def is_required(form, name: str) -> bool:
    return form.fields[name].required or name in getattr(form, "required_when_shown", ())


def _row(form, bound: BoundField) -> Row:
    controller, values = getattr(form, "shown_when", {}).get(bound.name, ("", ()))
    if controller not in form.fields:  # the choice is not on this form (an edit form that drops it): always shown
        controller, values = "", ()
    label_controller, labels = getattr(form, "label_when", {}).get(bound.name, ("", {}))
    if label_controller not in form.fields:
        label_controller, labels = "", {}
    return Row(
        field=bound,
        required=is_required(form, bound.name),
        controller=controller,
        values=" ".join(map(str, values)),
        label_controller=label_controller,
        labels=json.dumps({str(value): str(label) for value, label in labels.items()}, ensure_ascii=False),
    )


def layout(form) -> list[Section]:
    """The visible fields grouped in the form's sections (one untitled group when it declares none)."""
    visible = {bound.name: bound for bound in form.visible_fields()}
    sections, placed = [], set()
    for title, names in getattr(form, "sections", ()):
        rows = [_row(form, visible[name]) for name in names if name in visible]
        placed.update(names)
        if rows:
            sections.append(Section(title=str(title), number=len(sections) + 1, rows=rows))
    rest = [_row(form, bound) for name, bound in visible.items() if name not in placed]
    if rest:
        sections.append(Section(title="", number=len(sections) + 1, rows=rest))
    return sections


def current_label(form, name: str) -> str:
    """The field's label for the value its `label_when` choice has now (submitted, or initial), else its own."""
    label = form[name].label
    controller, labels = getattr(form, "label_when", {}).get(name, ("", {}))
    if controller in form.fields:
        label = {str(value): text for value, text in labels.items()}.get(str(form[controller].value()), label)
    return str(label)


def error_target(bound: BoundField) -> str:
    """The id a link to the field's error focuses: its input, the first of a group of radios or boxes."""
    if bound.id_for_label:
        return bound.id_for_label
    if bound.auto_id and isinstance(bound.field.widget, forms.widgets.ChoiceWidget):
        return f"{bound.auto_id}_0"
    return f"field-{bound.name}"


def error_links(form) -> list[ErrorLink]:
    """Every error of the form in the order the page shows the fields; those of the whole form first."""
    if not form.is_bound or not form.errors:
        return []
    links = [ErrorLink(message=str(message)) for message in form.non_field_errors()]
    for bound in form.hidden_fields():  # e.g. "changed since you opened it": nothing on the page to point at
        links += [ErrorLink(message=str(message)) for message in bound.errors]
    for section in layout(form):
        for row in section.rows:
            bound = row.field
            links += [
                ErrorLink(message=str(message), label=current_label(form, bound.name), target=error_target(bound))
                for message in bound.errors
            ]
    return links


def label_with_marker(row: Row):
    """The field's label, with a "*" (read out as "required") when the field must be filled in."""
    tag = str(row.field.label_tag(contents=current_label(row.field.form, row.field.name)))
    if not row.required:
        return mark_safe(tag)  # noqa: S308 - Django's own rendering of the label
    marker = format_html(
        '<span class="required-mark" aria-hidden="true">*</span><span class="visually-hidden"> ({})</span>',
        _("required"),
    )
    return mark_safe(tag.removesuffix("</label>") + " " + marker + "</label>")  # noqa: S308 - escaped above


def _shown(form, name: str, data: dict) -> bool:
    controller, values = getattr(form, "shown_when", {}).get(name, (None, ()))
    if controller not in form.fields:
        return True
    return str(data.get(controller, form.data.get(controller, ""))) in {str(v) for v in values}


def clean_shown(form, data: dict, *, required_message=None) -> dict:
    """For a form's `clean()`: forget the fields the chosen option hides (their values and errors) and require
    those that must be filled in when shown (with `required_message`, or Django's "This field is required.")."""
    for name in getattr(form, "shown_when", {}):
        if name in form.fields and not _shown(form, name, data):
            data.pop(name, None)
            form.errors.pop(name, None)
    for name in getattr(form, "required_when_shown", ()):
        missing = data.get(name) in (None, "") and name not in form.errors
        if missing and name in form.fields and _shown(form, name, data):
            form.add_error(name, required_message or forms.Field.default_error_messages["required"])
    return data
