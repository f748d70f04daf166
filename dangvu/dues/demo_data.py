"""Demo dues: a category and base for every member, the units' regions, the monthly runs from January 2024 to the
demo's last month under both rules (QĐ 342 until January 2026, QĐ 01 after), payments (about 97% on time, some
late, a few in advance, some on the public-service portal), some arrears with a few good reasons, one removal
proposal, and the quarters settled up the tree.

Month by month with bulk inserts (`lib.bulk`): the lines of a month are computed through `compute.quote` once
per distinct (category, base, region, retirement) and written in one insert, never through the per-row
services. The country-size data set has no dues (5.6 million members × 34 months is a load test of its own)."""

import datetime as dt
from collections import Counter, defaultdict

from dangvu.dues import rules
from dangvu.dues.compute import quote
from dangvu.dues.models import (
    Category,
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
from dangvu.lib.dates import add_months
from dangvu.members.models import Member, MembershipSpell
from dangvu.organizations.models import BASE_KINDS, MEMBER_HOLDING_KINDS, Organization

FIRST_MONTH = dt.date(2024, 1, 1)
SALARIES = [4_960_000 + 340_000 * i for i in range(40)]
PENSIONS = [3_200_000 + 400_000 * i for i in range(20)]
REGION_WEIGHTS = [(1, 30), (2, 30), (3, 25), (4, 15)]
ON_TIME, IN_ADVANCE, LATE = 0.96, 0.01, 0.02  # the rest is unpaid
CHRONIC = 0.004  # members who leave several months of the last year unpaid
REASONS = ["Ốm đau, điều trị dài ngày", "Đi công tác biển đảo", "Hoàn cảnh gia đình khó khăn đột xuất"]
LINE_COLUMNS = (
    "run_id",
    "member_id",
    "month",
    "category",
    "base_amount",
    "rate",
    "rule",
    "amount_due",
    "voluntary_extra",
    "explanation",
)
PAYMENT_COLUMNS = ("member_id", "organization_id", "month", "amount", "paid_on", "channel", "reference")


def _weighted(rng, pairs):
    return rng.choices([v for v, _w in pairs], weights=[w for _v, w in pairs])[0]


def seed(context) -> dict[str, int]:
    if context.size == "country":
        return {}
    rng, until = context.rng, context.until
    last_month = rules.month_of(until)
    counts: Counter = Counter()
    members = {
        pk: (birth, sex, retired)
        for pk, birth, sex, retired in Member.all_objects.values_list("pk", "date_of_birth", "sex", "retired")
    }
    spells = list(
        MembershipSpell.objects.filter(organization__kind__in=MEMBER_HOLDING_KINDS)
        .filter(start__lte=rules.last_day(last_month))
        .exclude(end__lte=FIRST_MONTH)
        .values_list("member_id", "organization_id", "start", "end")
    )
    regions = _units(rng, counts)
    profiles = _profiles(rng, {s[0] for s in spells}, members, last_month, counts)
    retire_on = {pk: rules.retirement_day(birth, sex) for pk, (birth, sex, _r) in members.items()}
    chronic = {pk for pk in sorted(profiles) if rng.random() < CHRONIC}
    quotes: dict = {}
    reference = 0
    unpaid_last_year: dict[int, list[dt.date]] = defaultdict(list)
    month = FIRST_MONTH
    while month <= last_month:
        end = rules.last_day(month)
        rule = rules.dues_rules_on(month).code
        by_org: dict[int, list[int]] = defaultdict(list)
        seen = set()
        for member_id, org_id, start, stop in spells:
            if start <= end and (stop is None or stop > end) and member_id not in seen:
                seen.add(member_id)
                by_org[org_id].append(member_id)
        runs = [DuesRun(organization_id=org_id, month=month, rule=rule) for org_id in sorted(by_org)]
        lines, payments = [], []
        for run in runs:
            region = regions.get(run.organization_id, 1)
            total = 0
            for member_id in by_org[run.organization_id]:
                profile = _in_force(profiles[member_id], end)
                category, base, extra = profile[1], profile[2], profile[3]
                retired = retire_on[member_id] <= month
                key = (month, category, base, region, retired)
                if key not in quotes:
                    birth = dt.date(1940, 1, 1) if retired else dt.date(2000, 1, 1)
                    quotes[key] = quote(on=month, category=category, base=base, region=region, birth_date=birth)
                q = quotes[key]
                total += q.amount
                lines.append((member_id, month, category, q.base, q.rate, q.rule, q.amount, extra, q.explanation))
                paid_on = _paid_on(rng, month, until, skip=member_id in chronic and month.year == until.year)
                if paid_on is None:
                    if month.year == until.year:
                        unpaid_last_year[member_id].append(month)
                    continue
                portal = month.year >= 2026 and rng.random() < 0.3
                reference += portal
                payments.append(
                    (
                        member_id,
                        run.organization_id,
                        month.isoformat(),
                        q.amount + extra,
                        paid_on.isoformat(),
                        "portal" if portal else "cash",
                        f"DVC{month:%Y%m}{reference:07d}" if portal else "",
                    )
                )
            run.members_count, run.total_due = len(by_org[run.organization_id]), total
        bulk.assign_ids(DuesRun, runs)
        bulk.insert(DuesRun, runs, with_ids=True, history=True)
        run_of = {run.organization_id: run.pk for run in runs}
        member_run = {m: run_of[org] for org, ids in by_org.items() for m in ids}
        counts["DuesRun"] += len(runs)
        counts["DuesLine"] += bulk.insert_tuples(
            DuesLine,
            LINE_COLUMNS,
            [(member_run[m], m, mo.isoformat(), c, b, r, ru, a, e, x) for m, mo, c, b, r, ru, a, e, x in lines],
        )
        counts["DuesPayment"] += bulk.insert_tuples(DuesPayment, PAYMENT_COLUMNS, payments)
        month = add_months(month, 1)
    counts.update(_arrears(rng, unpaid_last_year, until))
    counts["Remittance"] += _settle_quarters(last_month, until)
    context.log(f"dues: {counts['DuesLine']} lines, {counts['DuesPayment']} payments")
    return dict(counts)


def _units(rng, counts) -> dict[int, int]:
    """A region for every base organization (its cells take it), a few of communes; the region of each cell."""
    units, regions = [], {}
    for org in Organization.objects.filter(kind__in=BASE_KINDS).order_by("path"):
        region = _weighted(rng, REGION_WEIGHTS)
        units.append(DuesUnit(organization=org, region=region, in_commune=rng.random() < 0.3))
        regions[org.path] = region
    bulk.create(DuesUnit, units, history=True)
    counts["DuesUnit"] += len(units)
    step = Organization.steplen
    found = {}
    for pk, path in Organization.objects.filter(kind__in=MEMBER_HOLDING_KINDS).values_list("pk", "path"):
        found[pk] = next(
            (regions[path[: i * step]] for i in range(len(path) // step, 0, -1) if path[: i * step] in regions), 1
        )
    return found


def _profiles(rng, member_ids, members, last_month, counts) -> dict[int, list[tuple]]:
    """Each member's profiles, oldest first: (valid_from, category, base, voluntary extra). Some change category."""
    found, rows = {}, []
    for pk in sorted(member_ids):
        birth, _sex, retired = members[pk]
        age = (last_month - birth).days // 365
        extra = rng.choice([5_000, 10_000, 20_000]) if rng.random() < 0.01 else 0
        start = max(dt.date(2020, 1, 1), birth)
        if retired or age >= 62:
            chain = [(start, Category.PENSIONER, rng.choice(PENSIONS), extra)]
        elif age < 23:
            chain = [(start, Category.STUDENT, None, 0)]
        elif rng.random() < 0.72:
            salary = rng.choice(SALARIES)
            chain = [(start, Category.INSURED, salary, extra)]
            if rng.random() < 0.2:  # a raise on 1 July 2024 or 2025
                chain.append((dt.date(rng.choice([2024, 2025]), 7, 1), Category.INSURED, salary + 340_000, extra))
            if rng.random() < 0.03:  # four months on sick or maternity pay
                leave = dt.date(2025, rng.randrange(1, 9), 1)
                chain += [(leave, Category.BENEFIT, salary, 0), (add_months(leave, 4), Category.INSURED, salary, extra)]
                chain = sorted({profile[0]: profile for profile in chain}.values())  # one profile a day
        else:
            chain = [(start, Category.OTHER, None, extra)]
        found[pk] = chain
        rows += [
            DuesProfile(member_id=pk, valid_from=v, category=c, base_amount=b, voluntary_extra=e)
            for v, c, b, e in chain
        ]
    bulk.assign_ids(DuesProfile, rows)
    bulk.insert(DuesProfile, rows, with_ids=True, history=True)
    counts["DuesProfile"] += len(rows)
    return found


def _in_force(chain: list[tuple], end: dt.date) -> tuple:
    current = chain[0]
    for profile in chain:
        if profile[0] <= end:
            current = profile
    return current


def _paid_on(rng, month: dt.date, until: dt.date, *, skip: bool) -> dt.date | None:
    draw = rng.random()
    if skip and draw < 0.5:
        return None
    if draw < ON_TIME:
        day = month + dt.timedelta(days=rng.randrange(2, 26))
    elif draw < ON_TIME + IN_ADVANCE:
        day = month - dt.timedelta(days=rng.randrange(1, 20))
    elif draw < ON_TIME + IN_ADVANCE + LATE:
        day = add_months(month, rng.randrange(1, 4)) + dt.timedelta(days=rng.randrange(0, 20))
    else:
        return None
    return day if day <= until else None


def _arrears(rng, unpaid: dict[int, list[dt.date]], until: dt.date) -> Counter:
    """Good reasons for some unpaid months of the last year; one removal proposal for a member with three unpaid
    months without one."""
    reasons, proposed = [], None
    for member_id in sorted(unpaid):
        months = [m for m in unpaid[member_id] if add_months(m, 1) <= until]  # the months ended by then
        if months and rng.random() < 0.15:
            reasons.append(UnpaidReason(member_id=member_id, month=months[0], reason=rng.choice(REASONS)))
            months = months[1:]
        if proposed is None and len(months) >= 3:
            proposed = (member_id, months)
    bulk.create(UnpaidReason, reasons, history=True)
    counts = Counter(UnpaidReason=len(reasons))
    if proposed is not None:
        member_id, months = proposed
        organization_id = Member.all_objects.filter(pk=member_id).values_list("organization_id", flat=True).get()
        RemovalProposal.objects.create(
            member_id=member_id,
            organization_id=organization_id,
            year=until.year,
            unpaid_months=[f"{m:%Y-%m}" for m in months],
            proposed_on=until,
            note="Chi bộ đề nghị xóa tên do không đóng đảng phí ba tháng trong năm không có lý do chính đáng.",
        )
        counts["RemovalProposal"] += 1
    return counts


def _settle_quarters(last_month: dt.date, until: dt.date) -> int:
    """The quarters ended by the demo's last day, settled for every organization that collected anything."""
    rows = []
    start = FIRST_MONTH
    while add_months(start, 3) <= add_months(last_month, 1):
        end = add_months(start, 3) - dt.timedelta(days=1)
        if end > until:
            break
        flows = subtree_flows(organization=None, start=start, end=end)
        rule = rules.dues_rules_on(end).code
        for org_id, flow in flows.by_organization.items():
            if flow.collected:
                rows.append(
                    Remittance(
                        organization_id=org_id,
                        period_start=start,
                        period_end=end,
                        collected=flow.collected,
                        kept=flow.kept,
                        remitted=flow.remitted,
                        kept_share=flows.shares[org_id],
                        rule=rule,
                        remitted_on=min(end + dt.timedelta(days=10), until),
                    )
                )
        start = add_months(start, 3)
    bulk.create(Remittance, rows, history=True)
    return len(rows)
