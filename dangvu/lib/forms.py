"""Form helpers shared by the apps: house-style date inputs and mapping service errors onto forms."""

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.translation import gettext_lazy as _

from dangvu.lib.versioning import renew_version


class OrganizationChoiceField(forms.ModelChoiceField):
    """An organization picked by its name and code."""

    def label_from_instance(self, obj):
        return f"{obj.name} ({obj.code})"


class OrganizationTreeChoiceField(forms.ModelChoiceField):
    """An organization picked from the tree, each level indented under its parent."""

    def label_from_instance(self, obj):
        return f"{'· ' * max(obj.depth - 1, 0)}{obj.name}"


class VnDateInput(forms.DateInput):
    """A text input that shows and accepts dates day-first (05/03/2026), as users write them."""

    def __init__(self, attrs=None):
        base = {"placeholder": _("dd/mm/yyyy"), "inputmode": "numeric", "autocomplete": "off", "class": "date"}
        super().__init__(attrs={**base, **(attrs or {})}, format="%d/%m/%Y")


class VnDateField(forms.DateField):
    widget = VnDateInput
    default_error_messages = {"invalid": _("Enter a real date as dd/mm/yyyy, e.g. 05/03/2026.")}


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
    "OrganizationChoiceField",
    "OrganizationTreeChoiceField",
    "VnDateField",
    "VnDateInput",
    "apply_service_errors",
]
