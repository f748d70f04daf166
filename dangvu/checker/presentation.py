"""What the upload page shows: the document in order, each piece marked with the findings about it."""

from dataclasses import dataclass, field

from dangvu.checker.services import CheckResult


@dataclass
class Item:
    kind: str  # paragraph, table, footnote
    key: str  # HTML id
    text: str = ""
    label: str = ""
    rows: list = field(default_factory=list)  # tables: [(cells, finding numbers, header?)]
    findings: list[int] = field(default_factory=list)


def _paragraph_for_line(result: CheckResult, line: int) -> int | None:
    best = None
    for paragraph in result.document.paragraphs:
        if paragraph.line is not None and paragraph.line <= line:
            best = paragraph.index
    return best


def document_view(result: CheckResult) -> dict:
    document = result.document
    by_paragraph: dict[int, list[int]] = {}
    by_footnote: dict[str, list[int]] = {}
    by_row: dict[tuple[int, int], list[int]] = {}
    targets: list[str] = []
    for number, finding in enumerate(result.findings, start=1):
        anchor = dict(finding.anchor)
        if "line" in anchor and "paragraph" not in anchor:
            paragraph = _paragraph_for_line(result, anchor["line"])
            if paragraph is not None:
                anchor["paragraph"] = paragraph
        target = ""
        if "table" in anchor:
            by_row.setdefault((anchor["table"], anchor["row"]), []).append(number)
            target = f"t{anchor['table']}-r{anchor['row']}"
        if "footnote" in anchor:
            by_footnote.setdefault(anchor["footnote"], []).append(number)
            target = target or f"fn-{anchor['footnote']}"
        if "paragraph" in anchor:
            by_paragraph.setdefault(anchor["paragraph"], []).append(number)
            target = f"p-{anchor['paragraph']}"
        targets.append(target)

    items: list[Item] = []
    for kind, index in document.order:
        if kind == "p":
            paragraph = document.paragraphs[index - 1]
            items.append(Item("paragraph", f"p-{index}", text=paragraph.text, findings=by_paragraph.get(index, [])))
        else:
            table = document.tables[index - 1]
            rows = [(cells, [], True, f"t{table.index}-h{i}") for i, cells in enumerate(table.header_rows)]
            rows += [
                (row.cells, by_row.get((table.index, row.number), []), False, f"t{table.index}-r{row.number}")
                for row in table.rows
            ]
            items.append(Item("table", f"t-{table.index}", label=str(table.index), rows=rows))
    footnotes = [
        Item("footnote", f"fn-{note.label}", text=note.text, label=note.label, findings=by_footnote.get(note.label, []))
        for note in document.footnotes
    ]
    findings = [(number, finding, targets[number - 1]) for number, finding in enumerate(result.findings, start=1)]
    return {"items": items, "footnotes": footnotes, "findings": findings}
