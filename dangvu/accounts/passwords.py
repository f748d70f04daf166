"""Password validators with every message in Vietnamese.

Django 5.2 changed the "too short" message to a new msgid that its Vietnamese catalogue does not
translate yet; this validator says the same with the msgid the catalogue (and ours) translates.
"""

from django.contrib.auth import password_validation
from django.utils.translation import ngettext


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    def get_error_message(self):
        return ngettext(
            "This password is too short. It must contain at least %(min_length)d character.",
            "This password is too short. It must contain at least %(min_length)d characters.",
            self.min_length,
        ) % {"min_length": self.min_length}
