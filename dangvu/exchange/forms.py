from django import forms
from django.utils.translation import gettext_lazy as _

from dangvu.exchange.columns import COLUMN_SETS
from dangvu.exchange.models import ImportKind

EXPORT_FORMATS = [("xlsx", "XLSX"), ("csv", "CSV")]


class UploadForm(forms.Form):
    kind = forms.ChoiceField(label=_("What the file holds"), choices=ImportKind.choices, initial=ImportKind.MEMBERS)
    file = forms.FileField(
        label=_("File (.xlsx or .csv)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}),
        error_messages={"empty": _("The file is empty.")},
    )


class MappingForm(forms.Form):
    """One choice per column of the CSV file: which column of the register it holds (or none)."""

    def __init__(self, *args, headers: list[str], kind: str, initial_mapping: dict, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", _("— not imported —"))] + [(c.key, c.label) for c in COLUMN_SETS[kind] if not c.export_only]
        self.headers = headers
        for index, header in enumerate(headers):
            self.fields[f"col_{index}"] = forms.ChoiceField(
                label=header or _("Column %(number)s") % {"number": index + 1},
                choices=choices,
                required=False,
                initial=initial_mapping.get(str(index), ""),
            )
        self.columns = {c.key: c for c in COLUMN_SETS[kind]}

    def clean(self):
        data = super().clean()
        used: dict[str, str] = {}
        for name, key in list(data.items()):
            if not key:
                continue
            if key in used:
                self.add_error(
                    name,
                    _("“%(column)s” is already chosen for another column of the file.")
                    % {"column": self.columns[key].label},
                )
            used[key] = name
        missing = [c.label for c in self.columns.values() if c.required and c.key not in used]
        if missing:
            raise forms.ValidationError(
                _("Choose a column of the file for: %(columns)s.") % {"columns": ", ".join(missing)}
            )
        return data

    def mapping(self) -> dict[int, str]:
        return {int(name.removeprefix("col_")): key for name, key in self.cleaned_data.items() if key}
