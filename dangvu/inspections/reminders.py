"""What a complaint or denunciation letter can trigger: its handling deadline, while it is not handled.

The title names neither the sender nor the person concerned: the message goes by e-mail."""

import datetime as dt

from django.urls import reverse
from django.utils.translation import gettext as _

from dangvu.inspections.models import OPEN_LETTER_STATUSES, Letter
from dangvu.notifications.triggers import Audience, Occurrence, trigger


def _letter_still_due(key: str) -> bool:
    # "letter:5:deadline:2026-05-01": still open, and the deadline was not extended to another day.
    _l, letter_id, _d, day = key.split(":")
    return Letter.objects.filter(
        pk=int(letter_id), status__in=OPEN_LETTER_STATUSES, due_on=dt.date.fromisoformat(day)
    ).exists()


@trigger(
    "inspections.letter_deadline",
    _("Letter handling deadline"),
    audiences=(Audience.COMMITTEE, Audience.HIGHER_COMMITTEE),
    still_due=_letter_still_due,
)
def letter_deadline(anchor_day: dt.date):
    """Letters received (or being handled) whose handling deadline is `anchor_day`."""
    rows = Letter.objects.filter(due_on=anchor_day, status__in=OPEN_LETTER_STATUSES).values_list(
        "pk", "organization_id", "kind", "received_on"
    )
    kinds = dict(Letter._meta.get_field("kind").choices)
    for letter_id, organization_id, kind, received_on in rows.iterator(chunk_size=2000):
        yield Occurrence(
            key=f"letter:{letter_id}:deadline:{anchor_day.isoformat()}",
            on=anchor_day,
            title=_("Deadline %(date)s: %(kind)s received on %(received)s")
            % {"date": f"{anchor_day:%d/%m/%Y}", "kind": kinds.get(kind, kind), "received": f"{received_on:%d/%m/%Y}"},
            organization_id=organization_id,
            url=reverse("inspections:letter_detail", kwargs={"pk": letter_id}),
        )
