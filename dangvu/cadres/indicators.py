"""Cadre work indicators: political-standard conclusions and committee appointments."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from dangvu.cadres.models import CommitteeAppointment, PoliticalConclusion, Purpose
from dangvu.indicators.registry import Computation, Group, count_rows, indicator

G = Group.ORGANIZATION


def _counts(c: Computation) -> dict:
    def build():
        scope = c.in_subtree()
        conclusions = PoliticalConclusion.objects.filter(
            scope, deleted_at__isnull=True, concluded_on__gte=c.start, concluded_on__lte=c.end
        ).aggregate(
            total=count_rows(),
            admission=count_rows(Q(purpose=Purpose.ADMISSION)),
            cadre=count_rows(Q(purpose__in=[Purpose.PLANNING, Purpose.APPOINTMENT])),
            abroad=count_rows(Q(purpose__in=[Purpose.ABROAD_STUDY, Purpose.ABROAD_TRAVEL])),
        )
        conclusions["appointments"] = CommitteeAppointment.objects.filter(
            scope, deleted_at__isnull=True, decided_on__gte=c.start, decided_on__lte=c.end
        ).count()
        return conclusions

    return c.shared("cadres", build)


@indicator(
    code="cadres.conclusions",
    label=_("Political-standard conclusions"),
    unit=_("cases"),
    group=G,
    example="kết luận tiêu chuẩn chính trị đối với 48 trường hợp",
)
def conclusions(c):
    """Political-standard conclusions and cadre comments made in the period by organizations of the subtree."""
    return _counts(c)["total"]


@indicator(
    code="cadres.conclusions_admission",
    label=_("Political-standard conclusions for admission"),
    unit=_("cases"),
    group=G,
    example="07 trường hợp phục vụ công tác phát triển đảng viên mới",
)
def conclusions_admission(c):
    """Political-standard conclusions made in the period for admissions into the party."""
    return _counts(c)["admission"]


@indicator(
    code="cadres.conclusions_cadre",
    label=_("Political-standard conclusions for planning and appointment"),
    unit=_("cases"),
    group=G,
    example="48 trường hợp phục vụ công tác cán bộ",
)
def conclusions_cadre(c):
    """Political-standard conclusions made in the period for cadre planning or appointment."""
    return _counts(c)["cadre"]


@indicator(
    code="cadres.conclusions_abroad",
    label=_("Political-standard conclusions for study or travel abroad"),
    unit=_("cases"),
    group=G,
)
def conclusions_abroad(c):
    """Political-standard conclusions made in the period for study or travel abroad."""
    return _counts(c)["abroad"]


@indicator(
    code="cadres.appointments",
    label=_("Committee appointments and approvals"),
    unit=_("decisions"),
    group=G,
    example="Ban hành quyết định kiện toàn cấp ủy cơ sở cho 01 tổ chức cơ sở đảng",
)
def appointments(c):
    """Appointments and approvals of committee members, secretaries and deputies decided in the period."""
    return _counts(c)["appointments"]
