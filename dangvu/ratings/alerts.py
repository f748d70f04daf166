"""Dashboard warnings: members not yet rated in an open rating season."""

import datetime as dt

from django.urls import reverse
from django.utils.translation import gettext as _

from dangvu.dashboard.alerts import Alert, alert_provider, counted
from dangvu.ratings.models import SeasonStatus
from dangvu.ratings.selectors import unrated_members_count, visible_seasons


@alert_provider
def rating_alerts(*, user, organization, today: dt.date) -> list[Alert]:
    alerts = []
    for season in visible_seasons(user=user).filter(status=SeasonStatus.OPEN)[:3]:
        count = unrated_members_count(season=season, user=user, today=today)
        alerts.append(
            Alert(
                counted(_("%(count)d members are not yet rated in the %(year)s season"), count=count, year=season.year),
                count,
                reverse("ratings:season_detail", kwargs={"pk": season.pk}),
            )
        )
    return alerts
