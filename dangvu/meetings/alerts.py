"""Dashboard warnings: cells without their regular meeting last month (HD 12-HD/BTCTW 2018); notices sent
later than a day before their meeting (HD 42-HD/BTCTW 2025)."""

import datetime as dt

from django.urls import reverse
from django.utils.translation import gettext as _

from dangvu.dashboard.alerts import Alert, alert_provider, counted
from dangvu.meetings.rules import NOTICE_RULE_SOURCE
from dangvu.meetings.selectors import cells_without_regular_meeting, late_notices


@alert_provider
def meeting_alerts(*, user, organization, today: dt.date) -> list[Alert]:
    last_month = (today.replace(day=1) - dt.timedelta(days=1)).replace(day=1)
    missing = (
        cells_without_regular_meeting(user=user, month=last_month).filter(path__startswith=organization.path).count()
    )
    return [
        Alert(
            counted(
                _("%(count)d cells recorded no regular meeting in %(month)s"),
                count=missing,
                month=f"{last_month.month}/{last_month.year}",
            ),
            missing,
            reverse("meetings:list"),
        )
    ]


@alert_provider
def late_notice_alerts(*, user, organization, today: dt.date) -> list[Alert]:
    count = late_notices(user=user, organization=organization, today=today).count()
    return [
        Alert(
            counted(
                _("%(source)s: %(count)d meeting notices sent later than a day before"),
                source=NOTICE_RULE_SOURCE,
                count=count,
            ),
            count,
            reverse("meetings:late_notices") + f"?organization={organization.pk}",
        )
    ]
