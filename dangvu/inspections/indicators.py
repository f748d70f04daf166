"""Inspection, supervision, discipline and letter indicators."""

from functools import partial

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from dangvu.indicators.registry import Computation, Group, count_rows, figure, rate, shared_query
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
from dangvu.members import activity
from dangvu.members.models import MembershipSpell

G = Group.INSPECTION


@shared_query
def _inspections(c: Computation) -> dict:
    counts = c.records(Inspection, "started_on", deleted_at__isnull=True).aggregate(
        inspections=count_rows(~Q(kind__in=SUPERVISION_KINDS)),
        supervisions=count_rows(Q(kind__in=SUPERVISION_KINDS)),
        with_violation=count_rows(Q(violation_found=True)),
        organizations=Count("subject_organizations", distinct=True),
    )
    counts["members"] = _members_inspected(c)
    return counts


def _members_inspected(c: Computation) -> int:
    """Members counted in the subtree on the last day who were subjects of an inspection or supervision begun in
    the period (by any body). One query: over the months kept in `InspectedYear` when the period is made of
    whole months, over the subject rows otherwise."""
    return activity.count_active_members(
        InspectedYear,
        start=c.start,
        end=c.end,
        subtree=c.in_subtree(),
        counted_at_end=MembershipSpell.objects.open_on(c.end).filter(c.in_subtree()),
        rows_between=lambda first, last: InspectionSubjectMember.objects.filter(
            inspection__deleted_at__isnull=True,
            inspection__started_on__gte=first,
            inspection__started_on__lte=last,
        ),
    )


@shared_query
def _discipline(c: Computation) -> dict:
    member = Q(member__isnull=False)
    return c.records(Discipline, "decided_on", deleted_at__isnull=True).aggregate(
        members=count_rows(member),
        organizations=count_rows(Q(subject_organization__isnull=False)),
        on_committee=count_rows(member & Q(on_committee=True)),
        **{form: count_rows(member & Q(form=form)) for form in DisciplineForm.values},
        org_dissolution=count_rows(Q(subject_organization__isnull=False, form=DisciplineForm.DISSOLUTION)),
    )


@shared_query
def _letters(c: Computation) -> dict:
    return c.records(Letter, "received_on", deleted_at__isnull=True).aggregate(
        received=count_rows(),
        complaints=count_rows(Q(kind__in=[LetterKind.COMPLAINT, LetterKind.BOTH])),
        denunciations=count_rows(Q(kind=LetterKind.DENUNCIATION)),
        not_considered=count_rows(Q(category__in=NOT_CONSIDERED_CATEGORIES)),
        **{category: count_rows(Q(category=category)) for category in LetterCategory.values},
    )


inspected = partial(figure, _inspections, group=G)
inspected(
    "inspections",
    code="inspection.inspections",
    label=_("Inspections"),
    unit=_("inspections"),
    doc="Inspections (all kinds except thematic supervision) begun in the period by bodies of the subtree.",
    example="Hoàn thành cuộc kiểm tra đối với Chi bộ Trường Cao đẳng Du lịch Đà Lạt",
)
inspected(
    "supervisions",
    code="inspection.supervisions",
    label=_("Thematic supervisions"),
    unit=_("supervisions"),
    doc="Thematic supervisions begun in the period by bodies of the subtree.",
)
inspected(
    "with_violation",
    code="inspection.with_violation",
    label=_("Inspections that found a violation"),
    unit=_("inspections"),
    doc="Inspections and supervisions begun in the period by bodies of the subtree whose conclusion found a violation.",
)
inspected(
    "organizations",
    code="inspection.organizations",
    label=_("Organizations inspected or supervised"),
    unit=_("organizations"),
    doc="Distinct organizations that were subjects of inspections or supervisions begun in the period by bodies "
    "of the subtree.",
)
inspected(
    "members",
    code="inspection.members",
    label=_("Members inspected or supervised"),
    unit=_("members"),
    doc="Members counted in the subtree on the last day who were subjects of an inspection or supervision begun "
    "during the period, by any body (the denominator of the share is the members counted that day).",
)
rate(
    code="inspection.members_pct",
    label=_("Share of members inspected or supervised"),
    numerator="inspection.members",
    denominator="members.total",
    group=G,
    example="tỷ lệ đảng viên được kiểm tra, giám sát (chỉ tiêu 30%)",
)

disciplined = partial(figure, _discipline, group=G)
disciplined(
    "members",
    code="discipline.members",
    label=_("Members disciplined"),
    unit=_("members"),
    doc="Discipline decisions on members dated in the period, the member counted in the subtree (all forms).",
    example="thi hành kỷ luật ... đảng viên",
)
disciplined(
    "organizations",
    code="discipline.organizations",
    label=_("Organizations disciplined"),
    unit=_("organizations"),
    doc="Discipline decisions on organizations of the subtree dated in the period.",
)
disciplined(
    "on_committee",
    code="discipline.on_committee",
    label=_("Disciplined members who sit on a party committee"),
    unit=_("members"),
    doc="Members disciplined in the period who sat on a party committee when decided.",
)
for _form, _label in (
    (DisciplineForm.REPRIMAND, _("Members reprimanded")),
    (DisciplineForm.WARNING, _("Members warned")),
    (DisciplineForm.DISMISSAL, _("Members dismissed from their post")),
    (DisciplineForm.EXPULSION, _("Members expelled by discipline")),
):
    disciplined(
        _form,
        code=f"discipline.members_{_form}",
        label=_label,
        unit=_("members"),
        doc=f"Discipline decisions of the form '{_form}' on members of the subtree dated in the period.",
    )

letters = partial(figure, _letters, unit=_("letters"), group=G)
letters(
    "received",
    code="letters.received",
    label=_("Complaint and denunciation letters received"),
    doc="Letters received in the period by bodies of the subtree.",
    example="Nắm tình hình xử lý đơn thư theo thẩm quyền",
)
letters(
    "complaints",
    code="letters.complaints",
    label=_("Complaint letters"),
    doc="Letters received in the period that are complaints (a letter that both complains and denounces counts as "
    "a complaint).",
)
letters(
    "denunciations",
    code="letters.denunciations",
    label=_("Denunciation letters"),
    doc="Letters received in the period that only denounce.",
)
letters(
    "not_considered",
    code="letters.not_considered",
    label=_("Letters not considered"),
    doc="Letters received in the period classified as not considered (anonymous, impersonated, no address, "
    "repeated without new evidence, too vague).",
)
for _category, _label in LetterCategory.choices:
    letters(
        _category,
        code=f"letters.{_category}",
        label=_label,
        doc=f"Letters received in the period handled as '{_category}'.",
    )
