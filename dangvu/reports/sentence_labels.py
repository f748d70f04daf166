"""What the sentence page calls each standard sentence and section, in Vietnamese: staff read the label; the key
("ideology.study") is only the hint for those who edit templates."""

from django.utils.translation import gettext_lazy as _

SECTION_LABELS = {
    "results": _("Opening of the results"),
    "political_task": _("Political tasks"),
    "ideology": _("Political and ideological work"),
    "mass_mobilisation": _("Mass mobilisation"),
    "party_building": _("Building and rectifying the Party"),
    "organization": _("Organization and cadres"),
    "inspection": _("Inspection, supervision and discipline"),
    "mass_organizations": _("Leading the mass organizations"),
    "strengths": _("Strengths"),
    "weaknesses": _("Weaknesses"),
    "causes": _("Causes"),
    "next_tasks": _("Key tasks of the next period"),
}

SENTENCE_LABELS = {
    "results.opening": _("Opening sentence of the results"),
    "organization.movement": _("Members admitted, made full, transferred and removed"),
    "organization.badges": _("Party badges awarded"),
    "organization.total": _("Party organizations and members at the end of the period"),
    "political_task.programme": _("Work programme carried out"),
    "political_task.documents": _("Documents issued, by type"),
    "political_task.documents_monthly": _("Documents issued, by name"),
    "ideology.study": _("Study sessions on resolutions and directives"),
    "ideology.classes": _("Training classes"),
    "mass_mobilisation.emulation": _("Emulation and “skilful mass mobilisation” registrations"),
    "organization.changes": _("Party organizations founded and ended"),
    "organization.conclusions": _("Political-standard conclusions"),
    "organization.appointments": _("Appointments and approvals of committee members"),
    "inspection.inspections": _("Inspections and supervisions"),
    "inspection.done": _("Inspections concluded, by name"),
    "inspection.discipline": _("Discipline"),
    "inspection.letters": _("Complaints and denunciations received"),
    "mass_organizations.youth": _("Mass organizations introducing members to the Party"),
    "organization.ratings": _("Annual rating of members"),
    "organization.org_ratings": _("Annual rating of party organizations"),
    "organization.meetings": _("Cell meetings"),
    "organization.dues": _("Party dues collected and remitted"),
    "political_task.programme_done": _("Programme items done: political tasks"),
    "ideology.programme_done": _("Programme items done: ideological work"),
    "mass_mobilisation.programme_done": _("Programme items done: mass mobilisation"),
    "party_building.programme_done": _("Programme items done: building the Party"),
    "organization.programme_done": _("Programme items done: organization and cadres"),
    "inspection.programme_done": _("Programme items done: inspection and supervision"),
    "mass_organizations.programme_done": _("Programme items done: mass organizations"),
    "assessment.strengths": _("Strengths drawn from the figures"),
    "assessment.weaknesses": _("Weaknesses drawn from the figures"),
    "next_tasks.lead": _("Lead-in to the key tasks"),
    "next_tasks.programme": _("Key tasks from the work programme"),
    "next_tasks.closing": _("Closing sentence"),
}


def sentence_label(key: str) -> str:
    """A sentence's Vietnamese name; one added later without a label is named by its section."""
    if key in SENTENCE_LABELS:
        return str(SENTENCE_LABELS[key])
    return section_label(key.partition(".")[0])


def section_label(section: str) -> str:
    return str(SECTION_LABELS.get(section, section))


def kinds_label(kinds: str) -> str:
    """ "annual,mid_term" -> "Báo cáo năm, Báo cáo sơ kết giữa nhiệm kỳ"; empty -> every kind."""
    from dangvu.reports.models import KIND_CHOICES

    names = dict(KIND_CHOICES)
    chosen = [str(names.get(k.strip(), k.strip())) for k in kinds.split(",") if k.strip()]
    return ", ".join(chosen) if chosen else str(_("Every kind of report"))
