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
