from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from dangvu.accounts.models import User
from dangvu.indicators.registry import REGISTRY
from dangvu.lib.errors import refuse
from dangvu.lib.softdelete import restore, soft_delete
from dangvu.targets.models import ManualActual, Target, TargetVariant, Term, YearPlan


@transaction.atomic
def term_create(*, organization, start_year: int, end_year: int, resolution: str, by: User | None) -> Term:
    if end_year < start_year:
        raise refuse("end_year", _("The last year comes before the first year."))
    if end_year - start_year > 10:
        raise refuse("end_year", _("A congress term lasts at most 10 years."))
    if (
        Term.objects.filter(organization=organization, deleted_at__isnull=True)
        .filter(start_year__lte=end_year, end_year__gte=start_year)
        .exclude(start_year=end_year)
        .exclude(end_year=start_year)
        .exists()
    ):
        raise refuse("start_year", _("This committee already has a term covering these years."))
    term = Term(organization=organization, start_year=start_year, end_year=end_year, resolution=resolution.strip())
    term._history_user = by
    term.save()
    return term


def _check_target_fields(*, indicator_code: str) -> None:
    if indicator_code and indicator_code not in REGISTRY:
        raise refuse("indicator_code", _("Unknown indicator code: %(codes)s.") % {"codes": indicator_code})


@transaction.atomic
def target_save(
    *,
    term: Term,
    by: User | None,
    target: Target | None = None,
    variants: dict[str, Decimal | None],
    plans: dict[int, Decimal | None],
    **fields,
) -> Target:
    """Create or update a target with its variants and yearly plan in one transaction."""
    _check_target_fields(indicator_code=fields.get("indicator_code", ""))
    if not any(v is not None for v in variants.values()):
        raise refuse("resolution", _("Enter at least one target value."))
    for year in plans:
        if year not in term.years:
            raise refuse("plans", _("The year %(year)s is outside the term.") % {"year": year})
    target = target or Target(term=term)
    for name, value in fields.items():
        setattr(target, name, value.strip() if isinstance(value, str) else value)
    target._history_user = by
    target.save()
    for kind, value in variants.items():
        if value is None:
            target.variants.filter(kind=kind).delete()
        else:
            TargetVariant.objects.update_or_create(target=target, kind=kind, defaults={"value": value})
    for year, value in plans.items():
        if value is None:
            target.year_plans.filter(year=year).delete()
        else:
            YearPlan.objects.update_or_create(target=target, year=year, defaults={"value": value})
    return target


@transaction.atomic
def manual_actual_enter(*, target: Target, year: int, value: Decimal | None, source: str, by: User | None) -> None:
    """Enter (or clear, with None) the actual of one year by hand; it overrides the computed value of that year."""
    if year not in target.term.years:
        raise refuse("year", _("The year %(year)s is outside the term.") % {"year": year})
    if year > timezone.localdate().year:
        raise refuse("year", _("The year %(year)s has not started yet.") % {"year": year})
    if value is None:
        target.manual_actuals.filter(year=year).delete()
        return
    if value < 0:
        raise refuse("value", _("An actual value cannot be negative."))
    actual, _created = ManualActual.objects.get_or_create(
        target=target, year=year, defaults={"value": value, "entered_by": by}
    )
    actual.value, actual.source, actual.entered_by = value, source.strip(), by
    actual._history_user = by
    actual.save()


def target_delete(*, target: Target, by: User | None) -> None:
    soft_delete(target, by=by)


def target_restore(*, target: Target, by: User | None) -> None:
    restore(target, by=by)
