"""Access-matrix rows for the admission pipeline (merged by accounts/tests/test_access_matrix.py)."""

import datetime as dt

from dangvu.candidates.services import candidate_create, candidate_delete, introducer_add

LOGIN = "login"
EDIT = {"staff": 200, "secretary_a": 200, "secretary_b": 404, "plain_member": 403, "anonymous": LOGIN}
POST = {"staff": 302, "secretary_a": 302, "secretary_b": 404, "plain_member": 403, "anonymous": LOGIN}
LIST = {"staff": 200, "secretary_a": 200, "secretary_b": 200, "plain_member": 403, "anonymous": LOGIN}


def _candidate(p, name):
    return candidate_create(
        by=None,
        data={"full_name": name, "sex": "male", "date_of_birth": dt.date(1998, 5, 1), "organization": p.cell_a1},
    )


def objects(p):
    candidate = _candidate(p, "Hoàng Văn Ưu")
    introducer = introducer_add(
        candidate=candidate, member=p.member_a, known_since=dt.date(2024, 1, 1), letter_on=dt.date(2025, 6, 1), by=None
    )
    gone = _candidate(p, "Lý Văn Nhầm")
    candidate_delete(candidate=gone, by=None)
    return {"candidate": candidate, "introducer": introducer, "deleted_candidate": gone}


MATRIX = {
    "candidates:list": ("get", lambda o: {}, LIST),
    "candidates:create": ("get", lambda o: {}, LIST),
    "candidates:trash": ("get", lambda o: {}, LIST),
    "candidates:detail": ("get", lambda o: {"pk": o["candidate"].pk}, EDIT),
    "candidates:edit": ("get", lambda o: {"pk": o["candidate"].pk}, EDIT),
    "candidates:step": ("get", lambda o: {"pk": o["candidate"].pk, "step": "cell_vote"}, EDIT),
    "candidates:delete": ("post", lambda o: {"pk": o["candidate"].pk}, POST),
    "candidates:restore": ("post", lambda o: {"pk": o["deleted_candidate"].pk}, POST),
    "candidates:introducer_remove": ("post", lambda o: {"pk": o["introducer"].pk}, POST),
}

# Inspection staff see the tree as committee staff do; they change no record of this app.
INSPECTOR = {
    "candidates:create": 403,
    "candidates:delete": 403,
    "candidates:detail": 200,
    "candidates:edit": 403,
    "candidates:introducer_remove": 403,
    "candidates:list": 200,
    "candidates:restore": 403,
    "candidates:step": 403,
    "candidates:trash": 403,
}
