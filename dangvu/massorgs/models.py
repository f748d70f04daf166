"""Mass organizations led by the party (youth union, veterans' association, trade union) and
mass mobilisation: the figures each unit reports per period, “Dân vận khéo” models and
exemplars by level, and the yearly emulation registrations."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from dangvu.lib.softdelete import SoftDeletable

# Members and organizations are never hard-deleted by the product (their deletes are soft), so the
# foreign keys to them cascade: only a wipe of the whole registry (tests, a fresh demo) removes these rows.


class MassOrgKind(models.TextChoices):
    YOUTH_UNION = "youth_union", _("Youth union")
    VETERANS = "veterans", _("Veterans' association")
    TRADE_UNION = "trade_union", _("Trade union")


class Period(models.TextChoices):
    YEAR = "year", _("Whole year")
    FIRST_HALF = "h1", _("First half of the year")


class MassOrgFigures(SoftDeletable):
    """What a unit's mass organization reports for a period. Grades are of its members, on the
    mass organization's own scale (`massorgs.rules.GRADE_SCALES`), best first."""

    organization = models.ForeignKey(
        "organizations.Organization", on_delete=models.CASCADE, related_name="mass_org_figures", verbose_name=_("unit")
    )
    kind = models.CharField(_("mass organization"), max_length=16, choices=MassOrgKind.choices)
    year = models.PositiveSmallIntegerField(_("year"))
    period = models.CharField(_("period"), max_length=4, choices=Period.choices, default=Period.YEAR)
    bases = models.PositiveIntegerField(_("bases"))
    members = models.PositiveIntegerField(pgettext_lazy("mass organization", "members"))
    grade_1 = models.PositiveIntegerField(_("grade 1 (best)"), default=0)
    grade_2 = models.PositiveIntegerField(_("grade 2"), default=0)
    grade_3 = models.PositiveIntegerField(_("grade 3"), default=0)
    grade_4 = models.PositiveIntegerField(_("grade 4 (lowest)"), default=0)
    youth_introduced = models.PositiveIntegerField(_("introduced to the party"), default=0)
    youth_admitted = models.PositiveIntegerField(_("admitted into the party"), default=0)
    note = models.TextField(_("note"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-year", "organization__path", "kind"]
        verbose_name = _("mass organization figures")
        verbose_name_plural = _("mass organization figures")
        indexes = [models.Index(fields=["year", "period", "kind"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.year}"

    @property
    def graded(self) -> int:
        return self.grade_1 + self.grade_2 + self.grade_3 + self.grade_4


class ModelLevel(models.TextChoices):
    BASE = "base", _("Base level")
    BLOC = "bloc", _("Bloc level")
    PROVINCE = "province", _("Province level")
    CENTRAL = "central", _("Central level")


class ModelKind(models.TextChoices):
    MODEL = "model", _("Model")
    EXEMPLAR = "exemplar", _("Exemplar")


class SkilledMobilisationModel(SoftDeletable):
    """A “Dân vận khéo” model (a way of working) or exemplar (a person or collective), recognised at a level."""

    organization = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.CASCADE,
        related_name="skilled_mobilisation_models",
        verbose_name=_("unit"),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    level = models.CharField(_("level"), max_length=10, choices=ModelLevel.choices)
    kind = models.CharField(_("model or exemplar"), max_length=10, choices=ModelKind.choices, default=ModelKind.MODEL)
    name = models.CharField(_("name"), max_length=255)
    field = models.CharField(_("field"), max_length=255, blank=True)
    recognised_on = models.DateField(_("recognised on"), null=True, blank=True)
    decision_no = models.CharField(_("decision number"), max_length=64, blank=True)
    note = models.TextField(_("note"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-year", "organization__path", "name"]
        verbose_name = _("“Dân vận khéo” model")
        verbose_name_plural = _("“Dân vận khéo” models")
        indexes = [models.Index(fields=["year", "level"])]

    def __str__(self) -> str:
        return self.name


class RegistrationKind(models.TextChoices):
    GRASSROOTS_DEMOCRACY = "grassroots_democracy", _("Grassroots democracy")
    MASS_MOBILISATION = "mass_mobilisation", _("Mass-mobilisation emulation")


class EmulationRegistration(SoftDeletable):
    organization = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.CASCADE,
        related_name="emulation_registrations",
        verbose_name=_("unit"),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    kind = models.CharField(_("registration"), max_length=24, choices=RegistrationKind.choices)
    registered = models.BooleanField(_("registered"), default=True)
    registered_on = models.DateField(_("registration date"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-year", "organization__path", "kind"]
        verbose_name = _("emulation registration")
        verbose_name_plural = _("emulation registrations")
        indexes = [models.Index(fields=["year", "kind"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.year}"
