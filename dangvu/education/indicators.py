"""Political education indicators: study of resolutions and training classes."""

from functools import partial

from django.db.models import Sum
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from dangvu.education.models import TrainingClass, TrainingKind
from dangvu.education.selectors import studied_member_count, study_sessions_and_reach
from dangvu.indicators.registry import Computation, Group, count_rows, figure, rate, shared_query

G = Group.POLITICAL_EDUCATION


@shared_query
def _study(c: Computation) -> dict:
    org = None if c.whole_tree else c.organization
    sessions, reach = study_sessions_and_reach(organization=org, start=c.start, end=c.end)
    return {
        "members": studied_member_count(organization=org, start=c.start, end=c.end),
        "non_members": reach.numerator,
        "headcount": reach.denominator,
        "sessions": sessions,
    }


@shared_query
def _classes(c: Computation) -> dict:
    rows = (
        c.records(TrainingClass, "starts_on")
        .values("kind")
        .annotate(classes=count_rows(), participants=Sum("participant_count"), completed=Sum("completed_count"))
    )
    return {r["kind"]: r for r in rows}


study = partial(figure, _study, group=G)
study(
    "sessions",
    code="education.study_sessions",
    label=_("Study sessions on resolutions"),
    unit=_("sessions"),
    doc="Study sessions on resolutions and directives held in the period by organizations of the subtree.",
)
study(
    "members",
    code="education.study_members",
    label=_("Members who studied resolutions"),
    unit=_("members"),
    doc="Members counted in the subtree on the last day who were present at a study session during the period, "
    "wherever it was held (a member who studied before moving in counts).",
    example="tổ chức học tập, quán triệt ... cho cán bộ, đảng viên",
)
rate(
    code="education.study_members_pct",
    label=_("Share of members who studied resolutions"),
    numerator="education.study_members",
    denominator="members.total",
    group=G,
    example="tỷ lệ đảng viên tham gia học tập, quán triệt nghị quyết",
)
study(
    "non_members",
    code="education.non_members_reached",
    label=_("Non-member staff reached by study sessions"),
    unit=_("people"),
    doc="Per organization that held study sessions in the period, the most non-members present at one session, "
    "summed over the subtree.",
)
study(
    "headcount",
    code="education.non_member_headcount",
    label=_("Non-member staff of the host units that studied"),
    unit=_("people"),
    doc="Per organization that held study sessions in the period, its host unit's largest non-member headcount "
    "recorded, summed over the subtree.",
)
rate(
    code="education.non_members_pct",
    label=_("Share of non-member staff reached by study sessions"),
    numerator="education.non_members_reached",
    denominator="education.non_member_headcount",
    group=G,
    example="tỷ lệ quần chúng tham gia học tập nghị quyết",
)

for _kind, _label in TrainingKind.choices:
    figure(
        _classes,
        (_kind, "classes"),
        code=f"education.classes_{_kind}",
        label=format_lazy(_("Classes: {kind}"), kind=_label),
        unit=_("classes"),
        group=G,
        doc=f"Training classes of the kind '{_kind}' starting in the period, organized in the subtree.",
    )
    figure(
        _classes,
        (_kind, "participants"),
        code=f"education.participants_{_kind}",
        label=format_lazy(_("Participants: {kind}"), kind=_label),
        unit=_("people"),
        group=G,
        doc=f"Participants of the '{_kind}' classes starting in the period in the subtree.",
    )
