"""Congress terms and the quantitative targets of their resolutions.

A target is linked to an indicator of the registry and an aggregation over the term, or
entered by hand for what the system cannot count. Actuals of years before the system was
in use are entered by hand (`TargetActual`), and a hand-entered actual always wins over
the computed one for its year.
"""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords


class Term(models.Model):
    organization = models.ForeignKey(
        "organizations.Organization", on_delete=models.PROTECT, related_name="terms", verbose_name=_("committee")
    )
    start_year = models.PositiveSmallIntegerField(_("first year"))
    end_year = models.PositiveSmallIntegerField(_("last year"))
    resolution = models.CharField(_("congress resolution"), max_length=255, blank=True)
    deleted_at = models.DateTimeField(null=True, blank=True, editable=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-start_year"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "start_year"], name="one_term_per_start_year"),
        ]
        verbose_name = _("congress term")
        verbose_name_plural = _("congress terms")

    def __str__(self) -> str:
        return f"{self.start_year} - {self.end_year}"

    @property
    def years(self) -> list[int]:
        return list(range(self.start_year, self.end_year + 1))


class Direction(models.TextChoices):
    AT_LEAST = "at_least", _("At least")
    AT_MOST = "at_most", _("At most")


class Aggregation(models.TextChoices):
    SUM = "sum", _("Sum over the years")
    AVERAGE = "average", _("Average of the yearly values")
    LATEST = "latest", _("Latest value")


class TargetGroup(models.TextChoices):
    POLITICAL_EDUCATION = "political_education", _("Political and ideological work")
    ORGANIZATION = "organization", _("Organization and party building")
    INSPECTION = "inspection", _("Inspection, supervision and discipline")
    MASS_MOBILISATION = "mass_mobilisation", _("Mass mobilisation and mass organizations")


class Target(models.Model):
    term = models.ForeignKey(Term, on_delete=models.CASCADE, related_name="targets")
    number = models.CharField(_("number"), max_length=16)
    group = models.CharField(_("group"), max_length=32, choices=TargetGroup.choices)
    content = models.CharField(_("content"), max_length=500)
    unit = models.CharField(pgettext_lazy("target", "unit"), max_length=64)
    direction = models.CharField(
        pgettext_lazy("target", "direction"), max_length=10, choices=Direction.choices, default=Direction.AT_LEAST
    )
    indicator_code = models.CharField(
        _("indicator"), max_length=80, blank=True, help_text=_("Empty for a target whose actuals are entered by hand.")
    )
    aggregation = models.CharField(_("aggregation over the term"), max_length=10, choices=Aggregation.choices)
    order = models.PositiveSmallIntegerField(default=0)
    deleted_at = models.DateTimeField(null=True, blank=True, editable=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("target")
        verbose_name_plural = _("targets")

    def __str__(self) -> str:
        return f"{self.number}. {self.content}"


class VariantKind(models.TextChoices):
    RESOLUTION = "resolution", _("Resolution target")
    PROVINCE = "province", _("Target assigned by the province")
    STRETCH = "stretch", _("Stretch target")


class TargetVariant(models.Model):
    target = models.ForeignKey(Target, on_delete=models.CASCADE, related_name="variants")
    kind = models.CharField(_("variant"), max_length=16, choices=VariantKind.choices)
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2)
    history = HistoricalRecords()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["target", "kind"], name="one_value_per_variant")]
        ordering = ["kind"]


class YearPlan(models.Model):
    """The yearly breakdown of a target in the committee's yearly plans."""

    target = models.ForeignKey(Target, on_delete=models.CASCADE, related_name="year_plans")
    year = models.PositiveSmallIntegerField(_("year"))
    value = models.DecimalField(_("planned value"), max_digits=14, decimal_places=2)
    history = HistoricalRecords()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["target", "year"], name="one_plan_per_year")]
        ordering = ["year"]


class ManualActual(models.Model):
    """An actual entered by hand: for years before the system was in use, or what it cannot count."""

    target = models.ForeignKey(Target, on_delete=models.CASCADE, related_name="manual_actuals")
    year = models.PositiveSmallIntegerField(_("year"))
    value = models.DecimalField(_("actual value"), max_digits=14, decimal_places=2)
    source = models.CharField(_("source"), max_length=255, blank=True)
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    history = HistoricalRecords()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["target", "year"], name="one_manual_actual_per_year")]
        ordering = ["year"]

    def __str__(self) -> str:
        return f"{self.target_id}/{self.year}: {self.value}"


ZERO = Decimal("0")
