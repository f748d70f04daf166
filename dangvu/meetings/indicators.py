"""Cell meeting indicators: meetings held and the attendance rate."""

from functools import partial

from django.db.models import Q, Sum
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from dangvu.indicators.registry import Computation, Group, count_rows, figure, rate, shared_query
from dangvu.meetings.models import Meeting, MeetingKind

G = Group.ORGANIZATION


@shared_query
def _meetings(c: Computation) -> dict:
    # The attendance counts kept on each meeting (see Meeting.attendance_expected): one row per meeting
    # is read, not one per member and meeting.
    return c.records(Meeting, "held_on", deleted_at__isnull=True).aggregate(
        regular=count_rows(Q(kind=MeetingKind.REGULAR)),
        thematic=count_rows(Q(kind=MeetingKind.THEMATIC)),
        online=count_rows(Q(online=True)),
        expected=Coalesce(Sum("attendance_expected"), 0),
        present=Coalesce(Sum("attendance_present"), 0),
    )


meetings = partial(figure, _meetings, unit=_("meetings"), group=G)
meetings(
    "regular",
    code="meetings.regular",
    label=_("Regular cell meetings held"),
    doc="Regular (monthly) cell meetings held in the period by cells of the subtree.",
)
meetings(
    "thematic",
    code="meetings.thematic",
    label=_("Thematic cell meetings held"),
    doc="Thematic cell meetings held in the period by cells of the subtree.",
    example="sinh hoạt chuyên đề",
)
meetings(
    "online",
    code="meetings.online",
    label=_("Online cell meetings"),
    doc="Cell meetings held online in the period in the subtree.",
)
meetings(
    "expected",
    code="meetings.attendance_expected",
    label=_("Members expected at cell meetings"),
    unit=_("attendances"),
    doc="Attendance rows of cell meetings held in the period in the subtree: one per member of the cell that day.",
)
meetings(
    "present",
    code="meetings.attendance_present",
    label=_("Members present at cell meetings"),
    unit=_("attendances"),
    doc="Attendance rows of cell meetings held in the period in the subtree marked present.",
)
rate(
    code="meetings.attendance_pct",
    label=_("Cell meeting attendance rate"),
    numerator="meetings.attendance_present",
    denominator="meetings.attendance_expected",
    group=G,
    example="tỷ lệ đảng viên dự sinh hoạt chi bộ",
)
