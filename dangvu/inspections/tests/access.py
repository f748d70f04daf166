"""Rows of the persona access matrix for the inspection screens (merged by accounts/tests/test_access_matrix.py).

The records hang on organization A: everyone working on a subtree that holds A sees them, B's
secretary does not (404), a member account is turned away (403), an anonymous visitor goes to
the login page. Who changes one is the body that made it: the inspection and the letter are A's
base committee's (committee staff, inspection staff, A's secretary); the discipline decision is
the committee's inspection committee's, on a member of A, so only the inspection staff change it
and A's secretary, who sees it, is refused (the defect this matrix closes).
"""

import datetime as dt

from dangvu.accounts.tests.matrix import Post, from_form
from dangvu.inspections import services
from dangvu.inspections.models import (
    Body,
    DisciplineForm,
    InspectionKind,
    LetterCategory,
    LetterKind,
    ViolationCategory,
)

LOGIN = "login"
TODAY = dt.date(2026, 6, 30)


def objects(p):
    def inspection(title):
        return services.inspection_create(
            organization=p.org_a,
            data={
                "body": Body.BASE_COMMITTEE,
                "kind": InspectionKind.PROGRAM,
                "title": title,
                "started_on": dt.date(2024, 3, 1),
            },
            subject_organizations=[p.cell_a1],
            subject_member_ids=[p.member_a.pk],
            by=None,
            today=TODAY,
        )

    def discipline(number):
        return services.discipline_create(
            data={
                "form": DisciplineForm.REPRIMAND,
                "body": Body.INSPECTION_COMMITTEE,
                "deciding_organization": p.committee,
                "decision_no": number,
                "decided_on": dt.date(2024, 5, 10),
                "violation_category": ViolationCategory.MEMBER_DUTIES,
                "violation_started_on": dt.date(2024, 1, 15),
            },
            member=p.member_a,
            by=None,
            today=TODAY,
        )

    def letter():
        return services.letter_create(
            organization=p.org_a,
            data={
                "received_on": dt.date(2026, 3, 2),
                "kind": LetterKind.DENUNCIATION,
                "sender": "Lê Văn Cường",
                "member": p.member_a,
                "category": LetterCategory.WITHIN_AUTHORITY,
            },
            by=None,
            today=TODAY,
        )

    gone_inspection = inspection("Kiểm tra đã xóa")
    services.inspection_delete(inspection=gone_inspection, by=None)
    gone_discipline = discipline("02-QĐ/ĐU")
    services.discipline_delete(discipline=gone_discipline, by=None)
    gone_letter = letter()
    services.letter_delete(letter=gone_letter, by=None)
    return {
        "committee": p.committee,
        "org_a": p.org_a,
        "inspection": inspection("Kiểm tra chấp hành Điều lệ"),
        "deleted_inspection": gone_inspection,
        "discipline": discipline("01-QĐ/ĐU"),
        "deleted_discipline": gone_discipline,
        "letter": letter(),
        "deleted_letter": gone_letter,
    }


PERSONAS = ("staff", "inspector", "secretary_a", "secretary_b", "plain_member", "anonymous")


def _answers(staff, inspector, secretary_a, secretary_b, member=403):
    return dict(zip(PERSONAS, (staff, inspector, secretary_a, secretary_b, member, LOGIN), strict=True))


def _open(method="get", status=200):
    return (method, lambda o: {}, _answers(status, status, status, status))


# A record of A's base committee: seen and changed by staff, inspection staff and A's secretary.
def _of_a(method, kwargs, own=200, *posts):
    return (method, kwargs, _answers(own, own, own, 404), *posts)


# The committee's inspection committee's decision on a member of A: seen by everyone over A, changed
# only by the inspection staff.
def _commission(method, kwargs, own=200, *posts):
    return (method, kwargs, _answers(403, own, 403, 404), *posts)


WRITTEN = _answers(302, 302, 302, 404)
COMMISSION_WRITTEN = _answers(403, 302, 403, 404)
# A create form: B's secretary cannot pick A (the form is shown again with the field's message).
CREATED = _answers(302, 302, 302, 200)


def _new_inspection(o):
    return {
        "organization": o["org_a"].pk,
        "body": Body.BASE_COMMITTEE,
        "kind": InspectionKind.PROGRAM,
        "title": "Kiểm tra chi bộ Văn phòng",
        "started_on": "10/04/2025",
        "subject_organizations": [o["org"].pk],
        "all_members_of_subjects": "on",
    }


def _new_discipline(o, **changes):
    return {
        "subject_kind": "member",
        "member": o["member"].national_id,
        "form": DisciplineForm.WARNING,
        "body": Body.BASE_COMMITTEE,
        "deciding_organization": o["org_a"].pk,
        "decision_no": "07-QĐ/ĐU",
        "decided_on": "12/05/2025",
        "violation_category": ViolationCategory.LAW,
        "violation_started_on": "01/02/2025",
    } | changes


def _new_letter(o):
    return {
        "organization": o["org_a"].pk,
        "received_on": "02/03/2026",
        "kind": LetterKind.COMPLAINT,
        "signed": "on",
        "sender": "Nguyễn Thị Hoa",
        "subject_text": "Việc thu đảng phí của chi bộ",
        "category": LetterCategory.WITHIN_AUTHORITY,
        "status": "received",
    }


MATRIX = {
    "inspections:list": _open(),
    "inspections:create": _open() + (Post(_new_inspection, CREATED),),
    "inspections:trash": _open(),
    "inspections:detail": _of_a("get", lambda o: {"pk": o["inspection"].pk}),
    "inspections:edit": _of_a(
        "get",
        lambda o: {"pk": o["inspection"].pk},
        200,
        Post(from_form(lambda o: {"ended_on": "30/04/2024", "conclusion": "Chấp hành tốt"}), WRITTEN),
    ),
    "inspections:delete": _of_a("post", lambda o: {"pk": o["inspection"].pk}, 302),
    "inspections:restore": _of_a("post", lambda o: {"pk": o["deleted_inspection"].pk}, 302),
    "inspections:discipline_list": _open(),
    "inspections:discipline_create": _open()
    + (
        Post(_new_discipline, CREATED),
        # Recording a decision in the name of the committee's inspection committee: its staff only.
        Post(
            lambda o: _new_discipline(o, body=Body.INSPECTION_COMMITTEE, deciding_organization=o["committee"].pk),
            _answers(200, 302, 200, 200),
        ),
    ),
    "inspections:discipline_detail": (
        "get",
        lambda o: {"pk": o["discipline"].pk},
        _answers(200, 200, 200, 404),
    ),
    "inspections:discipline_edit": _commission(
        "get",
        lambda o: {"pk": o["discipline"].pk},
        200,
        Post(from_form(lambda o: {"violation": "Vi phạm quy định"}, owner="inspector"), COMMISSION_WRITTEN),
    ),
    "inspections:discipline_delete": _commission("post", lambda o: {"pk": o["discipline"].pk}, 302),
    "inspections:discipline_restore": _commission("post", lambda o: {"pk": o["deleted_discipline"].pk}, 302),
    "inspections:letter_list": _open(),
    "inspections:letter_create": _open() + (Post(_new_letter, CREATED),),
    "inspections:letter_detail": _of_a("get", lambda o: {"pk": o["letter"].pk}),
    "inspections:letter_edit": _of_a(
        "get",
        lambda o: {"pk": o["letter"].pk},
        200,
        Post(from_form(lambda o: {"summary": "Phản ánh việc thu đảng phí"}), WRITTEN),
    ),
    "inspections:letter_delete": _of_a("post", lambda o: {"pk": o["letter"].pk}, 302),
    "inspections:letter_restore": _of_a("post", lambda o: {"pk": o["deleted_letter"].pk}, 302),
}
