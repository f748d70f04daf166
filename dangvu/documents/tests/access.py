"""Access-matrix rows for the document register (merged by accounts/tests/test_access_matrix.py)."""

import datetime as dt

from dangvu.documents.services import document_delete, document_issue

LOGIN = "login"
EDIT = {"staff": 200, "secretary_a": 200, "secretary_b": 404, "plain_member": 403, "anonymous": LOGIN}
POST = {"staff": 302, "secretary_a": 302, "secretary_b": 404, "plain_member": 403, "anonymous": LOGIN}
LIST = {"staff": 200, "secretary_a": 200, "secretary_b": 200, "plain_member": 403, "anonymous": LOGIN}


def objects(p):
    document = document_issue(
        organization=p.org_a, type_code="NQ", issued_on=dt.date(2025, 3, 1), subject="Nghị quyết thử", by=None
    )
    gone = document_issue(
        organization=p.org_a, type_code="KH", issued_on=dt.date(2025, 3, 2), subject="Kế hoạch nhầm", by=None
    )
    document_delete(document=gone, by=None)
    return {"document": document, "deleted_document": gone}


MATRIX = {
    "documents:list": ("get", lambda o: {}, LIST),
    "documents:issue": ("get", lambda o: {}, LIST),
    "documents:receive": ("get", lambda o: {}, LIST),
    "documents:trash": ("get", lambda o: {}, LIST),
    "documents:symbols": ("get", lambda o: {}, LIST),
    "documents:detail": ("get", lambda o: {"pk": o["document"].pk}, EDIT),
    "documents:edit": ("get", lambda o: {"pk": o["document"].pk}, EDIT),
    # The document has no file: visible → 404 "no file"; invisible → 404 as well.
    "documents:file": (
        "get",
        lambda o: {"pk": o["document"].pk},
        {"staff": 404, "secretary_a": 404, "secretary_b": 404, "plain_member": 403, "anonymous": LOGIN},
    ),
    "documents:delete": ("post", lambda o: {"pk": o["document"].pk}, POST),
    "documents:restore": ("post", lambda o: {"pk": o["deleted_document"].pk}, POST),
}

# Inspection staff see the tree as committee staff do; they change no record of this app.
INSPECTOR = {
    "documents:delete": 403,
    "documents:detail": 200,
    "documents:edit": 403,
    "documents:file": 404,
    "documents:issue": 403,
    "documents:list": 200,
    "documents:receive": 403,
    "documents:restore": 403,
    "documents:symbols": 403,
    "documents:trash": 403,
}
