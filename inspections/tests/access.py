"""Rows of the persona access matrix for the inspection screens (merged by accounts/tests/test_access_matrix.py).

The records belong to organization A: A's secretary works on them, B's secretary does not see
them (404), a member account is turned away (403), an anonymous visitor goes to the login page.
"""

import datetime as dt

from inspections import services
from inspections.models import Body, DisciplineForm, InspectionKind, LetterCategory, LetterKind, ViolationCategory

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
                "body": Body.BASE_COMMITTEE,
                "deciding_organization": p.org_a,
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
        "inspection": inspection("Kiểm tra chấp hành Điều lệ"),
        "deleted_inspection": gone_inspection,
        "discipline": discipline("01-QĐ/ĐU"),
        "deleted_discipline": gone_discipline,
        "letter": letter(),
        "deleted_letter": gone_letter,
    }


def _row(method, kwargs, *, b=404, own=200, member=403):
    """A record of A: visible and changeable by staff and A's secretary; B's secretary gets `b`."""
    return (
        method,
        kwargs,
        {"staff": own, "secretary_a": own, "secretary_b": b, "plain_member": member, "anonymous": LOGIN},
    )


def _open(method="get", status=200):
    return (
        method,
        lambda o: {},
        {"staff": status, "secretary_a": status, "secretary_b": status, "plain_member": 403, "anonymous": LOGIN},
    )


MATRIX = {
    "inspections:list": _open(),
    "inspections:create": _open(),
    "inspections:trash": _open(),
    "inspections:detail": _row("get", lambda o: {"pk": o["inspection"].pk}),
    "inspections:edit": _row("get", lambda o: {"pk": o["inspection"].pk}),
    "inspections:delete": _row("post", lambda o: {"pk": o["inspection"].pk}, own=302),
    "inspections:restore": _row("post", lambda o: {"pk": o["deleted_inspection"].pk}, own=302),
    "inspections:discipline_list": _open(),
    "inspections:discipline_create": _open(),
    "inspections:discipline_detail": _row("get", lambda o: {"pk": o["discipline"].pk}),
    "inspections:discipline_edit": _row("get", lambda o: {"pk": o["discipline"].pk}),
    "inspections:discipline_delete": _row("post", lambda o: {"pk": o["discipline"].pk}, own=302),
    "inspections:discipline_restore": _row("post", lambda o: {"pk": o["deleted_discipline"].pk}, own=302),
    "inspections:letter_list": _open(),
    "inspections:letter_create": _open(),
    "inspections:letter_detail": _row("get", lambda o: {"pk": o["letter"].pk}),
    "inspections:letter_edit": _row("get", lambda o: {"pk": o["letter"].pk}),
    "inspections:letter_delete": _row("post", lambda o: {"pk": o["letter"].pk}, own=302),
    "inspections:letter_restore": _row("post", lambda o: {"pk": o["deleted_letter"].pk}, own=302),
}
