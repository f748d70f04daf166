"""The meeting minutes (biên bản sinh hoạt chi bộ) as a DOCX in the party document format (HD 36-HD/VPTW 2018):
Times New Roman 14 on A4, margins 25/25/35/15 mm, the "ĐẢNG CỘNG SẢN VIỆT NAM" heading, the issuing cell
with its "*" line, the place-date line, the document type, the record's content and attendance, and the
"THƯ KÝ" / "CHỦ TRÌ" signatures."""

import io

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from dangvu.lib.dates import format_place_date
from dangvu.lib.numbers import format_count, format_decimal, format_percent
from dangvu.meetings.models import Attendance, AttendanceStatus, Meeting, MeetingKind
from dangvu.meetings.rules import attendance_pct

FONT = "Times New Roman"


def _run(paragraph, text: str, *, bold=False, italic=False, size=14, underline=False):
    run = paragraph.add_run(text)
    run.bold, run.italic, run.underline = bold, italic, underline
    run.font.size = Pt(size)
    run.font.name = FONT
    run._element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    return run


def _para(container, text: str = "", *, align=WD_ALIGN_PARAGRAPH.JUSTIFY, **style):
    paragraph = container.add_paragraph()
    paragraph.alignment = align
    paragraph.paragraph_format.space_after = Pt(3)
    if text:
        _run(paragraph, text, **style)
    return paragraph


def _cell_para(cell, text: str, **style):
    paragraph = (
        cell.paragraphs[0] if not cell.paragraphs[0].text and len(cell.paragraphs) == 1 else cell.add_paragraph()
    )
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.space_after = Pt(0)
    _run(paragraph, text, **style)
    return paragraph


def meeting_minutes_docx(
    meeting: Meeting, attendance: list[Attendance], higher_body: str, *, totals=None, items=None
) -> bytes:
    """The minutes; with `totals` (selectors.member_totals) and `items` (selectors.minutes_items) they are
    written as HD 12/HD 16 ask: the members by kind, absences by name, speakers, votes and conclusions."""
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(25), Mm(25)
    section.left_margin, section.right_margin = Mm(35), Mm(15)
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(14)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)

    heading = document.add_table(rows=1, cols=2)
    heading.alignment = WD_TABLE_ALIGNMENT.CENTER
    left, right = heading.rows[0].cells
    _cell_para(left, higher_body.upper(), size=14)
    _cell_para(left, meeting.organization.name.upper(), bold=True, size=14)
    _cell_para(left, "*", size=14)
    _cell_para(right, "ĐẢNG CỘNG SẢN VIỆT NAM", bold=True, underline=True, size=15)
    _cell_para(right, "")
    _cell_para(right, format_place_date(meeting.held_on, meeting.locality), italic=True, size=14)

    _para(document)
    _para(document, "BIÊN BẢN SINH HOẠT CHI BỘ", align=WD_ALIGN_PARAGRAPH.CENTER, bold=True, size=16)
    if meeting.kind == MeetingKind.THEMATIC:
        subject = f"Sinh hoạt chuyên đề: {meeting.topic}"
    else:
        subject = f"Sinh hoạt thường kỳ tháng {meeting.held_on.month} năm {meeting.held_on.year}"
    if meeting.online:
        subject += " (trực tuyến)"
    _para(document, subject, align=WD_ALIGN_PARAGRAPH.CENTER, bold=True, size=14)
    _para(document, "-----", align=WD_ALIGN_PARAGRAPH.CENTER)

    venue = meeting.venue or ("trực tuyến" if meeting.online else "")
    times = ""
    if meeting.started_at is not None:
        times = f"từ {meeting.started_at:%H} giờ {meeting.started_at:%M} phút"
        if meeting.ended_at is not None:
            times += f" đến {meeting.ended_at:%H} giờ {meeting.ended_at:%M} phút"
        times += " "
    _para(
        document,
        f"Thời gian: {times}{format_place_date(meeting.held_on)}, thời lượng {meeting.duration_minutes} phút."
        + (f" Địa điểm: {venue}." if venue else ""),
    )
    _para(document, f"Chủ trì: đồng chí {meeting.chaired_by}. Thư ký: đồng chí {meeting.minutes_by}.")

    total = len(attendance)
    present = [a for a in attendance if a.status == AttendanceStatus.PRESENT]
    excused = [a for a in attendance if a.status == AttendanceStatus.EXCUSED]
    unexcused = [a for a in attendance if a.status == AttendanceStatus.UNEXCUSED]
    pct = attendance_pct(len(present), total)
    _para(
        document,
        f"Tổng số đảng viên của chi bộ: {format_count(total)} đồng chí; có mặt: {format_count(len(present))} đồng chí"
        + (f" ({format_percent(pct)})" if pct is not None else "")
        + f"; vắng có lý do: {format_count(len(excused))} đồng chí; vắng không có lý do: "
        f"{format_count(len(unexcused))} đồng chí.",
    )
    for label, rows in (("Vắng có lý do", excused), ("Vắng không có lý do", unexcused)):
        if rows:
            names = "; ".join(f"{a.member.full_name}" + (f" ({a.note})" if a.note else "") for a in rows)
            _para(document, f"{label}: {names}.")

    if totals is not None:
        _totals(document, totals)
    _para(document, "NỘI DUNG SINH HOẠT", bold=True)
    if items:
        _items(document, items)
    else:
        for line in meeting.content.splitlines():
            if line.strip():
                _para(document, line.strip())
    if meeting.self_rating_points is not None:
        _para(
            document,
            f"Chi bộ tự đánh giá chất lượng buổi sinh hoạt: {format_decimal(meeting.self_rating_points, 1)} điểm, "
            f"xếp loại {meeting.get_self_rating_quality_display().lower()}.",
        )
    if meeting.approved_at is not None:
        _para(
            document,
            f"Biên bản đã được đọc lại trước chi bộ và được chi bộ thông qua lúc {meeting.approved_at:%H} giờ "
            f"{meeting.approved_at:%M} phút cùng ngày.",
        )
    else:
        _para(
            document,
            f"Buổi sinh hoạt kết thúc sau {meeting.duration_minutes} phút, biên bản đã thông qua trước chi bộ.",
        )

    _para(document)
    signatures = document.add_table(rows=1, cols=2)
    signatures.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, title, name in zip(
        signatures.rows[0].cells, ("THƯ KÝ", "CHỦ TRÌ"), (meeting.minutes_by, meeting.chaired_by), strict=True
    ):
        _cell_para(cell, title, bold=True)
        for _ in range(3):
            _cell_para(cell, "")
        _cell_para(cell, name, bold=True)

    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _totals(document, totals) -> None:
    _para(
        document,
        f"Đảng viên của chi bộ: {format_count(totals.total)} đồng chí (chính thức: {format_count(totals.full)}, "
        f"dự bị: {format_count(totals.probationary)}); miễn sinh hoạt: {format_count(len(totals.exempted))}"
        + (f" ({', '.join(totals.exempted)})" if totals.exempted else "")
        + f"; chuyển sinh hoạt tạm thời: {format_count(totals.transferred_temporarily)} đồng chí.",
    )


def _items(document, items) -> None:
    methods = {"hands": "giơ tay", "secret": "bỏ phiếu kín"}
    for index, item in enumerate(items, start=1):
        _para(document, f"{index}. {item.title}", bold=True)
        speeches = list(item.speeches.all())
        if speeches:
            _para(document, "Ý kiến phát biểu:", italic=True)
            for speech in speeches:
                _para(document, f"- Đồng chí {speech.speaker}: {speech.summary}")
        for vote in item.votes.all():
            subject = f" {vote.subject}" if vote.subject else ""
            _para(
                document,
                f"Biểu quyết{subject} (hình thức {methods.get(vote.method, vote.method)}): tán thành "
                f"{format_count(vote.votes_for)}, không tán thành {format_count(vote.votes_against)}, không biểu "
                f"quyết {format_count(vote.abstentions)}. Kết quả: {vote.result}.",
            )
        if item.conclusion:
            _para(document, f"Kết luận: {item.conclusion}")
