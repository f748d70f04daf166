"""Cadre work indicators: political-standard conclusions and committee appointments."""

from functools import partial

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from dangvu.cadres.models import CommitteeAppointment, PoliticalConclusion, Purpose
from dangvu.indicators.registry import Group, count_rows, figure, shared_query


@shared_query
def _counts(c) -> dict:
    counts = c.records(PoliticalConclusion, "concluded_on", deleted_at__isnull=True).aggregate(
        total=count_rows(),
        admission=count_rows(Q(purpose=Purpose.ADMISSION)),
        cadre=count_rows(Q(purpose__in=[Purpose.PLANNING, Purpose.APPOINTMENT])),
        abroad=count_rows(Q(purpose__in=[Purpose.ABROAD_STUDY, Purpose.ABROAD_TRAVEL])),
    )
    counts["appointments"] = c.records(CommitteeAppointment, "decided_on", deleted_at__isnull=True).count()
    return counts


conclusions = partial(figure, _counts, unit=_("cases"), group=Group.ORGANIZATION)
conclusions(
    "total",
    code="cadres.conclusions",
    label=_("Political-standard conclusions"),
    doc="Political-standard conclusions and cadre comments made in the period by organizations of the subtree.",
    example="kết luận tiêu chuẩn chính trị đối với 48 trường hợp",
)
conclusions(
    "admission",
    code="cadres.conclusions_admission",
    label=_("Political-standard conclusions for admission"),
    doc="Political-standard conclusions made in the period for admissions into the party.",
    example="07 trường hợp phục vụ công tác phát triển đảng viên mới",
)
conclusions(
    "cadre",
    code="cadres.conclusions_cadre",
    label=_("Political-standard conclusions for planning and appointment"),
    doc="Political-standard conclusions made in the period for cadre planning or appointment.",
    example="48 trường hợp phục vụ công tác cán bộ",
)
conclusions(
    "abroad",
    code="cadres.conclusions_abroad",
    label=_("Political-standard conclusions for study or travel abroad"),
    doc="Political-standard conclusions made in the period for study or travel abroad.",
)
figure(
    _counts,
    "appointments",
    code="cadres.appointments",
    label=_("Committee appointments and approvals"),
    unit=_("decisions"),
    group=Group.ORGANIZATION,
    doc="Appointments and approvals of committee members, secretaries and deputies decided in the period.",
    example="Ban hành quyết định kiện toàn cấp ủy cơ sở cho 01 tổ chức cơ sở đảng",
)
