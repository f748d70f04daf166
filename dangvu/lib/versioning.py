"""The optimistic check of edit forms: a form carries the version of the record it was opened on, and the
service refuses a save from an older version when a field the form edits was changed meanwhile.

The version is the id of the record's latest history row (django-simple-history writes one on every save
through the services), so no column and no migration is needed, and the history row of the version the form
was opened on tells what changed since (old → new). The service calls `ensure_current` on the row it has
just locked with `select_for_update`, inside its transaction, so the check and the save cannot interleave
with another writer.

django-concurrency was considered: it adds a version column to every model and checks it on every `save()`
(the services that lock and re-read, the importer and the demo seeder would all have to carry it), and it
cannot say which fields changed. The stale writer this guards against is only a form opened earlier.
"""

import datetime as dt

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.db.models.fields.files import FieldFile
from django.utils.translation import gettext as _

from dangvu.lib.dates import format_short

VERSION_FIELD = "version"


def version_of(record: models.Model | None) -> int:
    """The id of the record's latest history row; 0 for a new record or one saved without history."""
    if record is None or record.pk is None:
        return 0
    return record.history.order_by("-history_id").values_list("history_id", flat=True).first() or 0


class StaleEdit(ValidationError):
    """A refused stale save; carries the version now stored so the form can be saved again deliberately."""

    def __init__(self, message: str, *, current_version: int):
        super().__init__({NON_FIELD_ERRORS: [message]})
        self.current_version = current_version


def _comparable(value):
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, FieldFile):
        return value.name or None
    if value == "":
        return None
    return value


def _display(field: models.Field, value) -> str:
    value = _comparable(value)
    if value is None:
        return "—"
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, dt.date):
        return format_short(value)
    if field.is_relation:
        related = field.related_model._base_manager.filter(pk=value).first()
        return str(related) if related is not None else str(value)
    return str(value)


def _label(field: models.Field) -> str:
    text = str(field.verbose_name)
    return text[:1].upper() + text[1:]


def ensure_current(record: models.Model, *, version: int | None, data: dict) -> None:
    """Refuse `data` (field name → value from a form opened on `version`) when a field it holds was changed in
    `record` (the row as stored now, locked by the caller) since that version, and the form would put back
    another value. `version=None` means no check (the API and the importer send only the fields they change).
    """
    if version is None:
        return
    current = version_of(record)
    if current == version:
        return
    fields = [record._meta.get_field(name) for name in data if name != VERSION_FIELD]
    then = record.history.filter(history_id=version).first() if version else None
    if then is not None:
        now = {f.name: _comparable(f.value_from_object(record)) for f in fields}
        changed = [f for f in fields if _comparable(f.value_from_object(then)) != now[f.name]]
        conflicts = [f for f in changed if _comparable(data[f.name]) != now[f.name]]
        if not conflicts:
            return
        changes = "; ".join(
            _("%(field)s: %(old)s → %(new)s")
            % {
                "field": _label(f),
                "old": _display(f, f.value_from_object(then)),
                "new": _display(f, f.value_from_object(record)),
            }
            for f in changed
        )
        message = _(
            "Someone saved this record after you opened the form. Changed meanwhile: %(changes)s. "
            "Check the form and save again to keep your values."
        )
    else:
        # The version the form was opened on has no history row (a record written without history):
        # what changed cannot be told apart from the user's own edits, so show what is stored now.
        differ = [f for f in fields if _comparable(data[f.name]) != _comparable(f.value_from_object(record))]
        if not differ:
            return
        changes = "; ".join(
            _("%(field)s: now %(new)s") % {"field": _label(f), "new": _display(f, f.value_from_object(record))}
            for f in differ
        )
        message = _(
            "Someone saved this record after you opened the form. The values stored now: %(changes)s. "
            "Check the form and save again to keep your values."
        )
    raise StaleEdit(message % {"changes": changes}, current_version=current)


def add_version_field(form: forms.BaseForm, record: models.Model | None) -> forms.BaseForm:
    """Give `form` the hidden version of `record` (as opened); read it back with `submitted_version`."""
    form.fields[VERSION_FIELD] = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)
    if not form.is_bound:
        form.initial[VERSION_FIELD] = version_of(record)
    return form


def submitted_version(form: forms.BaseForm) -> int | None:
    """The version the form was opened on; None when the form did not carry one (then nothing is checked)."""
    return form.cleaned_data.get(VERSION_FIELD)


def renew_version(form: forms.BaseForm, error: ValidationError) -> None:
    """After a stale refusal, carry the version now stored, so that saving again keeps the user's values."""
    current = getattr(error, "current_version", None)
    if current is None or VERSION_FIELD not in form.fields:
        return
    form.data = form.data.copy()
    form.data[form.add_prefix(VERSION_FIELD)] = str(current)


class VersionedModelForm(forms.ModelForm):
    """A model form carrying the version of its instance (see `add_version_field`)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        add_version_field(self, self.instance)
