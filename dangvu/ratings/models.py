"""Annual quality ratings of members and organizations, collected in a rating season per year (RULES.md §3).

A season belongs to a committee and a year; while it is open the secretaries rate their members
and cells; closing it checks the "excellent" cap and that nobody is left unrated. Ratings of a
closed season are locked.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from dangvu.lib.softdelete import SoftDeletable
from dangvu.ratings.rules import Grade, NotGradedReason


class SeasonStatus(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class RatingSeason(models.Model):
    organization = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.CASCADE,
        related_name="rating_seasons",
        verbose_name=_("committee"),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    status = models.CharField(_("status"), max_length=8, choices=SeasonStatus.choices, default=SeasonStatus.OPEN)
    opened_on = models.DateField(_("opened on"))
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-year", "organization__path"]
        verbose_name = _("rating season")
        verbose_name_plural = _("rating seasons")
        constraints = [models.UniqueConstraint(fields=["organization", "year"], name="one_season_per_committee_year")]

    def __str__(self) -> str:
        return f"{self.year} · {self.organization}"

    @property
    def is_open(self) -> bool:
        return self.status == SeasonStatus.OPEN


class RatingBase(SoftDeletable):
    season = models.ForeignKey(RatingSeason, on_delete=models.CASCADE, verbose_name=_("rating season"))
    grade = models.CharField(_("grade"), max_length=10, choices=Grade.choices, blank=True)
    not_graded_reason = models.CharField(
        _("not graded because"), max_length=20, choices=NotGradedReason.choices, blank=True
    )
    score = models.DecimalField(_("score (0-100)"), max_digits=5, decimal_places=2, null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True

    @property
    def outcome_label(self) -> str:
        if self.grade:
            return self.get_grade_display()
        return self.get_not_graded_reason_display()


class MemberRating(RatingBase):
    member = models.ForeignKey("members.Member", on_delete=models.CASCADE, related_name="ratings")
    # The member's cell and base organization on the reference date (31/12): the cap is counted per base organization.
    organization = models.ForeignKey(
        "organizations.Organization", on_delete=models.CASCADE, related_name="+", verbose_name=_("cell")
    )
    base_organization = models.ForeignKey(
        "organizations.Organization", on_delete=models.CASCADE, related_name="+", verbose_name=_("base organization")
    )
    disciplined = models.BooleanField(_("disciplined this year"), default=False)
    discipline_self_remedied = models.BooleanField(_("violation self-detected and remedied"), default=False)
    violation = models.BooleanField(_("degradation or a thing members must not do"), default=False)
    sick_leave_months = models.PositiveSmallIntegerField(_("months of sick leave in the year"), default=0)
    tasks_on_time_pct = models.DecimalField(
        _("tasks done on time (%)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    tasks_exceeding_pct = models.DecimalField(
        _("tasks exceeding requirements (%)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["season", "organization__path", "member__sort_key"]
        verbose_name = _("member rating")
        verbose_name_plural = _("member ratings")
        constraints = [
            models.UniqueConstraint(
                fields=["season", "member"], condition=Q(deleted_at__isnull=True), name="one_live_rating_per_member"
            )
        ]
        indexes = [
            models.Index(fields=["season", "base_organization", "grade"]),
            # Covers the grade counts of the indicator registry (live ratings of a season in a subtree).
            models.Index(
                fields=["season", "organization", "grade"],
                condition=Q(deleted_at__isnull=True),
                name="member_rating_grades_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.member} {self.season.year}"


class OrganizationRating(RatingBase):
    organization = models.ForeignKey(
        "organizations.Organization", on_delete=models.CASCADE, related_name="ratings", verbose_name=_("organization")
    )
    # Similar units whose "excellent" share is capped together (QĐ 124): cells of one base organization,
    # or base organizations of one host-unit type.
    peer_group = models.CharField(_("group of similar units"), max_length=64)
    leadership_disciplined = models.BooleanField(_("leadership disciplined this year"), default=False)
    disciplined_units_pct = models.DecimalField(
        _("subordinate units disciplined (%)"), max_digits=5, decimal_places=2, default=0
    )
    disunity = models.BooleanField(_("internal disunity"), default=False)
    targets_met_pct = models.DecimalField(_("targets met (%)"), max_digits=5, decimal_places=2, null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["season", "organization__path"]
        verbose_name = _("organization rating")
        verbose_name_plural = _("organization ratings")
        constraints = [
            models.UniqueConstraint(
                fields=["season", "organization"],
                condition=Q(deleted_at__isnull=True),
                name="one_live_rating_per_organization",
            )
        ]
        indexes = [models.Index(fields=["season", "peer_group", "grade"])]

    def __str__(self) -> str:
        return f"{self.organization} {self.season.year}"
