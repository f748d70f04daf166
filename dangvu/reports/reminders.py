"""What a reporting round can trigger: its due date, for each asked organization that has not submitted."""

import datetime as dt

from django.urls import reverse
from django.utils.translation import gettext as _

from dangvu.notifications.triggers import Audience, Occurrence, trigger
from dangvu.reports.models import Report, ReportStatus, Round


def _submitted(round_id: int):
    return Report.objects.filter(round_id=round_id, status=ReportStatus.SUBMITTED, deleted_at__isnull=True)


def _round_still_due(key: str) -> bool:
    # "round:3:org:17": the round is still open and the organization has still not submitted.
    _r, round_id, _o, organization_id = key.split(":")
    if not Round.objects.filter(pk=int(round_id), closed_at__isnull=True).exists():
        return False
    return not _submitted(int(round_id)).filter(organization_id=int(organization_id)).exists()


@trigger(
    "reports.round_due",
    _("Reporting round due"),
    audiences=(Audience.COMMITTEE, Audience.HIGHER_COMMITTEE),
    still_due=_round_still_due,
)
def round_due(anchor_day: dt.date):
    """The open rounds due on `anchor_day`: one occurrence per asked organization without a submitted report (its
    keepers write it; escalation tells the committee that asked)."""
    for round_ in Round.objects.filter(due_on=anchor_day, closed_at__isnull=True).iterator():
        done = set(_submitted(round_.pk).values_list("organization_id", flat=True))
        missing = round_.participants.exclude(pk__in=done).order_by("path").values_list("pk", "name")
        for organization_id, _name in missing.iterator():
            yield Occurrence(
                key=f"round:{round_.pk}:org:{organization_id}",
                on=anchor_day,
                title=_("Report due on %(date)s: %(round)s")
                % {"date": f"{anchor_day:%d/%m/%Y}", "round": round_.title},
                organization_id=organization_id,
                url=reverse("reports:list"),
            )
