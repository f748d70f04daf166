"""Membership warnings: probation ending, full-membership decisions overdue, badges due."""

import datetime as dt
from urllib.parse import urlencode

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _

from dangvu.dashboard.alerts import Alert, alert_provider, counted
from dangvu.indicators.registry import count_rows
from dangvu.members.models import ACTIVE_STATUSES
from dangvu.members.selectors import (
    BADGE_DUE_WINDOW_DAYS,
    FULL_DUE_WINDOW_DAYS,
    full_overdue_q,
    probation_ending_q,
    visible_members,
)


@alert_provider
def membership_alerts(*, user, organization, today: dt.date) -> list[Alert]:
    # Current members only, so that the count reads the covering index `member_alert_cover_idx` alone.
    members = visible_members(user=user).filter(
        last_organization__path__startswith=organization.path, status__in=ACTIVE_STATUSES
    )
    counts = members.aggregate(
        probation_ending=count_rows(probation_ending_q(today)),
        decision_overdue=count_rows(full_overdue_q(today)),
        badges_due=count_rows(Q(next_badge_on__lte=today + dt.timedelta(days=BADGE_DUE_WINDOW_DAYS))),
    )
    base = reverse("members:list")
    org = {"organization": organization.pk}
    return [
        Alert(
            counted(
                _("%(count)d probationary members end their probation within %(days)d days"),
                count=counts["probation_ending"],
                days=FULL_DUE_WINDOW_DAYS,
            ),
            counts["probation_ending"],
            f"{base}?{urlencode({**org, 'probation_ending': 'on'})}",
        ),
        Alert(
            counted(
                _("%(count)d members are past the 30-working-day deadline for the full-membership decision"),
                count=counts["decision_overdue"],
            ),
            counts["decision_overdue"],
            f"{base}?{urlencode({**org, 'full_overdue': 'on'})}",
            level="danger",
        ),
        Alert(
            counted(
                _("%(count)d members are due for a party badge within %(days)d days"),
                count=counts["badges_due"],
                days=BADGE_DUE_WINDOW_DAYS,
            ),
            counts["badges_due"],
            f"{base}?{urlencode({**org, 'due_badge': 'on'})}",
        ),
    ]
