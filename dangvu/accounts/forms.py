from django import forms
from django.utils.translation import gettext_lazy as _

from dangvu.accounts.member_accounts import AccountFilters, State
from dangvu.accounts.models import Purpose, User
from dangvu.accounts.selectors import AccessLogFilters, log_users
from dangvu.lib.forms import OrganizationTreeChoiceField, VnDateField
from dangvu.lib.screens import FilterForm
from dangvu.organizations.models import Organization
from dangvu.organizations.selectors import organization_list


class UserChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        name = obj.get_full_name()
        return f"{name} ({obj.username})" if name else obj.username


class AccessLogFilterForm(FilterForm):
    filters_class = AccessLogFilters

    member = forms.CharField(label=_("Member (name, card or ID number)"), required=False, max_length=100)
    user = UserChoiceField(label=_("User"), queryset=User.objects.none(), required=False, empty_label=_("All"))
    purpose = forms.ChoiceField(label=_("Purpose"), choices=[("", _("All"))] + Purpose.choices, required=False)
    start = VnDateField(label=_("From"), required=False)
    end = VnDateField(label=_("To"), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.fields["user"].queryset = log_users(user=user)

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            self.add_error("end", _("The end date is before the start date."))
        return data


# --- Accounts for every member (issue 17 point 1) ------------------------------------------------------


class MemberAccountFilterForm(FilterForm):
    filters_class = AccountFilters

    q = forms.CharField(label=_("Name"), required=False, max_length=100)
    organization = OrganizationTreeChoiceField(
        label=_("Organization"), queryset=Organization.objects.none(), required=False, empty_label=_("All")
    )
    state = forms.ChoiceField(label=_("Account"), choices=[("", _("All"))] + list(State.choices), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.fields["organization"].queryset = organization_list(user=user)


class ActivationForm(forms.Form):
    code = forms.CharField(
        label=_("Activation code"),
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autocapitalize": "characters"}),
        help_text=_("As printed on your slip, e.g. K7PM-4XQA-9T."),
    )
    identifier = forms.CharField(
        label=_("Party card number or national ID number"),
        max_length=20,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    password1 = forms.CharField(
        label=_("New password"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )
    password2 = forms.CharField(
        label=_("New password confirmation"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self):
        data = super().clean()
        if data.get("password1") and data.get("password2") and data["password1"] != data["password2"]:
            self.add_error("password2", _("The two passwords do not match."))
        return data
