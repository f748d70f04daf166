"""Writes to reports: create a draft pre-filled from the registry, edit its sections, submit it."""

import datetime as dt
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from dangvu.accounts.models import User
from dangvu.lib.errors import refuse
from dangvu.lib.period_picker import period_label
from dangvu.lib.softdelete import soft_delete
from dangvu.organizations.models import Organization
from dangvu.reports.compile import compile_report
from dangvu.reports.models import KIND_CHOICES as KIND_LABELS
from dangvu.reports.models import Report, ReportSection, ReportStatus, Round
from dangvu.reports.periods import PeriodError, parse_period


def _jsonable(figures: dict) -> dict:
    return {k: (str(v) if isinstance(v, Decimal) else v) for k, v in figures.items()}


def _check_period(kind: str, period_key: str) -> None:
    try:
        parse_period(kind, period_key)
    except PeriodError:
        raise refuse(
            "period_key",
            _("The period %(period)s does not fit a report of this kind.") % {"period": period_label(period_key)},
        ) from None


@transaction.atomic
def report_create(
    *,
    organization: Organization,
    kind: str,
    period_key: str,
    by: User | None,
    round: Round | None = None,
    today: dt.date | None = None,
) -> Report:
    """A draft with every section pre-filled with the period's figures in the standard sentences."""
    _check_period(kind, period_key)
    compiled = compile_report(kind=kind, period_key=period_key, organization=organization, today=today)
    from django.conf import settings

    from dangvu.reports.docx_writer import default_signing_for

    report = Report(
        organization=organization,
        kind=kind,
        period_key=compiled.period.key,
        round=round,
        figures=_jsonable(compiled.figures),
        created_by=by,
        place=getattr(settings, "DANGVU_PLACE", ""),
        signing_for=default_signing_for(organization),
    )
    report._history_user = by
    report.save()
    ReportSection.objects.bulk_create(
        ReportSection(
            report=report, key=s.key, heading=s.heading, level=s.level, text=s.text, order=n, writable=s.writable
        )
        for n, s in enumerate(compiled.sections)
    )
    report.compile_warnings = compiled.warnings  # the screen shows them on the new draft
    return report


@transaction.atomic
def section_save(*, section: ReportSection, text: str, by: User | None) -> ReportSection:
    if section.report.status == ReportStatus.SUBMITTED:
        raise refuse("text", _("A submitted report cannot be changed; start a new version."))
    if len(text) > 100_000:
        raise refuse("text", _("The section is too long (at most 100.000 characters)."))
    section.text = text.replace("\r\n", "\n")
    section._history_user = by
    section.save()
    Report.objects.filter(pk=section.report_id).update(updated_at=timezone.now())
    return section


@transaction.atomic
def report_update_header(*, report: Report, by: User | None, **fields) -> Report:
    if report.status == ReportStatus.SUBMITTED:
        raise refuse("number", _("A submitted report cannot be changed; start a new version."))
    for name, value in fields.items():
        setattr(report, name, value.strip() if isinstance(value, str) else value)
    report._history_user = by
    report.save()
    return report


@transaction.atomic
def report_submit(*, report: Report, by: User | None) -> Report:
    """Freeze the figures as they are now: later corrections to the registry do not change a submitted report."""
    if report.status == ReportStatus.SUBMITTED:
        raise refuse("status", _("This report was already submitted."))
    compiled = compile_report(kind=report.kind, period_key=report.period_key, organization=report.organization)
    report.figures = _jsonable(compiled.figures)
    report.status = ReportStatus.SUBMITTED
    report.submitted_at = timezone.now()
    report._history_user = by
    report.save()
    return report


@transaction.atomic
def report_new_version(*, report: Report, by: User | None) -> Report:
    """A resubmission starts from a copy of the submitted report; the submitted one stays as it was."""
    copy = Report.objects.get(pk=report.pk)
    copy.pk = None
    copy.status = ReportStatus.DRAFT
    copy.submitted_at = None
    copy.version = (
        Report.objects.filter(
            organization=report.organization, kind=report.kind, period_key=report.period_key, round=report.round
        )
        .order_by("-version")
        .values_list("version", flat=True)
        .first()
        or 0
    ) + 1
    copy.created_by = by
    copy._history_user = by
    copy.save()
    ReportSection.objects.bulk_create(
        ReportSection(
            report=copy, key=s.key, heading=s.heading, level=s.level, writable=s.writable, order=s.order, text=s.text
        )
        for s in report.sections.all()
    )
    return copy


def report_delete(*, report: Report, by: User | None) -> None:
    soft_delete(report, by=by, check=_not_submitted)


def _not_submitted(report: Report) -> None:
    if report.status == ReportStatus.SUBMITTED:
        raise refuse("status", _("A submitted report cannot be deleted."))


@transaction.atomic
def round_open(
    *, organization: Organization, kind: str, period_key: str, due_on: dt.date, participants, by: User | None
) -> Round:
    _check_period(kind, period_key)
    participants = list(participants)
    if not participants:
        raise refuse("participants", _("Choose at least one base organization."))
    outside = [o.name for o in participants if not o.path.startswith(organization.path) or o.pk == organization.pk]
    if outside:
        raise refuse("participants", _("Not under this committee: %(names)s.") % {"names": ", ".join(outside)})
    round_ = Round(
        organization=organization,
        kind=kind,
        period_key=parse_period(kind, period_key).key,
        due_on=due_on,
        created_by=by,
    )
    round_._history_user = by
    round_.save()
    round_.participants.set(participants)
    return round_


def latest_submissions(round_: Round) -> dict[int, Report]:
    """The latest submitted version of each participant's report."""
    latest: dict[int, Report] = {}
    for report in round_.reports.filter(status=ReportStatus.SUBMITTED, deleted_at__isnull=True).order_by("version"):
        latest[report.organization_id] = report
    return latest


def _figures_of(report: Report) -> dict:
    return {k: Decimal(v) if isinstance(v, str) else v for k, v in (report.figures or {}).items()}


def aggregate_figures(reports: list[Report]) -> dict:
    """Counts summed over the submitted snapshots; rates recomputed from the summed numerator and denominator."""
    from dangvu.indicators.registry import REGISTRY, percentage

    totals: dict[str, Decimal] = {}
    for report in reports:
        for code, value in (report.figures or {}).items():
            if code in REGISTRY and not REGISTRY[code].is_rate and value is not None:  # None: no data there
                totals[code] = totals.get(code, Decimal(0)) + Decimal(str(value))
    result: dict = {code: int(v) if v == v.to_integral_value() else v for code, v in totals.items()}
    for code, indicator in REGISTRY.items():
        if indicator.is_rate and indicator.numerator in totals and indicator.denominator in totals:
            result[code] = percentage(totals[indicator.numerator], totals[indicator.denominator])
    return result


STRUCTURE_PREFIX = "organizations."


def structure_figures(organization, period) -> dict:
    """The committee's organizations (base organizations, cells, founded, ended) from the registry it keeps.

    They cannot be summed from the base organizations' reports: a base organization counts what is under it, not
    itself, so the sum says "00 tổ chức cơ sở đảng" however many reports are in."""
    from dangvu.indicators.registry import REGISTRY, compute

    codes = [code for code in REGISTRY if code.startswith(STRUCTURE_PREFIX)]
    return compute(organization=organization, start=period.start, end=period.end, codes=codes)


def round_progress(round_: Round) -> tuple[int, int]:
    """(submitted, asked): how many of the asked organizations' reports are in, e.g. (1, 100)."""
    return len(latest_submissions(round_)), round_.participants.count()


@transaction.atomic
def round_compile(*, round_: Round, by: User | None, progress=None) -> Report:
    """The committee's aggregate: figures summed from the snapshots, the standard sentences over them, and each
    base organization's narrative gathered under its section for editing. Compiled before every report is in,
    the draft records how many were (`Report.provisional_mark`: "Dự thảo tạm tính: 1/100 báo cáo")."""
    from dangvu.reports.compile import prefilled_sections, sentence_context
    from dangvu.reports.structure import sections_of

    submissions = latest_submissions(round_)
    if not submissions:
        raise refuse("round", _("No base organization has submitted its report yet."))
    period = parse_period(round_.kind, round_.period_key)
    figures = aggregate_figures(list(submissions.values()))
    figures.update(structure_figures(round_.organization, period))
    warnings: list[str] = []
    texts = prefilled_sections(
        round_.kind,
        period,
        sentence_context(organization=round_.organization, period=period, figures=figures),
        warnings,
    )
    gathered: dict[str, list[str]] = {}
    ordered = sorted(submissions.values(), key=lambda r: r.organization.name)
    for done, report in enumerate(ordered, 1):
        if progress:
            progress(done, len(ordered))
        # Only what the organization wrote itself: its standard sentences are already in the aggregate figures.
        standard = prefilled_sections(
            round_.kind,
            period,
            sentence_context(organization=report.organization, period=period, figures=_figures_of(report)),
        )
        for section in report.sections.all():
            own = "\n\n".join(
                p
                for p in section.text.strip().split("\n\n")
                if p.strip() and p.strip() not in standard.get(section.key, "").split("\n\n")
            )
            if own:
                gathered.setdefault(section.key, []).append(f"- {report.organization.name}: {own}")
    from django.conf import settings

    report = Report(
        organization=round_.organization,
        kind=round_.kind,
        period_key=round_.period_key,
        round=None,
        figures=_jsonable(figures),
        created_by=by,
        place=getattr(settings, "DANGVU_PLACE", ""),
        compiled_from=len(submissions),
        compiled_of=round_.participants.count(),
    )
    report._history_user = by
    report.save()
    ReportSection.objects.bulk_create(
        ReportSection(
            report=report,
            key=s.key,
            heading=s.heading,
            level=s.level,
            writable=s.writable,
            order=n,
            text="\n\n".join(filter(None, [texts.get(s.key, ""), *gathered.get(s.key, [])])),
        )
        for n, s in enumerate(sections_of(round_.kind, period))
    )
    report.compile_warnings = warnings
    return report


BACKGROUND_THRESHOLD = 20  # rounds with more submissions than this compile in the background


@transaction.atomic
def sentence_save(*, sentence, text: str, kinds: str, by: User | None):
    """Save an edited sentence template; one that would not fill (reports.sentences.check) is refused with the
    reason."""
    from dangvu.reports.sentences import SentenceError, check

    try:
        check(text)
    except SentenceError as error:
        raise refuse("text", str(error)) from None
    unknown = [k.strip() for k in kinds.split(",") if k.strip() and k.strip() not in dict(KIND_LABELS)]
    if unknown:
        raise refuse("kinds", _("Unknown report kinds: %(kinds)s.") % {"kinds": ", ".join(unknown)})
    sentence.text, sentence.kinds = text, kinds.strip()
    sentence._history_user = by
    sentence.save()
    return sentence


@transaction.atomic
def sentence_reset(*, sentence, by: User | None):
    from dangvu.reports.default_sentences import DEFAULTS

    for key, _section, _order, kinds, text in DEFAULTS:
        if key == sentence.key:
            sentence.text, sentence.kinds = text, kinds
            sentence._history_user = by
            sentence.save()
    return sentence


def round_reminders(*, today: dt.date, days_before: int = 3) -> list[tuple[Round, list]]:
    """Rounds due within `days_before` days and the asked organizations that have not submitted yet."""
    result = []
    for round_ in Round.objects.filter(
        closed_at__isnull=True, due_on__gte=today, due_on__lte=today + dt.timedelta(days=days_before)
    ):
        submitted = set(latest_submissions(round_))
        missing = [org for org in round_.participants.order_by("path") if org.pk not in submitted]
        if missing:
            result.append((round_, missing))
    return result


@transaction.atomic
def report_take_number(*, report: Report, by: User | None, today: dt.date | None = None) -> Report:
    """Register the report in the documents registry: it gets the next "BC" number of its organization
    and year (e.g. 161-BC/ĐUK) and today's date of issue."""
    from dangvu.documents.services import document_issue
    from dangvu.reports.structure import title_of

    if report.number:
        raise refuse("number", _("The report already has its number %(number)s.") % {"number": report.number})
    today = today or timezone.localdate()
    _doc_type, subject = title_of(report.kind, parse_period(report.kind, report.period_key))
    document = document_issue(
        organization=report.organization,
        type_code="BC",
        issued_on=today,
        subject=subject,
        signer=report.signer_name,
        by=by,
    )
    report.number, report.issued_on = document.number_symbol, today
    report._history_user = by
    report.save()
    return report
