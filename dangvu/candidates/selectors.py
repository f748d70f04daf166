"""Reads of the admission pipeline, limited to the user's subtree; deadline warnings."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from dangvu.accounts.models import User
from dangvu.accounts.policy import keeps_registry, organization_filter
from dangvu.candidates.models import OPEN_STAGES, Candidate, Introducer, Stage
from dangvu.candidates.rules import WARNING_DAYS
from dangvu.lib.vntext import fold
from dangvu.organizations.models import Organization

WAITING_DECISION = (Stage.CELL_APPROVED, Stage.COMMITTEE_APPROVED)


def visible_candidates(*, user: User) -> QuerySet[Candidate]:
    if not user.is_authenticated:
        return Candidate.objects.none()
    return Candidate.objects.filter(organization_filter(user, "organization__"))


def deadline_q(today: dt.date, *, overdue_only: bool = False) -> Q:
    """Candidates near (within WARNING_DAYS) or past the decision or ceremony deadline."""
    limit = today if overdue_only else today + dt.timedelta(days=WARNING_DAYS)
    op = "lt" if overdue_only else "lte"
    return Q(stage__in=WAITING_DECISION, **{f"decision_due_on__{op}": limit}) | Q(
        stage=Stage.DECIDED, **{f"ceremony_due_on__{op}": limit}
    )


@dataclass
class CandidateFilters:
    q: str = ""
    organization: Organization | None = None
    stage: str = "open"
    deadline: str = ""  # "", "warn" (near or past), "near" (near, not yet past), "overdue"


def candidate_list(*, user: User, filters: CandidateFilters, today: dt.date | None = None) -> QuerySet[Candidate]:
    today = today or timezone.localdate()
    qs = visible_candidates(user=user)
    if filters.stage == "open":
        qs = qs.filter(stage__in=OPEN_STAGES)
    elif filters.stage in Stage.values:
        qs = qs.filter(stage=filters.stage)
    if filters.organization is not None:
        qs = qs.filter(organization__path__startswith=filters.organization.path)
    if filters.deadline == "near":
        qs = qs.filter(deadline_q(today)).exclude(deadline_q(today, overdue_only=True))
    elif filters.deadline:
        qs = qs.filter(deadline_q(today, overdue_only=filters.deadline == "overdue"))
    for token in fold(filters.q).split():
        qs = qs.filter(search_text__contains=token)
    return qs.select_related("organization").order_by("stage", "full_name", "pk")


def deadline_warned_count(*, user: User, today: dt.date) -> int:
    """How many of the user's candidates are near or past a deadline (the list's notice)."""
    return visible_candidates(user=user).filter(deadline_q(today)).count()


def with_deadline_warnings(candidates, today: dt.date) -> list[Candidate]:
    """A page of candidates, each with its deadline warning (`deadline_warning`, None when there is none)."""
    candidates = list(candidates)
    for candidate in candidates:
        candidate.deadline_warning = deadline_warning(candidate, today)
    return candidates


def candidate_get(*, user: User, pk: int, deleted: bool = False) -> Candidate:
    if deleted:
        return deleted_candidates(user=user).get(pk=pk)
    return visible_candidates(user=user).select_related("organization", "member").get(pk=pk)


def deleted_candidates(*, user: User) -> QuerySet[Candidate]:
    if not user.is_authenticated or not keeps_registry(user):
        return Candidate.objects.none()
    return (
        Candidate.all_objects.deleted()
        .filter(organization_filter(user, "organization__"))
        .select_related("organization", "deleted_by")
        .order_by("-deleted_at")
    )


def candidate_introducers(*, candidate: Candidate) -> list[Introducer]:
    return list(candidate.introducers.select_related("member").order_by("letter_on", "pk"))


@dataclass
class DeadlineWarning:
    level: str  # "near" or "overdue"
    message: str


def deadline_warning(candidate: Candidate, today: dt.date) -> DeadlineWarning | None:
    """The warning shown for a candidate near or past the 60- or 30-working-day deadline (QĐ 232 §4)."""
    from dangvu.lib.dates import format_short

    if candidate.stage in WAITING_DECISION and candidate.decision_due_on:
        due, what = candidate.decision_due_on, _("the admission decision (60 working days after the cell's resolution)")
    elif candidate.stage == Stage.DECIDED and candidate.ceremony_due_on:
        due, what = (
            candidate.ceremony_due_on,
            _("the admission ceremony (30 working days after receiving the decision)"),
        )
    else:
        return None
    if due < today:
        return DeadlineWarning(
            "overdue", _("Past the deadline for %(what)s: %(date)s.") % {"what": what, "date": format_short(due)}
        )
    if due <= today + dt.timedelta(days=WARNING_DAYS):
        return DeadlineWarning(
            "near", _("Deadline for %(what)s: %(date)s.") % {"what": what, "date": format_short(due)}
        )
    return None
