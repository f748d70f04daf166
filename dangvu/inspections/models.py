"""Inspection work records: inspections and supervisions, discipline decisions, complaint and denunciation letters.

Every record hangs on an organization of the tree (`organization`), which decides who sees it:
the body that conducted an inspection, the organization of the disciplined member or the
disciplined organization, the organization that received a letter. Writes go through
`inspections.services`, which applies the rules of `inspections.rules` in force on the record's date.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from dangvu.lib.softdelete import SoftDeletable
from dangvu.members.activity import ActivityYear


class Body(models.TextChoices):
    """The body of a party organization that inspects, supervises or decides."""

    STANDING_COMMITTEE = "standing_committee", _("Standing committee")
    INSPECTION_COMMITTEE = "inspection_committee", _("Inspection committee")
    BASE_COMMITTEE = "base_committee", _("Base party committee (executive)")
    CELL = "cell", _("Cell")


class InspectionKind(models.TextChoices):
    PROGRAM = "program", _("Inspection under the yearly program (Charter art. 30)")
    SIGNS_OF_VIOLATION = "signs_of_violation", _("Inspection on signs of violation (Charter art. 32)")
    INSPECTION_DUTIES = "inspection_duties", _("Inspection of inspection and supervision duties (Charter art. 32)")
    DISCIPLINE_ENFORCEMENT = "discipline_enforcement", _("Inspection of discipline enforcement (Charter art. 32)")
    FINANCES = "finances", _("Inspection of party finances and dues (Charter art. 32)")
    THEMATIC_SUPERVISION = "thematic_supervision", _("Thematic supervision")


SUPERVISION_KINDS = (InspectionKind.THEMATIC_SUPERVISION,)


class Record(SoftDeletable):
    """Columns shared by the three kinds of record: the organization that scopes it, soft delete, timestamps."""

    # Users never hard-delete organizations or members (deletes are soft); CASCADE only lets a whole
    # data set be wiped (tests, demo reseeding) without tripping over these records.
    organization = models.ForeignKey(
        "organizations.Organization", on_delete=models.CASCADE, related_name="+", verbose_name=_("organization")
    )
    note = models.TextField(_("note"), blank=True)

    class Meta:
        abstract = True


class Inspection(Record):
    """One inspection or supervision: the conducting body (of `organization`), its kind, subjects and conclusion."""

    body = models.CharField(_("conducted by"), max_length=24, choices=Body.choices)
    kind = models.CharField(_("kind"), max_length=24, choices=InspectionKind.choices)
    title = models.CharField(_("content"), max_length=255)
    document_no = models.CharField(_("decision or plan number"), max_length=64, blank=True)
    started_on = models.DateField(_("start date"))
    ended_on = models.DateField(_("end date"), null=True, blank=True)
    conclusion = models.TextField(_("conclusion"), blank=True)
    violation_found = models.BooleanField(_("violation found"), default=False)
    subject_organizations = models.ManyToManyField(
        "organizations.Organization", blank=True, related_name="inspections", verbose_name=_("organizations inspected")
    )
    subject_members = models.ManyToManyField(
        "members.Member",
        blank=True,
        through="InspectionSubjectMember",
        related_name="inspections",
        verbose_name=_("members inspected"),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("inspection or supervision")
        verbose_name_plural = _("inspections and supervisions")
        indexes = [models.Index(fields=["started_on"]), models.Index(fields=["kind", "started_on"])]

    def __str__(self) -> str:
        return self.title

    @property
    def is_supervision(self) -> bool:
        return self.kind in SUPERVISION_KINDS


class InspectionSubjectMember(models.Model):
    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="member_rows")
    member = models.ForeignKey("members.Member", on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["inspection", "member"], name="inspection_member_once")]


class InspectedYear(ActivityYear):
    """The months of a year in which a member was a subject of an inspection or supervision that is not
    deleted, by the day it began, with where the member was counted at each month's end (see members.activity).
    Rebuilt by the services that change inspections and when a member's spells are rewritten; read by the
    indicator of members inspected or supervised."""

    class Meta:
        constraints = [models.UniqueConstraint(fields=["member", "year", "organization"], name="inspected_year_once")]
        indexes = [
            # Periods within a year: members counted at the last month's end with a month active.
            models.Index(fields=["year", "organization", "counted_months", "months"], name="inspected_year_count_idx"),
            # Periods over several years: the members active in them.
            models.Index(fields=["year", "months", "member"], name="inspected_year_cover_idx"),
        ]


class DisciplineForm(models.TextChoices):
    REPRIMAND = "reprimand", _("Reprimand")
    WARNING = "warning", _("Warning")
    DISMISSAL = "dismissal", _("Dismissal from post")
    EXPULSION = "expulsion", _("Expulsion")
    DISSOLUTION = "dissolution", _("Dissolution")


class ViolationCategory(models.TextChoices):
    POLITICAL_IDEOLOGY = "political_ideology", _("Political ideology")
    INTERNAL_POLITICS = "internal_politics", _("Internal politics")
    DEFENCE_SECURITY = "defence_security", _("Defence, security or foreign affairs harming national interests")
    ORGANIZATIONAL_PRINCIPLES = "organizational_principles", _("Organizational principles and working rules")
    MEMBER_DUTIES = "member_duties", _("Party activities and member duties")
    CORRUPTION = "corruption", _("Corruption, waste and negative conduct")
    FINANCE_ASSETS = "finance_assets", _("Finance, land and public assets")
    FAMILY_PLANNING = "family_planning", _("Population and family planning policy")
    ILLEGAL_DIPLOMAS = "illegal_diplomas", _("Use of illegal diplomas or certificates")
    MORALITY = "morality", _("Morality and lifestyle")
    LAW = "law", _("Other breaches of the law")
    OTHER = "other", _("Other")


class Discipline(Record):
    """A discipline decision on one member or one organization.

    `organization` is the member's cell on the decision date, or the disciplined organization;
    `deciding_organization` with `body` names who decided.
    """

    member = models.ForeignKey(
        "members.Member",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="disciplines",
        verbose_name=_("member disciplined"),
    )
    subject_organization = models.ForeignKey(
        "organizations.Organization",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="disciplines",
        verbose_name=_("organization disciplined"),
    )
    form = models.CharField(_("form of discipline"), max_length=16, choices=DisciplineForm.choices)
    body = models.CharField(_("decided by"), max_length=24, choices=Body.choices)
    deciding_organization = models.ForeignKey(
        "organizations.Organization", on_delete=models.CASCADE, related_name="+", verbose_name=_("of the organization")
    )
    decision_no = models.CharField(_("decision number"), max_length=64)
    decided_on = models.DateField(_("decision date"))
    violation_category = models.CharField(_("violation category"), max_length=32, choices=ViolationCategory.choices)
    violation = models.TextField(_("violation"), blank=True)
    violation_started_on = models.DateField(_("violation committed on"))
    violation_ended_on = models.DateField(
        _("continuing violation ended on"),
        null=True,
        blank=True,
        help_text=_("For a continuing violation: the statute of limitations runs from its end."),
    )
    new_violation_on = models.DateField(
        _("new violation on"),
        null=True,
        blank=True,
        help_text=_("A new violation within the period restarts the statute of limitations from its date."),
    )
    on_committee = models.BooleanField(_("member of a party committee"), default=False)
    holds_post = models.BooleanField(
        _("holds a post"), default=False, help_text=_("Dismissal applies only to a member who holds a post.")
    )
    was_probationary = models.BooleanField(_("probationary member on the decision date"), default=False, editable=False)
    expulsion_event = models.OneToOneField(
        "members.MemberEvent", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("discipline decision")
        verbose_name_plural = _("discipline decisions")
        indexes = [models.Index(fields=["decided_on"]), models.Index(fields=["form", "decided_on"])]

    def __str__(self) -> str:
        return f"{self.decision_no} {self.get_form_display()}"

    @property
    def subject_name(self) -> str:
        subject = self.member or self.subject_organization
        return str(subject) if subject else ""


class LetterKind(models.TextChoices):
    COMPLAINT = "complaint", _("Complaint")
    DENUNCIATION = "denunciation", _("Denunciation")
    BOTH = "both", _("Complaint and denunciation")


class LetterCategory(models.TextChoices):
    WITHIN_AUTHORITY = "within_authority", _("Within our authority")
    NOT_WITHIN_AUTHORITY = "not_within_authority", _("Not within our authority")
    FORWARDED_LOWER = "forwarded_lower", _("Forwarded to a lower level")
    RETURNED_WITH_GUIDANCE = "returned_with_guidance", _("Returned with guidance")
    ANONYMOUS = "anonymous", _("Not considered: anonymous")
    IMPERSONATED = "impersonated", _("Not considered: sent under another's name")
    NO_ADDRESS = "no_address", _("Not considered: no clear address")
    REPEATED = "repeated", _("Not considered: repeated without new evidence")
    VAGUE = "vague", _("Not considered: too vague to verify")


NOT_CONSIDERED_CATEGORIES = (
    LetterCategory.ANONYMOUS,
    LetterCategory.IMPERSONATED,
    LetterCategory.NO_ADDRESS,
    LetterCategory.REPEATED,
    LetterCategory.VAGUE,
)


class LetterStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    IN_PROGRESS = "in_progress", _("Being handled")
    RESOLVED = "resolved", _("Resolved")
    CLOSED = "closed", _("Filed without handling")


OPEN_LETTER_STATUSES = (LetterStatus.RECEIVED, LetterStatus.IN_PROGRESS)


class Letter(Record):
    """A complaint or denunciation letter received by `organization` (its inspection committee or committee)."""

    received_on = models.DateField(_("received on"))
    kind = models.CharField(_("kind"), max_length=16, choices=LetterKind.choices)
    signed = models.BooleanField(_("signed"), default=True)
    sender = models.CharField(_("sender"), max_length=255, blank=True)
    sender_address = models.CharField(_("sender's address"), max_length=255, blank=True)
    member = models.ForeignKey(
        "members.Member",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="letters",
        verbose_name=_("member concerned"),
    )
    subject_organization = models.ForeignKey(
        "organizations.Organization",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="letters",
        verbose_name=_("organization concerned"),
    )
    subject_text = models.CharField(_("concerning (other)"), max_length=255, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    category = models.CharField(_("handling"), max_length=24, choices=LetterCategory.choices)
    due_on = models.DateField(_("deadline"), null=True, blank=True, editable=False)
    extended = models.BooleanField(_("deadline extended"), default=False)
    status = models.CharField(_("status"), max_length=16, choices=LetterStatus.choices, default=LetterStatus.RECEIVED)
    resolved_on = models.DateField(_("resolved on"), null=True, blank=True)
    result = models.TextField(_("result"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("complaint or denunciation letter")
        verbose_name_plural = _("complaint and denunciation letters")
        indexes = [models.Index(fields=["received_on"]), models.Index(fields=["status", "due_on"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.received_on:%d/%m/%Y}"

    @property
    def handled_as(self) -> str:
        """A letter that both complains and denounces is handled as a complaint (HD 02-HD/TW 2021)."""
        return LetterKind.COMPLAINT if self.kind == LetterKind.BOTH else self.kind

    @property
    def handled_as_label(self):
        return LetterKind(self.handled_as).label

    @property
    def subject_name(self) -> str:
        parts = [str(x) for x in (self.member, self.subject_organization) if x] + (
            [self.subject_text] if self.subject_text else []
        )
        return "; ".join(parts)

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_LETTER_STATUSES
