"""Numbers typed the Vietnamese way: "91,5" is 91.5, "1.234,5" is 1234.5 — in every number field.

Why "91,5" became 915: the model fields' form fields render as `<input type="number">`, and the browser reads
what is typed there with ITS locale (an English browser takes "," for a thousands separator and sends "915");
Django's non-localized fields then refuse "91,5" outright. Django's own `localize=True` depends on the active
language's formats. These fields parse in the house style (decimal comma, dot for thousands) whatever the
browser or the active language, and render a text input with a decimal keypad on phones.

Adopt it in a form with the mixin (turns every DecimalField/FloatField/IntegerField of the form, model-form
fields included):

    class MyForm(AcceptsDecimalComma, forms.ModelForm): ...

or declare a field directly: `score = VnDecimalField(max_digits=5, decimal_places=2)`.
"""

import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.utils.translation import gettext_lazy as _

from dangvu.lib.numbers import format_decimal

_SPACES = re.compile(r"[\s\u00a0\u202f']")


def parse_decimal(text: str) -> Decimal:
    """ "91,5" / "91.5" / "1.234,5" / "1 234,5" / "1.234" -> Decimal; raises ValueError for anything else.

    A comma is the decimal separator (dots and spaces before it group thousands). Without a comma, one dot
    followed by other than exactly three digits is a decimal point ("91.5", what a phone's keypad may send);
    otherwise dots group thousands ("1.234", "1.234.567")."""
    value = _SPACES.sub("", str(text)).replace("−", "-")
    if value.count(",") > 1:
        raise ValueError(text)
    if "," in value:
        whole, fraction = value.split(",")
        if "." in fraction:
            raise ValueError(text)
        value = f"{_ungrouped(whole)}.{fraction}"
    elif value.count(".") == 1 and len(value.split(".")[1]) != 3:
        pass
    else:
        value = _ungrouped(value)
    if not re.fullmatch(r"[-+]?(\d+(\.\d*)?|\.\d+)", value):
        raise ValueError(text)
    try:
        return Decimal(value)
    except InvalidOperation as error:  # pragma: no cover - the pattern above lets only numbers through
        raise ValueError(text) from error


def _ungrouped(value: str) -> str:
    if "." not in value:
        return value
    sign = value[0] if value[:1] in "+-" else ""
    groups = value[len(sign) :].split(".")
    if not groups[0] or len(groups[0]) > 3 or any(len(g) != 3 for g in groups[1:]):
        raise ValueError(value)
    return sign + "".join(groups)


class DecimalInput(forms.TextInput):
    """A text input for a number: a decimal keypad on phones, the value shown with a decimal comma."""

    def __init__(self, attrs=None, places: int | None = None):
        super().__init__(attrs={"inputmode": "decimal", "autocomplete": "off", **(attrs or {})})
        self.places = places

    def format_value(self, value):
        if value in (None, ""):
            return None
        if isinstance(value, str):
            return value  # what was typed, shown back as typed
        number = Decimal(str(value))
        places = self.places if self.places is not None else max(0, -number.normalize().as_tuple().exponent)
        text = format_decimal(number, places)
        return text.rstrip("0").rstrip(",") if "," in text else text


class _CommaParsing:
    """`to_python` that reads the house style first, then leaves the bounds and digits to Django's field."""

    default_error_messages = {"invalid": _("Enter a number, e.g. 91,5.")}

    def to_python(self, value):
        if isinstance(value, str) and value.strip():
            try:
                value = str(parse_decimal(value))
            except ValueError:
                raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None
        return super().to_python(value)


class VnDecimalField(_CommaParsing, forms.DecimalField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", DecimalInput(places=kwargs.get("decimal_places")))
        super().__init__(*args, **kwargs)

    def widget_attrs(self, widget):
        return {}  # no step/min/max: they belong to <input type="number">


class VnFloatField(_CommaParsing, forms.FloatField):
    widget = DecimalInput

    def widget_attrs(self, widget):
        return {}


class VnIntegerField(_CommaParsing, forms.IntegerField):
    """A whole number; "1.234" is 1234. A decimal fraction is refused by Django's own check."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}))
        super().__init__(*args, **kwargs)

    def widget_attrs(self, widget):
        return {}


_REPLACEMENTS = (
    (forms.DecimalField, VnDecimalField),
    (forms.FloatField, VnFloatField),
    (forms.IntegerField, VnIntegerField),
)


def accepting_decimal_comma(field: forms.Field) -> forms.Field:
    """The same field (label, bounds, help, required, initial) that also reads "91,5"; other fields unchanged."""
    if isinstance(field, VnDecimalField | VnFloatField | VnIntegerField):
        return field
    for base, replacement in _REPLACEMENTS:
        if type(field) is base:
            kwargs = {
                "required": field.required,
                "label": field.label,
                "initial": field.initial,
                "help_text": field.help_text,
                "disabled": field.disabled,
                "max_value": field.max_value,
                "min_value": field.min_value,
            }
            if base is forms.DecimalField:
                kwargs.update(max_digits=field.max_digits, decimal_places=field.decimal_places)
            new = replacement(**kwargs)
            new.error_messages = {**field.error_messages, "invalid": new.error_messages["invalid"]}
            new.widget.attrs.update({k: v for k, v in field.widget.attrs.items() if k not in ("step", "min", "max")})
            return new
    return field


class AcceptsDecimalComma:
    """Form mixin: every plain number field of the form reads "91,5" as 91.5 (see the module's docstring)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in list(self.fields.items()):
            self.fields[name] = accepting_decimal_comma(field)
