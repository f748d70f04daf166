"""Political education indicators: study of resolutions and training classes."""

from django.db.models import Sum
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from dangvu.education.models import TrainingClass, TrainingKind
from dangvu.education.selectors import studied_member_count, study_sessions_and_reach
from dangvu.indicators.registry import Computation, Group, count_rows, indicator, rate

G = Group.POLITICAL_EDUCATION


def _study(c: Computation) -> dict:
    def build():
        org = None if c.whole_tree else c.organization
        sessions, reach = study_sessions_and_reach(organization=org, start=c.start, end=c.end)
        return {
            "members": studied_member_count(organization=org, start=c.start, end=c.end),
            "non_members": reach.numerator,
            "headcount": reach.denominator,
            "sessions": sessions,
        }

    return c.shared("study", build)


def _classes(c: Computation) -> dict:
    def build():
        rows = (
            TrainingClass.objects.filter(c.in_subtree(), starts_on__gte=c.start, starts_on__lte=c.end)
            .values("kind")
            .annotate(classes=count_rows(), participants=Sum("participant_count"), completed=Sum("completed_count"))
        )
        return {r["kind"]: r for r in rows}

    return c.shared("classes", build)


@indicator(code="education.study_sessions", label=_("Study sessions on resolutions"), unit=_("sessions"), group=G)
def study_sessions(c):
    """Study sessions on resolutions and directives held in the period by organizations of the subtree."""
    return _study(c)["sessions"]


@indicator(
    code="education.study_members",
    label=_("Members who studied resolutions"),
    unit=_("members"),
    group=G,
    example="tổ chức học tập, quán triệt ... cho cán bộ, đảng viên",
)
def study_members(c):
    """Members counted in the subtree on the last day who were present at a study session during the period,
    wherever it was held (a member who studied before moving in counts)."""
    return _study(c)["members"]


rate(
    code="education.study_members_pct",
    label=_("Share of members who studied resolutions"),
    numerator="education.study_members",
    denominator="members.total",
    group=G,
    example="tỷ lệ đảng viên tham gia học tập, quán triệt nghị quyết",
)


@indicator(
    code="education.non_members_reached",
    label=_("Non-member staff reached by study sessions"),
    unit=_("people"),
    group=G,
)
def non_members_reached(c):
    """Per organization that held study sessions in the period, the most non-members present at one session,
    summed over the subtree."""
    return _study(c)["non_members"]


@indicator(
    code="education.non_member_headcount",
    label=_("Non-member staff of the host units that studied"),
    unit=_("people"),
    group=G,
)
def non_member_headcount(c):
    """Per organization that held study sessions in the period, its host unit's largest non-member headcount
    recorded, summed over the subtree."""
    return _study(c)["headcount"]


rate(
    code="education.non_members_pct",
    label=_("Share of non-member staff reached by study sessions"),
    numerator="education.non_members_reached",
    denominator="education.non_member_headcount",
    group=G,
    example="tỷ lệ quần chúng tham gia học tập nghị quyết",
)


def _register_class_kind(kind: str, label) -> None:
    def classes(c):
        return (_classes(c).get(kind) or {}).get("classes") or 0

    def participants(c):
        return (_classes(c).get(kind) or {}).get("participants") or 0

    classes.__doc__ = f"Training classes of the kind '{kind}' starting in the period, organized in the subtree."
    participants.__doc__ = f"Participants of the '{kind}' classes starting in the period in the subtree."
    indicator(
        code=f"education.classes_{kind}",
        label=format_lazy(_("Classes: {kind}"), kind=label),
        unit=_("classes"),
        group=G,
    )(classes)
    indicator(
        code=f"education.participants_{kind}",
        label=format_lazy(_("Participants: {kind}"), kind=label),
        unit=_("people"),
        group=G,
    )(participants)


for _kind, _label in TrainingKind.choices:
    _register_class_kind(_kind, _label)
