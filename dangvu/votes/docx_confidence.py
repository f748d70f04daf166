"""The results report of a confidence vote (biên bản kết quả kiểm phiếu lấy phiếu tín nhiệm) as a DOCX in the party
document format (HD 36-HD/VPTW: Times New Roman 14 on A4, the "ĐẢNG CỘNG SẢN VIỆT NAM" heading, the issuing
body with its "*" line, the place-date line), written the way the meeting minutes are."""

import io

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH

from dangvu.lib.dates import format_place_date
from dangvu.lib.docx_parts import a4_document, add_cell_line, add_paragraph, add_party_heading
from dangvu.lib.numbers import format_decimal, format_int
from dangvu.organizations.models import Organization
from dangvu.votes.confidence import quorum_met, rules_on, threshold_base_name
from dangvu.votes.models import Outcome, Poll
from dangvu.votes.results import poll_result

OUTCOME_TEXT = {
    Outcome.KEPT: "",
    Outcome.OVER_HALF_LOW: "Trên 1/2 đến dưới 2/3 tín nhiệm thấp",
    Outcome.TWO_THIRDS_LOW: "Từ 2/3 trở lên tín nhiệm thấp",
}
BASE_TEXT = {
    "collected": "số phiếu thu vào",
    "valid": "số phiếu hợp lệ",
    "convened": "số người được triệu tập",
    "present": "số người có mặt",
}


def _pct(value) -> str:
    return "" if value is None else f"{format_decimal(value, 2)}%"


def _num(value) -> str:
    return "" if value is None else format_int(value)


def confidence_report(poll: Poll) -> bytes:
    result = poll_result(poll)
    document = a4_document()
    organization = poll.organization
    parent = Organization.objects.filter(path=organization.path[: -Organization.steplen]).first()
    add_party_heading(
        document,
        issuer_lines=[((parent.name if parent else "").upper(), False), (organization.name.upper(), True)],
        place_date=format_place_date(poll.held_on),
    )

    add_paragraph(document)
    add_paragraph(document, "BIÊN BẢN", align=WD_ALIGN_PARAGRAPH.CENTER, bold=True, size=16)
    add_paragraph(document, "kết quả kiểm phiếu lấy phiếu tín nhiệm", align=WD_ALIGN_PARAGRAPH.CENTER, bold=True)
    add_paragraph(document, "-----", align=WD_ALIGN_PARAGRAPH.CENTER)
    rules = rules_on(poll.held_on)
    add_paragraph(document, f"Căn cứ {rules.name} về việc lấy phiếu tín nhiệm đối với chức vụ lãnh đạo, quản lý.")
    add_paragraph(document, f"Hội nghị: {poll.title}, {format_place_date(poll.held_on)}.")
    valid = quorum_met(poll.present or 0, poll.convened or 0, rules)
    add_paragraph(
        document,
        f"Tổng số người được triệu tập: {_num(poll.convened)}; có mặt: {_num(poll.present)}"
        + (" (bảo đảm từ 2/3 trở lên, hội nghị hợp lệ)." if valid else " (không đủ 2/3)."),
    )
    add_paragraph(
        document,
        f"Số phiếu phát ra: {_num(poll.ballots_issued)}; số phiếu thu vào: {_num(poll.ballots_collected)}; "
        f"số phiếu hợp lệ: {_num(poll.ballots_valid)}; số phiếu không hợp lệ: {_num(poll.ballots_invalid)}.",
    )
    add_paragraph(document, "Kết quả lấy phiếu tín nhiệm (tỷ lệ % tính trên số phiếu thu vào):", bold=True)

    headers = ("TT", "Họ và tên", "Chức vụ", "Tín nhiệm cao", "%", "Tín nhiệm", "%", "Tín nhiệm thấp", "%", "Ghi chú")
    table = document.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        add_cell_line(cell, text, bold=True, size=11)
    for index, person in enumerate(result["people"], start=1):
        row = table.add_row().cells
        values = (
            str(index),
            person["name"],
            person["post"],
            _num(person["high"]),
            _pct(person["high_pct"]),
            _num(person["confident"]),
            _pct(person["confident_pct"]),
            _num(person["low"]),
            _pct(person["low_pct"]),
            OUTCOME_TEXT.get(person["outcome"] or "", ""),
        )
        for cell, text in zip(row, values, strict=True):
            add_cell_line(cell, text, size=11)

    add_paragraph(document)
    add_paragraph(
        document,
        f"Ngưỡng xem xét theo quy định được tính trên {BASE_TEXT[threshold_base_name()]}"
        + (f" ({_num(poll.base)})." if poll.base is not None else "."),
        italic=True,
    )
    follow_ups = [p for p in result["people"] if p["follow_up"]]
    for person in follow_ups:
        add_paragraph(document, f"Xử lý sau lấy phiếu đối với đồng chí {person['name']}: {person['follow_up']}")
    add_paragraph(document, "Biên bản được lập và thông qua tại hội nghị.")

    add_paragraph(document)
    signatures = document.add_table(rows=1, cols=2)
    signatures.alignment = WD_TABLE_ALIGNMENT.CENTER
    counters = list(poll.counters.all())
    head = next((c.name for c in counters if c.role == "head"), "")
    for cell, title, name in zip(
        signatures.rows[0].cells, ("THƯ KÝ", "TRƯỞNG BAN KIỂM PHIẾU"), ("", head), strict=True
    ):
        add_cell_line(cell, title, bold=True)
        for _ in range(3):
            add_cell_line(cell, "")
        add_cell_line(cell, name, bold=True)

    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
