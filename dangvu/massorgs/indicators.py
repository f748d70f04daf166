"""Mass organization and mass mobilisation indicators."""

from functools import partial

from django.db.models import Q, Sum
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from dangvu.indicators.registry import Computation, Group, count_rows, figure, rate, shared_query
from dangvu.massorgs.models import (
    EmulationRegistration,
    MassOrgFigures,
    MassOrgKind,
    Period,
    RegistrationKind,
    SkilledMobilisationModel,
)
from dangvu.organizations.models import BASE_KINDS

G = Group.MASS_MOBILISATION
FIELDS = (  # field, unit, label, what the doc calls it
    ("bases", _("bases"), _("bases"), "bases"),
    ("members", _("mass organization members"), _("mass organization members"), "members"),
    ("introduced", _("people"), _("introduced to the party"), "young people introduced to the party"),
    ("admitted", _("people"), _("admitted into the party"), "young people admitted into the party"),
)


@shared_query
def _figures(c: Computation) -> dict:
    """Mass organizations report per year or first half: the figures of the year the period ends in; the
    first-half figures when the period ends by 30 June."""
    period = Period.FIRST_HALF if c.end.month <= 6 else Period.YEAR
    rows = MassOrgFigures.objects.filter(c.in_subtree(), year=c.end.year, period=period)
    return {
        row["kind"]: row
        for row in rows.values("kind").annotate(
            bases=Sum("bases"),
            members=Sum("members"),
            introduced=Sum("youth_introduced"),
            admitted=Sum("youth_admitted"),
            excellent=Sum("grade_1"),
        )
    }


@shared_query
def _mobilisation(c: Computation) -> dict:
    year = c.end.year
    models = SkilledMobilisationModel.objects.filter(c.in_subtree(), year=year)
    counts = models.aggregate(models=count_rows(Q(kind="model")), exemplars=count_rows(Q(kind="exemplar")))
    units = c.organizations_at_end().filter(kind__in=BASE_KINDS)
    counts["units"] = units.count()
    registered = EmulationRegistration.objects.filter(organization__in=units, year=year, registered=True)
    counts |= registered.aggregate(
        **{f"registered_{kind}": count_rows(Q(kind=kind)) for kind in RegistrationKind.values}
    )
    return counts


for _kind, _label in MassOrgKind.choices:
    for _field, _unit, _field_label, _text in FIELDS:
        figure(
            _figures,
            (_kind, _field),
            code=f"massorgs.{_kind}.{_field}",
            label=format_lazy("{kind}: {field}", kind=_label, field=_field_label),
            unit=_unit,
            group=G,
            doc=f"{_kind}: {_text}, summed over the units of the subtree, from the figures of the year the "
            "period ends in (the first-half figures when it ends by 30 June).",
        )

mobilisation = partial(figure, _mobilisation, group=G)
mobilisation(
    "models",
    code="massorgs.skilled_models",
    label=_("“Dân vận khéo” models"),
    unit=_("models"),
    doc="“Dân vận khéo” models recognised in the year the period ends in, in the subtree, at any level.",
    example="các mô hình dân vận khéo trong Đảng bộ khối",
)
mobilisation(
    "exemplars",
    code="massorgs.skilled_exemplars",
    label=_("“Dân vận khéo” exemplars"),
    unit=_("people"),
    doc="“Dân vận khéo” exemplars recognised in the year the period ends in, in the subtree, at any level.",
)
mobilisation(
    "units",
    code="massorgs.units",
    label=_("Base organizations (for emulation registration)"),
    unit=_("organizations"),
    doc="Base organizations of the subtree alive on the last day (the denominator of the registration rates).",
)
for _kind, _label in RegistrationKind.choices:
    mobilisation(
        f"registered_{_kind}",
        code=f"massorgs.registered_{_kind}",
        label=format_lazy(_("Registered: {kind}"), kind=_label),
        unit=_("organizations"),
        doc=f"Base organizations of the subtree that registered '{_kind}' emulation for the year the period ends in.",
    )
    rate(
        code=f"massorgs.registered_{_kind}_pct",
        label=format_lazy(_("Share registered: {kind}"), kind=_label),
        numerator=f"massorgs.registered_{_kind}",
        denominator="massorgs.units",
        group=G,
        example="tỷ lệ cơ quan, đơn vị đăng ký thi đua dân vận khéo",
    )
