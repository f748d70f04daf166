"""Writes of the mass-organization records. Every rule is checked before anything is written,
inside one transaction; a refusal names the field and the rule in Vietnamese."""

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from dangvu.accounts.models import User
from dangvu.lib.dates import format_short
from dangvu.lib.errors import refuse
from dangvu.lib.records import save_record
from dangvu.lib.softdelete import restore, soft_delete
from dangvu.massorgs.models import EmulationRegistration, MassOrgFigures, SkilledMobilisationModel
from dangvu.massorgs.rules import COUNT_FIELDS, GRADE_FIELDS, PERIOD_MONTHS
from dangvu.organizations.models import BASE_KINDS, Organization

FIRST_YEAR = 1990


def _check_unit(organization: Organization, year: int, today: dt.date) -> None:
    """A unit is a base organization alive during the year, and the year has begun."""
    if organization.kind not in BASE_KINDS or organization.deleted_at is not None:
        raise refuse("organization", _("These records are kept per base organization: choose a base organization."))
    if not FIRST_YEAR <= year <= today.year:
        raise refuse(
            "year", _("The year must be between %(first)s and %(last)s.") % {"first": FIRST_YEAR, "last": today.year}
        )
    if organization.founded_on and organization.founded_on.year > year:
        raise refuse(
            "year",
            _("The organization was founded on %(day)s, after that year.")
            % {"day": format_short(organization.founded_on)},
        )
    if organization.ended_on and organization.ended_on.year < year:
        raise refuse(
            "year",
            _("The organization ended on %(day)s, before that year.") % {"day": format_short(organization.ended_on)},
        )


def _check_date_in_year(field: str, on: dt.date | None, year: int, today: dt.date) -> None:
    if on is None:
        return
    if on.year != year:
        raise refuse(field, _("The date must fall within the year %(year)s.") % {"year": year})
    if on > today:
        raise refuse(field, _("The date cannot be in the future."))


# ---- figures of the mass organizations --------------------------------------------------------


def _validate_figures(figures: MassOrgFigures, today: dt.date) -> None:
    _check_unit(figures.organization, figures.year, today)
    first_month, _last = PERIOD_MONTHS[figures.period]
    if dt.date(figures.year, first_month, 1) > today:
        raise refuse("period", _("The period has not begun yet."))
    for name in COUNT_FIELDS:
        value = getattr(figures, name)
        if value is None or value < 0:
            raise refuse(name, _("A count cannot be negative."))
    if figures.bases > figures.members:
        raise refuse(
            "bases",
            _("Bases (%(bases)s) cannot outnumber members (%(members)s): each base has at least one member.")
            % {"bases": figures.bases, "members": figures.members},
        )
    graded = sum(getattr(figures, name) for name in GRADE_FIELDS)
    if graded > figures.members:
        raise refuse(
            "grade_1",
            _("Members graded (%(graded)s) cannot exceed the members (%(members)s).")
            % {"graded": graded, "members": figures.members},
        )
    if figures.youth_admitted > figures.youth_introduced:
        raise refuse(
            "youth_admitted",
            _("Admitted into the party (%(admitted)s) cannot exceed those introduced (%(introduced)s).")
            % {"admitted": figures.youth_admitted, "introduced": figures.youth_introduced},
        )
    twin = MassOrgFigures.objects.filter(
        organization=figures.organization, kind=figures.kind, year=figures.year, period=figures.period
    ).exclude(pk=figures.pk)
    if twin.exists():
        raise refuse(
            "period",
            _("The %(kind)s figures of this unit for this period are already recorded; edit them instead.")
            % {"kind": figures.get_kind_display().lower()},
        )


@transaction.atomic
def figures_save(
    *,
    figures: MassOrgFigures | None = None,
    by: User | None,
    organization: Organization,
    kind: str,
    year: int,
    period: str,
    today: dt.date | None = None,
    note: str = "",
    **counts: int,
) -> MassOrgFigures:
    today = today or timezone.localdate()
    return save_record(
        figures or MassOrgFigures(),
        by=by,
        check=lambda f: _validate_figures(f, today),
        organization=organization,
        kind=kind,
        year=year,
        period=period,
        note=note,
        **{name: counts.get(name, 0) for name in COUNT_FIELDS},
    )


def figures_delete(*, figures: MassOrgFigures, by: User | None) -> None:
    soft_delete(figures, by=by)


def figures_restore(*, figures: MassOrgFigures, by: User | None, today: dt.date | None = None) -> MassOrgFigures:
    return restore(figures, by=by, check=lambda f: _validate_figures(f, today or timezone.localdate()))


# ---- “Dân vận khéo” models and exemplars --------------------------------------------------------


def _validate_model(model: SkilledMobilisationModel, today: dt.date) -> None:
    if not model.name.strip():
        raise refuse("name", _("Enter the name of the model or exemplar."))
    _check_unit(model.organization, model.year, today)
    _check_date_in_year("recognised_on", model.recognised_on, model.year, today)
    twin = SkilledMobilisationModel.objects.filter(
        organization=model.organization, year=model.year, name__iexact=model.name
    ).exclude(pk=model.pk)
    if twin.exists():
        raise refuse("name", _("This unit already has a model or exemplar of that name in that year."))


@transaction.atomic
def model_save(
    *,
    model: SkilledMobilisationModel | None = None,
    by: User | None,
    organization: Organization,
    year: int,
    level: str,
    kind: str,
    name: str,
    field: str = "",
    recognised_on: dt.date | None = None,
    decision_no: str = "",
    note: str = "",
    today: dt.date | None = None,
) -> SkilledMobilisationModel:
    today = today or timezone.localdate()
    return save_record(
        model or SkilledMobilisationModel(),
        by=by,
        check=lambda m: _validate_model(m, today),
        organization=organization,
        year=year,
        level=level,
        kind=kind,
        name=" ".join((name or "").split()),
        field=field,
        recognised_on=recognised_on,
        decision_no=decision_no,
        note=note,
    )


def model_delete(*, model: SkilledMobilisationModel, by: User | None) -> None:
    soft_delete(model, by=by)


def model_restore(
    *, model: SkilledMobilisationModel, by: User | None, today: dt.date | None = None
) -> SkilledMobilisationModel:
    return restore(model, by=by, check=lambda m: _validate_model(m, today or timezone.localdate()))


# ---- emulation registrations ----------------------------------------------------------------------


def _validate_registration(registration: EmulationRegistration, today: dt.date) -> None:
    _check_unit(registration.organization, registration.year, today)
    if registration.registered and registration.registered_on is None:
        raise refuse("registered_on", _("Enter the date the unit registered."))
    if not registration.registered and registration.registered_on is not None:
        raise refuse("registered_on", _("A unit that did not register has no registration date."))
    _check_date_in_year("registered_on", registration.registered_on, registration.year, today)
    twin = EmulationRegistration.objects.filter(
        organization=registration.organization, year=registration.year, kind=registration.kind
    ).exclude(pk=registration.pk)
    if twin.exists():
        raise refuse("kind", _("This unit's registration for that year is already recorded; edit it instead."))


@transaction.atomic
def registration_save(
    *,
    registration: EmulationRegistration | None = None,
    by: User | None,
    organization: Organization,
    year: int,
    kind: str,
    registered: bool,
    registered_on: dt.date | None = None,
    note: str = "",
    today: dt.date | None = None,
) -> EmulationRegistration:
    today = today or timezone.localdate()
    return save_record(
        registration or EmulationRegistration(),
        by=by,
        check=lambda r: _validate_registration(r, today),
        organization=organization,
        year=year,
        kind=kind,
        registered=registered,
        registered_on=registered_on,
        note=note,
    )


def registration_delete(*, registration: EmulationRegistration, by: User | None) -> None:
    soft_delete(registration, by=by)


def registration_restore(
    *, registration: EmulationRegistration, by: User | None, today: dt.date | None = None
) -> EmulationRegistration:
    return restore(registration, by=by, check=lambda r: _validate_registration(r, today or timezone.localdate()))
