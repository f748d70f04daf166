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
    return {"meeting": meeting, "deleted_meeting": deleted}


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
