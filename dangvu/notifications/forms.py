from django import forms
from django.utils.translation import gettext_lazy as _

from dangvu.accounts.policy import may_edit_notification_rule, organizations_to_view
from dangvu.lib.forms import VnDateField
from dangvu.lib.screens import FilterForm
from dangvu.notifications import selectors
from dangvu.notifications.models import AudienceChoice, Rule
from dangvu.notifications.selectors import LogFilters, RuleFilters
from dangvu.notifications.services import rule_save


class RuleFilterForm(FilterForm):
    filters_class = RuleFilters
    trigger = forms.ChoiceField(label=_("trigger"), required=False)
    audience = forms.ChoiceField(
        label=_("to whom"), required=False, choices=[("", _("Everyone"))] + list(AudienceChoice.choices)
    )
    active = forms.ChoiceField(
        label=_("active"), required=False, choices=[("", _("All")), ("yes", _("Active")), ("no", _("Inactive"))]
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["trigger"].choices = [("", _("All"))] + selectors.trigger_choices()


class RuleForm(forms.ModelForm):
    trigger = forms.ChoiceField(label=_("trigger"))

    class Meta:
        model = Rule
        fields = ["trigger", "name", "offset_days", "audience", "channel", "active", "organization"]

    def __init__(self, *args, user=None, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)
        self.fields["trigger"].choices = selectors.trigger_choices()
        self.fields["organization"].queryset = organizations_to_view(user).order_by("path")

    def clean_offset_days(self):
        value = self.cleaned_data["offset_days"]
        if not -366 <= value <= 366:
            raise forms.ValidationError(_("The offset must be between -366 and 366 days."))
        return value

    def clean(self):
        data = super().clean()
        probe = Rule(organization=data.get("organization"))
        if not may_edit_notification_rule(self.user, probe):
            raise forms.ValidationError(_("You may set rules only for the organizations you are in charge of."))
        return data

    def save(self, *, by):
        return rule_save(rule=self.instance if self.instance.pk else None, by=by, **self.cleaned_data)


class LogFilterForm(FilterForm):
    filters_class = LogFilters
    rule = forms.TypedChoiceField(label=_("rule"), required=False, coerce=int, empty_value=None)
    state = forms.ChoiceField(
        label=_("result"), required=False, choices=[("", _("All")), ("ok", _("Sent")), ("failed", _("Failed"))]
    )
    day = VnDateField(label=_("day"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        rules = selectors.rules_visible(self.user).order_by("trigger", "offset_days")
        self.fields["rule"].choices = [("", _("All"))] + [(r.pk, r.name) for r in rules]


class PreferenceForm(forms.Form):
    daily_digest = forms.BooleanField(
        label=_("one daily e-mail instead of single e-mails"),
        required=False,
        help_text=_("The inbox still shows each notification at once."),
    )
