"""The appendix of a mid-term or term-end report as the offices make it (../shared/examples/phu-luc-tong-ket-
nhiem-ky-mau.txt): grouped sections I-IV, a row per target variant under the target's own row, the yearly
actuals with the part-year marked ("6 tháng 2023"), the term's total or average (by the kind of figure), the %
of each variant and the remark (Vượt / Đạt / Chưa đạt) in its own column. The DOCX and XLSX writers both lay
out this one table, so the two never disagree.

The words are the document's own (a party document is written in Vietnamese whatever the screen language),
like the heading block and "Nơi nhận" of the DOCX writer.
"""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from dangvu.lib.numbers import format_decimal, format_int
from dangvu.targets.models import Aggregation, TargetGroup, VariantKind

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]
GROUP_TITLES = {
    TargetGroup.POLITICAL_EDUCATION: "CÔNG TÁC CHÍNH TRỊ, TƯ TƯỞNG",
    TargetGroup.ORGANIZATION: "CÔNG TÁC TỔ CHỨC XÂY DỰNG ĐẢNG",
    TargetGroup.INSPECTION: "CÔNG TÁC KIỂM TRA, GIÁM SÁT",
    TargetGroup.MASS_MOBILISATION: "CÔNG TÁC DÂN VẬN",
}
VARIANT_TITLES = {
    VariantKind.RESOLUTION: "Chỉ tiêu nghị quyết",
    VariantKind.PROVINCE: "Chỉ tiêu tỉnh giao",
    VariantKind.STRETCH: "Chỉ tiêu phấn đấu",
}
REMARKS = {"exceeded": "Vượt", "achieved": "Đạt", "not_achieved": "Chưa đạt"}

GROUP, TARGET, VARIANT = "group", "target", "variant"


@dataclass
class AppendixRow:
    kind: str  # GROUP (I, II...), TARGET (1, 2...) or VARIANT ("- Chỉ tiêu tỉnh giao")
    number: str
    content: str
    unit: str = ""
    target: Decimal | None = None
    years: list[Decimal | None] = field(default_factory=list)
    total: Decimal | None = None
    percent: Decimal | None = None
    remark: str = ""


@dataclass
class AppendixTable:
    heading: str  # the body the appendix belongs to, top left ("ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH")
    title_lines: list[str]  # the title, broken where the offices break it
    attached_to: str  # "(Kèm theo Báo cáo số ... ngày ... của ...)"
    year_labels: list[str]
    total_label: str
    rows: list[AppendixRow]

    @property
    def title(self) -> str:
        return " ".join(self.title_lines)

    @property
    def columns(self) -> int:
        return 4 + len(self.year_labels) + 3

    def header_rows(self) -> tuple[list[str], list[str]]:
        """The two header lines: the years sit under a spanning "Thực hiện qua các năm"; every other
        header spans both lines (the second line repeats it, for the writers to merge)."""
        first = ["STT", "Nội dung", "Đơn vị tính", "Chỉ tiêu Nghị quyết"]
        last = [self.total_label, "% so với chỉ tiêu nghị quyết", "Ghi chú"]
        years = ["Thực hiện qua các năm"] * len(self.year_labels)
        return [*first, *years, *last], [*first, *self.year_labels, *last]

    def cells(self, row: AppendixRow) -> list[str]:
        """A row as the document prints it: 1.250, 96,12, empty where there is no figure."""
        if row.kind == GROUP:
            return [row.number, row.content, *[""] * (self.columns - 2)]
        content = f"- {row.content}" if row.kind == VARIANT else row.content
        return [
            row.number,
            content,
            row.unit,
            figure(row.target),
            *map(figure, row.years or [None] * len(self.year_labels)),
            figure(row.total),
            figure(row.percent),
            row.remark,
        ]


def figure(value) -> str:
    if value is None:
        return ""
    value = Decimal(value)
    if value == value.to_integral_value():
        return format_int(int(value))
    return format_decimal(value)


def year_labels(years: list[int], end: dt.date) -> list[str]:
    """Each year of the columns; the last one "6 tháng 2023" when the period ends inside it."""
    labels = [str(year) for year in years]
    if years and end.year == years[-1] and (end.month, end.day) != (12, 31):
        labels[-1] = f"{end.month} tháng {end.year}"
    return labels


def _remark(progress, variant, *, mid_term: bool) -> str:
    # A sum over the term cannot be judged before the term ends: at mid-term its remark is left to the office.
    if mid_term and progress.target.aggregation == Aggregation.SUM:
        return ""
    return REMARKS.get(variant.status, "")


def build_rows(progress_rows: list, years: list[int], *, mid_term: bool) -> list[AppendixRow]:
    rows: list[AppendixRow] = []
    by_group: dict[str, list] = {}
    for progress in progress_rows:
        by_group.setdefault(progress.target.group, []).append(progress)
    groups = [g for g in GROUP_TITLES if g in by_group] + [g for g in by_group if g not in GROUP_TITLES]
    for group_index, group in enumerate(groups):
        rows.append(AppendixRow(GROUP, ROMAN[group_index], GROUP_TITLES.get(group, str(group).upper())))
        for number, progress in enumerate(by_group[group], 1):
            target = progress.target
            yearly = [progress.yearly.get(year) for year in years]
            if len(progress.variants) > 1:
                rows.append(AppendixRow(TARGET, str(number), target.content))
                rows.extend(
                    AppendixRow(
                        VARIANT,
                        "",
                        VARIANT_TITLES.get(variant.kind, variant.label),
                        target.unit,
                        variant.value,
                        yearly,
                        progress.total,
                        variant.percent,
                        _remark(progress, variant, mid_term=mid_term),
                    )
                    for variant in progress.variants
                )
                continue
            main = progress.main
            rows.append(
                AppendixRow(
                    TARGET,
                    str(number),
                    target.content,
                    target.unit,
                    main.value if main else None,
                    yearly,
                    progress.total,
                    main.percent if main else None,
                    _remark(progress, main, mid_term=mid_term) if main else "",
                )
            )
    return rows


def appendix_table(compiled, *, name: str, heading: str, attached_to: str) -> AppendixTable:
    """The appendix of a term report of the organization `name` from the targets' progress the compiler
    attached."""
    from dangvu.reports.periods import Kind

    mid_term = compiled.kind == Kind.MID_TERM
    years = list(compiled.appendix_years)
    first, last = compiled.period.term_years
    when = "GIỮA NHIỆM KỲ " if mid_term else ""
    title = [f"KẾT QUẢ {when}THỰC HIỆN CÁC CHỈ TIÊU NGHỊ QUYẾT ĐẠI HỘI", f"{name.upper()} NHIỆM KỲ {first} - {last}"]
    return AppendixTable(
        heading=heading,
        title_lines=title,
        attached_to=attached_to,
        year_labels=year_labels(years, compiled.period.end),
        total_label="Thực hiện nửa đầu nhiệm kỳ" if mid_term else "Thực hiện cả nhiệm kỳ",
        rows=build_rows(compiled.appendix, years, mid_term=mid_term),
    )
