"""The passages of a draft that come from records rather than from one figure: the leadership documents named as
offices write them, the inspections and the violations found, the work programme's tasks for the next period
and what falls due in it, the comparisons with the same period of last year and with the year's plan, the
strengths and limitations the figures show, and which figures have no data behind them (point 3 of issue 16).

Every passage is plain text (paragraphs separated by blank lines) put into the sentence context
(reports.compile.sentence_context), so staff still edit the sentences that place them.
"""

import calendar
import datetime as dt
from decimal import Decimal

from django.utils import translation

from dangvu.lib.dates import format_short
from dangvu.lib.numbers import format_count, format_decimal, round_half_up
from dangvu.organizations.models import Organization, OrganizationKind
from dangvu.reports.periods import Kind, Period

# How offices name a document of each type ("Kế hoạch số 203-KH/TU ngày 24/5/2023 về ...").
TYPE_NAMES = {
    "NQ": "Nghị quyết",
    "CT": "Chỉ thị",
    "KL": "Kết luận",
    "KH": "Kế hoạch",
    "CTr": "Chương trình",
    "QC": "Quy chế",
    "QĐ": "Quyết định",
    "HD": "Hướng dẫn",
}
LEADERSHIP_TYPES = tuple(TYPE_NAMES)
AREA_TITLES = {
    "political_task": "Lãnh đạo thực hiện nhiệm vụ chính trị",
    "ideology": "Công tác chính trị tư tưởng",
    "mass_mobilisation": "Công tác dân vận",
    "party_building": "Việc thực hiện các nghị quyết, kết luận của Trung ương về xây dựng, chỉnh đốn Đảng",
    "organization": "Công tác tổ chức, cán bộ, xây dựng tổ chức đảng",
    "inspection": "Công tác kiểm tra, giám sát, thi hành kỷ luật Đảng",
    "mass_organizations": "Lãnh đạo các đoàn thể",
}
# The figures compared with the same period of last year (flows the reports state, and the stock of members).
COMPARED = (
    "members.total",
    "members.admitted",
    "members.made_full",
    "members.transferred_out",
    "members.transferred_in",
    "education.study_sessions",
    "inspection.inspections",
    "inspection.supervisions",
    "discipline.members",
    "letters.received",
    "meetings.attendance_pct",
)


def _shift_year(day: dt.date, years: int) -> dt.date:
    year = day.year + years
    return day.replace(year=year, day=min(day.day, calendar.monthrange(year, day.month)[1]))


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def next_period_dates(period: Period) -> tuple[dt.date, dt.date]:
    """The first and last day of the period the key tasks are for."""
    start = period.end + dt.timedelta(days=1)
    if period.kind == Kind.MONTHLY:
        return start, _month_end(start.year, start.month)
    if period.kind == Kind.QUARTERLY:
        return start, _month_end(start.year, start.month + 2)
    if period.kind == Kind.HALF_YEAR:
        return start, _month_end(start.year, start.month + 5)
    if period.kind in (Kind.NINE_MONTH, Kind.ANNUAL):
        return start, dt.date(start.year, 12, 31)
    first, last = period.term_years
    if period.kind == Kind.MID_TERM:
        return start, dt.date(last, 12, 31)
    return start, dt.date(last + (last - first), 12, 31)


def _sentence(text: str) -> str:
    text = text.strip().rstrip(".;")
    return text[:1].upper() + text[1:] + "."


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " và " + names[-1]


# ---- who the committee leads -------------------------------------------------------------------------------


def period_in_prose(period: Period) -> str:
    """The period after "Trong": "nửa đầu nhiệm kỳ 2020 - 2025" rather than "giữa nhiệm kỳ 2020 - 2025"."""
    return period.label.replace("giữa nhiệm kỳ", "nửa đầu nhiệm kỳ")


def issuer(name: str) -> str:
    """Who reports, as the examples write it: the committee of a party organization ("Đảng ủy Khối …" for
    "Đảng bộ Khối …"); a cell reports as itself."""
    return "Đảng ủy " + name.removeprefix("Đảng bộ ") if name.startswith("Đảng bộ ") else name


def subordinates(organization: Organization | None) -> str:
    """What a committee calls the organizations it leads: base organizations, or a base committee's cells."""
    if organization is not None and organization.kind == OrganizationKind.BASE_PARTY_COMMITTEE:
        return "các chi bộ trực thuộc"
    if organization is not None and organization.kind == OrganizationKind.BASE_CELL:
        return "các đảng viên trong chi bộ"
    return "các tổ chức cơ sở đảng trực thuộc"


def leading_body(organization: Organization | None) -> str:
    """Who decides in the committee's name: the standing committee above the base, the committee or cell below."""
    if organization is not None and organization.kind == OrganizationKind.BASE_PARTY_COMMITTEE:
        return "Đảng ủy"
    if organization is not None and organization.kind == OrganizationKind.BASE_CELL:
        return "Chi ủy"
    return "Ban Thường vụ"


# ---- documents -----------------------------------------------------------------------------------------------


def _documents(organization: Organization | None, period: Period) -> list:
    try:
        from dangvu.documents.selectors import documents_issued
    except ImportError:  # the documents app is optional for reports
        return []
    if organization is None:
        return []
    return list(
        documents_issued(organization=organization, start=period.start, end=period.end)
        .filter(type_code__in=LEADERSHIP_TYPES)
        .order_by("issued_on", "number")
    )


def document_name(document) -> str:
    """'Kế hoạch số 05-KH/ĐUK ngày 13/4/2026 về học tập, quán triệt nghị quyết'."""
    type_name = TYPE_NAMES.get(document.type_code, document.type_code)
    subject = " ".join(document.subject.split())
    if subject.lower().startswith(type_name.lower()):
        subject = subject[len(type_name) :].strip()
    subject = subject.removeprefix("về ").strip()
    subject = subject[:1].lower() + subject[1:] if subject[:2].lower() != subject[:2] else subject
    return f"{type_name} số {document.number_symbol} ngày {format_short(document.issued_on)} về {subject}"


def documents_by_type(documents: list) -> str:
    """'01 nghị quyết, 10 kế hoạch, 04 quyết định' in the order of TYPE_NAMES."""
    counts = {code: sum(1 for d in documents if d.type_code == code) for code in TYPE_NAMES}
    return ", ".join(f"{format_count(n)} {TYPE_NAMES[code].lower()}" for code, n in counts.items() if n)


def documents_named(documents: list, limit: int = 20) -> str:
    """One paragraph a document: '(1) Kế hoạch số ... về ...'."""
    lines = [f"({n}) {document_name(d)}." for n, d in enumerate(documents[:limit], 1)]
    if len(documents) > limit:
        lines[-1] = lines[-1].rstrip(".") + "…"
    return "\n\n".join(lines)


def documents_footnote(documents: list, limit: int = 20) -> str:
    items = [document_name(d) for d in documents[:limit]]
    if len(documents) > limit:
        items.append("…")
    return "; ".join(items)


# ---- inspections ---------------------------------------------------------------------------------------------


def inspections_done(organization: Organization | None, period: Period, limit: int = 12) -> str:
    """'Hoàn thành cuộc kiểm tra, giám sát đối với Chi bộ A và Đảng ủy B.': the committee's own inspections that
    ended in the period, by the organizations inspected."""
    from dangvu.inspections.models import Inspection

    if organization is None:
        return ""
    inspections = Inspection.objects.filter(
        organization=organization, ended_on__gte=period.start, ended_on__lte=period.end
    ).prefetch_related("subject_organizations")
    names: list[str] = []
    for inspection in inspections.order_by("ended_on", "pk"):
        for subject in inspection.subject_organizations.all():
            if subject.name not in names:
                names.append(subject.name)
    if not names:
        return ""
    shown = names[:limit] + (["một số tổ chức đảng khác"] if len(names) > limit else [])
    return f"Hoàn thành các cuộc kiểm tra, giám sát đối với {_join(shown)}."


def violations_found(organization: Organization | None, period: Period) -> str:
    """The kinds of violation of the period's disciplinary decisions, as the examples list them."""
    from dangvu.inspections.models import Discipline

    if organization is None:
        return ""
    decided = Discipline.objects.filter(
        organization__path__startswith=organization.path, decided_on__gte=period.start, decided_on__lte=period.end
    )
    with translation.override("vi"):
        kinds = []
        for record in decided.order_by("violation_category", "pk"):
            label = str(record.get_violation_category_display())
            label = label[:1].lower() + label[1:]
            if label not in kinds:
                kinds.append(label)
    return "; ".join(kinds)


# ---- the work programme and what falls due ----------------------------------------------------------------------


def programme_figures(organization: Organization | None, period: Period) -> dict:
    """The period's items of the committee's programme: how many, how many done, the share done."""
    from dangvu.indicators.registry import percentage
    from dangvu.workprogramme.models import State
    from dangvu.workprogramme.selectors import items_between

    if organization is None:
        return {"total": None, "done": None, "done_pct": None, "postponed": ""}
    items = items_between(organization=organization, start=period.start, end=period.end, postponed=True)
    planned = [i for i in items if i.state != State.POSTPONED]
    if not items:
        return {"total": None, "done": None, "done_pct": None, "postponed": ""}
    done = sum(1 for i in planned if i.state == State.DONE)
    postponed = list(dict.fromkeys(i.title[:1].lower() + i.title[1:] for i in items if i.state == State.POSTPONED))
    if len(postponed) > 5:
        postponed = [*postponed[:5], "…"]
    return {
        "total": len(items),
        "done": done,
        "done_pct": percentage(done, len(items)),
        "postponed": "; ".join(postponed),
    }


def done_by_area(organization: Organization | None, period: Period) -> dict[str, str]:
    """{area: '- Task.\n\n- Task.'}: the programme's items of the period carried out, under the section of the
    report they belong to."""
    from dangvu.workprogramme.models import State
    from dangvu.workprogramme.selectors import items_between

    areas: dict[str, list[str]] = {area: [] for area in AREA_TITLES}
    if organization is not None and not period.is_term:  # a term's report sums up, it does not list every task
        for item in items_between(organization=organization, start=period.start, end=period.end):
            if item.state == State.DONE and item.title not in areas.setdefault(item.area, []):
                areas[item.area].append(item.title)
    return {area: "\n\n".join(f"- {_sentence(t)}" for t in titles) for area, titles in areas.items()}


def next_tasks(organization: Organization | None, period: Period) -> str:
    """The key tasks of the next period: the programme's items, then what falls due (probations ending, reporting
    rounds, the rating season); by area under numbered headings in the longer reports, a plain list monthly."""
    from dangvu.workprogramme.selectors import items_between

    if organization is None:
        return ""
    start, end = next_period_dates(period)
    by_area: dict[str, list[str]] = {area: [] for area in AREA_TITLES}
    for item in items_between(organization=organization, start=start, end=end):
        if item.title not in by_area.setdefault(item.area, []):
            by_area[item.area].append(item.title)
    for area, text in _due(organization, start, end, by_area):
        by_area[area].append(text)
    if period.kind == Kind.MONTHLY:
        return "\n\n".join(f"- {_sentence(t)}" for titles in by_area.values() for t in titles)
    parts = []
    for n, (area, titles) in enumerate(((a, t) for a, t in by_area.items() if t), 1):
        parts.append(f"{n}. {AREA_TITLES.get(area, area)}")
        parts += [f"- {_sentence(t)}" for t in titles]
    return "\n\n".join(parts)


def _due(organization: Organization, start: dt.date, end: dt.date, by_area: dict) -> list[tuple[str, str]]:
    from dangvu.members.models import Member

    due = []
    ending = Member.objects.filter(
        status="probationary",
        probation_ends_on__gte=start,
        probation_ends_on__lte=end,
        organization__path__startswith=organization.path,
    ).count()
    if ending:
        due.append(
            (
                "organization",
                f"Xem xét, đề nghị công nhận đảng viên chính thức cho {format_count(ending)} đảng viên dự bị "
                f"hết thời gian dự bị",
            )
        )
    rated = any("xếp loại" in t for t in by_area.get("organization", []))
    if not rated and start <= dt.date(end.year, 12, 1) <= end:
        due.append(
            (
                "organization",
                f"Hướng dẫn, tổ chức kiểm điểm, đánh giá, xếp loại chất lượng tổ chức đảng, đảng viên năm {end.year}",
            )
        )
    from dangvu.reports.models import Round

    for round_ in Round.objects.filter(organization=organization, due_on__gte=start, due_on__lte=end).order_by(
        "due_on"
    ):
        due.append(
            (
                "political_task",
                f"Chỉ đạo {subordinates(organization)} gửi báo cáo {round_.period_label} đúng hạn "
                f"({format_short(round_.due_on)})",
            )
        )
    return due


# ---- comparisons -----------------------------------------------------------------------------------------------


def last_year_figures(organization: Organization | None, period: Period) -> dict:
    """The compared figures of the same period one year earlier; empty when the register held nobody then."""
    from dangvu.indicators.registry import compute

    start, end = _shift_year(period.start, -1), _shift_year(period.end, -1)
    figures = compute(organization=organization, start=start, end=end, codes=COMPARED)
    return figures if figures.get("members.total") else {}


def _since(period: Period) -> str:
    if period.kind == Kind.ANNUAL:
        return f"so với năm {period.end.year - 1}"
    if period.is_term:
        return ""
    return "so với cùng kỳ năm trước"


def comparisons(figures: dict, before: dict, period: Period) -> dict[str, str]:
    """{code: 'tăng 03 so với cùng kỳ năm trước'} for the compared figures that have a value in both years."""
    since = _since(period)
    phrases: dict[str, str] = {}
    if not since or period.kind == Kind.MONTHLY:  # the monthly reports compare with nothing
        return phrases
    for code in COMPARED:
        now, then = figures.get(code), before.get(code)
        if now is None or then is None:
            continue
        difference = Decimal(str(now)) - Decimal(str(then))
        rate = isinstance(now, Decimal) and code.endswith("_pct")
        if difference == 0:
            phrases[code] = f"bằng {since.removeprefix('so với ')}"
            continue
        amount = f"{format_decimal(abs(difference))} điểm phần trăm" if rate else format_count(int(abs(difference)))
        phrases[code] = f"{'tăng' if difference > 0 else 'giảm'} {amount} {since}"
    return phrases


def plan_comparisons(organization: Organization | None, period: Period, figures: dict) -> dict[str, str]:
    """{code: 'đạt 78,50% kế hoạch năm'} for the summed targets of the term that have yearly plans; a term
    report compares with the plans up to its end (the partial year pro rata), not with the whole term's target."""
    from dangvu.indicators.registry import percentage
    from dangvu.targets.models import Aggregation, Target, YearPlan

    root = organization or Organization.objects.filter(depth=1, deleted_at__isnull=True).first()
    if root is None or period.kind in (Kind.MONTHLY, Kind.QUARTERLY):  # a month's share of a year's plan says little
        return {}
    targets = Target.objects.filter(
        term__organization=root,
        term__start_year__lte=period.end.year,
        term__end_year__gte=period.end.year,
        term__deleted_at__isnull=True,
        deleted_at__isnull=True,
        aggregation=Aggregation.SUM,
    ).exclude(indicator_code="")
    phrases: dict[str, str] = {}
    for target in targets:
        actual = figures.get(target.indicator_code)
        if actual is None or target.indicator_code in phrases:
            continue
        plans = {p.year: p.value for p in YearPlan.objects.filter(target=target)}
        if period.is_term:
            years = range(period.start.year, period.end.year + 1)
            if not all(y in plans for y in years):
                continue
            planned = sum(
                (plans[y] if y < period.end.year else plans[y] * period.end.month / 12 for y in years), Decimal(0)
            )
            label = "kế hoạch đến thời điểm báo cáo"
        else:
            if period.end.year not in plans:
                continue
            # "kế hoạch năm", not "kế hoạch năm 2025": a year beside a percentage reads as its denominator
            planned, label = plans[period.end.year], "kế hoạch năm"
        if planned and period.is_term:
            # The appendix states the percentage of the term's target; the text gives the plan to date beside it
            # as a figure (a second percentage for the same row would contradict the appendix's).
            phrases[target.indicator_code] = f"{label} là {format_count(int(round_half_up(planned, 0)))}"
        elif planned:
            phrases[target.indicator_code] = f"đạt {format_decimal(percentage(actual, planned))}% {label}"
    return phrases


# ---- strengths and limitations -------------------------------------------------------------------------------


def assessment(figures: dict, vs: dict, plan: dict, programme: dict) -> tuple[str, str]:
    """(strengths, limitations): editable sentences drawn from the figures, one paragraph each."""
    strengths, limits = [], []
    if programme.get("total"):
        if programme["done"] == programme["total"]:
            strengths.append("Hoàn thành các nội dung theo chương trình công tác đề ra trong kỳ")
        else:
            rest = programme["total"] - programme["done"]
            text = f"Còn {format_count(rest)} nội dung của chương trình công tác chưa hoàn thành trong kỳ"
            if programme.get("postponed"):
                text += f", phải lùi thời gian thực hiện: {programme['postponed']}"
            limits.append(text)
    admitted = figures.get("members.admitted")
    if admitted:
        text = f"Công tác phát triển đảng viên được quan tâm, kết nạp {format_count(admitted)} đảng viên mới"
        extra = [p for p in (plan.get("members.admitted"), vs.get("members.admitted")) if p]
        if extra:
            text += f" ({'; '.join(extra)})"
        (limits if vs.get("members.admitted", "").startswith("giảm") else strengths).append(text)
    elif admitted == 0:
        limits.append("Chưa kết nạp được đảng viên mới trong kỳ")
    inspections = figures.get("inspection.inspections") or 0
    supervisions = figures.get("inspection.supervisions") or 0
    if inspections or supervisions:
        strengths.append(
            f"Công tác kiểm tra, giám sát được thực hiện theo chương trình với {format_count(inspections)} cuộc "
            f"kiểm tra, {format_count(supervisions)} cuộc giám sát"
        )
    attendance = figures.get("meetings.attendance_pct")
    if attendance:
        text = f"Tỷ lệ đảng viên dự sinh hoạt chi bộ đạt {format_decimal(attendance)}%"
        if vs.get("meetings.attendance_pct"):
            text += f", {vs['meetings.attendance_pct']}"
        (limits if vs.get("meetings.attendance_pct", "").startswith("giảm") else strengths).append(text)
    if figures.get("discipline.members"):
        limits.append(
            f"Vẫn còn {format_count(figures['discipline.members'])} đảng viên vi phạm đến mức phải thi hành kỷ luật"
        )
    if figures.get("inspection.with_violation"):
        limits.append(
            f"Qua kiểm tra, giám sát có {format_count(figures['inspection.with_violation'])} cuộc kết luận tổ chức "
            "đảng, đảng viên có vi phạm"
        )
    if figures.get("ratings.members.failed"):
        limits.append(
            f"Có {format_count(figures['ratings.members.failed'])} đảng viên không hoàn thành nhiệm vụ khi đánh giá, "
            "xếp loại chất lượng"
        )

    def paragraphs(lines: list[str]) -> str:
        return "\n\n".join(f"- {_sentence(line)}" for line in lines)

    return paragraphs(strengths), paragraphs(limits)


# ---- figures with no data behind them ------------------------------------------------------------------------


def mark_missing(figures: dict, organization: Organization | None, period: Period) -> dict:
    """The figures with None where no data stands behind them (a zero there would be a false statement):
    mass organizations' figures outside the half-year and year they are reported for, or not reported; emulation
    registrations of a year nobody registered in; the "Dân vận khéo" models of a year not yet over; ratings of a
    season not yet opened at the period's end; and the mass organizations' admissions when they exceed the members
    admitted (the register is what counts)."""
    from dangvu.massorgs.models import EmulationRegistration, MassOrgFigures, MassOrgKind
    from dangvu.ratings.models import RatingSeason

    figures = dict(figures)
    subtree = {"organization__path__startswith": organization.path} if organization is not None else {}
    year = period.end.year
    whole_half = period.start == dt.date(year, 1, 1) and (period.end.month, period.end.day) in ((6, 30), (12, 31))
    half = "h1" if period.end.month <= 6 else "year"
    for kind in MassOrgKind.values:
        reported = whole_half and MassOrgFigures.objects.filter(year=year, period=half, kind=kind, **subtree).exists()
        if not reported:
            for code in [c for c in figures if c.startswith(f"massorgs.{kind}.")]:
                figures[code] = None
    if not EmulationRegistration.objects.filter(year=year, **subtree).exists():
        for code in [c for c in figures if c.startswith("massorgs.registered_")] + ["massorgs.units"]:
            if code in figures:
                figures[code] = None
    if (period.end.month, period.end.day) != (12, 31):  # models are recognised by year: only a report to 31/12
        for code in ("massorgs.skilled_models", "massorgs.skilled_exemplars"):
            if code in figures:
                figures[code] = None
    if not RatingSeason.objects.filter(year=year, opened_on__lte=period.end).exists():
        for code in [c for c in figures if c.startswith("ratings.")]:
            figures[code] = None
    admitted_parts = [figures.get(f"massorgs.{kind}.admitted") for kind in MassOrgKind.values]
    total = figures.get("members.admitted")
    if total is not None and sum(p or 0 for p in admitted_parts) > total:
        for kind in MassOrgKind.values:
            figures[f"massorgs.{kind}.admitted"] = None
    return figures
