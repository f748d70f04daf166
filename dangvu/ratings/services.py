"""Writes of the quality ratings: open and close a season, rate a member or an organization.

Every function checks the rules of the year rated (`ratings.rules`) and refuses the whole change
with a Vietnamese message naming the rule; nothing is half-written.
"""

import datetime as dt
from decimal import Decimal

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from dangvu.accounts.models import User
from dangvu.lib.errors import refuse
from dangvu.lib.numbers import format_decimal
from dangvu.lib.softdelete import restore, soft_delete
from dangvu.members.models import Member, MembershipSpell
from dangvu.organizations.models import BASE_KINDS, Organization, OrganizationKind
from dangvu.ratings.models import (
    MemberRating,
    OrganizationRating,
    RatingSeason,
    SeasonStatus,
    SelfAssessment,
    SelfAssessmentStatus,
)
from dangvu.ratings.rules import (
    Grade,
    MemberFacts,
    OrganizationFacts,
    RuleRefusal,
    best_grade_for_points,
    better,
    grade_member,
    grade_organization,
    rating_rules_for_year,
    self_assessment_form_for_year,
)

MEMBER_FIELDS = (
    "grade",
    "not_graded_reason",
    "score",
    "tasks_on_time_pct",
    "tasks_exceeding_pct",
    "disciplined",
    "discipline_self_remedied",
    "violation",
    "sick_leave_months",
    "cell_proposed_grade",
    "note",
)
ORGANIZATION_FIELDS = (
    "grade",
    "score",
    "leadership_disciplined",
    "disciplined_units_pct",
    "disunity",
    "targets_met_pct",
    "note",
)
DATE_FIELDS = ("decided_on", "decision_date", "document_date", "on")


def members_disciplined_in_year(year: int) -> set[int]:
    """Ids of members with a discipline decision dated in `year`, read from the discipline records.

    The inspections app owns the decisions (`inspections.Discipline`, decided on `decided_on`); it is
    looked up lazily so ratings do not import it. Soft-deleted decisions (`deleted_at` set) do not
    count. The rater can also tick "disciplined this year" on the form.
    """
    try:
        model = apps.get_model("inspections", "Discipline")
    except LookupError:
        return set()
    names = {f.name for f in model._meta.get_fields()}
    date_field = next((name for name in DATE_FIELDS if name in names), None)
    if "member" not in names or date_field is None:
        return set()
    qs = model._default_manager.filter(**{f"{date_field}__year": year, "member__isnull": False})
    if "deleted_at" in names:
        qs = qs.filter(deleted_at__isnull=True)
    return set(qs.values_list("member_id", flat=True))


def reference_day(season: RatingSeason, today: dt.date | None = None) -> dt.date:
    """The day whose membership a season rates: 31/12 of the year, or today while the year runs."""
    today = today or timezone.localdate()
    return min(rating_rules_for_year(season.year).reference_date(season.year), today)


def base_organization_of(organization: Organization) -> Organization | None:
    """The base organization (đảng bộ cơ sở / chi bộ cơ sở) an organization is or belongs to."""
    if organization.kind in BASE_KINDS:
        return organization
    step = Organization.steplen
    prefixes = [organization.path[:i] for i in range(step, len(organization.path), step)]
    return Organization.objects.filter(path__in=prefixes, kind__in=BASE_KINDS).order_by("-depth").first()


def peer_group_of(organization: Organization) -> str:
    """Similar units for the cap on organizations: cells of one base organization; base organizations of one
    host-unit type under one committee."""
    if organization.kind in BASE_KINDS:
        return f"base:{organization.path[: -Organization.steplen]}:{organization.host_unit_type}"
    base = base_organization_of(organization)
    return f"cells:{base.path if base else organization.path[: -Organization.steplen]}"


def _check_open(season: RatingSeason) -> None:
    if season.status != SeasonStatus.OPEN:
        raise refuse(
            "season",
            _("The %(year)s rating season is closed; its ratings can no longer change.") % {"year": season.year},
        )


def _in_season(season: RatingSeason, organization: Organization) -> bool:
    return organization.path.startswith(season.organization.path)


@transaction.atomic
def season_open(
    *,
    organization: Organization,
    year: int,
    by: User | None,
    today: dt.date | None = None,
    self_assessment_due_on: dt.date | None = None,
) -> RatingSeason:
    today = today or timezone.localdate()
    if organization.kind != OrganizationKind.COMMITTEE:
        raise refuse("organization", _("A rating season is opened by a committee above the base level."))
    if year > today.year:
        raise refuse("year", _("The %(year)s rating season cannot be opened before the year starts.") % {"year": year})
    if year < 2000:
        raise refuse("year", _("Enter a year from 2000 on."))
    if RatingSeason.objects.filter(organization=organization, year=year).exists():
        raise refuse("year", _("The %(year)s rating season already exists.") % {"year": year})
    if self_assessment_due_on is not None and self_assessment_due_on < today:
        raise refuse("self_assessment_due_on", _("The self-assessments cannot be due before the season opens."))
    season = RatingSeason(
        organization=organization, year=year, opened_on=today, self_assessment_due_on=self_assessment_due_on
    )
    season._history_user = by
    season.save()
    return season


@transaction.atomic
def season_close(*, season: RatingSeason, by: User | None, today: dt.date | None = None) -> RatingSeason:
    from dangvu.ratings.selectors import cap_warnings, unrated_members_count

    season = RatingSeason.objects.select_for_update().get(pk=season.pk)
    _check_open(season)
    warnings = cap_warnings(season=season)
    if warnings:
        names = ", ".join(w.label for w in warnings[:5])
        raise refuse(
            "season",
            _("%(source)s: “excellent” is over %(pct)s%% of “good” in %(names)s; correct the grades first.")
            % {
                "source": rating_rules_for_year(season.year).source,
                "pct": rating_rules_for_year(season.year).excellent_cap_pct,
                "names": names,
            },
        )
    missing = unrated_members_count(season=season, today=today)
    if missing:
        raise refuse(
            "season",
            _("%(count)s members are not rated yet; rate them or record why they are not graded.") % {"count": missing},
        )
    season.status = SeasonStatus.CLOSED
    season.closed_on = today or timezone.localdate()
    season._history_user = by
    season.save()
    return season


def _member_cell_on(member: Member, day: dt.date) -> Organization | None:
    spell = MembershipSpell.objects.open_on(day).filter(member=member).select_related("organization").first()
    return spell.organization if spell else None


def _decimal_in_range(field: str, value, label: str) -> None:
    if value is not None and not (Decimal(0) <= Decimal(value) <= Decimal(100)):
        raise refuse(field, _("%(label)s is between 0 and 100.") % {"label": label})


@transaction.atomic
def member_rating_save(
    *, season: RatingSeason, member: Member, data: dict, by: User | None, today: dt.date | None = None
) -> MemberRating:
    """Rate a member for the season's year (create, or change the live rating)."""
    season = RatingSeason.objects.select_for_update().select_related("organization").get(pk=season.pk)
    _check_open(season)
    day = reference_day(season, today)
    cell = _member_cell_on(member, day)
    if cell is None or not _in_season(season, cell):
        raise refuse(
            "member",
            _("%(name)s was not a member of a cell of %(committee)s on %(day)s.")
            % {"name": member.full_name, "committee": season.organization.name, "day": day.strftime("%d/%m/%Y")},
        )
    rules = rating_rules_for_year(season.year)
    values = {name: data.get(name) for name in MEMBER_FIELDS}
    _decimal_in_range("score", values["score"], _("The score"))
    _decimal_in_range("tasks_on_time_pct", values["tasks_on_time_pct"], _("The share of tasks on time"))
    _decimal_in_range("tasks_exceeding_pct", values["tasks_exceeding_pct"], _("The share of tasks exceeding"))
    if (values["sick_leave_months"] or 0) > 12:
        raise refuse("sick_leave_months", _("A year has at most 12 months of sick leave."))
    disciplined = bool(values["disciplined"]) or member.pk in members_disciplined_in_year(season.year)
    facts = MemberFacts(
        admitted_on=member.admitted_on,
        not_graded_reason=values["not_graded_reason"] or "",
        disciplined=disciplined,
        discipline_self_remedied=bool(values["discipline_self_remedied"]),
        sick_leave_months=values["sick_leave_months"] or 0,
        score=values["score"],
        tasks_on_time_pct=values["tasks_on_time_pct"],
        tasks_exceeding_pct=values["tasks_exceeding_pct"],
        violation=bool(values["violation"]),
    )
    try:
        grade, reason = grade_member(rules, season.year, facts, values["grade"] or "")
    except RuleRefusal as refusal:
        raise refuse(refusal.field, refusal.message) from refusal
    rating = MemberRating.objects.filter(season=season, member=member).first() or MemberRating(
        season=season, member=member
    )
    for name in MEMBER_FIELDS:
        setattr(rating, name, values[name] if values[name] is not None else getattr(rating, name))
    rating.grade, rating.not_graded_reason, rating.disciplined = grade, reason, disciplined
    rating.note = values["note"] or ""
    rating.cell_proposed_grade = values["cell_proposed_grade"] or ""
    rating.organization = cell
    rating.base_organization = base_organization_of(cell) or cell
    rating._history_user = by
    rating.save()
    return rating


def _organization_member_grades(season: RatingSeason, organization: Organization) -> tuple[str, ...]:
    return tuple(MemberRating.objects.filter(season=season, organization=organization).values_list("grade", flat=True))


@transaction.atomic
def organization_rating_save(
    *, season: RatingSeason, organization: Organization, data: dict, by: User | None, today: dt.date | None = None
) -> OrganizationRating:
    season = RatingSeason.objects.select_for_update().select_related("organization").get(pk=season.pk)
    _check_open(season)
    day = reference_day(season, today)
    if (
        not _in_season(season, organization)
        or organization.kind == OrganizationKind.COMMITTEE
        or organization.deleted_at is not None
        or (organization.ended_on is not None and organization.ended_on <= day)
    ):
        raise refuse(
            "organization",
            _("%(name)s is not a base organization or cell of %(committee)s in %(year)s.")
            % {"name": organization.name, "committee": season.organization.name, "year": season.year},
        )
    rules = rating_rules_for_year(season.year)
    values = {name: data.get(name) for name in ORGANIZATION_FIELDS}
    _decimal_in_range("score", values["score"], _("The score"))
    _decimal_in_range("disciplined_units_pct", values["disciplined_units_pct"], _("The share of units disciplined"))
    _decimal_in_range("targets_met_pct", values["targets_met_pct"], _("The share of targets met"))
    facts = OrganizationFacts(
        founded_on=organization.founded_on,
        leadership_disciplined=bool(values["leadership_disciplined"]),
        disciplined_units_pct=Decimal(values["disciplined_units_pct"] or 0),
        disunity=bool(values["disunity"]),
        targets_met_pct=values["targets_met_pct"],
        score=values["score"],
        member_grades=_organization_member_grades(season, organization),
        is_cell=organization.kind in (OrganizationKind.CELL, OrganizationKind.BASE_CELL),
    )
    try:
        grade, reason = grade_organization(rules, season.year, facts, values["grade"] or "")
    except RuleRefusal as refusal:
        raise refuse(refusal.field, refusal.message) from refusal
    rating = OrganizationRating.objects.filter(season=season, organization=organization).first() or (
        OrganizationRating(season=season, organization=organization)
    )
    for name in ORGANIZATION_FIELDS:
        setattr(rating, name, values[name] if values[name] is not None else getattr(rating, name))
    rating.grade, rating.not_graded_reason = grade, reason
    rating.note = values["note"] or ""
    rating.disciplined_units_pct = values["disciplined_units_pct"] or 0
    rating.peer_group = peer_group_of(organization)
    rating._history_user = by
    rating.save()
    return rating


@transaction.atomic
def rating_delete(*, rating: MemberRating | OrganizationRating, by: User | None) -> None:
    # The season's lock, as the saves take it: the cell's grade is judged on its members' live ratings.
    RatingSeason.objects.select_for_update().get(pk=rating.season_id)
    soft_delete(rating, by=by, check=lambda r: _check_open(r.season))


@transaction.atomic
def rating_restore(*, rating: MemberRating | OrganizationRating, by: User | None) -> None:
    RatingSeason.objects.select_for_update().get(pk=rating.season_id)
    try:
        restore(rating, by=by, check=lambda r: _check_open(r.season))  # in a savepoint of its own
    except IntegrityError as clash:
        raise ValidationError(
            _("A newer rating of the same year exists; delete it first to restore this one.")
        ) from clash


# Self-assessments -------------------------------------------------------------------------------------------


def season_for_cell(cell: Organization | None) -> RatingSeason | None:
    """The season a cell's members are rated in: the newest season of a committee above it (an open one first)."""
    if cell is None:
        return None
    step = Organization.steplen
    ancestors = [cell.path[:i] for i in range(step, len(cell.path) + 1, step)]
    return (
        RatingSeason.objects.filter(organization__path__in=ancestors)
        .order_by("-year", "-status", "-organization__depth")
        .select_related("organization")
        .first()
    )


def season_for_member(member: Member) -> RatingSeason | None:
    """The season a member assesses themself in (that of their cell)."""
    return season_for_cell(member.organization)


def _check_own_open(season: RatingSeason, member: Member) -> None:
    if not season.is_open:
        raise refuse(
            "season",
            _("The %(year)s rating season is closed; the self-assessment can no longer change.")
            % {"year": season.year},
        )
    if member.organization is None or not _in_season(season, member.organization):
        raise refuse(
            "member",
            _("%(name)s is not a member of a cell of %(committee)s.")
            % {"name": member.full_name, "committee": season.organization.name},
        )


def _points(form, data: dict) -> tuple[dict, Decimal | None]:
    points, total = {}, Decimal(0)
    for criterion in form.criteria:
        value = data.get(f"points_{criterion.code}")
        if value is None:
            continue
        value = Decimal(value)
        if not Decimal(0) <= value <= criterion.max_points:
            raise refuse(
                f"points_{criterion.code}",
                _("%(criterion)s: from 0 to %(max)s points.")
                % {"criterion": criterion.label, "max": format_decimal(criterion.max_points, 0)},
            )
        points[criterion.code] = str(value)
        total += value
    return points, (total if points else None)


def self_assessment_allowed_grade(assessment: SelfAssessment) -> str:
    """The best grade the points allow ("" when the form has no points or they are not all given)."""
    form = self_assessment_form_for_year(assessment.season.year)
    if not form.scored or assessment.total_points is None or len(assessment.points) < len(form.criteria):
        return ""
    return best_grade_for_points(
        rating_rules_for_year(assessment.season.year),
        points=assessment.total_points,
        on_time=assessment.tasks_on_time_pct,
        exceeding=assessment.tasks_exceeding_pct,
        clean=not assessment.disciplined,
    )


def _check_proposal(assessment: SelfAssessment) -> None:
    allowed = self_assessment_allowed_grade(assessment)
    if allowed and assessment.proposed_grade and better(assessment.proposed_grade, allowed):
        raise refuse(
            "proposed_grade",
            _("%(source)s: %(points)s points give at best “%(allowed)s”; you cannot propose “%(asked)s”.")
            % {
                "source": rating_rules_for_year(assessment.season.year).source,
                "points": format_decimal(assessment.total_points, 2).rstrip("0").rstrip(","),
                "allowed": Grade(allowed).label,
                "asked": Grade(assessment.proposed_grade).label,
            },
        )


@transaction.atomic
def self_assessment_save(*, season: RatingSeason, member: Member, data: dict, by: User | None) -> SelfAssessment:
    """Write the member's own self-assessment (a draft, or a returned one being corrected)."""
    season = RatingSeason.objects.select_for_update().select_related("organization").get(pk=season.pk)
    _check_own_open(season, member)
    form = self_assessment_form_for_year(season.year)
    assessment = SelfAssessment.objects.filter(season=season, member=member).first() or SelfAssessment(
        season=season, member=member, organization=member.organization, form_code=form.code
    )
    if assessment.status == SelfAssessmentStatus.SUBMITTED:
        raise refuse("status", _("The self-assessment is submitted; the cell secretary may return it for changes."))
    if form.scored:
        assessment.points, assessment.total_points = _points(form, data)
        _decimal_in_range("tasks_on_time_pct", data.get("tasks_on_time_pct"), _("The share of tasks on time"))
        _decimal_in_range("tasks_exceeding_pct", data.get("tasks_exceeding_pct"), _("The share of tasks exceeding"))
        assessment.tasks_on_time_pct = data.get("tasks_on_time_pct")
        assessment.tasks_exceeding_pct = data.get("tasks_exceeding_pct")
        assessment.disciplined = bool(data.get("disciplined"))
    assessment.sections = {code: (data.get(f"section_{code}") or "").strip() for code, _label in form.sections}
    assessment.proposed_grade = data.get("proposed_grade") or ""
    assessment.organization = member.organization
    assessment.form_code = form.code
    _check_proposal(assessment)
    assessment._history_user = by
    assessment.save()
    return assessment


@transaction.atomic
def self_assessment_submit(*, assessment: SelfAssessment, by: User | None) -> SelfAssessment:
    assessment = (
        SelfAssessment.objects.select_for_update()
        .select_related("season__organization", "member")
        .get(pk=assessment.pk)
    )
    _check_own_open(assessment.season, assessment.member)
    if assessment.status == SelfAssessmentStatus.SUBMITTED:
        raise refuse("status", _("The self-assessment is already submitted."))
    form = self_assessment_form_for_year(assessment.season.year)
    if form.scored and (
        len(assessment.points) < len(form.criteria)
        or assessment.tasks_on_time_pct is None
        or assessment.tasks_exceeding_pct is None
    ):
        raise refuse("points", _("Score every criterion and give the shares of tasks on time and exceeding first."))
    if not form.scored and not all(assessment.sections.get(code) for code, _label in form.sections):
        raise refuse("sections", _("Write every section of the self-assessment first."))
    if not assessment.proposed_grade:
        raise refuse("proposed_grade", _("Propose your grade first."))
    _check_proposal(assessment)
    assessment.status = SelfAssessmentStatus.SUBMITTED
    assessment.submitted_at = timezone.now()
    assessment.return_note = ""
    assessment._history_user = by
    assessment.save()
    return assessment


@transaction.atomic
def self_assessment_return(*, assessment: SelfAssessment, note: str, by: User | None) -> SelfAssessment:
    """The cell secretary (or the office) sends a submitted self-assessment back with a note."""
    assessment = SelfAssessment.objects.select_for_update().select_related("season").get(pk=assessment.pk)
    _check_open(assessment.season)
    if assessment.status != SelfAssessmentStatus.SUBMITTED:
        raise refuse("status", _("Only a submitted self-assessment can be returned."))
    if not (note or "").strip():
        raise refuse("note", _("Say what to change."))
    assessment.status = SelfAssessmentStatus.RETURNED
    assessment.return_note = note.strip()
    assessment._history_user = by
    assessment.save()
    return assessment
