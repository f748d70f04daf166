"""What the meetings app can be reminded of (the notifications app sends; see notifications/triggers.py).

- `meetings.notice_sent`: a notice sent on the day (to the cell's members and the higher committee);
- `meetings.notice_late`: a notice sent later than HD 42-HD/BTCTW 2025 allows (the higher committee);
- `meetings.meeting_upcoming`: a meeting announced for the day (the rules choose how many days before);
- `meetings.monthly_meeting_missing`: a cell with no regular meeting recorded in a month, dated its last day.
A cancelled notice is not reminded; a month whose meeting was recorded since is not either."""

import datetime as dt

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from dangvu.lib.dates import add_months, format_short
from dangvu.meetings.models import Meeting, MeetingKind, MeetingNotice, NoticeState
from dangvu.notifications.triggers import Audience, Occurrence, trigger
from dangvu.organizations.models import MEMBER_HOLDING_KINDS, Organization


def _notice_pk(key: str) -> int | None:
    parts = key.split(":")
    return int(parts[1]) if len(parts) > 1 and parts[0] == "notice" and parts[1].isdigit() else None


def _notice_still_due(key: str) -> bool:
    pk = _notice_pk(key)
    return pk is not None and MeetingNotice.objects.filter(pk=pk, state=NoticeState.SENT).exists()


def _title(notice: MeetingNotice, name: str) -> str:
    return _("%(cell)s: meeting at %(time)s on %(day)s, %(place)s") % {
        "cell": name,
        "time": f"{notice.starts_at:%H:%M}",
        "day": format_short(notice.held_on),
        "place": _("online") if notice.online else notice.place,
    }


def _occurrences(notices, anchor_day: dt.date, suffix: str):
    for notice, name in notices:
        yield Occurrence(
            key=f"notice:{notice.pk}:{suffix}",
            on=anchor_day,
            title=_title(notice, name),
            organization_id=notice.organization_id,
            url=reverse("meetings:my_notice", args=[notice.pk]),
        )


def _with_names(qs):
    fields = ("pk", "organization_id", "held_on", "starts_at", "online", "place", "organization__name")
    for notice in qs.select_related("organization").only(*fields).order_by("pk").iterator(chunk_size=2000):
        yield notice, notice.organization.name


@trigger(
    "meetings.notice_sent",
    gettext_lazy("Meeting notice sent"),
    audiences=(Audience.CELL_MEMBERS, Audience.HIGHER_COMMITTEE),
    still_due=_notice_still_due,
)
def notice_sent(anchor_day: dt.date):
    yield from _occurrences(
        _with_names(MeetingNotice.objects.filter(sent_on=anchor_day, state=NoticeState.SENT)), anchor_day, "sent"
    )


@trigger(
    "meetings.notice_late",
    gettext_lazy("Meeting notice sent late (HD 42)"),
    audiences=(Audience.HIGHER_COMMITTEE,),
    still_due=_notice_still_due,
)
def notice_late(anchor_day: dt.date):
    qs = MeetingNotice.objects.filter(sent_on=anchor_day, state=NoticeState.SENT, late=True)
    yield from _occurrences(_with_names(qs), anchor_day, "late")


@trigger(
    "meetings.meeting_upcoming",
    gettext_lazy("Cell meeting coming"),
    audiences=(Audience.CELL_MEMBERS, Audience.CELL_SECRETARY),
    still_due=_notice_still_due,
)
def meeting_upcoming(anchor_day: dt.date):
    qs = MeetingNotice.objects.filter(held_on=anchor_day, state=NoticeState.SENT)
    yield from _occurrences(_with_names(qs), anchor_day, "upcoming")


def _month_of_key(key: str) -> tuple[int, dt.date] | None:
    # "cell:<pk>:missing:<yyyy-mm>"
    parts = key.split(":")
    if len(parts) != 4 or parts[0] != "cell" or parts[2] != "missing":
        return None
    try:
        return int(parts[1]), dt.date.fromisoformat(parts[3] + "-01")
    except ValueError:
        return None


def _regular_held(cell_id: int, month: dt.date) -> bool:
    return Meeting.objects.filter(
        organization_id=cell_id, kind=MeetingKind.REGULAR, held_on__gte=month, held_on__lt=add_months(month, 1)
    ).exists()


def _month_still_due(key: str) -> bool:
    parsed = _month_of_key(key)
    return parsed is not None and not _regular_held(*parsed)


@trigger(
    "meetings.monthly_meeting_missing",
    gettext_lazy("Cell without its monthly meeting"),
    audiences=(Audience.CELL_SECRETARY, Audience.COMMITTEE, Audience.HIGHER_COMMITTEE),
    still_due=_month_still_due,
)
def monthly_meeting_missing(anchor_day: dt.date):
    """HD 12-HD/BTCTW 2018: a regular meeting every month. On a month's last day, the cells with none."""
    if (anchor_day + dt.timedelta(days=1)).day != 1:
        return
    month = anchor_day.replace(day=1)
    end = add_months(month, 1)
    held = Meeting.objects.filter(kind=MeetingKind.REGULAR, held_on__gte=month, held_on__lt=end).values(
        "organization_id"
    )
    cells = (
        Organization.objects.filter(kind__in=MEMBER_HOLDING_KINDS, deleted_at__isnull=True, founded_on__lt=end)
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gt=month))
        .exclude(pk__in=held)
        .order_by("pk")
        .values_list("pk", "name")
    )
    label = f"{month:%m/%Y}"
    for pk, name in cells.iterator(chunk_size=2000):
        yield Occurrence(
            key=f"cell:{pk}:missing:{month:%Y-%m}",
            on=anchor_day,
            title=_("%(cell)s recorded no regular meeting in %(month)s") % {"cell": name, "month": label},
            organization_id=pk,
            url=reverse("meetings:cell", args=[pk]),
        )
