"""Warnings for the dashboard: reporting rounds close to their due date with reports missing."""

import datetime as dt

from django.urls import reverse
from django.utils.translation import gettext as _

from dangvu.dashboard.alerts import Alert, alert_provider, counted
from dangvu.reports.services import round_reminders


@alert_provider
def round_alerts(*, user, organization, today: dt.date) -> list[Alert]:
    alerts = []
    for round_, missing in round_reminders(today=today, days_before=7):
        mine = [o for o in missing if o.path.startswith(organization.path) or round_.organization_id == organization.pk]
        if mine:
            alerts.append(
                Alert(
                    counted(
                        _("%(count)d reports of the round %(round)s are due on %(date)s and not submitted"),
                        count=len(mine),
                        round=round_.title,
                        date=round_.due_on.strftime("%d/%m/%Y"),
                    ),
                    len(mine),
                    reverse("reports:round", kwargs={"pk": round_.pk}),
                )
            )
    return alerts
