"""Forms of the dues screens. Writes go through `dues.services`; these forms only read and check input."""

import datetime as dt
from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext_lazy as _

from dangvu.accounts import policy
from dangvu.dues import sheets
from dangvu.dues.models import Category, Channel
from dangvu.lib.forms import MonthField, OrganizationTreeChoiceField, VnDateField
from dangvu.lib.forms import parse_month as parse_month  # the dues views and imports read months with it
from dangvu.lib.number_input import VnIntegerField
from dangvu.lib.screens import FilterForm
from dangvu.organizations.models import MEMBER_HOLDING_KINDS, Organization


def this_month() -> dt.date:
    return sheets.today().replace(day=1)


def _year_choices():
    year = sheets.today().year
    return [(str(y), str(y)) for y in range(year + 1, year - 6, -1)]


def dues_organizations(user):
    """The organizations whose dues the user sees, as form choices (alive ones)."""
    seen = policy.organizations_to_view(user) | policy.dues_cells(user)
    return seen.filter(ended_on__isnull=True, deleted_at__isnull=True).distinct().order_by("path")


# --- The office's list of cells for a month ------------------------------------------------------------


@dataclass(frozen=True)
class MonthFilters:
    month: dt.date | None = None
    organization: Organization | None = None
    unpaid: bool = False


class MonthFilterForm(FilterForm):
    filters_class = MonthFilters
    month = MonthField(label=_("Month"), required=False)
    organization = OrganizationTreeChoiceField(
        label=_("Organization"), queryset=Organization.objects.none(), required=False, empty_label=_("All")
    )
    unpaid = forms.BooleanField(label=_("Only cells with unpaid members"), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.fields["organization"].queryset = dues_organizations(user)


@dataclass(frozen=True)
class ArrearsFilters:
    year: int | None = None
    organization: Organization | None = None
    months: int = 1
    removable: bool = False


class ArrearsFilterForm(FilterForm):
    filters_class = ArrearsFilters
    year = forms.TypedChoiceField(label=_("Year"), choices=(), coerce=int, empty_value=None, required=False)
    organization = OrganizationTreeChoiceField(
        label=_("Organization"), queryset=Organization.objects.none(), required=False, empty_label=_("All")
    )
    months = forms.TypedChoiceField(
        label=_("Unpaid months"),
        choices=[("1", _("1 month or more")), ("2", _("2 months or more")), ("3", _("3 months or more"))],
        coerce=int,
        required=False,
        empty_value=1,
    )
    removable = forms.BooleanField(label=_("Only those the cell may propose for removal"), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.fields["organization"].queryset = dues_organizations(user)
        self.fields["year"].choices = _year_choices()


@dataclass(frozen=True)
class RemittanceFilters:
    organization: Organization | None = None
    year: int | None = None


class RemittanceFilterForm(FilterForm):
    filters_class = RemittanceFilters
    organization = OrganizationTreeChoiceField(
        label=_("Organization"), queryset=Organization.objects.none(), required=False, empty_label=_("All")
    )
    year = forms.TypedChoiceField(label=_("Year"), choices=(), coerce=int, empty_value=None, required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.fields["organization"].queryset = dues_organizations(user)
        self.fields["year"].choices = [("", _("All years")), *_year_choices()]


# --- Writes ------------------------------------------------------------------------------------------


class ProfileForm(forms.Form):
    category = forms.ChoiceField(label=_("Dues category"), choices=Category.choices)
    base_amount = VnIntegerField(
        label=_("Base amount (đồng a month)"),
        required=False,
        min_value=0,
        help_text=_("The social-insurance salary base, the benefit or the pension; empty for other categories."),
    )
    voluntary_extra = VnIntegerField(label=_("Voluntary extra (đồng a month)"), required=False, min_value=0)
    valid_from = VnDateField(label=_("Valid from"))
    note = forms.CharField(label=_("Note"), required=False, max_length=255)

    NEEDS_BASE = (Category.INSURED, Category.BENEFIT, Category.PENSIONER)

    def clean(self):
        data = super().clean()
        if data.get("category") in self.NEEDS_BASE and not data.get("base_amount"):
            self.add_error("base_amount", _("This category needs its base amount in đồng."))
        return data


class RemakeForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for re-making the month"),
        max_length=255,
        help_text=_("Say what changed (a base, a category, a member); the change is kept in the history."),
    )


class UnpaidReasonForm(forms.Form):
    member = forms.IntegerField(widget=forms.HiddenInput)
    reason = forms.CharField(label=_("Reason for not paying"), max_length=255)


class PaymentsForm(forms.Form):
    """The whole cell's payments for the month at once: one amount per member ticked (`pay_<id>`,
    `amount_<id>`), one date and channel for all."""

    paid_on = VnDateField(label=_("Paid on"))
    channel = forms.ChoiceField(label=_("Channel"), choices=Channel.choices, initial=Channel.CASH)

    def __init__(self, *args, lines=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.lines = list(lines)
        for line in self.lines:
            self.fields[f"pay_{line.member_id}"] = forms.BooleanField(required=False)
            self.fields[f"amount_{line.member_id}"] = VnIntegerField(
                required=False, min_value=1, initial=line.amount_due + line.voluntary_extra
            )

    def clean(self):
        data = super().clean()
        chosen = []
        for line in self.lines:
            if not data.get(f"pay_{line.member_id}"):
                continue
            amount = data.get(f"amount_{line.member_id}")
            if not amount:
                self.add_error(None, _("Enter the amount paid by %(name)s.") % {"name": line.member.full_name})
                continue
            chosen.append((line, amount))
        if not chosen and not self.errors:
            raise forms.ValidationError(_("Tick the members who paid."))
        data["chosen"] = chosen
        return data


class SettleForm(forms.Form):
    organization = OrganizationTreeChoiceField(label=_("Organization"), queryset=Organization.objects.none())
    period_start = MonthField(label=_("From month"))
    period_end = MonthField(label=_("To month"))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["organization"].queryset = dues_organizations(user)

    def clean(self):
        data = super().clean()
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", _("The period ends before it starts."))
        organization = data.get("organization")
        if organization is not None and not policy.may_settle_dues(self.user, organization):
            self.add_error("organization", _("You do not keep the dues of this organization."))
        return data


def month_end(month: dt.date) -> dt.date:
    following = (month.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return following - dt.timedelta(days=1)


def cell_queryset():
    return Organization.objects.filter(kind__in=MEMBER_HOLDING_KINDS)


# --- The payment-file import ------------------------------------------------------------------------------


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Payment file from the national public-service portal"),
        help_text=_("An .xlsx workbook or a .csv file, one payment a row, with a row of column titles."),
    )


class ImportMappingForm(forms.Form):
    """Which column of the file holds which field (the portal's format is not published)."""

    identified_by = forms.ChoiceField(
        label=_("Members are identified by"),
        choices=[("national_id", _("citizen ID number")), ("card_number", _("party card number"))],
    )
    member = forms.TypedChoiceField(label=_("Column of the member's number"), coerce=int)
    month = forms.TypedChoiceField(label=_("Column of the month paid for"), coerce=int)
    amount = forms.TypedChoiceField(label=_("Column of the amount"), coerce=int)
    paid_on = forms.TypedChoiceField(label=_("Column of the payment date"), coerce=int)
    reference = forms.TypedChoiceField(
        label=_("Column of the transaction reference"), coerce=int, required=False, empty_value=None
    )

    def __init__(self, *args, headers=(), **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(str(i), f"{_column_letter(i)}: {h or '—'}") for i, h in enumerate(headers)]
        for name in ("member", "month", "amount", "paid_on"):
            self.fields[name].choices = [("", "—"), *choices]
        self.fields["reference"].choices = [("", _("(none)")), *choices]

    def clean(self):
        data = super().clean()
        chosen = [data.get(n) for n in ("member", "month", "amount", "paid_on", "reference")]
        chosen = [c for c in chosen if c is not None]
        if len(chosen) != len(set(chosen)):
            raise forms.ValidationError(_("Each column can hold one field only."))
        return data


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


class UnitForm(forms.Form):
    """The cell's minimum-wage region and its treasurer (who then keeps its dues on the phone page)."""

    region = forms.TypedChoiceField(
        label=_("Minimum-wage region"), choices=[(str(n), str(n)) for n in (1, 2, 3, 4)], coerce=int
    )
    treasurer = forms.ModelChoiceField(label=_("Treasurer"), queryset=None, required=False, empty_label=_("(none)"))

    def __init__(self, *args, organization, **kwargs):
        super().__init__(*args, **kwargs)
        from dangvu.members.models import Member

        self.fields["treasurer"].queryset = Member.objects.filter(organization=organization).order_by("sort_key")
        self.fields["treasurer"].label_from_instance = lambda m: m.full_name
