"""Dashboard warnings: admissions near or past the 60- and 30-working-day deadlines (QĐ 232 §4)."""

import datetime as dt

from django.urls import reverse
from django.utils.translation import gettext as _

from dangvu.candidates.selectors import deadline_q, visible_candidates
from dangvu.dashboard.alerts import Alert, alert_provider, counted


@alert_provider
def candidate_alerts(*, user, organization, today: dt.date) -> list[Alert]:
    candidates = visible_candidates(user=user).filter(organization__path__startswith=organization.path)
    overdue = candidates.filter(deadline_q(today, overdue_only=True)).count()
    near = candidates.filter(deadline_q(today)).count() - overdue
    url = reverse("candidates:list")
    return [
        Alert(
            counted(_("%(count)d admissions are past their decision or ceremony deadline"), count=overdue),
            overdue,
            f"{url}?organization={organization.pk}&deadline=overdue",
            level="danger",
        ),
        Alert(
            counted(_("%(count)d admissions are near their decision or ceremony deadline"), count=near),
            near,
            f"{url}?organization={organization.pk}&deadline=near",
        ),
    ]
