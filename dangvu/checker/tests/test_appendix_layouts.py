"""The appendices read the same from Word as from text: merged header cells (a spanning "Thực hiện qua các
năm", "STT" over two rows) repeat their text in every grid cell python-docx gives, and the header is in the
table once, marked to repeat on each page. The findings are the same, row for row."""

import io
from collections import Counter

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from dangvu.checker import scoring
from dangvu.checker.extract import read_document, split_tab_row
from dangvu.checker.rules import check_document
from dangvu.checker.tables import header_signature
from dangvu.checker.tests import builders


def _appendices():
    return [path for path, _key in scoring.key_files(builders.require_examples())]


def as_docx(text: str) -> bytes:
    """The body paragraphs, then the appendix as one Word table with merged header cells."""
    lines = text.split("\n")
    first_row = next(i for i, line in enumerate(lines) if "\t" in line)
    rows = [split_tab_row(line) for line in lines[first_row:] if "\t" in line]
    header = rows[:2]
    header_signatures = {header_signature(r) for r in header}
    data = [r for r in rows[2:] if header_signature(r) not in header_signatures]
    width = max(len(r) for r in rows)
    document = docx.Document()
    for line in lines[:first_row]:
        if line.strip():
            document.add_paragraph(line)
    table = document.add_table(rows=0, cols=width)
    for cells in [*header, *data]:
        row = table.add_row()
        for i, value in enumerate(cells + [""] * (width - len(cells))):
            row.cells[i].text = value
    for row in table.rows[:2]:  # the header repeats on each page
        properties = row._tr.get_or_add_trPr()
        mark = OxmlElement("w:tblHeader")
        mark.set(qn("w:val"), "true")
        properties.append(mark)
    top, below = table.rows[0].cells, table.rows[1].cells
    for i in range(width):
        if top[i].text and not below[i].text:
            top[i].merge(below[i])  # "STT" over two rows
            top[i].text = header[0][i]
    spans = [i for i in range(width) if top[i].text and i + 1 < width and not header[0][i + 1] and header[1][i + 1]]
    for start in spans:
        end = start
        while end + 1 < width and not header[0][end + 1] and header[1][end + 1]:
            end += 1
        merged = table.rows[0].cells[start].merge(table.rows[0].cells[end])
        merged.text = header[0][start]
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _summary(document, findings) -> Counter:
    summary = Counter()
    for finding in findings:
        anchor = finding.anchor
        where = document.tables[anchor["table"] - 1].rows[anchor["row"] - 1].cells if "table" in anchor else ()
        label = next((c for c in where[1:] if c.strip()), "") if where else finding.location.split(" (")[0]
        summary[(finding.kind, label, finding.found)] += 1
    return summary


@pytest.mark.parametrize("index", range(4))
def test_an_appendix_in_word_gives_the_findings_of_its_text(tmp_path, index):
    path = _appendices()[index]
    text_document = read_document(path)
    text_findings = check_document(text_document)
    word = tmp_path / "appendix.docx"
    word.write_bytes(as_docx(path.read_text(encoding="utf-8")))
    word_document = read_document(word)
    word_findings = check_document(word_document)
    table_kinds = [(f.kind, f.found) for f in text_findings if "table" in f.anchor]
    assert len(table_kinds) >= 4
    assert sorted(table_kinds) == sorted((f.kind, f.found) for f in word_findings if "table" in f.anchor)
    assert _summary(text_document, [f for f in text_findings if "table" in f.anchor]) == _summary(
        word_document, [f for f in word_findings if "table" in f.anchor]
    )
    assert len(text_findings) == len(word_findings)


HEADER_WORDINGS = [
    {
        "STT": "TT",
        "Nội dung": "Chỉ tiêu",
        "Đơn vị tính": "ĐVT",
        "Chỉ tiêu Nghị quyết": "Nghị quyết đề ra",
        "Thực hiện qua các năm": "Kết quả thực hiện",
        "Thực hiện cả nhiệm kỳ": "Thực hiện nhiệm kỳ",
        "% so với chỉ tiêu nghị quyết": "Tỷ lệ % so với NQ",
        "Ghi chú": "Đánh giá",
    },
    {
        "Chỉ tiêu Nghị quyết": "Mục tiêu NQ Đại hội",
        "Thực hiện qua các năm": "Kết quả",
        "Thực hiện cả nhiệm kỳ": "Lũy kế cả nhiệm kỳ",
        "% so với chỉ tiêu nghị quyết": "So với mục tiêu (%)",
    },
]


@pytest.mark.parametrize("wording", HEADER_WORDINGS)
def test_the_shared_example_with_other_header_wordings_gives_the_same_findings(tmp_path, wording):
    path = builders.require_examples() / "phu-luc-tong-ket-nhiem-ky-mau.txt"
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if line.startswith("STT\t"):
            lines[i] = "\t".join(wording.get(cell, cell) for cell in line.split("\t"))
    renamed = tmp_path / path.name
    renamed.write_text("\n".join(lines), encoding="utf-8")
    expected = [(f.kind, f.found) for f in check_document(read_document(path))]
    assert [(f.kind, f.found) for f in check_document(read_document(renamed))] == expected
    assert len(expected) == 5
