"""Documents issued and received by party organizations (văn bản đi / đến).

Issued documents get their number from `documents.services.document_issue`: the next free
number per issuing body, type and year, taken under a row lock on `NumberCounter`.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from dangvu.lib.softdelete import SoftDeletable
from dangvu.lib.vntext import fold


class Direction(models.TextChoices):
    ISSUED = "issued", _("Issued")
    RECEIVED = "received", pgettext_lazy("document direction", "Received")


class IssuerSymbol(models.Model):
    """The symbol an organization signs its numbers with, e.g. "ĐUK" in "07-NQ/ĐUK"."""

    organization = models.OneToOneField(
        "organizations.Organization", on_delete=models.PROTECT, related_name="issuer_symbol"
    )
    symbol = models.CharField(_("issuing body symbol"), max_length=16)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("issuing body symbol")
        verbose_name_plural = _("issuing body symbols")

    def __str__(self) -> str:
        return self.symbol


class NumberCounter(models.Model):
    """The last number given per issuing body, type and year; locked while the next is taken."""

    organization = models.ForeignKey("organizations.Organization", on_delete=models.PROTECT, related_name="+")
    type_code = models.CharField(max_length=8)
    year = models.PositiveSmallIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organization", "type_code", "year"], name="documents_counter_unique")
        ]


def document_upload_to(instance, filename: str) -> str:
    return f"documents/{instance.issued_on:%Y}/{filename}"


class Document(SoftDeletable):
    direction = models.CharField(_("direction"), max_length=10, choices=Direction.choices)
    organization = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.PROTECT,
        related_name="documents",
        verbose_name=_("organization"),
        help_text=_("The issuing body of an issued document; the receiving body of a received one."),
    )
    type_code = models.CharField(_("document type"), max_length=8)
    number = models.PositiveIntegerField(_("number"), null=True, blank=True)
    year = models.PositiveSmallIntegerField(_("year"))
    number_symbol = models.CharField(_("number and symbol"), max_length=64)
    issued_on = models.DateField(_("date issued"))
    received_on = models.DateField(_("date received"), null=True, blank=True)
    sender = models.CharField(_("issued by (received documents)"), max_length=255, blank=True)
    subject = models.CharField(_("subject line"), max_length=500)
    signer = models.CharField(_("signer"), max_length=120, blank=True)
    file = models.FileField(_("file"), upload_to=document_upload_to, null=True, blank=True, max_length=255)
    implements = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="implemented_by",
        verbose_name=_("implements (received document)"),
    )
    implements_text = models.CharField(_("implements (reference)"), max_length=255, blank=True)
    search_text = models.CharField(max_length=600, editable=False, default="")  # folded number and subject
    history = HistoricalRecords(excluded_fields=["search_text"])

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "type_code", "year", "number"],
                condition=models.Q(direction="issued"),
                name="documents_issued_number_unique",
            )
        ]
        indexes = [models.Index(fields=["organization", "direction", "issued_on"])]

    def __str__(self) -> str:
        return f"{self.number_symbol} {self.subject}"

    def save(self, *args, **kwargs):
        # A derived column kept with the row whichever service saves it (bulk inserts call fill_search_text).
        self.fill_search_text()
        super().save(*args, **kwargs)

    def fill_search_text(self) -> None:
        """ "07-NQ/ĐUK Nghị quyết về công tác cán bộ" -> "07-nq/duk nghi quyet ve cong tac can bo": searches
        match without tones, and đ as d."""
        self.search_text = fold(f"{self.number_symbol} {self.subject}")

    @property
    def type_label(self) -> str:
        from dangvu.documents.rules import BY_CODE

        found = BY_CODE.get(self.type_code)
        return str(found.label) if found else self.type_code


class Distribution(models.Model):
    """A document sent to the members of chosen organizations: who sent it, when, to whom. The readers are frozen at
    sending as one `Receipt` per member (the live full and probationary members of those organizations that day)."""

    document = models.ForeignKey(Document, on_delete=models.PROTECT, related_name="distributions")
    sender = models.ForeignKey(
        "organizations.Organization", on_delete=models.PROTECT, related_name="+", verbose_name=_("sent by (body)")
    )
    organizations = models.ManyToManyField(
        "organizations.Organization", related_name="+", verbose_name=_("sent to organizations")
    )
    include_subtree = models.BooleanField(_("including the organizations under them"), default=True)
    sent_on = models.DateField(_("date sent"))
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    readers = models.PositiveIntegerField(_("members sent to"), default=0)

    class Meta:
        verbose_name = _("document sent to members")
        verbose_name_plural = _("documents sent to members")
        indexes = [models.Index(fields=["sent_on"])]

    def __str__(self) -> str:
        return f"{self.document.number_symbol} {self.sent_on:%d/%m/%Y}"


class Receipt(models.Model):
    """One member sent one document (the first distribution that reached them), and when they said they read it."""

    # No index of their own: the unique (document, member) and the indexes below lead with them (fewer indexes to
    # keep up when a distribution writes 60,000 rows).
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="receipts", db_index=False)
    distribution = models.ForeignKey(Distribution, on_delete=models.CASCADE, related_name="receipts", db_index=False)
    member = models.ForeignKey(
        "members.Member", on_delete=models.CASCADE, related_name="document_receipts", db_index=False
    )
    # The member's cell on the day it was sent: read shares per organization stay as they were sent.
    organization = models.ForeignKey("organizations.Organization", on_delete=models.PROTECT, related_name="+")
    sent_on = models.DateField()  # the distribution's day, kept here so counts need no join
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)

    class Meta:
        verbose_name = _("read receipt")
        verbose_name_plural = _("read receipts")
        constraints = [models.UniqueConstraint(fields=["document", "member"], name="documents_receipt_once")]
        indexes = [
            models.Index(fields=["member", "read_at"]),
            models.Index(fields=["sent_on", "organization", "read_at"]),
            models.Index(fields=["distribution", "read_at"]),
        ]
