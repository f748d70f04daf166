from django import forms
from django.utils.translation import gettext_lazy as _

from dangvu.lib.forms import VnDateField
from dangvu.lib.period_picker import PeriodField, check_fits
from dangvu.lib.screens import FilterForm
from dangvu.organizations.models import Organization
from dangvu.reports.models import KIND_CHOICES
from dangvu.reports.periods import Kind
from dangvu.reports.selectors import STATE_LABELS, RoundBoardFilters


class OrganizationChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name} ({obj.code})"


class ReportCreateForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of report"), choices=KIND_CHOICES)
    period_key = PeriodField(label=_("Period"), kinds=Kind.ALL, kind_field="kind")
    organization = OrganizationChoice(label=_("Organization"), queryset=Organization.objects.none())

    def __init__(self, *args, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations

    def clean(self):
        data = super().clean()
        check_fits(self, kind_field="kind", period_field="period_key")
        return data


class ReportHeaderForm(forms.Form):
    number = forms.CharField(
        label=_("Number and symbol"), max_length=64, required=False, help_text=_("e.g. 161-BC/ĐUK")
    )
    place = forms.CharField(label=_("Place"), max_length=64, required=False)
    issued_on = VnDateField(label=_("Date of issue"), required=False)
    signing_for = forms.CharField(label=_("Signing for"), max_length=64, required=False)
    signer_title = forms.CharField(label=_("Signer's title"), max_length=120, required=False)
    signer_name = forms.CharField(label=_("Signer"), max_length=120, required=False)
    recipients = forms.CharField(
        label=_("Distribution list (one per line)"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )


class RoundForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of report"), choices=KIND_CHOICES)
    period_key = PeriodField(label=_("Period"), kinds=Kind.ALL, kind_field="kind")
    due_on = VnDateField(label=_("Due date"))
    participants = forms.ModelMultipleChoiceField(
        label=_("Base organizations asked"), queryset=Organization.objects.none(), widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["participants"].queryset = organizations

    def clean(self):
        data = super().clean()
        check_fits(self, kind_field="kind", period_field="period_key")
        return data


class SentenceForm(forms.Form):
    text = forms.CharField(
        label=_("Sentence template"),
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_(
            "Figures: counts of people and things {{ i.members.admitted|count }} (07, 7.261), sums of money "
            "{{ i.dues.collected|num }} (7.261), rates {{ i.inspection.members_pct|pct }} (34,71). "
            "Names: {{ org_short }}, {{ period }}, {{ end_date }}. "
            "[[ … ]] makes a footnote; {% if … %}…{% endif %} leaves a sentence out when a figure is zero. "
            "The codes are listed in docs/indicators.md."
        ),
    )
    kinds = forms.CharField(
        label=_("Report kinds"),
        required=False,
        max_length=200,
        help_text=_("Comma-separated, e.g. annual,mid_term; empty for every kind."),
    )


class RoundBoardFilterForm(FilterForm):
    """The round's board at province size: hundreds of base organizations, searched and narrowed by state."""

    filters_class = RoundBoardFilters

    q = forms.CharField(label=_("Search organization"), required=False, max_length=100)
    state = forms.ChoiceField(label=_("Status"), choices=[("", _("All")), *STATE_LABELS.items()], required=False)
