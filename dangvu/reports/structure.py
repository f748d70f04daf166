"""The sections of each kind of report, as the example reports lay them out."""

from dataclasses import dataclass

from dangvu.reports.periods import Kind, Period

RESULT_SECTIONS = [
    ("political_task", "Lãnh đạo thực hiện nhiệm vụ chính trị"),
    ("ideology", "Công tác chính trị tư tưởng"),
    ("mass_mobilisation", "Công tác dân vận"),
    ("party_building", "Việc thực hiện các nghị quyết, kết luận của Trung ương về xây dựng, chỉnh đốn Đảng"),
    ("organization", "Công tác tổ chức, cán bộ, xây dựng tổ chức đảng"),
    ("inspection", "Công tác kiểm tra, giám sát, thi hành kỷ luật Đảng"),
    ("mass_organizations", "Lãnh đạo các đoàn thể"),
]
ASSESSMENT_SECTIONS = [
    ("strengths", "Ưu điểm"),
    ("weaknesses", "Hạn chế, yếu kém"),
    ("causes", "Nguyên nhân"),
]


@dataclass(frozen=True)
class SectionSpec:
    key: str
    heading: str  # "1. Lãnh đạo thực hiện nhiệm vụ chính trị" or "II. ĐÁNH GIÁ CHUNG"
    level: int  # 1: a roman-numbered part, 2: a numbered section inside it
    writable: bool = True  # parts that only hold sections have no text of their own


def title_of(kind: str, period: Period) -> tuple[str, str]:
    """(document type, subject line) of the report."""
    if kind == Kind.MONTHLY:
        # "Kết quả công tác tháng 4 và nhiệm vụ trọng tâm tháng 5 năm 2023" (the example's subject line);
        # across a year end both years are named.
        this_month, this_year = period.label.removeprefix("tháng ").split(" năm ")
        next_month, next_year = period.next_label.removeprefix("tháng ").split(" năm ")
        if this_year == next_year:
            return (
                "BÁO CÁO",
                f"Kết quả công tác tháng {this_month} và nhiệm vụ trọng tâm tháng {next_month} năm {next_year}",
            )
        return "BÁO CÁO", f"Kết quả công tác {period.label} và nhiệm vụ trọng tâm {period.next_label}"
    if kind == Kind.MID_TERM:
        return "BÁO CÁO", f"Sơ kết giữa {period.label.replace('giữa ', '')} thực hiện Nghị quyết Đại hội"
    if kind == Kind.TERM_END:
        return "BÁO CÁO", f"Tổng kết {period.label} thực hiện Nghị quyết Đại hội"
    if kind == Kind.ANNUAL:
        return "BÁO CÁO", f"Tổng kết công tác xây dựng Đảng {period.label}, phương hướng, nhiệm vụ {period.next_label}"
    return "BÁO CÁO", f"Kết quả thực hiện nhiệm vụ {period.label}, nhiệm vụ trọng tâm {period.next_label}"


def sections_of(kind: str, period: Period) -> list[SectionSpec]:
    if kind == Kind.MONTHLY:
        specs = [SectionSpec("results", f"I. KẾT QUẢ CÔNG TÁC {period.label.upper()}", 1, writable=False)]
        specs += [SectionSpec(key, f"{n}. {title}", 2) for n, (key, title) in enumerate(RESULT_SECTIONS, 1)]
        specs.append(SectionSpec("next_tasks", f"II. NHIỆM VỤ TRỌNG TÂM {period.next_label.upper()}", 1))
        return specs
    results_heading = (
        f"I. KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI {period.label.upper()}"
        if period.is_term
        else f"I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ {period.label.upper()}"
    )
    specs = [SectionSpec("results", results_heading, 1)]
    specs += [SectionSpec(key, f"{n}. {title}", 2) for n, (key, title) in enumerate(RESULT_SECTIONS, 1)]
    specs.append(SectionSpec("assessment", "II. ĐÁNH GIÁ CHUNG", 1, writable=False))
    specs += [SectionSpec(key, f"{n}. {title}", 2) for n, (key, title) in enumerate(ASSESSMENT_SECTIONS, 1)]
    next_heading = (
        f"III. PHƯƠNG HƯỚNG, NHIỆM VỤ {period.next_label.upper()}"
        if kind in (Kind.ANNUAL, Kind.MID_TERM, Kind.TERM_END)
        else f"III. NHIỆM VỤ TRỌNG TÂM {period.next_label.upper()}"
    )
    specs.append(SectionSpec("next_tasks", next_heading, 1))
    return specs
