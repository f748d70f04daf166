"""The admission pipeline: candidates ("quần chúng ưu tú") and their introducers.

Each step is recorded through `candidates.services`; the admission creates the member in
the registry through `members.services.member_create` in the same transaction.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from dangvu.lib.softdelete import AliveManager, SoftDeletable, SoftDeleteQuerySet
from dangvu.members.models import Sex, national_id_validator


class Stage(models.TextChoices):
    PREPARING = "preparing", _("Preparing the file")
    CELL_APPROVED = "cell_approved", _("Approved by the cell")
    COMMITTEE_APPROVED = "committee_approved", _("Approved by the base committee")
    DECIDED = "decided", _("Admission decided")
    ADMITTED = "admitted", _("Admitted")
    WITHDRAWN = "withdrawn", _("Withdrawn")


OPEN_STAGES = (Stage.PREPARING, Stage.CELL_APPROVED, Stage.COMMITTEE_APPROVED, Stage.DECIDED)


class Candidate(SoftDeletable):
    # Personal record, copied into the member record at admission.
    full_name = models.CharField(_("full name"), max_length=120)
    sex = models.CharField(_("sex"), max_length=8, choices=Sex.choices)
    date_of_birth = models.DateField(_("date of birth"))
    national_id = models.CharField(
        _("national ID number"), max_length=12, blank=True, validators=[national_id_validator]
    )
    hometown = models.CharField(_("hometown"), max_length=255, blank=True)
    ethnicity = models.CharField(_("ethnicity"), max_length=64, default="Kinh")
    religion = models.CharField(_("religion"), max_length=64, blank=True)
    general_education = models.CharField(_("general education"), max_length=32, blank=True)
    occupation_now = models.CharField(_("current occupation"), max_length=255, blank=True)
    organization = models.ForeignKey(
        "organizations.Organization", on_delete=models.PROTECT, related_name="candidates", verbose_name=_("cell")
    )

    # The file before the cell votes (HD 12-HD/BTCTW 2022).
    awareness_class_on = models.DateField(_("party-awareness class completed on"), null=True, blank=True)
    awareness_certificate_no = models.CharField(_("certificate number"), max_length=32, blank=True)
    application_on = models.DateField(_("application dated"), null=True, blank=True)
    cv_verified_on = models.DateField(_("CV verified on"), null=True, blank=True)
    cv_verification_note = models.CharField(_("CV verification"), max_length=255, blank=True)
    youth_union_recommended = models.BooleanField(_("recommended by the youth union"), default=False)

    # Votes and decision.
    cell_vote_on = models.DateField(_("cell resolution date"), null=True, blank=True)
    cell_votes_for = models.PositiveSmallIntegerField(_("cell votes in favour"), null=True, blank=True)
    cell_voters = models.PositiveSmallIntegerField(_("full members of the cell"), null=True, blank=True)
    committee_vote_on = models.DateField(_("base committee resolution date"), null=True, blank=True)
    committee_votes_for = models.PositiveSmallIntegerField(_("committee votes in favour"), null=True, blank=True)
    committee_voters = models.PositiveSmallIntegerField(_("committee members"), null=True, blank=True)
    decision_no = models.CharField(_("admission decision number"), max_length=64, blank=True)
    decision_on = models.DateField(_("admission decision date"), null=True, blank=True)
    decision_received_on = models.DateField(_("decision received on"), null=True, blank=True)
    ceremony_on = models.DateField(_("admission ceremony date"), null=True, blank=True)
    member = models.OneToOneField(
        "members.Member", null=True, blank=True, on_delete=models.PROTECT, related_name="candidacy", editable=False
    )
    withdrawn_on = models.DateField(_("withdrawn on"), null=True, blank=True)
    withdrawn_reason = models.CharField(_("reason"), max_length=255, blank=True)

    # Derived by the services from the dates above.
    stage = models.CharField(_("stage"), max_length=20, choices=Stage.choices, default=Stage.PREPARING, editable=False)
    search_text = models.CharField(max_length=200, editable=False, default="")  # folded name and national ID
    decision_due_on = models.DateField(_("decision due by"), null=True, editable=False)
    ceremony_due_on = models.DateField(_("ceremony due by"), null=True, editable=False)

    note = models.TextField(_("note"), blank=True)
    history = HistoricalRecords(excluded_fields=["search_text"])

    class Meta:
        verbose_name = _("admission candidate")
        verbose_name_plural = _("admission candidates")
        indexes = [models.Index(fields=["organization", "stage"]), models.Index(fields=["stage", "decision_due_on"])]

    def __str__(self) -> str:
        return self.full_name

    @property
    def is_open(self) -> bool:
        return self.stage in OPEN_STAGES


class Introducer(models.Model):
    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="introducers")
    member = models.ForeignKey("members.Member", on_delete=models.PROTECT, related_name="+", verbose_name=_("member"))
    known_since = models.DateField(_("worked with the candidate since"))
    letter_on = models.DateField(_("introduction letter dated"))
    created_at = models.DateTimeField(auto_now_add=True)
    deleted_at = models.DateTimeField(null=True, blank=True, editable=False)
    history = HistoricalRecords()

    objects = AliveManager()
    all_objects = SoftDeleteQuerySet.as_manager()

    class Meta:
        verbose_name = _("introducer")
        verbose_name_plural = _("introducers")

    def __str__(self) -> str:
        return str(self.member)
