from django import forms
from django.utils.translation import gettext_lazy as _

from dangvu.lib.forms import VnDateField


class HolidayForm(forms.Form):
    on = VnDateField(label=_("Date"))
    name = forms.CharField(label=_("Name"), max_length=120)
