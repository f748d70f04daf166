"""Pre-filling a report: the period's figures from the indicator registry, put into the standard sentences.

`compile_report` returns a `Compiled` document (headings, paragraphs with footnote markers,
the figures it used, the appendix rows for term reports). It is what the DOCX/XLSX/PDF
writers take, whether the text came straight from the templates (the command line) or
from a draft staff edited (`compiled_from_report`).
"""

import datetime as dt
import logging
import re
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from dangvu.indicators.registry import REGISTRY, compute
from dangvu.lib.dates import format_short
from dangvu.lib.numbers import format_count
from dangvu.members.rules import BADGE_MILESTONES
from dangvu.organizations.models import Organization
from dangvu.reports.models import Report, SentenceTemplate
from dangvu.reports.narrative import mark_missing
from dangvu.reports.periods import Kind, Period, parse_period
from dangvu.reports.sentences import render
from dangvu.reports.structure import RESULT_SECTIONS, SectionSpec, sections_of, title_of

FOOTNOTE = re.compile(r"\[\[(.*?)\]\]", re.S)
logger = logging.getLogger(__name__)


@dataclass
class CompiledSection:
    key: str
    heading: str
    level: int
    text: str  # paragraphs separated by blank lines; [[…]] marks a footnote
    writable: bool = True


@dataclass
class Compiled:
    kind: str
    period: Period
    organization: Organization | None
    doc_type: str
    subject: str
    sections: list[CompiledSection]
    figures: dict[str, int | Decimal]
    appendix: list = field(default_factory=list)
    appendix_years: list[int] = field(default_factory=list)
    number: str = ""
    place: str = ""
    issued_on: dt.date | None = None
    signing_for: str = "T/M BAN THƯỜNG VỤ"
    signer_title: str = "BÍ THƯ"
    signer_name: str = ""
    recipients: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # sentences that failed and were replaced by the default
    provisional: str = ""  # "Dự thảo tạm tính: 1/100 báo cáo" on an aggregate compiled before every report was in

    @property
    def appendix_subtitle(self) -> str:
        return f"Kết quả thực hiện các chỉ tiêu Nghị quyết Đại hội {self.period.label}"

    @property
    def appendix_headers(self) -> list[str]:
        """The columns of the appendix table in the layout of the examples: one column per year of the term."""
        years = [str(y) for y in self.appendix_years]
        return [
            "STT",
            "Nội dung",
            "Đơn vị tính",
            "Chỉ tiêu Nghị quyết",
            *years,
            "Thực hiện",
            "% so với chỉ tiêu",
            "Ghi chú",
        ]

    def appendix_table(self) -> list[list]:
        """A row a target under `appendix_headers`: the figures as numbers, None where there is none."""
        return [
            [
                row.target.number,
                row.target.content,
                row.target.unit,
                row.main.value if row.main else None,
                *[row.yearly.get(y) for y in self.appendix_years],
                row.total,
                row.main.percent if row.main else None,
                row.main.status_label if row.main else "",
            ]
            for row in self.appendix
        ]


def nested(values: dict[str, object]) -> dict:
    """{"members.admitted": 7} -> {"members": {"admitted": 7}} so templates can write i.members.admitted."""
    tree: dict = {}
    for code, value in values.items():
        node = tree
        *parents, leaf = code.split(".")
        for part in parents:
            node = node.setdefault(part, {})
        node[leaf] = value
    return tree


def badge_breakdown(figures: dict) -> str:
    parts = [
        f"{format_count(figures[f'members.badges_{y}'])} đồng chí {y} năm tuổi Đảng"
        for y in BADGE_MILESTONES
        if figures.get(f"members.badges_{y}")
    ]
    return ", ".join(parts)


DISCIPLINE_FORMS = [
    ("reprimand", "khiển trách"),
    ("warning", "cảnh cáo"),
    ("dismissal", "cách chức"),
    ("expulsion", "khai trừ"),
]
LETTER_CATEGORIES = [
    ("within_authority", "thuộc thẩm quyền"),
    ("not_within_authority", "không thuộc thẩm quyền"),
    ("forwarded_lower", "chuyển cấp dưới giải quyết"),
    ("returned_with_guidance", "trả lại và hướng dẫn"),
    ("not_considered", "không xem xét (nặc danh, mạo danh, không rõ địa chỉ, trùng lặp, không cụ thể)"),
]


def discipline_breakdown(figures: dict) -> str:
    parts = [
        f"{label} {format_count(figures[f'discipline.members_{form}'])}"
        for form, label in DISCIPLINE_FORMS
        if figures.get(f"discipline.members_{form}")
    ]
    text = ", ".join(parts)
    return text[:1].upper() + text[1:]


def letters_breakdown(figures: dict) -> str:
    parts = [
        f"{label}: {format_count(figures[f'letters.{key}'])}"
        for key, label in LETTER_CATEGORIES
        if figures.get(f"letters.{key}")
    ]
    text = "; ".join(parts)
    return text[:1].upper() + text[1:]


def documents_list(organization: Organization | None, period: Period, limit: int = 20) -> str:
    try:
        from dangvu.documents.selectors import documents_issued
    except ImportError:  # the documents app is optional for reports
        return ""
    if organization is None:
        return ""
    # The leadership documents (resolutions, directives, conclusions, plans, programmes, rules, guides);
    # letters, notices and reports are counted but not listed.
    docs = list(
        documents_issued(organization=organization, start=period.start, end=period.end)
        .filter(type_code__in=["NQ", "CT", "KL", "KH", "CTr", "QC", "HD", "QĐ"])
        .order_by("issued_on", "number")[: limit + 1]
    )
    items = [
        f"({n}) {d.subject} ({d.number_symbol}, {format_short(d.issued_on)})" for n, d in enumerate(docs[:limit], 1)
    ]
    if len(docs) > limit:
        items.append("...")
    return "; ".join(items)


def organization_changes(organization: Organization | None, period: Period) -> str:
    """The period's notable events of the tree: foundings, renamings, mergers, hand-overs, dissolutions."""
    from dangvu.organizations.models import OrganizationEvent

    if organization is None:
        return ""
    events = (
        OrganizationEvent.objects.filter(
            on__gte=period.start, on__lte=period.end, organization__path__startswith=organization.path
        )
        .exclude(organization=organization)
        .select_related("organization")
        .order_by("on")[:20]
    )
    return "; ".join(
        f"{e.get_kind_display()} {e.organization.name} ({format_short(e.on)}"
        f"{', ' + e.document_no if e.document_no else ''})"
        for e in events
    )


def render_sentence(text: str, context: dict) -> str:
    rendered = render(text, context)
    rendered = re.sub(r"[ \t]+", " ", rendered).strip()
    return FOOTNOTE.sub(lambda m: f"[[{m[1].strip()}]]" if m[1].strip() else "", rendered)


def _filled(template: SentenceTemplate, context: dict, warnings: list[str] | None) -> str:
    from dangvu.reports.default_sentences import DEFAULTS

    try:
        return render_sentence(template.text, context)
    except Exception as error:  # whatever a stored template does, the report is still made
        logger.warning("Report sentence %s failed, its default was used: %r", template.key, error)
        reason = str(error)
    default = next((text for key, *_rest, text in DEFAULTS if key == template.key), "")
    try:
        sentence = render_sentence(default, context) if default else ""
    except Exception:  # a default that fails too (cannot happen with the shipped ones): the sentence is left out
        logger.exception("Default report sentence %s failed", template.key)
        sentence = ""
    if warnings is not None:
        message = (
            _("The sentence “%(key)s” could not be filled (%(reason)s); the default sentence was used instead.")
            if sentence
            else _("The sentence “%(key)s” could not be filled (%(reason)s) and was left out.")
        )
        warnings.append(message % {"key": template.key, "reason": reason})
    return sentence


def sentence_context(*, organization: Organization | None, period: Period, figures: dict) -> dict:
    from dangvu.reports import narrative

    organization = organization or Organization.objects.filter(depth=1, deleted_at__isnull=True).first()
    name = organization.name if organization else "Đảng bộ"
    short = (organization.short_name or organization.name) if organization else "Đảng bộ"
    documents = narrative._documents(organization, period)
    programme = narrative.programme_figures(organization, period)
    vs = narrative.comparisons(figures, narrative.last_year_figures(organization, period), period)
    plan = narrative.plan_comparisons(organization, period, figures)
    strengths, weaknesses = narrative.assessment(figures, vs, plan, programme)
    return {
        "i": nested(figures),
        "org": name,
        "issuer": narrative.issuer(name),
        "org_short": _short_in_prose(short),
        "period": period.label,
        "period_in_prose": narrative.period_in_prose(period),
        "next_period": period.next_label,
        "start_date": format_short(period.start),
        "end_date": format_short(period.end),
        "year": str(period.end.year),  # a string: the template engine would group 2025 as 2.025
        "report_subject": _in_prose(title_of(period.kind, period)[1]),
        "is_base": bool(organization and organization.is_base),
        "is_term": period.is_term,
        "subordinates": narrative.subordinates(organization),
        "leading_body": narrative.leading_body(organization),
        "badge_breakdown": badge_breakdown(figures),
        "discipline_breakdown": discipline_breakdown(figures),
        "letters_breakdown": letters_breakdown(figures),
        "documents_list": narrative.documents_footnote(documents),
        "documents_named": narrative.documents_named(documents),
        "documents_by_type": narrative.documents_by_type(documents),
        "organization_changes": organization_changes(organization, period),
        "inspections_done": narrative.inspections_done(organization, period),
        "violations": narrative.violations_found(organization, period),
        "programme": programme,
        "vs": nested(vs),
        "plan": nested(plan),
        "strengths": strengths,
        "weaknesses": weaknesses,
        "next_tasks": narrative.next_tasks(organization, period),
        "done": narrative.done_by_area(organization, period),
    }


def _in_prose(subject: str) -> str:
    """'Kết quả công tác tháng 4 ...' -> 'kết quả công tác tháng 4 ...' (after "Trên đây là báo cáo")."""
    return subject[:1].lower() + subject[1:]


def _short_in_prose(short: str) -> str:
    # "ĐUK" reads as "Đảng bộ Khối" in the examples' prose; "ĐB …"/"CB …" are written out.
    if short == "ĐUK":
        return "Đảng bộ Khối"
    for abbreviation, word in (("ĐB ", "Đảng bộ "), ("CB ", "Chi bộ ")):
        if short.startswith(abbreviation):
            return word + short.removeprefix(abbreviation)
    return short


RESULT_KEYS = {key for key, _title in RESULT_SECTIONS}


def _as_dashes(text: str) -> str:
    """A monthly report writes each result as a "- " paragraph (the example's layout); a numbered line stays."""
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    return "\n\n".join(p if p.startswith(("-", "(")) else f"- {p}" for p in paragraphs)


def prefilled_sections(kind: str, period: Period, context: dict, warnings: list[str] | None = None) -> dict[str, str]:
    """Each section's standard sentences filled with the figures; a stored sentence that fails gives its default
    sentence instead, and a line in `warnings` (a report is never a server error because of a sentence)."""
    texts: dict[str, list[str]] = {}
    for template in SentenceTemplate.objects.order_by("section", "order"):
        if not template.applies_to(kind):
            continue
        sentence = _filled(template, context, warnings)
        if sentence:
            texts.setdefault(template.section, []).append(sentence)
    joined = {section: "\n\n".join(lines) for section, lines in texts.items()}
    if kind == Kind.MONTHLY:
        joined = {key: _as_dashes(text) if key in RESULT_KEYS else text for key, text in joined.items()}
    return joined


def compile_report(
    *, kind: str, period_key: str, organization: Organization | None, today: dt.date | None = None
) -> Compiled:
    period = parse_period(kind, period_key, today=today)
    figures = mark_missing(compute(organization=organization, start=period.start, end=period.end), organization, period)
    context = sentence_context(organization=organization, period=period, figures=figures)
    warnings: list[str] = []
    texts = prefilled_sections(kind, period, context, warnings)
    sections = [
        CompiledSection(s.key, s.heading, s.level, texts.get(s.key, ""), s.writable) for s in sections_of(kind, period)
    ]
    doc_type, subject = title_of(kind, period)
    compiled = Compiled(kind, period, organization, doc_type, subject, sections, figures, warnings=warnings)
    if period.is_term:
        _attach_appendix(compiled, today=today or period.end)
    return compiled


def _attach_appendix(compiled: Compiled, *, today: dt.date) -> None:
    from dangvu.targets.models import Term
    from dangvu.targets.selectors import term_progress

    first, last = compiled.period.term_years
    root = compiled.organization or Organization.objects.filter(depth=1).first()
    term = Term.objects.filter(organization=root, start_year=first, end_year=last, deleted_at__isnull=True).first()
    if term is None:
        return
    compiled.appendix = term_progress(term=term, today=min(today, compiled.period.end))
    compiled.appendix_years = [y for y in term.years if dt.date(y, 1, 1) <= compiled.period.end]


def compiled_from_report(report: Report) -> Compiled:
    """The document of a draft as staff left it: their texts, the figures frozen in the draft."""
    period = parse_period(report.kind, report.period_key)
    doc_type, subject = title_of(report.kind, period)
    sections = [CompiledSection(s.key, s.heading, s.level, s.text, s.writable) for s in report.sections.all()]
    figures = {k: Decimal(str(v)) if isinstance(v, float) else v for k, v in (report.figures or {}).items()}
    compiled = Compiled(
        report.kind,
        period,
        report.organization,
        doc_type,
        subject,
        sections,
        figures,
        number=report.number,
        place=report.place,
        issued_on=report.issued_on,
        signing_for=report.signing_for,
        signer_title=report.signer_title,
        signer_name=report.signer_name,
        recipients=[r.strip() for r in report.recipients.splitlines() if r.strip()],
        provisional=str(report.provisional_mark),
    )
    if period.is_term:
        _attach_appendix(compiled, today=period.end)
    return compiled


def known_codes() -> list[str]:
    return sorted(REGISTRY)


def spec_list(kind: str, period: Period) -> list[SectionSpec]:
    return sections_of(kind, period)
