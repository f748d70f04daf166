"""The checks on a table, following its structure (checker.layout): each row's term total against its years,
a group against its parts, a "Cộng" row against the rows it closes, the variants of a target against each
other, the shares of a year against 100, "% so với chỉ tiêu" against each target and the remark against
its % column.

One wrong cell breaks two sums, its row's and its column's: the two are reported once, on that cell.
A figure is reported only when no reading the layout allows makes it right.
"""

import re
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from dangvu.checker.layout import Line, rows_summed_by_total, structure
from dangvu.checker.numbers import Token
from dangvu.checker.tables import Column, Table
from dangvu.lib.numbers import format_decimal
from dangvu.lib.vntext import fold

# A target that is a ceiling: "giảm ...", "không quá 2%", "dưới 5%", "tối đa", "không để xảy ra", "không hoàn thành".
_DECREASE = re.compile(r"\b(giam|khong qua|duoi [0-9]|toi da|khong de|khong co|khong hoan thanh|vi pham)")
_PER_PERIOD = ("hang nam", "moi nam", "binh quan", "trung binh")
_EXHAUSTIVE = ("chia ra", "bao gom", "gom", "phan theo", "chia theo")
_NUMBER_KINDS = {"int", "decimal", "percent"}


@dataclass
class Issue:
    """A sum that does not hold: `found` in (line, column) where `expected` was due; `delta` = found - expected."""

    kind: str  # row, group, total, average, stock, share, variant, percent, remark
    line: Line
    column: Column
    expected: Decimal | None
    found: Token
    message: str
    delta: Decimal = Decimal(0)
    members: tuple = ()  # the lines a group issue adds up
    expected_text: str = ""  # what the cell should say, when it is not a number (a remark)
    found_text: str = ""  # what the table says, when it is not the one number `found` (a sum of shares)


def _number(line: Line, column: Column | None) -> Token | None:
    if column is None:
        return None
    token = line.row.values.get(column.index)
    return token if token is not None and token.kind in _NUMBER_KINDS else None


def show(value: Decimal, places: int = 0) -> str:
    if places == 0 and value == value.to_integral_value():
        return format_decimal(value, 0)
    return format_decimal(value, places)


def _places(tokens) -> int:
    return max((t.places for t in tokens if t is not None), default=0)


def _close(a: Decimal, b: Decimal, places: int, count: int = 1) -> bool:
    """Equal up to the rounding of `count` figures written with `places` decimals."""
    if places == 0:
        return a == b
    return abs(a - b) <= Decimal(1).scaleb(-places) * Decimal(max(count, 1)) / 2


def percent_matches(found: Decimal, places: int, exact: Decimal) -> bool:
    from dangvu.checker.rules import percent_matches as matches

    return matches(found, places, exact)


# ---------------------------------------------------------------- the sums


def _sum_columns(table: Table) -> list[Column]:
    return [c for c in table.columns if c.kind in {"target", "period", "total", "value"}]


def row_issue(table: Table, line: Line) -> Issue | None:
    """The term total against the years: a sum for counts, an average for rates, the last year for a stock."""
    periods = table.columns_of("period")
    totals = table.columns_of("total")
    if len(periods) < 2 or not totals:
        return None
    total_column = totals[0]
    total = _number(line, total_column)
    years = [_number(line, c) for c in periods]
    filled = [t for t in years if t is not None]
    if total is None or not filled:
        return None
    if any(line.row.values.get(c.index) is not None and _number(line, c) is None for c in periods):
        return None  # amounts with units are not added up here
    figure = line.figure
    if figure == "rate" or figure == "average" or total.kind == "percent":
        low, high = min(t.value for t in filled), max(t.value for t in filled)
        tolerance = Decimal(1).scaleb(-total.places) / 2 if total.places else Decimal(0)
        if low - tolerance <= total.value <= high + tolerance:
            return None
        return Issue(
            "average",
            line,
            total_column,
            sum((t.value for t in filled), Decimal(0)) / len(filled),  # the simple average, one reading of many
            total,
            _(
                "A rate's term figure is an average of the years, so it lies between %(low)s and %(high)s; "
                "column “%(column)s” says %(total)s."
            )
            % {
                "low": show(low, _places(filled)),
                "high": show(high, _places(filled)),
                "column": total_column.header,
                "total": show(total.value, total.places),
            },
        )
    places = _places([*filled, total])
    expected = sum((t.value for t in filled), Decimal(0))
    last = filled[-1].value
    if figure == "stock" or (figure == "stock_or_sum" and not _close(expected, total.value, places, len(filled) + 1)):
        if total.value == last:
            return None
        return Issue(
            "stock",
            line,
            total_column,
            last,
            total,
            _(
                "This is a stock at the end of each year: the term figure repeats the last one (%(last)s, "
                "column “%(last_column)s”), but column “%(column)s” says %(total)s."
            )
            % {
                "last": show(last, places),
                "last_column": periods[years.index(filled[-1])].header,
                "column": total_column.header,
                "total": show(total.value, total.places),
            },
            delta=total.value - last,
        )
    if _close(expected, total.value, places, len(filled) + 1) or total.value == last:
        return None  # a stock its label does not name: the total repeats the last year
    return Issue(
        "row",
        line,
        total_column,
        expected,
        total,
        _("The periods add up to %(sum)s (%(parts)s), but column “%(column)s” says %(total)s.")
        % {
            "sum": show(expected, places),
            "parts": " + ".join(show(t.value, t.places) if t else "0" for t in years),
            "column": total_column.header,
            "total": show(total.value, total.places),
        },
        delta=total.value - expected,
    )


def _exhaustive(parent: Line) -> bool | None:
    """True when the label says the parts are all of it, False when it says they are some, None if silent."""
    label = parent.label
    if "trong do" in label:
        return False
    if any(re.search(rf"\b{w}\b", label) for w in _EXHAUSTIVE):
        return True
    return None


def _addable(lines: list[Line]) -> bool:
    return all(not line.is_rate and line.figure != "average" for line in lines)


def group_issues(table: Table, parent: Line, parts: list[Line], *, always: bool, kind: str) -> list[Issue]:
    """The parent equals the sum of its parts in every column. Unless `always`, a breakdown the label does
    not call complete is held to it only when most of its columns do add up."""
    if len(parts) < 2 or not _addable([parent, *parts]):
        return []
    units = {p.unit for p in parts}
    if len(units) > 1 or (parent.unit and units and parent.unit not in units):
        return []
    checked: list[Issue] = []
    agree = 0
    for column in _sum_columns(table):
        total = _number(parent, column)
        values = [_number(p, column) for p in parts]
        if total is None or sum(v is not None for v in values) < 2:
            continue
        places = _places([total, *values])
        expected = sum((v.value for v in values if v is not None), Decimal(0))
        if _close(expected, total.value, places, len(values) + 1):
            agree += bool(total.value)
            continue
        checked.append(
            Issue(
                kind,
                parent,
                column,
                expected,
                total,
                "",
                delta=total.value - expected,
                members=tuple(parts),
            )
        )
    exhaustive = True if always else _exhaustive(parent)
    if exhaustive is False:
        return []
    if exhaustive is None and not (agree >= 2 and agree > len(checked)):
        return []
    for issue in checked:
        count = len(parts)
        if kind == "total":
            issue.message = _(
                "The %(count)s rows above add up to %(sum)s in column “%(column)s”, but the total row says %(total)s."
            )
        else:
            issue.message = _(
                "Its %(count)s parts add up to %(sum)s in column “%(column)s”, but the row says %(total)s."
            )
        issue.message %= {
            "count": count,
            "sum": show(issue.expected, issue.found.places),
            "column": issue.column.header,
            "total": show(issue.found.value, issue.found.places),
        }
    return checked


def share_issues(table: Table, parent: Line, parts: list[Line]) -> list[Issue]:
    """The grades of a year (in %) add up to 100."""
    if len(parts) < 2 or not all(p.is_rate for p in parts):
        return []
    graded = sum(p.is_grade for p in parts) >= 2
    counted = any(_number(parent, c) is not None and not parent.is_rate for c in table.columns_of("period"))
    if not (graded or (counted and len(parts) >= 3)):
        return []
    issues = []
    for column in [*table.columns_of("period"), *table.columns_of("total")]:
        values = [_number(p, column) for p in parts]
        if any(v is None for v in values):
            continue
        places = _places(values)
        total = sum((v.value for v in values), Decimal(0))
        if _close(total, Decimal(100), places, len(values)):
            continue
        anchor = parent if parent.row.values else parts[0]
        issues.append(
            Issue(
                "share",
                anchor,
                column,
                Decimal(100),
                values[0],
                _("The shares in column “%(column)s” add up to %(sum)s%% (%(parts)s), not 100%%.")
                % {
                    "column": column.header,
                    "sum": show(total, places),
                    "parts": " + ".join(show(v.value, v.places) for v in values),
                },
                found_text=show(total, places),
            )
        )
    return issues


def variant_issues(table: Table, parts: list[Line]) -> list[Issue]:
    """The variants of a target ("- Chỉ tiêu nghị quyết / tỉnh giao / phấn đấu") repeat the same actuals."""
    variants = [p for p in parts if p.is_variant]
    if len(variants) < 3:
        return []
    issues = []
    for column in [*table.columns_of("period"), *table.columns_of("total")]:
        values = [_number(v, column) for v in variants]
        if any(v is None for v in values):
            continue
        counts: dict[Decimal, int] = {}
        for v in values:
            counts[v.value] = counts.get(v.value, 0) + 1
        common, times = max(counts.items(), key=lambda item: item[1])
        if times == len(values) or times < 2:
            continue
        for variant, value in zip(variants, values, strict=True):
            if value.value != common:
                issues.append(
                    Issue(
                        "variant",
                        variant,
                        column,
                        common,
                        value,
                        _(
                            "The variants of one target repeat the same actuals: the others give %(common)s in "
                            "column “%(column)s”, this row %(found)s."
                        )
                        % {"common": show(common, value.places), "column": column.header, "found": value.text},
                        delta=value.value - common,
                    )
                )
    return issues


# ---------------------------------------------------------------- one wrong cell, one finding


def _blame(table: Table, row_issues: dict[int, Issue], group: list[Issue]) -> list[Issue]:
    """A group issue and a row issue that one wrong cell explains become one issue on that cell."""
    merged: list[Issue] = []
    total_columns = {c.index for c in table.columns_of("total")}
    for issue in group:
        if issue.kind == "variant":
            row = row_issues.get(id(issue.line))
            in_total = issue.column.index in total_columns
            if row is not None and row.kind == "row" and row.delta == (issue.delta if in_total else -issue.delta):
                del row_issues[id(issue.line)]  # the one cell that differs from the other variants
            merged.append(issue)
            continue
        if issue.kind not in {"group", "total"}:
            merged.append(issue)
            continue
        culprit = None
        in_total = issue.column.index in total_columns
        for candidate in (issue.line, *issue.members):
            row = row_issues.get(id(candidate))
            if row is None or row.kind not in {"row", "stock"}:
                continue
            # The group's own cell moves its row the other way in a year column, the same way in the total
            # column; a part's cell moves its row like the group's sum in a year column.
            own = candidate is issue.line
            wanted = issue.delta if own == in_total else -issue.delta
            if row.delta == wanted:
                culprit = (candidate, row)
                break
        if culprit is None:
            merged.append(issue)
            continue
        line, row = culprit
        del row_issues[id(line)]
        cell = _number(line, issue.column)
        error = issue.delta if line is issue.line else -issue.delta
        expected = cell.value - error
        merged.append(
            Issue(
                "cell",
                line,
                issue.column,
                expected,
                cell,
                _(
                    "%(found)s in column “%(column)s” breaks two sums: with %(expected)s the row adds up to its "
                    "term total and the group to its parts (%(why)s)."
                )
                % {
                    "found": cell.text,
                    "column": issue.column.header,
                    "expected": show(expected, cell.places),
                    "why": issue.message.rstrip("."),
                },
                delta=error,
            )
        )
    return merged


# ---------------------------------------------------------------- % of target and the remark


def _result_column(table: Table) -> Column | None:
    totals = table.columns_of("total")
    if totals:
        return totals[0]
    periods = table.columns_of("period")
    if len(periods) == 1:
        return periods[0]
    results = [c for c in table.columns if c.kind == "value" and re.search(r"thuc hien|ket qua", fold(c.header))]
    return results[0] if len(results) == 1 else None


def _target_for(table: Table, percent_column: Column) -> Column | None:
    targets = table.columns_of("target")
    if len(targets) <= 1:
        return targets[0] if targets else None
    generic = {"ty", "le", "so", "voi", "chi", "tieu", "ke", "hoach", "%", "dat"}
    wanted = set(fold(percent_column.header).split()) - generic
    scored = sorted(targets, key=lambda c: -len(wanted & (set(fold(c.header).split()) - generic)))
    best = scored[0]
    if len(wanted & set(fold(best.header).split())) == 0:
        return None
    return best


def _target_percent_columns(table: Table) -> list[Column]:
    return [
        c
        for c in table.columns_of("percent")
        if any(w in fold(c.header) for w in ("chi tieu", "ke hoach", "so voi", "nghi quyet", "muc tieu"))
        and not any(w in fold(c.header) for w in ("cung ky", "nam truoc", "ky truoc"))  # against last year
    ]


def _decreasing(line: Line) -> bool:
    label = line.label if line.role != "part" or line.parent is None else f"{line.parent.label} {line.label}"
    return bool(_DECREASE.search(label))


def percent_issues(table: Table, line: Line, corrected: dict) -> list[Issue]:
    """ "% so với chỉ tiêu" = result / target × 100, for each row and so for each variant of a target."""
    result_column = _result_column(table)
    issues = []
    for percent_column in _target_percent_columns(table):
        target_column = _target_for(table, percent_column)
        target = _number(line, target_column)
        result = _number(line, result_column)
        found = _number(line, percent_column)
        if target is None or result is None or found is None or not target.value:
            continue
        results = [result.value]
        if (id(line), result_column.index) in corrected:
            results.append(corrected[(id(line), result_column.index)])
        accepted = [r / target.value * 100 for r in results]
        if _decreasing(line):
            accepted += [target.value / r * 100 for r in results if r]
        if any(w in line.label for w in _PER_PERIOD):
            periods = table.columns_of("period")
            filled = sum(1 for c in periods if _number(line, c) is not None)
            accepted += [result.value / (target.value * k) * 100 for k in {filled, len(periods)} if k]
        if any(percent_matches(found.value, found.places, a) for a in accepted):
            continue
        exact = accepted[0]
        expected = format_decimal(exact, max(found.places, 2))
        issues.append(
            Issue(
                "percent",
                line,
                percent_column,
                exact,
                found,
                _("%(result)s / %(target)s × 100 = %(exact)s, which is %(expected)s, not %(found)s.")
                % {
                    "result": show(result.value, result.places),
                    "target": show(target.value, target.places),
                    "exact": format_decimal(exact, 4),
                    "expected": expected,
                    "found": show(found.value, found.places),
                },
            )
        )
    return issues


_REMARK = re.compile(
    r"^(?P<word>vuot|dat|chua dat|khong dat|hoan thanh|chua hoan thanh)"
    r"(?:\s+(?:chi tieu|ke hoach|nghi quyet))?"
    r"(?:\s+(?P<number>[0-9]{1,3}(?:\.[0-9]{3})*(?:,[0-9]+)?|[0-9]+(?:,[0-9]+)?)\s*(?P<pct>%)?)?"
)


def remark_issues(table: Table, line: Line, percent_wrong: bool) -> list[Issue]:
    """The remark (Vượt / Đạt / Chưa đạt, "vượt 20%", "đạt 96,7%") agrees with the % column."""
    remarks = table.columns_of("remark")
    columns = _target_percent_columns(table) or table.columns_of("percent")
    if not remarks or not columns or _decreasing(line):
        return []
    remark_text = line.row.cell(remarks[0].index)
    m = _REMARK.match(fold(remark_text).strip(" ."))
    found = _number(line, columns[0])
    if not m or found is None:
        return []
    values = [found.value]
    target_column = _target_for(table, columns[0])
    target = _number(line, target_column)
    result = _number(line, _result_column(table))
    if percent_wrong and target is not None and result is not None and target.value:
        values.append(result.value / target.value * 100)
    word = m.group("word")
    number = m.group("number")
    if number is not None:
        stated = Decimal(number.replace(".", "").replace(",", "."))
        places = len(number.partition(",")[2])
        if m.group("pct"):
            wanted = [v - 100 for v in values] if word == "vuot" else values
            if any(percent_matches(stated, places, w) for w in wanted):
                return []
            expected = f"{remark_text.split()[0]} {format_decimal(wanted[0], max(places, 2))}%"
        else:
            if target is None or result is None or word != "vuot":
                return []
            if stated == result.value - target.value:
                return []
            expected = f"{remark_text.split()[0]} {show(result.value - target.value, result.places)}"
    else:

        def wrong(value: Decimal) -> bool:
            if word in {"chua dat", "khong dat", "chua hoan thanh"}:
                return value >= 100
            if word == "vuot":
                return value <= 100
            return value < 100

        if not all(wrong(v) for v in values):
            return []
        value = values[0]
        expected = _("Not met") if value < 100 else _("Met") if value == 100 else _("Exceeded")
    return [
        Issue(
            "remark",
            line,
            remarks[0],
            None,
            found,
            _("The remark says “%(remark)s”, but the result is %(percent)s%% of the target.")
            % {"remark": remark_text, "percent": show(found.value, found.places)},
            expected_text=expected,
        )
    ]


# ---------------------------------------------------------------- all of it


def table_issues(table: Table) -> list[Issue]:
    lines = structure(table)
    row_issues: dict[int, Issue] = {}
    for line in lines:
        if line.role == "section":
            continue
        issue = row_issue(table, line)
        if issue is not None:
            row_issues[id(line)] = issue
    group: list[Issue] = []
    for position, line in enumerate(lines):
        if line.role == "total":
            summed = rows_summed_by_total(lines, position)
            group += group_issues(table, line, summed, always=True, kind="total")
        elif line.parts:
            variants = [p for p in line.parts if p.is_variant]
            if variants:
                group += variant_issues(table, line.parts)
                continue
            group += share_issues(table, line, line.parts)
            closed = any(other.role == "total" and other.parent is line for other in lines)
            if line.row.values and not closed:
                group += group_issues(table, line, line.parts, always=False, kind="group")
    merged = _blame(table, row_issues, group)
    issues = [*row_issues.values(), *merged]
    corrected = {
        (id(i.line), i.column.index): i.expected
        for i in issues
        if i.expected is not None and i.kind in {"row", "stock", "cell"}
    }
    averaged = {id(i.line) for i in issues if i.kind == "average"}
    for line in lines:
        if id(line) in averaged:
            continue  # the term figure is wrong already; its percentage follows from it
        percent = percent_issues(table, line, corrected)
        issues += percent
        issues += remark_issues(table, line, bool(percent))
    order = {id(line): n for n, line in enumerate(lines)}
    issues.sort(key=lambda i: (order[id(i.line)], i.column.index))
    return issues
