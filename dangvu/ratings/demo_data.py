"""Demo ratings for 2020-2025 at the rates of the example reports.

Members: about 18% "excellent", 78% "good", 2% "adequate", 0.5% "failed" of those graded
(members admitted in the second half of a year are not graded, as the rules say), with the
"excellent" cap kept in every base organization. Organizations: the cell rule and the cap on
similar units kept. From 2025 every rating carries a score consistent with its grade (QĐ 366).
Seasons 2020-2025 are closed; the current year's season is open (since three weeks before the demo's last
day), with self-assessments of most members: submitted, drafts and a few returned — always those of the
`dangvien` login and of the cell of the `bithuchibo` login.
"""

import datetime as dt
from collections import defaultdict
from decimal import Decimal

from dangvu.lib import bulk
from dangvu.members.models import Member, MembershipSpell
from dangvu.organizations.models import BASE_KINDS, Organization, OrganizationKind
from dangvu.ratings.models import MemberRating, OrganizationRating, RatingSeason, SeasonStatus
from dangvu.ratings.rules import Grade, NotGradedReason, excellent_cap_allowed, rating_rules_for_year

YEARS = range(2020, 2026)
# Shares of those graded (examples: 18% excellent, 78% good, 2% adequate, 0.5% failed; the rest not graded).
FAILED, ADEQUATE, EXCELLENT = 0.005, 0.02, 0.18
NOT_GRADED = 0.015


class Row(dict):
    """A row to insert, written and read as attributes (rating.grade = ...)."""

    __getattr__ = dict.get

    def __setattr__(self, name, value):
        self[name] = value


def _score(rng, grade: str) -> Decimal:
    low, high = {Grade.EXCELLENT: (90, 99), Grade.GOOD: (70, 89), Grade.ADEQUATE: (50, 69), Grade.FAILED: (30, 49)}[
        grade
    ]
    return Decimal(rng.randint(low * 10, high * 10 + 9)) / 10


def seed(context) -> dict[str, int]:
    rng = context.rng
    root = Organization.objects.filter(depth=1, kind=OrganizationKind.COMMITTEE).order_by("path").first()
    if root is None:
        return {}
    orgs = {o.pk: o for o in Organization.objects.filter(path__startswith=root.path, deleted_at__isnull=True)}
    by_path = {o.path: o for o in orgs.values()}
    step = Organization.steplen

    def base_of(org):
        if org.kind in BASE_KINDS:
            return org
        for length in range(len(org.path) - step, 0, -step):
            candidate = by_path.get(org.path[:length])
            if candidate is not None and candidate.kind in BASE_KINDS:
                return candidate
        return org

    base_ids = {pk: base_of(org).pk for pk, org in orgs.items()}
    admitted = dict(Member.objects.values_list("pk", "admitted_on"))
    spells = list(MembershipSpell.objects.values_list("member_id", "organization_id", "start", "end"))
    seasons, member_ratings, org_ratings = [], [], []
    for year in YEARS:
        if dt.date(year, 12, 31) >= context.until:
            continue
        rules = rating_rules_for_year(year)
        season = RatingSeason(
            organization=root,
            year=year,
            status=SeasonStatus.CLOSED,
            opened_on=dt.date(year, 11, 15),
            closed_on=dt.date(year + 1, 1, 20),
        )
        seasons.append(season)
        day = dt.date(year, 12, 31)
        half = dt.date(year, 6, 30)
        by_base: dict[int, list] = defaultdict(list)
        for member_id, org_id, start, end in spells:
            if start <= day and (end is None or end > day) and org_id in orgs:
                by_base[base_ids[org_id]].append((member_id, org_id))
        cell_grades: dict[int, list[str]] = defaultdict(list)
        for base_id, people in sorted(by_base.items()):
            people.sort()
            graded = []
            for member_id, org_id in people:
                rating = Row(season=season, member_id=member_id, organization_id=org_id, base_organization_id=base_id)
                member_ratings.append(rating)
                if admitted.get(member_id) and admitted[member_id] > half:
                    rating.not_graded_reason = NotGradedReason.NEW_MEMBER
                elif rng.random() < NOT_GRADED:
                    rating.not_graded_reason = rng.choice(
                        [NotGradedReason.EXEMPT, NotGradedReason.EXEMPT, NotGradedReason.SUSPENDED]
                    )
                else:
                    graded.append(rating)
            rest = []
            for rating in graded:
                u = rng.random()
                if u < FAILED:
                    rating.grade, rating.disciplined = Grade.FAILED, rng.random() < 0.6
                elif u < FAILED + ADEQUATE:
                    rating.grade = Grade.ADEQUATE
                    rating.sick_leave_months = 3 if rng.random() < 0.3 else 0
                else:
                    rating.grade = Grade.GOOD
                    rest.append(rating)
            wanted = round(len(rest) * EXCELLENT / (1 - FAILED - ADEQUATE) + rng.uniform(-0.5, 0.5))
            for rating in rng.sample(rest, max(0, min(wanted, excellent_cap_allowed(rules, good_or_better=len(rest))))):
                rating.grade = Grade.EXCELLENT
            for rating in graded:
                cell_grades[rating.organization_id].append(rating.grade)
                if rules.scored:
                    rating.score = _score(rng, rating.grade)
                    rating.tasks_on_time_pct = (
                        Decimal(100) if rating.grade == Grade.EXCELLENT else Decimal(rng.randint(80, 100))
                    )
                    rating.tasks_exceeding_pct = Decimal(
                        rng.randint(30, 60) if rating.grade == Grade.EXCELLENT else rng.randint(0, 29)
                    )
        # Organizations: base organizations and cells that existed all year long enough to be graded.
        groups: dict[str, list] = defaultdict(list)
        for org in sorted(orgs.values(), key=lambda o: o.path):
            if org.kind == OrganizationKind.COMMITTEE or not org.founded_on or org.founded_on > day:
                continue
            if org.ended_on and org.ended_on <= day:
                continue
            rating = Row(season=season, organization_id=org.pk)
            if org.kind in BASE_KINDS:
                rating.peer_group = f"base:{org.path[:-step]}:{org.host_unit_type}"
            else:
                rating.peer_group = f"cells:{base_of(org).path}"
            org_ratings.append(rating)
            if org.founded_on > dt.date(year, 6, 30):
                rating.not_graded_reason = NotGradedReason.NEW_ORGANIZATION
                continue
            grades = cell_grades.get(org.pk, [])
            good_share = sum(1 for g in grades if g in (Grade.EXCELLENT, Grade.GOOD)) / len(grades) if grades else 0
            cell_ok = bool(grades) and Grade.FAILED not in grades and good_share >= 0.5
            is_cell = org.kind in (OrganizationKind.CELL, OrganizationKind.BASE_CELL)
            u = rng.random()
            if u < 0.01:
                rating.grade = Grade.FAILED
                rating.targets_met_pct = Decimal(rng.randint(30, 49))
            elif u < 0.07 or (is_cell and not cell_ok):
                rating.grade = Grade.ADEQUATE
            else:
                rating.grade = Grade.GOOD
                groups[rating.peer_group].append(rating)
        for key in sorted(groups):
            good = groups[key]
            wanted = round(len(good) * 0.18 + rng.uniform(-0.5, 0.5))
            for rating in rng.sample(good, max(0, min(wanted, excellent_cap_allowed(rules, good_or_better=len(good))))):
                rating.grade = Grade.EXCELLENT
        if rules.scored:
            for rating in org_ratings:
                if rating.season is season and rating.grade:
                    rating.score = _score(rng, rating.grade)
    RatingSeason.objects.bulk_create(seasons)
    for rating in (*member_ratings, *org_ratings):
        rating["season_id"] = rating.pop("season").pk
    bulk.insert_rows(MemberRating, member_ratings)
    bulk.insert_rows(OrganizationRating, org_ratings)
    assessments = _current_season(context, root, spells)
    return {
        "SelfAssessment": assessments,
        "RatingSeason": len(seasons) + 1,
        "MemberRating": len(member_ratings),
        "OrganizationRating": len(org_ratings),
    }


SUBMITTED, DRAFT, RETURNED = 0.55, 0.25, 0.05  # of the members; the rest have not started
RETURN_NOTES = ("Bổ sung phần hạn chế, khuyết điểm.", "Ghi rõ tỷ lệ nhiệm vụ hoàn thành đúng hạn.")


def _current_season(context, root, spells) -> int:
    from dangvu.accounts.models import User
    from dangvu.ratings.models import SelfAssessment, SelfAssessmentStatus
    from dangvu.ratings.rules import self_assessment_form_for_year

    rng, day = context.rng, context.until
    season = RatingSeason.objects.create(
        organization=root,
        year=day.year,
        status=SeasonStatus.OPEN,
        opened_on=day - dt.timedelta(days=21),
        self_assessment_due_on=dt.date(day.year, 12, 15),
    )
    shape = self_assessment_form_for_year(day.year)
    rules = rating_rules_for_year(day.year)
    logins = dict(User.objects.filter(username__in=("dangvien", "bithuchibo")).values_list("username", "member_id"))
    secretary_cell = User.objects.filter(username="bithuchibo").values_list("organization_id", flat=True).first()
    now = dt.datetime.combine(day, dt.time(9), tzinfo=dt.UTC)
    rows = []
    for member_id, org_id, start, end in spells:
        if not (start <= day and (end is None or end > day)):
            continue
        shown = member_id == logins.get("dangvien") or org_id == secretary_cell
        u = rng.random()
        if not shown and u >= SUBMITTED + DRAFT + RETURNED:
            continue
        status = (
            SelfAssessmentStatus.SUBMITTED
            if u < SUBMITTED
            else SelfAssessmentStatus.DRAFT
            if u < SUBMITTED + DRAFT
            else SelfAssessmentStatus.RETURNED
        )
        if member_id == logins.get("dangvien"):
            status = SelfAssessmentStatus.DRAFT  # the demo member has something to finish and submit
        row = Row(
            season_id=season.pk,
            member_id=member_id,
            organization_id=org_id,
            form_code=shape.code,
            status=status,
            disciplined=False,
            return_note=rng.choice(RETURN_NOTES) if status == SelfAssessmentStatus.RETURNED else "",
            submitted_at=now if status == SelfAssessmentStatus.SUBMITTED else None,
            updated_at=now,
        )
        grade = Grade.EXCELLENT if rng.random() < 0.2 else Grade.GOOD
        points, total = {}, Decimal(0)
        for criterion in shape.criteria:
            share = Decimal(rng.randint(92, 100) if grade == Grade.EXCELLENT else rng.randint(72, 88)) / 100
            value = (criterion.max_points * share).quantize(Decimal("0.5"))
            points[criterion.code], total = str(value), total + value
        row.points = points
        row.total_points = total if points else None
        row.tasks_on_time_pct = Decimal(100) if shape.scored else None
        row.tasks_exceeding_pct = (
            Decimal(rng.randint(30, 50) if grade == Grade.EXCELLENT else rng.randint(0, 25)) if shape.scored else None
        )
        if shape.scored:
            from dangvu.ratings.rules import best_grade_for_points

            grade = best_grade_for_points(
                rules, points=total, on_time=row.tasks_on_time_pct, exceeding=row.tasks_exceeding_pct
            )
        row.proposed_grade = grade
        row.sections = {
            code: "Đã thực hiện nghiêm túc; còn hạn chế nhỏ, sẽ khắc phục." for code, _label in shape.sections
        }
        rows.append(row)
    # bulk_create: the points and sections are JSON (insert_rows caches prepared values by value, dicts are not keys)
    SelfAssessment.objects.bulk_create([SelfAssessment(**row) for row in rows], batch_size=500)
    return len(rows)
