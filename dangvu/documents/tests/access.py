"""Access-matrix rows for the document register (merged by accounts/tests/test_access_matrix.py)."""

import datetime as dt

from dangvu.accounts.tests.matrix import Post
from dangvu.documents.services import document_delete, document_issue, document_send

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
    # Sent to cell A1: its members (the plain member An and the cell secretary Cúc) may open it on the portal.
    sent = document_issue(
        organization=p.org_a, type_code="KH", issued_on=dt.date(2025, 3, 3), subject="Kế hoạch gửi", by=None
    )
    document_send(document=sent, organizations=[p.cell_a1], include_subtree=False, sender=p.org_a, by=None)
    return {"document": document, "deleted_document": gone, "sent_document": sent}


# The member's pages of the portal: portal accounts only; a document not sent to them is not found.
PORTAL = {
    "staff": 403,
    "inspector": 403,
    "secretary_a": 403,
    "secretary_b": 403,
    "plain_member": 200,
    "cell_secretary": 200,
    "anonymous": LOGIN,
}
OFFICE_ONLY = {"staff": 200, "secretary_a": 200, "secretary_b": 404, "plain_member": 403, "cell_secretary": 403}

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
    "documents:send": (
        "get",
        lambda o: {"pk": o["document"].pk},
        {**OFFICE_ONLY, "anonymous": LOGIN},
        Post(
            lambda o: {"organizations": [o["org"].pk], "include_subtree": "on"},
            {
                "staff": 302,
                "inspector": 403,
                "secretary_a": 302,
                "secretary_b": 404,
                "plain_member": 403,
                "cell_secretary": 403,
                "anonymous": LOGIN,
            },
        ),
    ),
    "documents:unread": ("get", lambda o: {"pk": o["sent_document"].pk}, {**OFFICE_ONLY, "anonymous": LOGIN}),
    "documents:my_list": ("get", lambda o: {}, PORTAL),
    "documents:my_detail": ("get", lambda o: {"pk": o["sent_document"].pk}, PORTAL),
    # The sent document has no file: its readers get 404 "no file".
    "documents:my_file": (
        "get",
        lambda o: {"pk": o["sent_document"].pk},
        {**PORTAL, "plain_member": 404, "cell_secretary": 404},
    ),
    "documents:my_read": (
        "post",
        lambda o: {"pk": o["sent_document"].pk},
        {**PORTAL, "plain_member": 302, "cell_secretary": 302},
    ),
    # Only the cell secretary forwards to their cell (a new distribution, no new reader: both have it already).
    "documents:my_send_to_cell": (
        "post",
        lambda o: {"pk": o["sent_document"].pk},
        {**PORTAL, "plain_member": 403, "cell_secretary": 302},
    ),
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
    "documents:send": 403,
    "documents:unread": 200,
}
