"""Cell meeting indicators: meetings held and the attendance rate."""

from django.db.models import Q, Sum
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from dangvu.indicators.registry import Computation, Group, count_rows, indicator, rate
from dangvu.meetings.models import Meeting, MeetingKind

G = Group.ORGANIZATION


def _meetings(c: Computation) -> dict:
    def build():
        meetings = Meeting.objects.filter(deleted_at__isnull=True, held_on__gte=c.start, held_on__lte=c.end)
        meetings = meetings.filter(c.in_subtree())
        # The attendance counts kept on each meeting (see Meeting.attendance_expected): one row per meeting
        # is read, not one per member and meeting.
        counts = meetings.aggregate(
            regular=count_rows(Q(kind=MeetingKind.REGULAR)),
            thematic=count_rows(Q(kind=MeetingKind.THEMATIC)),
            online=count_rows(Q(online=True)),
            expected=Coalesce(Sum("attendance_expected"), 0),
            present=Coalesce(Sum("attendance_present"), 0),
        )
        return counts

    return c.shared("meetings", build)


@indicator(code="meetings.regular", label=_("Regular cell meetings held"), unit=_("meetings"), group=G)
def regular(c):
    """Regular (monthly) cell meetings held in the period by cells of the subtree."""
    return _meetings(c)["regular"]


@indicator(
    code="meetings.thematic",
    label=_("Thematic cell meetings held"),
    unit=_("meetings"),
    group=G,
    example="sinh hoạt chuyên đề",
)
def thematic(c):
    """Thematic cell meetings held in the period by cells of the subtree."""
    return _meetings(c)["thematic"]


@indicator(code="meetings.online", label=_("Online cell meetings"), unit=_("meetings"), group=G)
def online(c):
    """Cell meetings held online in the period in the subtree."""
    return _meetings(c)["online"]


@indicator(
    code="meetings.attendance_expected", label=_("Members expected at cell meetings"), unit=_("attendances"), group=G
)
def expected(c):
    """Attendance rows of cell meetings held in the period in the subtree: one per member of the cell that day."""
    return _meetings(c)["expected"]


@indicator(
    code="meetings.attendance_present", label=_("Members present at cell meetings"), unit=_("attendances"), group=G
)
def present(c):
    """Attendance rows of cell meetings held in the period in the subtree marked present."""
    return _meetings(c)["present"]


rate(
    code="meetings.attendance_pct",
    label=_("Cell meeting attendance rate"),
    numerator="meetings.attendance_present",
    denominator="meetings.attendance_expected",
    group=G,
    example="tỷ lệ đảng viên dự sinh hoạt chi bộ",
)
