"""Checking a report file: read it, repair it, run the checks. Used by the command and the upload page."""

from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _

from dangvu.checker.extract import SUPPORTED_EXTENSIONS, Document, RefusedFile, UnreadableFile, read_document
from dangvu.checker.rules import Finding, check_document
from dangvu.checker.tables import Table

__all__ = ["CheckResult", "UnreadableFile", "check_report_file", "document_text", "findings_as_text"]


@dataclass
class CheckResult:
    document: Document
    findings: list[Finding]


def check_report_file(*, path: str | Path, name: str | None = None) -> CheckResult:
    """Read, repair and check one report. Raises UnreadableFile for anything that is not a readable report."""
    name = name or Path(path).name
    if Path(name).suffix.lower() not in SUPPORTED_EXTENSIONS:
        raise UnreadableFile(f"unsupported extension: {name}")
    document = read_document(path, name=name)
    if not document.paragraphs and not document.tables:
        raise UnreadableFile("no text")
    return CheckResult(document=document, findings=check_document(document))


def unreadable_message(name: str, error: Exception | None = None) -> str:
    if isinstance(error, RefusedFile):
        return _("Cannot read “%(name)s”: %(reason)s") % {"name": name, "reason": error.message}
    return _("Cannot read “%(name)s”: it is not a readable .docx, .txt or .pdf report.") % {"name": name}


def table_as_text(table: Table) -> str:
    rows = table.header_rows + [row.cells for row in table.rows]
    return "\n".join("\t".join(cells) for cells in rows)


def document_text(document: Document) -> str:
    """The repaired text: paragraphs and tables in order, footnotes at the end."""
    parts = []
    for kind, index in document.order:
        if kind == "p":
            paragraph = document.paragraphs[index - 1]
            text = paragraph.text
            for offset, label in sorted(paragraph.footnote_refs, reverse=True):
                text = f"{text[:offset]}[{label}]{text[offset:]}"
            parts.append(text)
        else:
            parts.append(table_as_text(document.tables[index - 1]))
    if document.footnotes:
        parts.append("-----")
        parts += [f"[{note.label}] {note.text}" for note in document.footnotes]
    return "\n\n".join(parts) + "\n"


def findings_as_text(result: CheckResult) -> str:
    lines = [_("File: %(name)s") % {"name": result.document.name}]
    if result.document.substitutions:
        done = ", ".join(f"{what} ({count})" for what, count in result.document.substitutions.items())
        lines.append(_("Repaired automatically: %(repairs)s") % {"repairs": done})
    lines.append(_("Findings: %(count)s") % {"count": len(result.findings)})
    for number, finding in enumerate(result.findings, start=1):
        lines.append(f"{number}. [{finding.location}] {finding.message}")
        lines.append("   " + _("Expected: %(expected)s; found: %(found)s") % finding.as_dict())
        if finding.excerpt:
            lines.append("   « " + finding.excerpt + " »")
    return "\n".join(lines) + "\n"
