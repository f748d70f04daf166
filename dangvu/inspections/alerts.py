"""Dashboard warnings: complaint and denunciation letters past or near their handling deadline."""

import datetime as dt

from django.urls import reverse
from django.utils.translation import gettext as _

from dangvu.dashboard.alerts import Alert, alert_provider, counted
from dangvu.inspections.selectors import letter_warnings


@alert_provider
def letter_alerts(*, user, organization, today: dt.date) -> list[Alert]:
    counts = letter_warnings(user=user, today=today)
    url = reverse("inspections:letter_list")
    return [
        Alert(
            counted(_("%(count)d letters are past their handling deadline"), count=counts["overdue"]),
            counts["overdue"],
            f"{url}?deadline=overdue",
            level="danger",
        ),
        Alert(
            counted(_("%(count)d letters are near their handling deadline"), count=counts["soon"]),
            counts["soon"],
            f"{url}?deadline=soon",
        ),
    ]
