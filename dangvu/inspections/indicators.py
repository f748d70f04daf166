"""Inspection, supervision, discipline and letter indicators."""

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from dangvu.indicators.registry import Computation, Group, count_rows, indicator, rate
from dangvu.inspections.models import (
    NOT_CONSIDERED_CATEGORIES,
    SUPERVISION_KINDS,
    Discipline,
    DisciplineForm,
    InspectedYear,
    Inspection,
    InspectionSubjectMember,
    Letter,
    LetterCategory,
    LetterKind,
)
from dangvu.lib import activity
from dangvu.members.models import MembershipSpell

G = Group.INSPECTION


def _in_subtree(c: Computation, prefix: str = "organization__") -> Q:
    return c.in_subtree(prefix)


def _inspections(c: Computation) -> dict:
    def build():
        rows = Inspection.objects.filter(deleted_at__isnull=True, started_on__gte=c.start, started_on__lte=c.end)
        rows = rows.filter(_in_subtree(c))
        counts = rows.aggregate(
            inspections=count_rows(~Q(kind__in=SUPERVISION_KINDS)),
            supervisions=count_rows(Q(kind__in=SUPERVISION_KINDS)),
            with_violation=count_rows(Q(violation_found=True)),
            organizations=Count("subject_organizations", distinct=True),
        )
        counts["members"] = _members_inspected(c)
        return counts

    return c.shared("inspections", build)


def _members_inspected(c: Computation) -> int:
    """Members counted in the subtree on the last day who were subjects of an inspection or supervision begun in
    the period (by any body). One query: over the months kept in `InspectedYear` when the period is made of
    whole months, over the subject rows otherwise."""
    counted = MembershipSpell.objects.filter(Q(end__isnull=True) | Q(end__gt=c.end), c.in_subtree(), start__lte=c.end)
    return activity.count_active_members(
        InspectedYear,
        start=c.start,
        end=c.end,
        subtree=c.in_subtree(),
        counted_at_end=counted,
        rows_between=lambda first, last: InspectionSubjectMember.objects.filter(
            inspection__deleted_at__isnull=True,
            inspection__started_on__gte=first,
            inspection__started_on__lte=last,
        ),
    )


def _discipline(c: Computation) -> dict:
    def build():
        rows = Discipline.objects.filter(deleted_at__isnull=True, decided_on__gte=c.start, decided_on__lte=c.end)
        rows = rows.filter(_in_subtree(c))
        member = Q(member__isnull=False)
        counts = rows.aggregate(
            members=count_rows(member),
            organizations=count_rows(Q(subject_organization__isnull=False)),
            on_committee=count_rows(member & Q(on_committee=True)),
            **{form: count_rows(member & Q(form=form)) for form in DisciplineForm.values},
            org_dissolution=count_rows(Q(subject_organization__isnull=False, form=DisciplineForm.DISSOLUTION)),
        )
        return counts

    return c.shared("discipline", build)


def _letters(c: Computation) -> dict:
    def build():
        rows = Letter.objects.filter(deleted_at__isnull=True, received_on__gte=c.start, received_on__lte=c.end)
        rows = rows.filter(_in_subtree(c))
        return rows.aggregate(
            received=count_rows(),
            complaints=count_rows(Q(kind__in=[LetterKind.COMPLAINT, LetterKind.BOTH])),
            denunciations=count_rows(Q(kind=LetterKind.DENUNCIATION)),
            not_considered=count_rows(Q(category__in=NOT_CONSIDERED_CATEGORIES)),
            **{category: count_rows(Q(category=category)) for category in LetterCategory.values},
        )

    return c.shared("letters", build)


@indicator(
    code="inspection.inspections",
    label=_("Inspections"),
    unit=_("inspections"),
    group=G,
    example="Hoàn thành cuộc kiểm tra đối với Chi bộ Trường Cao đẳng Du lịch Đà Lạt",
)
def inspections(c):
    """Inspections (all kinds except thematic supervision) begun in the period by bodies of the subtree."""
    return _inspections(c)["inspections"]


@indicator(code="inspection.supervisions", label=_("Thematic supervisions"), unit=_("supervisions"), group=G)
def supervisions(c):
    """Thematic supervisions begun in the period by bodies of the subtree."""
    return _inspections(c)["supervisions"]


@indicator(
    code="inspection.with_violation", label=_("Inspections that found a violation"), unit=_("inspections"), group=G
)
def with_violation(c):
    """Inspections and supervisions begun in the period by bodies of the subtree whose conclusion found a
    violation."""
    return _inspections(c)["with_violation"]


@indicator(
    code="inspection.organizations", label=_("Organizations inspected or supervised"), unit=_("organizations"), group=G
)
def organizations_inspected(c):
    """Distinct organizations that were subjects of inspections or supervisions begun in the period by bodies
    of the subtree."""
    return _inspections(c)["organizations"]


@indicator(code="inspection.members", label=_("Members inspected or supervised"), unit=_("members"), group=G)
def members_inspected(c):
    """Members counted in the subtree on the last day who were subjects of an inspection or supervision begun
    during the period, by any body (the denominator of the share is the members counted that day)."""
    return _inspections(c)["members"]


rate(
    code="inspection.members_pct",
    label=_("Share of members inspected or supervised"),
    numerator="inspection.members",
    denominator="members.total",
    group=G,
    example="tỷ lệ đảng viên được kiểm tra, giám sát (chỉ tiêu 30%)",
)


@indicator(
    code="discipline.members",
    label=_("Members disciplined"),
    unit=_("members"),
    group=G,
    example="thi hành kỷ luật ... đảng viên",
)
def discipline_members(c):
    """Discipline decisions on members dated in the period, the member counted in the subtree (all forms)."""
    return _discipline(c)["members"]


@indicator(code="discipline.organizations", label=_("Organizations disciplined"), unit=_("organizations"), group=G)
def discipline_organizations(c):
    """Discipline decisions on organizations of the subtree dated in the period."""
    return _discipline(c)["organizations"]


@indicator(
    code="discipline.on_committee",
    label=_("Disciplined members who sit on a party committee"),
    unit=_("members"),
    group=G,
)
def discipline_on_committee(c):
    """Members disciplined in the period who sat on a party committee when decided."""
    return _discipline(c)["on_committee"]


def _register_form(form: str, label) -> None:
    def count(c):
        return _discipline(c)[form]

    count.__doc__ = f"Discipline decisions of the form '{form}' on members of the subtree dated in the period."
    indicator(code=f"discipline.members_{form}", label=label, unit=_("members"), group=G)(count)


for _form, _label in (
    (DisciplineForm.REPRIMAND, _("Members reprimanded")),
    (DisciplineForm.WARNING, _("Members warned")),
    (DisciplineForm.DISMISSAL, _("Members dismissed from their post")),
    (DisciplineForm.EXPULSION, _("Members expelled by discipline")),
):
    _register_form(_form, _label)


@indicator(
    code="letters.received",
    label=_("Complaint and denunciation letters received"),
    unit=_("letters"),
    group=G,
    example="Nắm tình hình xử lý đơn thư theo thẩm quyền",
)
def letters_received(c):
    """Letters received in the period by bodies of the subtree."""
    return _letters(c)["received"]


@indicator(code="letters.complaints", label=_("Complaint letters"), unit=_("letters"), group=G)
def letters_complaints(c):
    """Letters received in the period that are complaints (a letter that both complains and denounces counts as
    a complaint)."""
    return _letters(c)["complaints"]


@indicator(code="letters.denunciations", label=_("Denunciation letters"), unit=_("letters"), group=G)
def letters_denunciations(c):
    """Letters received in the period that only denounce."""
    return _letters(c)["denunciations"]


@indicator(code="letters.not_considered", label=_("Letters not considered"), unit=_("letters"), group=G)
def letters_not_considered(c):
    """Letters received in the period classified as not considered (anonymous, impersonated, no address,
    repeated without new evidence, too vague)."""
    return _letters(c)["not_considered"]


def _register_category(category: str, label) -> None:
    def count(c):
        return _letters(c)[category]

    count.__doc__ = f"Letters received in the period handled as '{category}'."
    indicator(code=f"letters.{category}", label=label, unit=_("letters"), group=G)(count)


for _category, _label in LetterCategory.choices:
    _register_category(_category, _label)
