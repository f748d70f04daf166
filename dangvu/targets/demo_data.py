"""The committee's congress terms with targets linked to the indicator registry, as in a mid-term report."""

from decimal import Decimal

from dangvu.lib.numbers import round_half_up
from dangvu.organizations.models import Organization
from dangvu.targets.models import (
    Aggregation,
    Direction,
    ManualActual,
    Target,
    TargetGroup,
    TargetVariant,
    Term,
    YearPlan,
)

TERM_2020 = [
    # number, group, content, unit, indicator, aggregation, resolution value, province value, stretch value
    ("1", TargetGroup.ORGANIZATION, "Kết nạp đảng viên mới trong nhiệm kỳ", "đảng viên", "members.admitted",
     Aggregation.SUM, 1250, 1300, 1400),
    ("2", TargetGroup.ORGANIZATION, "Tỷ lệ kết nạp đảng viên hằng năm so với tổng số đảng viên đầu năm", "%",
     "members.admitted_pct", Aggregation.AVERAGE, 3, None, 3.5),
    ("3", TargetGroup.ORGANIZATION, "Tổng số đảng viên cuối nhiệm kỳ", "đảng viên", "members.total",
     Aggregation.LATEST, 7500, None, 8000),
    ("4", TargetGroup.ORGANIZATION, "Chuyển đảng chính thức cho đảng viên dự bị đủ điều kiện", "đồng chí",
     "members.made_full", Aggregation.SUM, 1200, None, None),
    ("5", TargetGroup.POLITICAL_EDUCATION, "Tỷ lệ đảng viên tham gia học tập, quán triệt nghị quyết", "%", "",
     Aggregation.AVERAGE, 95, None, 98),
    ("6", TargetGroup.INSPECTION, "Tỷ lệ đảng viên được kiểm tra, giám sát hằng năm", "%", "", Aggregation.AVERAGE,
     30, None, 35),
    ("7", TargetGroup.MASS_MOBILISATION, "Tỷ lệ cơ quan, đơn vị đăng ký thi đua dân vận khéo", "%", "",
     Aggregation.AVERAGE, 100, None, None),
]  # fmt: skip


def seed(context) -> dict[str, int]:
    root = Organization.objects.get(depth=1)
    counts = {"Term": 0, "Target": 0, "TargetVariant": 0, "YearPlan": 0, "ManualActual": 0}
    for start, congress, scale in ((2020, "XII", Decimal(1)), (2025, "XIII", Decimal("1.05"))):
        term = Term.objects.create(
            organization=root,
            start_year=start,
            end_year=start + 5,
            resolution=f"Nghị quyết Đại hội Đảng bộ Khối lần thứ {congress}, nhiệm kỳ {start} - {start + 5}",
        )
        counts["Term"] += 1
        _targets(term, context, counts, scale)
    return counts


def _targets(term: Term, context, counts: dict[str, int], scale: Decimal) -> None:
    for order, (number, group, content, unit, code, aggregation, resolution, province, stretch) in enumerate(TERM_2020):
        target = Target.objects.create(
            term=term,
            number=number,
            group=group,
            content=content,
            unit=unit,
            direction=Direction.AT_LEAST,
            indicator_code=code,
            aggregation=aggregation,
            order=order,
        )
        counts["Target"] += 1
        for kind, value in (("resolution", resolution), ("province", province), ("stretch", stretch)):
            if value is not None:
                TargetVariant.objects.create(target=target, kind=kind, value=round_half_up(Decimal(value) * scale, 0))
                counts["TargetVariant"] += 1
        if aggregation == Aggregation.SUM:
            for year in term.years:
                YearPlan.objects.create(
                    target=target, year=year, value=round_half_up(Decimal(resolution) / len(term.years), 2)
                )
                counts["YearPlan"] += 1
        if not code:
            # What the registry cannot count yet is entered by hand from the yearly reports.
            base = Decimal(resolution)
            for year in term.years:
                if year > context.until.year:
                    break
                value = base + Decimal(context.rng.randint(-2, 5))
                ManualActual.objects.create(
                    target=target, year=year, value=min(value, Decimal(100)), source=f"Báo cáo tổng kết năm {year}"
                )
                counts["ManualActual"] += 1
