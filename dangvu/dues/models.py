"""Party dues (đảng phí): what each member owes by their category, the monthly run that freezes it, payments,
good reasons for not paying, removal proposals and the shares kept and remitted up the tree.

Amounts are whole đồng (integers). A month is stored as its first day. Rules are data in `dues.rules`
(dated rule sets); a run's lines name the rule that gave each amount, so a later change of a rule or of a base
never rewrites a closed month.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from dangvu.lib.softdelete import SoftDeletable


class Category(models.TextChoices):
    INSURED = "insured", _("in compulsory social insurance")
    BENEFIT = "benefit", _("on sick or maternity pay")
    PENSIONER = "pensioner", _("receiving a pension")
    STUDENT = "student", _("pupil or student")
    # Below or at/above the retirement age: decided from the birth date and the retirement-age table.
    OTHER = "other", _("other members")
    ABROAD = "abroad", _("abroad")


class Channel(models.TextChoices):
    CASH = "cash", _("cash to the cell")
    PORTAL = "portal", _("national public-service portal")


class Exemption(models.TextChoices):
    FIFTY_YEARS = "fifty_years", _("50 years of membership")
    SOCIAL_PENSION = "social_pension", _("receiving a social pension")
    HARDSHIP = "hardship", _("in hardship")


class DuesProfile(models.Model):
    """A member's dues category from `valid_from` on (the row in force for a month is the latest one starting
    on or before the month's last day). `base_amount` is what the category needs: the social-insurance salary
    base, the benefit or the pension, in đồng; empty for categories that need none."""

    member = models.ForeignKey(
        "members.Member", on_delete=models.PROTECT, related_name="dues_profiles", verbose_name=_("member")
    )
    category = models.CharField(_("dues category"), max_length=16, choices=Category.choices)
    base_amount = models.PositiveBigIntegerField(_("base amount (đồng)"), null=True, blank=True)
    voluntary_extra = models.PositiveBigIntegerField(_("voluntary extra (đồng a month)"), default=0)
    valid_from = models.DateField(_("valid from"))
    note = models.CharField(_("note"), max_length=255, blank=True)
    # Unconfirmed (RULES.md §6): used only when the settings DANGVU_DUES_EXEMPTIONS / _REDUCTIONS turn them on.
    exemption = models.CharField(_("exemption"), max_length=16, choices=Exemption.choices, blank=True)
    reduction = models.PositiveSmallIntegerField(_("reduction (%)"), default=0)
    reduction_until = models.DateField(_("reduction until"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["member_id", "-valid_from"]
        verbose_name = _("dues category")
        verbose_name_plural = _("dues categories")
        constraints = [models.UniqueConstraint(fields=["member", "valid_from"], name="dues_profile_one_per_day")]

    def __str__(self) -> str:
        return f"{self.member_id} {self.category} {self.valid_from}"


class DuesUnit(models.Model):
    """Dues facts of an organization: the minimum-wage region of its place of activity and its treasurer."""

    organization = models.OneToOneField(
        "organizations.Organization", on_delete=models.PROTECT, related_name="dues_unit", verbose_name=_("organization")
    )
    region = models.PositiveSmallIntegerField(_("minimum-wage region"), default=1)
    # A base organization of a commune, ward or town keeps 90% of its dues, any other 70% (QĐ 342).
    in_commune = models.BooleanField(_("in a commune, ward or town"), default=False)
    treasurer = models.ForeignKey(
        "members.Member",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("treasurer"),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("dues unit")
        verbose_name_plural = _("dues units")

    def __str__(self) -> str:
        return f"{self.organization_id} region {self.region}"


class DuesRun(models.Model):
    """The month's dues of one member-holding organization (a cell or a base cell), frozen as lines.

    Made once; re-made only on purpose (`remade_at`, `remake_reason`, audited in the history)."""

    organization = models.ForeignKey(
        "organizations.Organization", on_delete=models.PROTECT, related_name="+", verbose_name=_("organization")
    )
    month = models.DateField(_("month"))
    rule = models.CharField(_("rule"), max_length=64)
    made_at = models.DateTimeField(_("made at"), auto_now_add=True)
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    remade_at = models.DateTimeField(_("re-made at"), null=True, blank=True)
    remake_reason = models.CharField(_("reason for re-making"), max_length=255, blank=True)
    members_count = models.PositiveIntegerField(_("members"), default=0)
    total_due = models.PositiveBigIntegerField(_("total due (đồng)"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-month", "organization_id"]
        verbose_name = _("monthly dues run")
        verbose_name_plural = _("monthly dues runs")
        constraints = [models.UniqueConstraint(fields=["organization", "month"], name="dues_run_one_per_month")]
        indexes = [models.Index(fields=["month", "organization"])]

    def __str__(self) -> str:
        return f"{self.organization_id} {self.month:%m/%Y}"


class DuesLine(models.Model):
    """One member's frozen dues for the run's month: how it was computed and the amount due."""

    run = models.ForeignKey(DuesRun, on_delete=models.CASCADE, related_name="lines")
    member = models.ForeignKey("members.Member", on_delete=models.PROTECT, related_name="dues_lines")
    month = models.DateField()  # the run's month, kept here so per-member queries need no join
    category = models.CharField(max_length=16, choices=Category.choices)
    base_amount = models.PositiveBigIntegerField(null=True, blank=True)
    rate = models.DecimalField(max_digits=7, decimal_places=4, null=True, blank=True)  # percent, e.g. 1.0000
    rule = models.CharField(max_length=64)
    amount_due = models.PositiveBigIntegerField()
    voluntary_extra = models.PositiveBigIntegerField(default=0)
    explanation = models.CharField(max_length=255, blank=True)

    class Meta:
        ordering = ["run_id", "member_id"]
        constraints = [models.UniqueConstraint(fields=["run", "member"], name="dues_line_one_per_member")]
        indexes = [models.Index(fields=["member", "month"]), models.Index(fields=["month"])]

    def __str__(self) -> str:
        return f"{self.member_id} {self.month:%m/%Y} {self.amount_due}"


class DuesPayment(SoftDeletable):
    """A member's payment for a month (`month`), made on `paid_on` (late or in advance when it differs)."""

    member = models.ForeignKey("members.Member", on_delete=models.PROTECT, related_name="dues_payments")
    organization = models.ForeignKey(
        "organizations.Organization", on_delete=models.PROTECT, related_name="+", verbose_name=_("organization")
    )
    month = models.DateField(_("month paid for"))
    amount = models.PositiveBigIntegerField(_("amount (đồng)"))
    paid_on = models.DateField(_("paid on"))
    channel = models.CharField(_("channel"), max_length=8, choices=Channel.choices, default=Channel.CASH)
    # The portal's transaction reference: an imported file run twice records each payment once.
    reference = models.CharField(_("reference"), max_length=64, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-month", "member_id"]
        verbose_name = _("dues payment")
        verbose_name_plural = _("dues payments")
        indexes = [models.Index(fields=["member", "month"]), models.Index(fields=["organization", "month"])]
        constraints = [
            models.UniqueConstraint(
                fields=["channel", "reference"],
                condition=~models.Q(reference="") & models.Q(deleted_at__isnull=True),
                name="dues_payment_reference_once",
            )
        ]

    def __str__(self) -> str:
        return f"{self.member_id} {self.month:%m/%Y} {self.amount}"


class UnpaidReason(models.Model):
    """A good reason recorded for a member's unpaid month: it does not count towards a removal proposal."""

    member = models.ForeignKey("members.Member", on_delete=models.PROTECT, related_name="+")
    month = models.DateField(_("month"))
    reason = models.CharField(_("reason"), max_length=255)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("reason for not paying")
        verbose_name_plural = _("reasons for not paying")
        constraints = [models.UniqueConstraint(fields=["member", "month"], name="dues_unpaid_reason_once")]


class RemovalState(models.TextChoices):
    PROPOSED = "proposed", _("proposed")
    DECIDED = "decided", _("decided")
    WITHDRAWN = "withdrawn", _("withdrawn")


class RemovalProposal(models.Model):
    """The cell's proposal to remove (xóa tên) a member unpaid for three months of a year without good reason.
    The decision itself is recorded by the members' event services; `decided_on` notes it here."""

    member = models.ForeignKey("members.Member", on_delete=models.PROTECT, related_name="+")
    organization = models.ForeignKey("organizations.Organization", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField(_("year"))
    unpaid_months = models.JSONField(_("unpaid months"), default=list)  # ["2026-03", ...]
    state = models.CharField(_("state"), max_length=12, choices=RemovalState.choices, default=RemovalState.PROPOSED)
    proposed_on = models.DateField(_("proposed on"))
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("removal proposal")
        verbose_name_plural = _("removal proposals")
        constraints = [models.UniqueConstraint(fields=["member", "year"], name="dues_removal_once_a_year")]


class Remittance(models.Model):
    """What an organization collected (from its members, or received from the level below) over a period, the
    share it kept and what it remitted to the level above, by the rule of the period.
    Invariant: collected = kept + remitted."""

    organization = models.ForeignKey("organizations.Organization", on_delete=models.PROTECT, related_name="+")
    period_start = models.DateField(_("from"))
    period_end = models.DateField(_("to"))
    collected = models.PositiveBigIntegerField(_("collected (đồng)"))
    kept = models.PositiveBigIntegerField(_("kept (đồng)"))
    remitted = models.PositiveBigIntegerField(_("remitted (đồng)"))
    kept_share = models.DecimalField(_("share kept (%)"), max_digits=5, decimal_places=2)
    rule = models.CharField(_("rule"), max_length=64)
    remitted_on = models.DateField(_("remitted on"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-period_start", "organization_id"]
        verbose_name = _("remittance")
        verbose_name_plural = _("remittances")
        constraints = [
            models.UniqueConstraint(fields=["organization", "period_start", "period_end"], name="dues_remit_once"),
            models.CheckConstraint(
                condition=models.Q(collected=models.F("kept") + models.F("remitted")), name="dues_remit_balanced"
            ),
        ]
