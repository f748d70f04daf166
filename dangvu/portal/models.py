"""A member's request to correct a field of their record, handled by their cell's secretary or the office."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

# The fields of the personal record a member may ask to correct (members.services.PERSONAL_FIELDS). Not the card
# and CV numbers (they come with the card's issue), the photo, or the long notes on family and political history.
CORRECTABLE_FIELDS = (
    "full_name",
    "birth_name",
    "aliases",
    "sex",
    "date_of_birth",
    "place_of_birth",
    "hometown",
    "permanent_address",
    "temporary_address",
    "national_id",
    "phone",
    "ethnicity",
    "religion",
    "general_education",
    "professional_qualification",
    "political_theory_level",
    "foreign_language",
    "occupation_now",
    "position",
)


class CorrectionState(models.TextChoices):
    PENDING = "pending", _("Pending")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", pgettext_lazy("correction request", "Withdrawn")


class CorrectionRequest(models.Model):
    member = models.ForeignKey(
        "members.Member", on_delete=models.CASCADE, related_name="correction_requests", verbose_name=_("member")
    )
    field = models.CharField(_("field of the record"), max_length=40)
    # The stored value when the request was made, as text (a date as yyyy-mm-dd, a choice as its code): a request
    # whose field has changed since is stale.
    current_value = models.TextField(_("current value"), blank=True)
    proposed_value = models.TextField(_("proposed value"), blank=True)
    note = models.TextField(_("note or evidence"), blank=True)
    state = models.CharField(
        _("state"), max_length=10, choices=CorrectionState.choices, default=CorrectionState.PENDING
    )
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("handled by"),
    )
    handled_at = models.DateTimeField(_("handled at"), null=True, blank=True)
    response = models.TextField(_("response"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("correction request")
        verbose_name_plural = _("correction requests")
        indexes = [
            models.Index(fields=["member", "state"]),
            models.Index(fields=["state", "created_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.member_id}:{self.field} ({self.state})"

    @property
    def is_pending(self) -> bool:
        return self.state == CorrectionState.PENDING
