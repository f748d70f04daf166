"""Reads of the dues records, limited to what the acting user may see (the tree roles their subtree, a cell
secretary their cell, a member account their own dues)."""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet
from django.utils import timezone

from dangvu.accounts.policy import is_member_account, organization_filter, secretary_cell, works_on_tree
from dangvu.dues import rules
from dangvu.dues.models import DuesLine, DuesPayment, DuesProfile, DuesRun, DuesUnit, RemovalProposal
from dangvu.dues.services import REMOVAL_MONTHS, months_with_reason, unpaid_months
from dangvu.members.models import Member
from dangvu.organizations.models import Organization


def scope_filter(user, prefix: str = "organization__") -> Q:
    """Rows whose organization (through `prefix`) the user may see the dues of."""
    cell = secretary_cell(user)
    if cell is not None:
        return Q(**{f"{prefix}pk": cell.pk})
    if works_on_tree(user):
        return organization_filter(user, prefix)
    return Q(pk__in=[])


def runs(*, user) -> QuerySet[DuesRun]:
    return DuesRun.objects.filter(scope_filter(user)).select_related("organization")


def payments(*, user) -> QuerySet[DuesPayment]:
    if is_member_account(user) and secretary_cell(user) is None:
        return DuesPayment.objects.filter(member_id=user.member_id or 0)
    return DuesPayment.objects.filter(scope_filter(user)).select_related("member", "organization")


def run_lines(*, run: DuesRun) -> QuerySet[DuesLine]:
    return run.lines.select_related("member").order_by("member__sort_key", "member_id")


def unit_of(organization: Organization) -> DuesUnit | None:
    """The organization's own dues unit, else its nearest ancestor's (region and treasurer)."""
    step = Organization.steplen
    paths = [organization.path[: i * step] for i in range(len(organization.path) // step, 0, -1)]
    units = {u.organization.path: u for u in DuesUnit.objects.filter(organization__path__in=paths).select_related(
        "organization"
    )}  # fmt: skip
    return next((units[p] for p in paths if p in units), None)


def profile_on(*, member: Member, on: dt.date) -> DuesProfile | None:
    return member.dues_profiles.filter(valid_from__lte=on).order_by("-valid_from").first()


@dataclass
class ArrearsRow:
    member: Member
    organization: Organization | None
    unpaid_months: list[dt.date]
    months_with_reason: list[dt.date]
    proposal: RemovalProposal | None = None

    @property
    def count(self) -> int:
        return len(self.unpaid_months)

    @property
    def has_reason(self) -> bool:
        return bool(self.months_with_reason)

    @property
    def without_reason(self) -> list[dt.date]:
        return [m for m in self.unpaid_months if m not in self.months_with_reason]

    @property
    def may_propose_removal(self) -> bool:
        """Three unpaid months of the year without a good reason, and no proposal yet: the cell is warned."""
        return len(self.without_reason) >= REMOVAL_MONTHS and self.proposal is None


def arrears(
    *, user, year: int, on: dt.date | None = None, organization: Organization | None = None
) -> list[ArrearsRow]:
    """Members the user may see with unpaid months in `year` (months ended before `on`, payments made by `on`),
    most months first. `organization` narrows to a subtree."""
    on = on or timezone.localdate()
    lines = DuesLine.objects.filter(scope_filter(user, "run__organization__"), month__year=year)
    if is_member_account(user) and secretary_cell(user) is None:
        lines = DuesLine.objects.filter(member_id=user.member_id or 0, month__year=year)
    if organization is not None:
        lines = lines.filter(run__organization__path__startswith=organization.path)
    member_ids = lines.values("member_id")
    unpaid = unpaid_months(member_ids=member_ids, year=year, on=on)
    if not unpaid:
        return []
    reasons = months_with_reason(member_ids=list(unpaid), year=year)
    members = Member.all_objects.filter(pk__in=list(unpaid)).select_related("organization")
    proposals = {p.member_id: p for p in RemovalProposal.objects.filter(member_id__in=list(unpaid), year=year)}
    cells = dict(
        DuesLine.objects.filter(member_id__in=list(unpaid), month__year=year)
        .order_by("member_id", "month")
        .values_list("member_id", "run__organization_id")
    )
    orgs = Organization.objects.in_bulk(set(cells.values()))
    rows = [
        ArrearsRow(
            member=member,
            organization=orgs.get(cells.get(member.pk)),
            unpaid_months=unpaid[member.pk],
            months_with_reason=sorted(m for m in reasons.get(member.pk, ()) if m in unpaid[member.pk]),
            proposal=proposals.get(member.pk),
        )
        for member in members
    ]
    rows.sort(key=lambda r: (-r.count, r.member.full_name, r.member.pk))
    return rows


@dataclass
class MonthDues:
    month: dt.date
    line: DuesLine | None
    paid: int = 0
    paid_on: dt.date | None = None  # the last payment's day
    payments: list[DuesPayment] = field(default_factory=list)

    @property
    def due(self) -> int:
        return self.line.amount_due if self.line else 0

    @property
    def how(self) -> str:
        return self.line.explanation if self.line else ""

    @property
    def rule(self) -> str:
        return self.line.rule if self.line else ""

    @property
    def unpaid(self) -> int:
        return max(self.due - self.paid, 0)

    @property
    def is_paid(self) -> bool:
        return self.line is not None and self.paid >= self.due

    @property
    def late(self) -> bool:
        return self.paid_on is not None and self.paid_on > rules.last_day(self.month)


def member_dues(*, member: Member, year: int) -> list[MonthDues]:
    """The member's twelve months of `year`: the frozen line (due and how), what was paid and when."""
    lines = {line.month: line for line in DuesLine.objects.filter(member=member, month__year=year)}
    months = {dt.date(year, m, 1): MonthDues(dt.date(year, m, 1), lines.get(dt.date(year, m, 1))) for m in range(1, 13)}
    for payment in DuesPayment.objects.filter(member=member, month__year=year).order_by("paid_on", "pk"):
        row = months[payment.month]
        row.paid += payment.amount
        row.paid_on = payment.paid_on
        row.payments.append(payment)
    return list(months.values())
