from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from dangvu.indicators.registry import GROUP_LABELS, REGISTRY
from dangvu.lib.bounds import SMALLINT_MAX
from dangvu.lib.vntext import text_sort_key
from dangvu.targets.models import Aggregation, Direction, TargetGroup, VariantKind


class TermForm(forms.Form):
    start_year = forms.IntegerField(label=_("First year"), min_value=1990, max_value=2100)
    end_year = forms.IntegerField(label=_("Last year"), min_value=1990, max_value=2100)
    resolution = forms.CharField(label=_("Congress resolution"), max_length=255, required=False)


def _indicator_choices():
    """The registry's indicators by group, each named in Vietnamese; the code follows as a hint for staff who
    edit report templates."""
    groups = {}
    for code, indicator in REGISTRY.items():
        groups.setdefault(indicator.group, []).append((code, f"{indicator.label} — {code}"))
    choices = [("", _("— entered by hand —"))]
    for group, label in GROUP_LABELS.items():
        if group in groups:
            choices.append((label, sorted(groups.pop(group), key=lambda choice: text_sort_key(choice[1]))))
    for group, items in sorted(groups.items()):
        choices.append((group, sorted(items, key=lambda choice: text_sort_key(choice[1]))))
    return choices


class TargetForm(forms.Form):
    number = forms.CharField(label=_("Number"), max_length=16)
    group = forms.ChoiceField(label=_("Group"), choices=TargetGroup.choices)
    content = forms.CharField(label=_("Content"), max_length=500, widget=forms.Textarea(attrs={"rows": 2}))
    unit = forms.CharField(label=pgettext_lazy("target", "Unit"), max_length=64)
    direction = forms.ChoiceField(label=pgettext_lazy("target", "Direction"), choices=Direction.choices)
    indicator_code = forms.ChoiceField(label=_("Indicator"), required=False)
    aggregation = forms.ChoiceField(label=_("Aggregation over the term"), choices=Aggregation.choices)
    order = forms.IntegerField(label=_("Order"), min_value=0, max_value=SMALLINT_MAX, initial=0)
    resolution = forms.DecimalField(
        label=VariantKind.RESOLUTION.label, required=False, max_digits=14, decimal_places=2, localize=True
    )
    province = forms.DecimalField(
        label=VariantKind.PROVINCE.label, required=False, max_digits=14, decimal_places=2, localize=True
    )
    stretch = forms.DecimalField(
        label=VariantKind.STRETCH.label, required=False, max_digits=14, decimal_places=2, localize=True
    )

    def __init__(self, *args, years: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicator_code"].choices = _indicator_choices()
        self.years = years
        for year in years:
            self.fields[f"plan_{year}"] = forms.DecimalField(
                label=_("Plan %(year)s") % {"year": year},
                required=False,
                max_digits=14,
                decimal_places=2,
                localize=True,
            )

    def target_fields(self) -> dict:
        d = self.cleaned_data
        return {
            k: d[k]
            for k in ("number", "group", "content", "unit", "direction", "indicator_code", "aggregation", "order")
        }

    def variants(self) -> dict:
        return {kind: self.cleaned_data[kind] for kind in VariantKind.values}

    def plans(self) -> dict:
        return {year: self.cleaned_data[f"plan_{year}"] for year in self.years}


class ManualActualsForm(forms.Form):
    source = forms.CharField(label=_("Source (e.g. the report it comes from)"), max_length=255, required=False)

    def __init__(self, *args, years: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        self.years = years
        for year in years:
            self.fields[f"year_{year}"] = forms.DecimalField(
                label=_("Actual %(year)s") % {"year": year},
                required=False,
                max_digits=14,
                decimal_places=2,
                localize=True,
                min_value=0,
            )

    def values(self) -> dict:
        return {year: self.cleaned_data[f"year_{year}"] for year in self.years}


class AppendixImportForm(forms.Form):
    file = forms.FileField(label=_("Report (.docx, .pdf or .txt)"))
    start_year = forms.IntegerField(label=_("First year of the term"), min_value=1990, max_value=2100)
    end_year = forms.IntegerField(label=_("Last year of the term"), min_value=1990, max_value=2100)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".docx", ".pdf", ".txt")):
            raise forms.ValidationError(_("Choose a .docx, .pdf or .txt file."))
        if upload.size > 20 * 1024 * 1024:
            raise forms.ValidationError(_("The file is larger than 20 MB."))
        return upload
