from django import forms
from django.utils.translation import gettext_lazy as _

from dangvu.accounts.models import Purpose, User
from dangvu.accounts.selectors import AccessLogFilters, log_users
from dangvu.lib.forms import VnDateField
from dangvu.lib.screens import FilterForm


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
