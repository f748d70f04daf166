"""Mass organization and mass mobilisation indicators."""

from django.db.models import Q, Sum
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from dangvu.indicators.registry import Computation, Group, count_rows, indicator, rate
from dangvu.massorgs.models import (
    EmulationRegistration,
    MassOrgFigures,
    MassOrgKind,
    Period,
    RegistrationKind,
    SkilledMobilisationModel,
)
from dangvu.organizations.models import BASE_KINDS, Organization

G = Group.MASS_MOBILISATION


def _period_of(c: Computation) -> tuple[int, str]:
    """Mass organizations report per year or first half: the figures of the year the period ends in; the
    first-half figures when the period ends by 30 June."""
    year = c.end.year
    return year, (Period.FIRST_HALF if c.end.month <= 6 else Period.YEAR)


def _figures(c: Computation) -> dict:
    def build():
        year, period = _period_of(c)
        rows = MassOrgFigures.objects.filter(c.in_subtree(), year=year, period=period)
        result = {}
        for row in rows.values("kind").annotate(
            bases=Sum("bases"),
            members=Sum("members"),
            introduced=Sum("youth_introduced"),
            admitted=Sum("youth_admitted"),
            excellent=Sum("grade_1"),
        ):
            result[row["kind"]] = row
        return result

    return c.shared("massorg_figures", build)


def _mobilisation(c: Computation) -> dict:
    def build():
        year = c.end.year
        models = SkilledMobilisationModel.objects.filter(c.in_subtree(), year=year)
        counts = models.aggregate(models=count_rows(Q(kind="model")), exemplars=count_rows(Q(kind="exemplar")))
        units = Organization.objects.filter(
            path__startswith=c.path, kind__in=BASE_KINDS, deleted_at__isnull=True, founded_on__lte=c.end
        ).filter(Q(ended_on__isnull=True) | Q(ended_on__gt=c.end))
        counts["units"] = units.count()
        registered = EmulationRegistration.objects.filter(organization__in=units, year=year, registered=True)
        counts |= registered.aggregate(
            **{f"registered_{kind}": count_rows(Q(kind=kind)) for kind in RegistrationKind.values}
        )
        return counts

    return c.shared("mobilisation", build)


def _register_mass_org(kind: str, label) -> None:
    for field, unit, text in (
        ("bases", _("bases"), "bases"),
        ("members", _("mass organization members"), "members"),
        ("introduced", _("people"), "young people introduced to the party"),
        ("admitted", _("people"), "young people admitted into the party"),
    ):

        def value(c, field=field):
            return (_figures(c).get(kind) or {}).get(field) or 0

        value.__doc__ = (
            f"{kind}: {text}, summed over the units of the subtree, from the figures of the year the "
            "period ends in (the first-half figures when it ends by 30 June)."
        )
        indicator(
            code=f"massorgs.{kind}.{field}",
            label=format_lazy("{kind}: {field}", kind=label, field=FIELD_LABELS[field]),
            unit=unit,
            group=G,
        )(value)


FIELD_LABELS = {
    "bases": _("bases"),
    "members": _("mass organization members"),
    "introduced": _("introduced to the party"),
    "admitted": _("admitted into the party"),
}

for _kind, _label in MassOrgKind.choices:
    _register_mass_org(_kind, _label)


@indicator(
    code="massorgs.skilled_models",
    label=_("“Dân vận khéo” models"),
    unit=_("models"),
    group=G,
    example="các mô hình dân vận khéo trong Đảng bộ khối",
)
def skilled_models(c):
    """“Dân vận khéo” models recognised in the year the period ends in, in the subtree, at any level."""
    return _mobilisation(c)["models"]


@indicator(code="massorgs.skilled_exemplars", label=_("“Dân vận khéo” exemplars"), unit=_("people"), group=G)
def skilled_exemplars(c):
    """“Dân vận khéo” exemplars recognised in the year the period ends in, in the subtree, at any level."""
    return _mobilisation(c)["exemplars"]


@indicator(
    code="massorgs.units", label=_("Base organizations (for emulation registration)"), unit=_("organizations"), group=G
)
def units(c):
    """Base organizations of the subtree alive on the last day (the denominator of the registration rates)."""
    return _mobilisation(c)["units"]


def _register_registration(kind: str, label) -> None:
    def registered(c):
        return _mobilisation(c)[f"registered_{kind}"]

    registered.__doc__ = (
        f"Base organizations of the subtree that registered '{kind}' emulation for the year the period ends in."
    )
    indicator(
        code=f"massorgs.registered_{kind}",
        label=format_lazy(_("Registered: {kind}"), kind=label),
        unit=_("organizations"),
        group=G,
    )(registered)
    rate(
        code=f"massorgs.registered_{kind}_pct",
        label=format_lazy(_("Share registered: {kind}"), kind=label),
        numerator=f"massorgs.registered_{kind}",
        denominator="massorgs.units",
        group=G,
        example="tỷ lệ cơ quan, đơn vị đăng ký thi đua dân vận khéo",
    )


for _kind, _label in RegistrationKind.choices:
    _register_registration(_kind, _label)
