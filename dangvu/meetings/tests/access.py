"""Rows of the access matrix for the meeting screens (merged by accounts/tests/test_access_matrix.py)."""

import datetime as dt
from decimal import Decimal

LOGIN = "login"
DAY = dt.date(2026, 3, 10)


def _data(**extra):
    data = {
        "kind": "regular",
        "held_on": DAY,
        "duration_minutes": 120,
        "locality": "Kiên Giang",
        "content": "Đánh giá nhiệm vụ tháng 3.",
        "chaired_by": "Nguyễn Văn An",
        "minutes_by": "Trần Thị Bình",
    }
    data.update(extra)
    return data


def objects(p):
    from dangvu.meetings import services

    members = services.members_of_cell_on(p.cell_a1, DAY)
    attendance = {m.pk: ("present", "") for m in members}
    meeting = services.meeting_record(organization=p.cell_a1, data=_data(), attendance=attendance, by=None, today=DAY)
    services.meeting_self_rate(
        meeting=meeting,
        points={c.pk: c.max_points - Decimal(1) for c in services.sheet_for(DAY).criteria.all()},
        by=None,
    )
    deleted = services.meeting_record(
        organization=p.cell_a1,
        data=_data(held_on=dt.date(2026, 2, 10)),
        attendance=attendance,
        by=None,
        today=DAY,
    )
    services.meeting_delete(meeting=deleted, by=None)
    return {"meeting": meeting, "deleted_meeting": deleted, **_cell_objects(p)}


def _png() -> bytes:
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "white").save(buffer, "PNG")
    return buffer.getvalue()


def _cell_objects(p):
    """Issue 17: a draft notice, a sent one to come (with a material), one for today, a meeting started today
    from a notice (with an item of the minutes and a signed scan)."""
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.utils import timezone

    from dangvu.meetings import services

    today = timezone.localdate()
    earlier = timezone.make_aware(dt.datetime.combine(today - dt.timedelta(days=3), dt.time(8)))

    def notice(held_on, kind="thematic"):
        return services.notice_save(
            organization=p.cell_a1,
            data={
                "kind": kind,
                "topic": "Chuyển đổi số",
                "held_on": held_on,
                "starts_at": dt.time(23, 59),
                "place": "Hội trường",
            },
            agenda=[("Quán triệt nghị quyết", True, True)],
            by=None,
            today=today - dt.timedelta(days=3),
        )

    draft = notice(today + dt.timedelta(days=7))
    coming = services.notice_send(notice=notice(today + dt.timedelta(days=5)), by=None, now=earlier)
    material = services.material_add(
        notice=coming, title="Dự thảo", upload=SimpleUploadedFile("du-thao.pdf", b"%PDF-1.4 test"), by=None
    )
    for_today = services.notice_send(notice=notice(today), by=None, now=earlier)
    held = services.notice_send(notice=notice(today), by=None, now=earlier)
    started = services.meeting_start(notice=held, by=None, now=earlier + dt.timedelta(days=3))
    services.scan_attach(meeting=started, upload=SimpleUploadedFile("bien-ban.png", _png()), by=None)
    return {
        "draft_notice": draft,
        "coming_notice": coming,
        "today_notice": for_today,
        "material": material,
        "started": started,
        "minutes_item": started.minutes_items.get(),
        "cell_member": p.member_a,
    }


TREE = {"staff": 200, "secretary_a": 200, "secretary_b": 200, "plain_member": 403, "anonymous": LOGIN}
OF_A = {"staff": 200, "secretary_a": 200, "secretary_b": 404, "plain_member": 403, "anonymous": LOGIN}
CHANGE_OF_A = {"staff": 302, "secretary_a": 302, "secretary_b": 404, "plain_member": 403, "anonymous": LOGIN}

MATRIX = {
    "meetings:list": ("get", lambda o: {}, TREE),
    # Without a cell and a day: the first step of the form.
    "meetings:create": ("get", lambda o: {}, TREE),
    "meetings:trash": ("get", lambda o: {}, TREE),
    "meetings:sheets": ("get", lambda o: {}, TREE),
    "meetings:detail": ("get", lambda o: {"pk": o["meeting"].pk}, OF_A),
    "meetings:edit": ("get", lambda o: {"pk": o["meeting"].pk}, OF_A),
    "meetings:self_rate": ("get", lambda o: {"pk": o["meeting"].pk}, OF_A),
    "meetings:minutes": ("get", lambda o: {"pk": o["meeting"].pk}, OF_A),
    "meetings:delete": ("post", lambda o: {"pk": o["meeting"].pk}, CHANGE_OF_A),
    "meetings:restore": ("post", lambda o: {"pk": o["deleted_meeting"].pk}, CHANGE_OF_A),
}

# Inspection staff see the tree as committee staff do; they change no record of this app.
INSPECTOR = {
    "meetings:create": 403,
    "meetings:delete": 403,
    "meetings:detail": 200,
    "meetings:edit": 403,
    "meetings:list": 200,
    "meetings:minutes": 200,
    "meetings:restore": 403,
    "meetings:self_rate": 403,
    "meetings:sheets": 200,
    "meetings:trash": 403,
}


# Issue 17 -----------------------------------------------------------------------------------------------------
PORTAL = {
    "staff": 403,
    "inspector": 403,
    "secretary_a": 403,
    "secretary_b": 403,
    "plain_member": 200,
    "cell_secretary": 200,
    "anonymous": LOGIN,
}
PORTAL_POST = {**PORTAL, "plain_member": 302, "cell_secretary": 302}
# The cell's pages: its secretary, and the office of a subtree holding the cell; inspection staff keep no cell.
KEEPER = {
    "staff": 200,
    "inspector": 403,
    "secretary_a": 200,
    "secretary_b": 404,
    "plain_member": 403,
    "cell_secretary": 200,
    "anonymous": LOGIN,
}
KEEPER_POST = {**KEEPER, "staff": 302, "secretary_a": 302, "cell_secretary": 302}


def _cell(o):
    return {"cell": o["draft_notice"].organization_id}


MATRIX.update(
    {
        "meetings:my_next": ("get", lambda o: {}, PORTAL),
        "meetings:my_notice": ("get", lambda o: {"pk": o["coming_notice"].pk}, PORTAL),
        "meetings:excuse": ("post", lambda o: {"pk": o["coming_notice"].pk}, PORTAL_POST),
        # A material: the members of the cell and its keepers.
        "meetings:material": (
            "get",
            lambda o: {"pk": o["material"].pk},
            {**KEEPER, "plain_member": 200, "inspector": 404},
        ),
        "meetings:late_notices": ("get", lambda o: {}, {**TREE, "inspector": 200}),
        "meetings:cell": ("get", _cell, KEEPER),
        "meetings:notice_create": ("get", _cell, KEEPER),
        "meetings:notice": ("get", lambda o: {"pk": o["coming_notice"].pk}, KEEPER),
        "meetings:notice_edit": ("get", lambda o: {"pk": o["draft_notice"].pk}, KEEPER),
        "meetings:notice_send": ("post", lambda o: {"pk": o["draft_notice"].pk}, KEEPER_POST),
        "meetings:notice_cancel": ("post", lambda o: {"pk": o["coming_notice"].pk}, KEEPER_POST),
        "meetings:notice_start": ("post", lambda o: {"pk": o["today_notice"].pk}, KEEPER_POST),
        "meetings:material_add": ("post", lambda o: {"pk": o["coming_notice"].pk}, KEEPER_POST),
        "meetings:sheet": ("get", lambda o: {"pk": o["started"].pk}, KEEPER),
        "meetings:mark": (
            "post",
            lambda o: {"pk": o["started"].pk, "member": o["cell_member"].pk},
            KEEPER_POST,
        ),
        "meetings:times": ("post", lambda o: {"pk": o["started"].pk}, KEEPER_POST),
        "meetings:cell_minutes": ("get", lambda o: {"pk": o["started"].pk}, KEEPER),
        "meetings:cell_minutes_docx": ("get", lambda o: {"pk": o["started"].pk}, KEEPER),
        "meetings:rate": ("get", lambda o: {"pk": o["started"].pk}, KEEPER),
        "meetings:scan": ("post", lambda o: {"pk": o["started"].pk}, KEEPER_POST),
        "meetings:scan_file": ("get", lambda o: {"pk": o["started"].pk}, KEEPER),
        "meetings:item_conclusion": ("post", lambda o: {"pk": o["minutes_item"].pk}, KEEPER_POST),
        "meetings:item_speech": ("post", lambda o: {"pk": o["minutes_item"].pk}, KEEPER_POST),
        "meetings:item_vote": ("post", lambda o: {"pk": o["minutes_item"].pk}, KEEPER_POST),
    }
)
