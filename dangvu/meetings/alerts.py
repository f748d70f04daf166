"""Dashboard warnings: cells without their regular meeting last month (HD 12-HD/BTCTW 2018)."""

import datetime as dt

from django.urls import reverse
from django.utils.translation import gettext as _

from dangvu.dashboard.alerts import Alert, alert_provider
from dangvu.meetings.selectors import cells_without_regular_meeting


@alert_provider
def meeting_alerts(*, user, organization, today: dt.date) -> list[Alert]:
    last_month = (today.replace(day=1) - dt.timedelta(days=1)).replace(day=1)
    missing = (
        cells_without_regular_meeting(user=user, month=last_month).filter(path__startswith=organization.path).count()
    )
    return [
        Alert(
            _("%(count)d cells recorded no regular meeting in %(month)s")
            % {"count": missing, "month": f"{last_month.month}/{last_month.year}"},
            missing,
            reverse("meetings:list"),
        )
    ]
