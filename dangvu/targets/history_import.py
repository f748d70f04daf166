"""Bringing a past report's appendix table in as the history of a term's targets (issue 6 §5).

The report is read by the checker (`checker.extract.read_document`, the same repair of legacy
fonts and the same robust table parsing); the first table with a target column and year
columns is taken as the appendix. Each row becomes a target entered by hand with the
actuals of each year, after a preview the user confirms.
"""

import re
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _

from dangvu.checker.extract import UnreadableFile, read_document
from dangvu.checker.numbers import parse_cell
from dangvu.checker.tables import Table, is_total_label
from dangvu.lib.errors import refuse
from dangvu.lib.vntext import fold
from dangvu.targets.models import Aggregation, ManualActual, Target, TargetGroup, TargetVariant, Term

YEAR = re.compile(r"\b((?:19|20)\d{2})\b")


@dataclass
class AppendixRow:
    number: str
    content: str
    unit: str
    target: str | None  # decimals as text, so the preview can travel in the session
    yearly: dict[str, str] = field(default_factory=dict)
    group: str = TargetGroup.ORGANIZATION


@dataclass
class AppendixPreview:
    years: list[int]
    rows: list[AppendixRow]
    problems: list[str]

    def as_session(self) -> dict:
        return {"years": self.years, "rows": [asdict(r) for r in self.rows], "problems": self.problems}

    @classmethod
    def from_session(cls, data: dict) -> "AppendixPreview":
        return cls(data["years"], [AppendixRow(**r) for r in data["rows"]], data["problems"])


GROUP_WORDS = [
    (TargetGroup.POLITICAL_EDUCATION, ("chinh tri", "tu tuong", "giao duc")),
    (TargetGroup.INSPECTION, ("kiem tra", "giam sat", "ky luat")),
    (TargetGroup.MASS_MOBILISATION, ("dan van", "doan the", "mat tran")),
    (TargetGroup.ORGANIZATION, ("to chuc", "xay dung dang", "can bo", "dang vien")),
]


def _group_heading(label: str) -> str | None:
    folded = fold(label)
    for group, words in GROUP_WORDS:
        if any(word in folded for word in words) and len(folded) < 90:
            return group
    return None


def _appendix_table(tables: list[Table]) -> Table | None:
    for table in tables:
        if table.columns_of("target") and [c for c in table.columns if YEAR.search(c.header)]:
            return table
    return None


def parse_appendix(path: str | Path, name: str = "") -> AppendixPreview:
    try:
        document = read_document(path, name or Path(path).name)
    except UnreadableFile as error:
        raise refuse("file", _("The file cannot be read: %(reason)s") % {"reason": error}) from None
    table = _appendix_table(document.tables)
    if table is None:
        raise refuse("file", _("No appendix table was found: it needs a target column and a column per year."))
    year_columns = [
        (c.index, int(YEAR.search(c.header).group(1)))
        for c in table.columns
        if YEAR.search(c.header) and c.kind in ("period", "value", "total")
    ]
    target_col = table.columns_of("target")[0].index
    unit_cols = table.columns_of("unit")
    rows, problems, group = [], [], TargetGroup.ORGANIZATION
    for row in table.rows:
        label = table.row_label(row)
        if not label or is_total_label(label):
            continue
        target = parse_cell(row.cell(target_col))
        values = {
            str(year): str(tok.value)
            for index, year in year_columns
            if (tok := parse_cell(row.cell(index))) is not None and tok.value is not None
        }
        if target is None and not values:
            heading = _group_heading(label)
            if heading:
                group = heading
            continue
        if target is None:
            problems.append(
                _("Row %(n)s (%(label)s) has no target value; it is left out.") % {"n": row.number, "label": label}
            )
            continue
        rows.append(
            AppendixRow(
                number=table.row_stt(row) or str(len(rows) + 1),
                content=label,
                unit=row.cell(unit_cols[0].index) if unit_cols else "",
                target=str(target.value),
                yearly=values,
                group=group,
            )
        )
    if not rows:
        raise refuse("file", _("The appendix table has no row with a target value."))
    return AppendixPreview(sorted({y for _i, y in year_columns}), rows, problems)


@transaction.atomic
def appendix_import(*, organization, start_year: int, end_year: int, preview: AppendixPreview, source: str, by) -> Term:
    """Create (or complete) the term and its targets entered by hand, with the actuals of each year."""
    outside = [y for y in preview.years if not start_year <= y <= end_year]
    if outside:
        raise refuse(
            "start_year",
            _("The table has years outside the term: %(years)s.") % {"years": ", ".join(map(str, outside))},
        )
    term = Term.objects.filter(
        organization=organization, start_year=start_year, end_year=end_year, deleted_at__isnull=True
    ).first()
    if term is None:
        from dangvu.targets.services import term_create

        term = term_create(
            organization=organization, start_year=start_year, end_year=end_year, resolution=source, by=by
        )
    existing = {fold(t.content): t for t in term.targets.filter(deleted_at__isnull=True)}
    for order, row in enumerate(preview.rows):
        target = existing.get(fold(row.content))
        if target is None:
            target = Target(
                term=term,
                number=row.number,
                group=row.group,
                content=row.content[:500],
                unit=row.unit[:64],
                indicator_code="",
                order=order,
                aggregation=Aggregation.AVERAGE if "%" in row.unit else Aggregation.SUM,
            )
            target._history_user = by
            target.save()
        TargetVariant.objects.update_or_create(
            target=target, kind="resolution", defaults={"value": Decimal(row.target)}
        )
        for year, value in row.yearly.items():
            actual, _created = ManualActual.objects.update_or_create(
                target=target, year=int(year), defaults={"value": Decimal(value), "source": source, "entered_by": by}
            )
    return term
