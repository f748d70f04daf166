"""Recall and precision of the checker on appendices with planted errors and a machine-readable key.

A key (`<name>.key.json`) lists each planted error by its source line and kind. A finding is a hit when an
error of the same kind on the same line is still unmatched; every other finding is false (a second finding
of one error counts as false too). Recall = errors found / errors planted; precision = hits / findings.
"""

import json
from dataclasses import dataclass, field
from pathlib import Path

from dangvu.checker.extract import read_document
from dangvu.checker.rules import Finding, check_document

APPENDICES = Path(__file__).resolve().parent / "tests" / "appendices"
KIND_OF_FINDING = {"quote": "body"}


@dataclass
class Score:
    name: str
    planted: int = 0
    hits: list = field(default_factory=list)
    missed: list = field(default_factory=list)
    false: list = field(default_factory=list)

    @property
    def findings(self) -> int:
        return len(self.hits) + len(self.false)

    @property
    def recall(self) -> float:
        return len(self.hits) / self.planted if self.planted else 1.0

    @property
    def precision(self) -> float:
        return len(self.hits) / self.findings if self.findings else 1.0


def finding_line(document, finding: Finding) -> int | None:
    anchor = finding.anchor
    if "table" in anchor:
        return document.tables[anchor["table"] - 1].rows[anchor["row"] - 1].line
    if "paragraph" in anchor:
        return document.paragraphs[anchor["paragraph"] - 1].line
    return anchor.get("line")


def key_files(examples: Path | None) -> list[tuple[Path, Path]]:
    """(appendix, key) pairs: the constructed ones here, and the shared example if `examples` has it."""
    pairs = []
    for key in sorted(APPENDICES.glob("*.key.json")):
        data = json.loads(key.read_text(encoding="utf-8"))
        file = Path(data["file"])
        if file.parts[:2] == ("..", "shared"):
            if examples is None:
                continue
            path = examples / file.name
        else:
            path = APPENDICES / file
        pairs.append((path, key))
    return pairs


def score(path: Path, key: Path) -> Score:
    data = json.loads(key.read_text(encoding="utf-8"))
    document = read_document(path)
    findings = check_document(document)
    result = Score(path.name, planted=len(data["errors"]))
    open_errors = list(data["errors"])
    for finding in findings:
        line = finding_line(document, finding)
        kind = KIND_OF_FINDING.get(finding.kind, finding.kind)
        match = next((e for e in open_errors if e["line"] == line and e["kind"] == kind), None)
        if match is None:
            result.false.append((line, finding))
        else:
            open_errors.remove(match)
            result.hits.append((match, finding))
    result.missed = open_errors
    return result


def table(scores: list[Score]) -> str:
    lines = [
        "| appendix | planted | found | false findings | recall | precision |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for s in [*scores, total(scores)]:
        lines.append(
            f"| {s.name} | {s.planted} | {len(s.hits)} | {len(s.false)} | {s.recall:.1%} | {s.precision:.1%} |"
        )
    return "\n".join(lines)


def total(scores: list[Score]) -> Score:
    result = Score("all")
    for s in scores:
        result.planted += s.planted
        result.hits += s.hits
        result.false += s.false
        result.missed += s.missed
    return result


# ---------------------------------------------------------------- random typos


@dataclass
class Mutations:
    """Single-cell typos made in every figure of an appendix, one at a time, and how many the checker flags."""

    name: str
    made: dict = field(default_factory=dict)  # column kind -> typos made
    flagged: dict = field(default_factory=dict)  # column kind -> typos that raised a new finding

    def rate(self, kind: str | None = None) -> float:
        made = sum(self.made.values()) if kind is None else self.made.get(kind, 0)
        flagged = sum(self.flagged.values()) if kind is None else self.flagged.get(kind, 0)
        return flagged / made if made else 0.0


def _typo(cell: str) -> str | None:
    """The last digit one higher (9 becomes 8): "1.905" -> "1.906", "96,48" -> "96,49"."""
    positions = [i for i, c in enumerate(cell) if c.isdigit()]
    if not positions:
        return None
    i = positions[-1]
    digit = int(cell[i])
    return cell[:i] + str(digit + 1 if digit < 9 else digit - 1) + cell[i + 1 :]


def mutations(path: Path, key: Path) -> Mutations:
    """Each figure of the appendix's table changed by one in its last digit, in rows without a planted error:
    the share of those typos that raise a finding the unchanged file does not have."""
    from dangvu.checker.extract import parse_text
    from dangvu.checker.tables import split_tab_row

    planted = {e["line"] for e in json.loads(key.read_text(encoding="utf-8"))["errors"]}
    text = path.read_text(encoding="utf-8")
    document = parse_text(text, path.name)

    def signature(findings):
        return {(f.kind, f.location, f.found) for f in findings}

    baseline = signature(check_document(document))
    lines = text.split("\n")
    result = Mutations(path.name)
    for table in document.tables:
        kinds = {c.index: c.kind for c in table.columns}
        for row in table.rows:
            if row.line is None or row.line in planted:
                continue
            for index in row.values:
                kind = kinds[index]
                cells = split_tab_row(lines[row.line - 1])
                changed = _typo(cells[index])
                if changed is None:
                    continue
                cells[index] = changed
                mutated = [*lines[: row.line - 1], "\t".join(cells), *lines[row.line :]]
                findings = check_document(parse_text("\n".join(mutated), path.name))
                result.made[kind] = result.made.get(kind, 0) + 1
                if signature(findings) - baseline:
                    result.flagged[kind] = result.flagged.get(kind, 0) + 1
    return result


def mutations_table(results: list[Mutations]) -> str:
    kinds = ["target", "period", "total", "percent"]
    lines = [
        "| appendix | typos | flagged | " + " | ".join(kinds) + " |",
        "| --- | ---: | ---: | " + " | ".join("---:" for _ in kinds) + " |",
    ]
    for r in results:
        per_kind = " | ".join(f"{r.flagged.get(k, 0)}/{r.made.get(k, 0)}" for k in kinds)
        lines.append(f"| {r.name} | {sum(r.made.values())} | {r.rate():.1%} | {per_kind} |")
    return "\n".join(lines)
