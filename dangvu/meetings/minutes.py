"""The meeting minutes (biên bản sinh hoạt chi bộ) as a DOCX in the party document format (HD 36-HD/VPTW 2018):
Times New Roman 14 on A4, margins 25/25/35/15 mm, the "ĐẢNG CỘNG SẢN VIỆT NAM" heading, the issuing cell
with its "*" line, the place-date line, the document type, the record's content and attendance, and the
"THƯ KÝ" / "CHỦ TRÌ" signatures."""

import io

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH

from dangvu.lib.dates import format_place_date
from dangvu.lib.docx_parts import a4_document, add_cell_line, add_paragraph, add_party_heading
from dangvu.lib.numbers import format_count, format_decimal, format_percent
from dangvu.meetings.models import Attendance, AttendanceStatus, Meeting, MeetingKind
from dangvu.meetings.rules import attendance_pct


def meeting_minutes_docx(
    meeting: Meeting, attendance: list[Attendance], higher_body: str, *, totals=None, items=None
) -> bytes:
    """The minutes; with `totals` (selectors.member_totals) and `items` (selectors.minutes_items) they are
    written as HD 12/HD 16 ask: the members by kind, absences by name, speakers, votes and conclusions."""
    document = a4_document()
    add_party_heading(
        document,
        issuer_lines=[(higher_body.upper(), False), (meeting.organization.name.upper(), True)],
        place_date=format_place_date(meeting.held_on, meeting.locality),
    )

    add_paragraph(document)
    add_paragraph(document, "BIÊN BẢN SINH HOẠT CHI BỘ", align=WD_ALIGN_PARAGRAPH.CENTER, bold=True, size=16)
    if meeting.kind == MeetingKind.THEMATIC:
        subject = f"Sinh hoạt chuyên đề: {meeting.topic}"
    else:
        subject = f"Sinh hoạt thường kỳ tháng {meeting.held_on.month} năm {meeting.held_on.year}"
    if meeting.online:
        subject += " (trực tuyến)"
    add_paragraph(document, subject, align=WD_ALIGN_PARAGRAPH.CENTER, bold=True, size=14)
    add_paragraph(document, "-----", align=WD_ALIGN_PARAGRAPH.CENTER)

    venue = meeting.venue or ("trực tuyến" if meeting.online else "")
    times = ""
    if meeting.started_at is not None:
        times = f"từ {meeting.started_at:%H} giờ {meeting.started_at:%M} phút"
        if meeting.ended_at is not None:
            times += f" đến {meeting.ended_at:%H} giờ {meeting.ended_at:%M} phút"
        times += " "
    add_paragraph(
        document,
        f"Thời gian: {times}{format_place_date(meeting.held_on)}, thời lượng {meeting.duration_minutes} phút."
        + (f" Địa điểm: {venue}." if venue else ""),
    )
    add_paragraph(document, f"Chủ trì: đồng chí {meeting.chaired_by}. Thư ký: đồng chí {meeting.minutes_by}.")

    total = len(attendance)
    present = [a for a in attendance if a.status == AttendanceStatus.PRESENT]
    excused = [a for a in attendance if a.status == AttendanceStatus.EXCUSED]
    unexcused = [a for a in attendance if a.status == AttendanceStatus.UNEXCUSED]
    pct = attendance_pct(len(present), total)
    add_paragraph(
        document,
        f"Tổng số đảng viên của chi bộ: {format_count(total)} đồng chí; có mặt: {format_count(len(present))} đồng chí"
        + (f" ({format_percent(pct)})" if pct is not None else "")
        + f"; vắng có lý do: {format_count(len(excused))} đồng chí; vắng không có lý do: "
        f"{format_count(len(unexcused))} đồng chí.",
    )
    for label, rows in (("Vắng có lý do", excused), ("Vắng không có lý do", unexcused)):
        if rows:
            names = "; ".join(f"{a.member.full_name}" + (f" ({a.note})" if a.note else "") for a in rows)
            add_paragraph(document, f"{label}: {names}.")

    if totals is not None:
        _totals(document, totals)
    add_paragraph(document, "NỘI DUNG SINH HOẠT", bold=True)
    if items:
        _items(document, items)
    else:
        for line in meeting.content.splitlines():
            if line.strip():
                add_paragraph(document, line.strip())
    if meeting.self_rating_points is not None:
        add_paragraph(
            document,
            f"Chi bộ tự đánh giá chất lượng buổi sinh hoạt: {format_decimal(meeting.self_rating_points, 1)} điểm, "
            f"xếp loại {meeting.get_self_rating_quality_display().lower()}.",
        )
    if meeting.approved_at is not None:
        add_paragraph(
            document,
            f"Biên bản đã được đọc lại trước chi bộ và được chi bộ thông qua lúc {meeting.approved_at:%H} giờ "
            f"{meeting.approved_at:%M} phút cùng ngày.",
        )
    else:
        add_paragraph(
            document,
            f"Buổi sinh hoạt kết thúc sau {meeting.duration_minutes} phút, biên bản đã thông qua trước chi bộ.",
        )

    add_paragraph(document)
    signatures = document.add_table(rows=1, cols=2)
    signatures.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, title, name in zip(
        signatures.rows[0].cells, ("THƯ KÝ", "CHỦ TRÌ"), (meeting.minutes_by, meeting.chaired_by), strict=True
    ):
        add_cell_line(cell, title, bold=True)
        for _ in range(3):
            add_cell_line(cell, "")
        add_cell_line(cell, name, bold=True)

    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _totals(document, totals) -> None:
    add_paragraph(
        document,
        f"Đảng viên của chi bộ: {format_count(totals.total)} đồng chí (chính thức: {format_count(totals.full)}, "
        f"dự bị: {format_count(totals.probationary)}); miễn sinh hoạt: {format_count(len(totals.exempted))}"
        + (f" ({', '.join(totals.exempted)})" if totals.exempted else "")
        + f"; chuyển sinh hoạt tạm thời: {format_count(totals.transferred_temporarily)} đồng chí.",
    )


def _items(document, items) -> None:
    methods = {"hands": "giơ tay", "secret": "bỏ phiếu kín"}
    for index, item in enumerate(items, start=1):
        add_paragraph(document, f"{index}. {item.title}", bold=True)
        speeches = list(item.speeches.all())
        if speeches:
            add_paragraph(document, "Ý kiến phát biểu:", italic=True)
            for speech in speeches:
                add_paragraph(document, f"- Đồng chí {speech.speaker}: {speech.summary}")
        for vote in item.votes.all():
            subject = f" {vote.subject}" if vote.subject else ""
            add_paragraph(
                document,
                f"Biểu quyết{subject} (hình thức {methods.get(vote.method, vote.method)}): tán thành "
                f"{format_count(vote.votes_for)}, không tán thành {format_count(vote.votes_against)}, không biểu "
                f"quyết {format_count(vote.abstentions)}. Kết quả: {vote.result}.",
            )
        if item.conclusion:
            add_paragraph(document, f"Kết luận: {item.conclusion}")
