"""Writes of the dues records. Keyword-only; every rule is checked before anything is written, inside one
transaction; a refusal is a ValidationError naming the field, in Vietnamese. The screens never write dues
rows themselves."""

import datetime as dt
from collections import defaultdict, namedtuple
from dataclasses import dataclass
from types import SimpleNamespace

from django.db import transaction
from django.db.models import F, OuterRef, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from dangvu.dues import rules
from dangvu.dues.compute import BASED, MAX_BASE, quote
from dangvu.dues.models import (
    Category,
    Channel,
    DuesLine,
    DuesPayment,
    DuesProfile,
    DuesRun,
    DuesUnit,
    Remittance,
    RemovalProposal,
    UnpaidReason,
)
from dangvu.dues.shares import subtree_flows
from dangvu.lib import bulk
from dangvu.lib.dates import add_months, format_short
from dangvu.lib.errors import refuse
from dangvu.lib.records import save_record
from dangvu.members.models import Member, MembershipSpell
from dangvu.organizations.models import MEMBER_HOLDING_KINDS, Organization

FIRST_MONTH = rules.QD_342_START


def _today() -> dt.date:
    return timezone.localdate()


def _advance_months() -> int:
    from django.conf import settings

    return int(getattr(settings, "DANGVU_DUES_ADVANCE_MONTHS", 12))


# ---- profiles and units -----------------------------------------------------------------------------------


def set_profile(
    *,
    member: Member,
    category: str,
    base_amount: int | None,
    valid_from: dt.date,
    voluntary_extra: int = 0,
    note: str = "",
    user,
    exemption: str = "",
    reduction: int = 0,
    reduction_until: dt.date | None = None,
) -> DuesProfile:
    """The member's dues category from `valid_from` on (a second call for the same day replaces it)."""
    if category not in Category.values:
        raise refuse("category", _("Choose a dues category."))
    if category in BASED and not base_amount:
        raise refuse("base_amount", _("This category needs the base amount (salary base, benefit or pension)."))
    if base_amount is not None and not 0 <= base_amount <= MAX_BASE:
        raise refuse("base_amount", _("The base amount must be a whole number of đồng between 0 and 10 billion."))
    if not 0 <= (voluntary_extra or 0) <= MAX_BASE:
        raise refuse("voluntary_extra", _("The voluntary extra must be a whole number of đồng, 0 or more."))
    if valid_from < member.date_of_birth:
        raise refuse("valid_from", _("The category cannot start before the member's date of birth."))
    if valid_from > add_months(_today(), 12):
        raise refuse("valid_from", _("The category cannot start more than a year ahead."))
    if reduction and reduction not in rules.REDUCTIONS:
        raise refuse("reduction", _("A reduction is 30, 50 or 70%."))
    if (exemption and not rules.exemptions_enabled()) or (reduction and not rules.reductions_enabled()):
        raise refuse("exemption", _("Exemptions and reductions of dues are not in use (they are unconfirmed)."))
    if reduction and (reduction_until is None or reduction_until > add_months(valid_from, rules.REDUCTION_MAX_MONTHS)):
        raise refuse("reduction_until", _("A reduction lasts at most 12 months: give its last day."))
    with transaction.atomic():
        profile = DuesProfile.objects.filter(member=member, valid_from=valid_from).first() or DuesProfile(
            member=member, valid_from=valid_from
        )
        return save_record(
            profile,
            by=user,
            category=category,
            base_amount=base_amount if category in BASED or category == Category.ABROAD else None,
            voluntary_extra=voluntary_extra or 0,
            note=note,
            exemption=exemption,
            reduction=reduction,
            reduction_until=reduction_until,
        )


def set_unit(*, organization: Organization, region: int, treasurer: Member | None = None, user, in_commune=None):
    """The organization's minimum-wage region, treasurer and (for a base organization) whether it is of a commune,
    ward or town (it then keeps 90% of its dues instead of 70%)."""
    if region not in rules.REGIONS:
        raise refuse("region", _("The minimum-wage region must be 1, 2, 3 or 4."))
    if organization.deleted_at is not None:
        raise refuse("organization", _("This organization has been deleted."))
    if treasurer is not None:
        cell = treasurer.organization
        if cell is None or not cell.path.startswith(organization.path):
            raise refuse("treasurer", _("The treasurer must be a member of this organization."))
    with transaction.atomic():
        unit = DuesUnit.objects.filter(organization=organization).first() or DuesUnit(organization=organization)
        fields = {"region": region, "treasurer": treasurer}
        if in_commune is not None:
            fields["in_commune"] = bool(in_commune)
        return save_record(unit, by=user, **fields)


# ---- the monthly run ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Facts:
    member_id: int
    organization_id: int
    birth_date: dt.date | None
    sex: str


def _check_month(month: dt.date) -> dt.date:
    month = rules.month_of(month)
    if month < FIRST_MONTH:
        raise refuse("month", _("Dues are computed from April 2011 (QĐ 342) on."))
    if month > rules.month_of(_today()):
        raise refuse("month", _("The month has not begun yet."))
    return month


def _regions(organizations: list[Organization]) -> dict[int, int]:
    """The region of each organization: its own dues unit's, else its nearest ancestor's, else region 1."""
    step = Organization.steplen
    paths = {org.path[: i * step] for org in organizations for i in range(1, len(org.path) // step + 1)}
    units = dict(
        DuesUnit.objects.filter(organization__path__in=paths).values_list("organization__path", "region")
        if len(paths) < 900
        else DuesUnit.objects.values_list("organization__path", "region")
    )
    found = {}
    for org in organizations:
        region = 1
        for i in range(len(org.path) // step, 0, -1):
            if org.path[: i * step] in units:
                region = units[org.path[: i * step]]
                break
        found[org.pk] = region
    return found


PROFILE_FIELDS = (
    "member_id",
    "category",
    "base_amount",
    "voluntary_extra",
    "exemption",
    "reduction",
    "reduction_until",
)
Profile = namedtuple("Profile", PROFILE_FIELDS)


def _profiles(month_end: dt.date, spells) -> dict[int, Profile]:
    """The profile in force on `month_end` of each member (the latest starting on or before it)."""
    rows = DuesProfile.objects.filter(member_id__in=spells.values("member_id"), valid_from__lte=month_end)
    found = {}
    for row in rows.order_by("member_id", "valid_from").values_list(*PROFILE_FIELDS).iterator(chunk_size=5000):
        found[row[0]] = Profile(*row)
    return found


def line_for(facts: _Facts, profile: Profile | None, *, month: dt.date, region: int, cache: dict | None = None):
    """The frozen line of one member for `month` (the fields of a DuesLine without its run). Without a recorded
    category the member counts as "other". `cache` keeps the quotes of one run: members of the same category,
    base, region and side of the retirement age owe the same."""
    category = profile.category if profile else Category.OTHER
    exemption, reduction = "", 0
    if profile is not None:
        exemption = profile.exemption
        if profile.reduction and profile.reduction_until and profile.reduction_until >= month:
            reduction = profile.reduction
    base = profile.base_amount if profile else None
    retired = rules.at_retirement_age(facts.birth_date, facts.sex, month)
    key = (category, base, region, retired, exemption, reduction, profile is None)
    if cache is None or key not in cache:
        result = quote(
            on=month,
            category=category,
            base=base,
            region=region,
            birth_date=facts.birth_date,
            sex=facts.sex,
            exemption=exemption,
            reduction=reduction,
        )
        explanation = result.explanation if profile else _("no category recorded, counted as other: %(how)s") % {
            "how": result.explanation
        }  # fmt: skip
        found = (result, explanation[:255])
        if cache is not None:
            cache[key] = found
    else:
        found = cache[key]
    result, explanation = found
    return SimpleNamespace(
        run_id=None,
        member_id=facts.member_id,
        month=month,
        category=category,
        base_amount=result.base,
        rate=result.rate,
        rule=result.rule,
        amount_due=result.amount,
        voluntary_extra=profile.voluntary_extra if profile else 0,
        explanation=explanation,
    )


def _lines(organizations: list[Organization], month: dt.date) -> dict[int, list]:
    """The lines of each member-holding organization for `month`: its members on the month's last day."""
    end = rules.last_day(month)
    spells = MembershipSpell.objects.open_on(end).filter(organization__in=[o.pk for o in organizations])
    if len(organizations) >= 900:
        spells = MembershipSpell.objects.open_on(end).filter(
            organization__path__startswith=_common_prefix(organizations)
        )
    wanted = {o.pk for o in organizations}
    facts = [
        _Facts(member_id, org_id, birth, sex)
        for member_id, org_id, birth, sex in spells.values_list(
            "member_id", "organization_id", "member__date_of_birth", "sex"
        ).iterator(chunk_size=5000)
        if org_id in wanted
    ]
    profiles = _profiles(end, spells)
    regions = _regions(organizations)
    lines: dict[int, list] = defaultdict(list)
    seen, cache = set(), {}
    for fact in facts:
        if fact.member_id in seen:  # two spells open on one day (a split at full membership): one line
            continue
        seen.add(fact.member_id)
        line = line_for(
            fact, profiles.get(fact.member_id), month=month, region=regions[fact.organization_id], cache=cache
        )
        lines[fact.organization_id].append(line)
    return lines


def _common_prefix(organizations: list[Organization]) -> str:
    paths = [o.path for o in organizations]
    first, last = min(paths), max(paths)
    size = 0
    while size < len(first) and first[size] == last[size]:
        size += 1
    return first[: size - size % Organization.steplen]


def make_runs(*, organizations: list[Organization], month: dt.date, user) -> list[DuesRun]:
    """The runs of `month` for `organizations` (member-holding, without a run of the month yet): the runs and
    all their lines in one bulk insert each."""
    month = _check_month(month)
    rule = rules.dues_rules_on(month).code
    with transaction.atomic():
        lines = _lines(organizations, month)
        runs = []
        for org in organizations:
            mine = lines.get(org.pk, [])
            runs.append(
                DuesRun(
                    organization_id=org.pk,
                    month=month,
                    rule=rule,
                    made_by=user,
                    members_count=len(mine),
                    total_due=sum(line.amount_due for line in mine),
                )
            )
        bulk.assign_ids(DuesRun, runs)
        bulk.insert(DuesRun, runs, with_ids=True, history=True, by=user)
        every = []
        for run in runs:
            for line in lines.get(run.organization_id, []):
                line.run_id = run.pk
                every.append(line)
        bulk.insert(DuesLine, every, with_ids=False)
    return runs


def make_run(*, organization: Organization, month: dt.date, user) -> DuesRun:
    """The month's run of one cell or base cell, made once (re-making is `remake_run`)."""
    if organization.kind not in MEMBER_HOLDING_KINDS or organization.deleted_at is not None:
        raise refuse("organization", _("Dues runs are made per cell or base cell: choose one."))
    month = _check_month(month)
    if DuesRun.objects.filter(organization=organization, month=month).exists():
        raise refuse(
            "month",
            _("The dues of %(month)s are already made for this cell; re-make them on purpose, with a reason.")
            % {"month": f"{month:%m/%Y}"},
        )
    return make_runs(organizations=[organization], month=month, user=user)[0]


def make_subtree_runs(*, organization: Organization, month: dt.date, user) -> list[DuesRun]:
    """The month's runs of every live cell and base cell of the subtree that has none yet (a province's month)."""
    month = _check_month(month)
    done = DuesRun.objects.filter(month=month, organization__path__startswith=organization.path)
    cells = list(
        Organization.objects.filter(
            path__startswith=organization.path, kind__in=MEMBER_HOLDING_KINDS, deleted_at__isnull=True
        )
        .exclude(pk__in=done.values("organization_id"))
        .order_by("path")
    )
    return make_runs(organizations=cells, month=month, user=user) if cells else []


def remake_run(*, run: DuesRun, reason: str, user) -> DuesRun:
    """Compute the run's month again from today's categories and rules; the old lines are replaced and the change
    is audited (the run's history keeps the reason, the user and the totals before and after)."""
    reason = (reason or "").strip()
    if not reason:
        raise refuse("reason", _("Give the reason for re-making the month's dues."))
    organization = Organization.objects.get(pk=run.organization_id)
    with transaction.atomic():
        run = DuesRun.objects.select_for_update().get(pk=run.pk)
        lines = _lines([organization], run.month).get(organization.pk, [])
        run.lines.all().delete()
        for line in lines:
            line.run_id = run.pk
        bulk.insert(DuesLine, lines, with_ids=False)
        run.rule = rules.dues_rules_on(run.month).code
        run.members_count = len(lines)
        run.total_due = sum(line.amount_due for line in lines)
        run.remade_at = timezone.now()
        run.remake_reason = reason[:255]
        run._history_user = user
        run._change_reason = reason[:100]
        run.save()
    return run


# ---- payments and reasons -------------------------------------------------------------------------------------


def _organization_for(member: Member, month: dt.date):
    line = DuesLine.objects.filter(member=member, month=month).select_related("run").first()
    if line is not None:
        return line.run.organization_id
    return member.organization_id or member.last_organization_id


def record_payment(
    *,
    member: Member,
    month: dt.date,
    amount: int,
    paid_on: dt.date,
    channel: str = Channel.CASH,
    reference: str = "",
    user,
) -> DuesPayment:
    """A payment of `member` for `month` made on `paid_on` (late or in advance when they differ)."""
    month = rules.month_of(month)
    reference = (reference or "").strip()
    today = _today()
    if not amount or amount <= 0 or amount > MAX_BASE:
        raise refuse("amount", _("The amount must be a whole number of đồng above 0."))
    if paid_on > today:
        raise refuse("paid_on", _("The payment date cannot be in the future."))
    if month < FIRST_MONTH:
        raise refuse("month", _("Dues are computed from April 2011 (QĐ 342) on."))
    if month > add_months(rules.month_of(paid_on), _advance_months()):
        raise refuse(
            "month", _("Dues can be paid at most %(months)s months in advance.") % {"months": _advance_months()}
        )
    if channel not in Channel.values:
        raise refuse("channel", _("Choose how the dues were paid."))
    if len(reference) > 64:
        raise refuse("reference", _("The reference has at most 64 characters."))
    if member.deleted_at is not None:
        raise refuse("member", _("This member's record has been deleted."))
    organization_id = _organization_for(member, month)
    if organization_id is None:
        raise refuse("member", _("The member belongs to no cell: their dues cannot be recorded."))
    with transaction.atomic():
        if reference and DuesPayment.objects.filter(channel=channel, reference=reference).exists():
            raise refuse("reference", _("A payment with this reference is already recorded."))
        payment = DuesPayment(
            member=member,
            organization_id=organization_id,
            month=month,
            amount=amount,
            paid_on=paid_on,
            channel=channel,
            reference=reference,
            recorded_by=user,
        )
        return save_record(payment, by=user)


def record_unpaid_reason(*, member: Member, month: dt.date, reason: str, user) -> UnpaidReason:
    """A good reason for an unpaid month: the month then does not count towards a removal proposal."""
    month = rules.month_of(month)
    reason = (reason or "").strip()
    if not reason:
        raise refuse("reason", _("Write the reason."))
    if month > rules.month_of(_today()):
        raise refuse("month", _("The month has not begun yet."))
    with transaction.atomic():
        record = UnpaidReason.objects.filter(member=member, month=month).first() or UnpaidReason(
            member=member, month=month
        )
        return save_record(record, by=user, reason=reason[:255], recorded_by=user)


# ---- arrears and removal -----------------------------------------------------------------------------------


def unpaid_months(*, member_ids, year: int, on: dt.date) -> dict[int, list[dt.date]]:
    """Per member, the months of `year` ended before `on` whose dues (the run's line) are not fully paid by `on`.

    The database compares each line with the sum of its payments, so only the unpaid lines come back (a whole
    province's year is hundreds of thousands of lines, its arrears a few thousand)."""
    paid_by_then = (
        DuesPayment.objects.filter(member_id=OuterRef("member_id"), month=OuterRef("month"), paid_on__lte=on)
        .order_by()
        .values("member_id")
        .annotate(total=Sum("amount"))
        .values("total")
    )
    unpaid = (
        DuesLine.objects.filter(
            member_id__in=member_ids, month__year=year, month__lt=rules.month_of(on), amount_due__gt=0
        )
        .annotate(paid=Coalesce(Subquery(paid_by_then), 0))
        .filter(paid__lt=F("amount_due"))
        .order_by()
        .values_list("member_id", "month")
    )
    found = defaultdict(set)
    for member_id, month in unpaid:
        found[member_id].add(month)
    return {k: sorted(v) for k, v in found.items()}


def months_with_reason(*, member_ids, year: int) -> dict[int, set[dt.date]]:
    found = defaultdict(set)
    for member_id, month in UnpaidReason.objects.filter(member_id__in=member_ids, month__year=year).values_list(
        "member_id", "month"
    ):
        found[member_id].add(month)
    return found


REMOVAL_MONTHS = 3


def propose_removal(*, member: Member, year: int, user, note: str = "") -> RemovalProposal:
    """The cell's proposal to remove (xóa tên) a member unpaid for three months of `year` without a good reason."""
    today = _today()
    if not 2011 <= year <= today.year:
        raise refuse("year", _("Choose a year up to this one."))
    unpaid = unpaid_months(member_ids=[member.pk], year=year, on=today).get(member.pk, [])
    excused = months_with_reason(member_ids=[member.pk], year=year).get(member.pk, set())
    counted = [m for m in unpaid if m not in excused]
    if len(counted) < REMOVAL_MONTHS:
        raise refuse(
            "member",
            _("A removal is proposed at three unpaid months in a year without good reason; %(count)s counted.")
            % {"count": len(counted)},
        )
    if RemovalProposal.objects.filter(member=member, year=year).exists():
        raise refuse("member", _("A removal proposal for this member and year already exists."))
    organization_id = member.organization_id or member.last_organization_id
    with transaction.atomic():
        proposal = RemovalProposal(
            member=member,
            organization_id=organization_id,
            year=year,
            unpaid_months=[f"{m:%Y-%m}" for m in counted],
            proposed_on=today,
            proposed_by=user,
            note=note,
        )
        return save_record(proposal, by=user)


# ---- up the tree ----------------------------------------------------------------------------------------------


def settle_period(*, organization: Organization, period_start: dt.date, period_end: dt.date, user) -> Remittance:
    """What `organization` collected over the months of the period (its members' payments and what the level
    below remitted), the share it keeps by the rule of each month and what it remits. Settling a period again
    recomputes it (the history keeps the earlier figures)."""
    if period_start.day != 1 or period_end != rules.last_day(period_end) or period_start > period_end:
        raise refuse("period_end", _("A period runs from a month's first day to a month's last day."))
    if period_start > _today():
        raise refuse("period_start", _("The period has not begun yet."))
    flows = subtree_flows(organization=organization, start=period_start, end=period_end)
    flow = flows.by_organization[organization.pk]
    rule = rules.dues_rules_on(period_end)
    with transaction.atomic():
        record = Remittance.objects.filter(
            organization=organization, period_start=period_start, period_end=period_end
        ).first() or Remittance(organization=organization, period_start=period_start, period_end=period_end)
        return save_record(
            record,
            by=user,
            collected=flow.collected,
            kept=flow.kept,
            remitted=flow.remitted,
            kept_share=flows.shares[organization.pk],
            rule=rule.code,
            recorded_by=user,
        )


def describe_period(start: dt.date, end: dt.date) -> str:
    return f"{format_short(start)} - {format_short(end)}"
