"""Access-matrix rows for cadre-work records (merged by accounts/tests/test_access_matrix.py)."""

import datetime as dt

from dangvu.cadres.services import appointment_delete, appointment_record, conclusion_delete, conclusion_record

LOGIN = "login"
EDIT = {"staff": 200, "secretary_a": 200, "secretary_b": 404, "plain_member": 403, "anonymous": LOGIN}
POST = {"staff": 302, "secretary_a": 302, "secretary_b": 404, "plain_member": 403, "anonymous": LOGIN}
LIST = {"staff": 200, "secretary_a": 200, "secretary_b": 200, "plain_member": 403, "anonymous": LOGIN}


def _conclusion(p):
    return conclusion_record(
        by=None,
        member=p.member_a,
        purpose="planning",
        concluded_on=dt.date(2024, 5, 2),
        verdict="meets",
        conclusion="Đủ tiêu chuẩn chính trị.",
    )


def _appointment(p, position):
    return appointment_record(
        by=None,
        organization=p.org_a,
        member=p.member_a,
        position=position,
        kind="appointed",
        decided_by="Ban Thường vụ Đảng ủy Khối",
        decided_on=dt.date(2024, 6, 3),
        document_no="15-QĐ/ĐUK",
    )


def objects(p):
    conclusion, gone_conclusion = _conclusion(p), _conclusion(p)
    conclusion_delete(conclusion=gone_conclusion, by=None)
    appointment, gone_appointment = _appointment(p, "executive"), _appointment(p, "standing")
    appointment_delete(appointment=gone_appointment, by=None)
    return {
        "conclusion": conclusion,
        "deleted_conclusion": gone_conclusion,
        "appointment": appointment,
        "deleted_appointment": gone_appointment,
    }


MATRIX = {
    "cadres:conclusions": ("get", lambda o: {}, LIST),
    "cadres:conclusion_create": ("get", lambda o: {}, LIST),
    "cadres:conclusion_detail": ("get", lambda o: {"pk": o["conclusion"].pk}, EDIT),
    "cadres:conclusion_delete": ("post", lambda o: {"pk": o["conclusion"].pk}, POST),
    "cadres:conclusion_restore": ("post", lambda o: {"pk": o["deleted_conclusion"].pk}, POST),
    "cadres:appointments": ("get", lambda o: {}, LIST),
    "cadres:appointment_create": ("get", lambda o: {}, LIST),
    "cadres:appointment_detail": ("get", lambda o: {"pk": o["appointment"].pk}, EDIT),
    "cadres:appointment_end": ("get", lambda o: {"pk": o["appointment"].pk}, EDIT),
    "cadres:appointment_delete": ("post", lambda o: {"pk": o["appointment"].pk}, POST),
    "cadres:appointment_restore": ("post", lambda o: {"pk": o["deleted_appointment"].pk}, POST),
    "cadres:trash": ("get", lambda o: {}, LIST),
}

# Inspection staff see the tree as committee staff do; they change no record of this app.
INSPECTOR = {
    "cadres:appointment_create": 403,
    "cadres:appointment_delete": 403,
    "cadres:appointment_detail": 200,
    "cadres:appointment_end": 403,
    "cadres:appointment_restore": 403,
    "cadres:appointments": 200,
    "cadres:conclusion_create": 403,
    "cadres:conclusion_delete": 403,
    "cadres:conclusion_detail": 200,
    "cadres:conclusion_restore": 403,
    "cadres:conclusions": 200,
    "cadres:trash": 403,
}
