"""The papers of a congress election as DOCX (HD 04-HD/TW of 31/12/2024; party document format of HD 36):
the ballot printed from the candidate list, and the minutes of counting (biên bản kiểm phiếu) with the figures of
the tally - congress and term, seats, the list in alphabetical order, the counting committee, full members convened /
present / absent, the base of "more than half" with who is left out by name, ballots issued / collected / valid /
invalid, votes per candidate and their % of the base, the elected in order of votes - and the signatures."""

import io

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK

from dangvu.lib.dates import format_place_date
from dangvu.lib.docx_parts import a4_document, add_cell_line, add_paragraph, add_party_heading
from dangvu.lib.numbers import format_count, format_int
from dangvu.organizations.models import Organization
from dangvu.votes import congress as rules
from dangvu.votes import elections
from dangvu.votes.models import Body, CountingRole, Poll

MAX_BALLOTS = 1000
BODY_TITLES = {
    Body.COMMITTEE: "BAN CHẤP HÀNH",
    Body.STANDING: "BAN THƯỜNG VỤ",
    Body.SECRETARY: "BÍ THƯ",
    Body.DEPUTY_SECRETARY: "PHÓ BÍ THƯ",
    Body.INSPECTION: "ỦY BAN KIỂM TRA",
    Body.INSPECTION_HEAD: "CHỦ NHIỆM ỦY BAN KIỂM TRA",
    Body.DELEGATES: "ĐẠI BIỂU DỰ ĐẠI HỘI CẤP TRÊN",
}


def _document() -> Document:
    return a4_document(top=20, bottom=20, left=30, right=15)


def _higher_name(poll: Poll) -> str:
    parent = Organization.objects.get_parent(poll.organization) if poll.organization.depth > 1 else None
    return parent.name if parent is not None else ""


def _heading(document, poll: Poll, issuer: str) -> None:
    higher = _higher_name(poll)
    lines = [(higher.upper(), False)] if higher else []
    lines += [(poll.organization.name.upper(), False), (issuer, True)]
    place = poll.congress.place if poll.congress else ""
    add_party_heading(document, issuer_lines=lines, place_date=format_place_date(poll.held_on, place), size=13)


def _what(poll: Poll) -> str:
    congress = poll.congress
    term = congress.term if congress else ""
    text = f"Bầu {BODY_TITLES.get(poll.body, poll.get_body_display()).lower()} {poll.organization.name}"
    if term:
        text += f", nhiệm kỳ {term}"
    if poll.round_number > 1:
        text += f" (lần {poll.round_number})"
    return text


# --- The ballot ---------------------------------------------------------------------------------------------


def ballots(poll: Poll, copies: int = 1) -> bytes:
    """The ballot (phiếu bầu cử) printed from the list in alphabetical order, `copies` times, one a page."""
    copies = max(1, min(int(copies), MAX_BALLOTS))
    document = _document()
    options = list(poll.options.order_by("order", "pk"))
    for number in range(copies):
        if number:
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        _heading(document, poll, "ĐẠI HỘI")
        add_paragraph(document)
        add_paragraph(document, "PHIẾU BẦU CỬ", align=WD_ALIGN_PARAGRAPH.CENTER, bold=True, size=16)
        add_paragraph(document, _what(poll), align=WD_ALIGN_PARAGRAPH.CENTER, bold=True)
        add_paragraph(
            document,
            f"(Số lượng cần bầu: {format_count(poll.seats or 0)} đồng chí)",
            align=WD_ALIGN_PARAGRAPH.CENTER,
            italic=True,
        )
        table = document.add_table(rows=1 + len(options), cols=2)
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        add_cell_line(table.rows[0].cells[0], "STT", bold=True)
        add_cell_line(table.rows[0].cells[1], "Họ và tên", bold=True)
        for row, option in zip(table.rows[1:], options, strict=True):
            add_cell_line(row.cells[0], str(option.order))
            add_cell_line(row.cells[1], option.name, align=WD_ALIGN_PARAGRAPH.LEFT)
        add_paragraph(document)
        add_paragraph(
            document,
            "Ghi chú: Đồng ý bầu đồng chí nào thì để nguyên họ tên; không đồng ý bầu đồng chí nào thì gạch ngang "
            "cả họ và tên đồng chí đó. Phiếu để lại số người nhiều hơn số lượng cần bầu là phiếu không hợp lệ.",
            italic=True,
            size=12,
        )
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# --- The minutes of counting --------------------------------------------------------------------------------


def minutes_of_counting(poll: Poll) -> bytes:
    """The minutes of counting of one election (HD 04-HD/TW), with the figures of the tally."""
    document = _document()
    _heading(document, poll, "BAN KIỂM PHIẾU")
    add_paragraph(document)
    add_paragraph(document, "BIÊN BẢN KIỂM PHIẾU", align=WD_ALIGN_PARAGRAPH.CENTER, bold=True, size=16)
    add_paragraph(document, _what(poll), align=WD_ALIGN_PARAGRAPH.CENTER, bold=True)
    add_paragraph(document, "-----", align=WD_ALIGN_PARAGRAPH.CENTER)

    counters = list(poll.congress.counters.all()) if poll.congress else list(poll.counters.all())
    add_paragraph(document, "Ban kiểm phiếu gồm các đồng chí:")
    roles = {CountingRole.HEAD: "Trưởng ban", CountingRole.MEMBER: "Ủy viên", CountingRole.TECHNICIAN: "Kỹ thuật viên"}
    for counter in sorted(counters, key=lambda c: (c.role != CountingRole.HEAD, c.pk)):
        add_paragraph(document, f"- Đồng chí {counter.name}, {roles.get(counter.role, '').lower()}.")
    if not counters:
        add_paragraph(document, "- (chưa ghi)")

    add_paragraph(document, f"1. Số lượng cần bầu: {format_count(poll.seats or 0)} đồng chí.")
    options = list(poll.options.order_by("order", "pk"))
    add_paragraph(document, f"2. Danh sách bầu cử gồm {format_count(len(options))} đồng chí (xếp theo vần A, B, C):")
    for option in options:
        add_paragraph(document, f"{option.order}. {option.name}" + (f" - {option.post}" if option.post else ""))

    rows = rules.base_rows(poll)
    absent = [r for r in rows if not r.present]
    add_paragraph(
        document,
        f"3. Tổng số đảng viên chính thức được triệu tập: {format_count(poll.convened or 0)} đồng chí; "
        f"có mặt: {format_count(poll.present or 0)} đồng chí; "
        f"vắng mặt: {format_count((poll.convened or 0) - (poll.present or 0))} đồng chí.",
    )
    if absent:
        add_paragraph(
            document, "Vắng mặt: " + "; ".join(r.name + (f" ({r.label})" if r.label else "") for r in absent) + "."
        )
    left_out = [r for r in rows if r.excluded]
    add_paragraph(
        document,
        f"4. Số đảng viên làm căn cứ tính kết quả bầu cử (trên một nửa): {format_count(poll.base or 0)} đồng chí"
        + (" (không tính: " + "; ".join(f"{r.name} - {r.label}" for r in left_out) + ")." if left_out else "."),
    )
    add_paragraph(
        document,
        f"5. Số phiếu phát ra: {format_count(poll.ballots_issued or 0)}; "
        f"số phiếu thu vào: {format_count(poll.ballots_collected or 0)}; "
        f"số phiếu hợp lệ: {format_count(poll.ballots_valid or 0)}; "
        f"số phiếu không hợp lệ: {format_count(poll.ballots_invalid or 0)}.",
    )
    add_paragraph(document, "6. Kết quả bầu cử (theo danh sách bầu cử):")
    _votes_table(document, poll, options)

    result = elections.outcome(poll)
    add_paragraph(document)
    add_paragraph(
        document,
        "7. Căn cứ quy định, các đồng chí sau đây trúng cử "
        "(có số phiếu bầu quá một nửa, xếp theo thứ tự số phiếu từ cao xuống thấp):",
    )
    if result.elected:
        _votes_table(document, poll, result.elected)
    else:
        add_paragraph(document, "Không có đồng chí nào trúng cử.")
    if result.another_round:
        add_paragraph(document, result.reason.rstrip(".") + ".", italic=True)

    add_paragraph(document)
    add_paragraph(document, "Biên bản được lập xong và thông qua trước Đại hội.")
    signatures = document.add_table(rows=1, cols=2)
    signatures.alignment = WD_TABLE_ALIGNMENT.CENTER
    left, right = signatures.rows[0].cells
    add_cell_line(left, "CÁC THÀNH VIÊN BAN KIỂM PHIẾU", bold=True)
    add_cell_line(right, "TRƯỞNG BAN KIỂM PHIẾU", bold=True)
    for _ in range(3):
        add_cell_line(left, "")
        add_cell_line(right, "")
    head = next((c for c in counters if c.role == CountingRole.HEAD), None)
    for counter in counters:
        if counter is not head:
            add_cell_line(left, counter.name)
    if head is not None:
        add_cell_line(right, head.name)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _votes_table(document, poll: Poll, options) -> None:
    table = document.add_table(rows=1 + len(options), cols=4)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(
        table.rows[0].cells, ("STT", "Họ và tên", "Số phiếu bầu", "Tỷ lệ % so với căn cứ"), strict=True
    ):
        add_cell_line(cell, text, bold=True, size=13)
    for number, (row, option) in enumerate(zip(table.rows[1:], options, strict=True), 1):
        add_cell_line(row.cells[0], str(number), size=13)
        add_cell_line(row.cells[1], option.name, align=WD_ALIGN_PARAGRAPH.LEFT, size=13)
        add_cell_line(row.cells[2], format_int(option.votes or 0), size=13)
        add_cell_line(row.cells[3], elections.pct_of_base(option.votes, poll.base), size=13)
