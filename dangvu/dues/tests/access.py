"""Rows of the project's access matrix for the dues screens.

The dues of cell A1 (organization A): B's secretary gets "not found"; a plain member "forbidden" on the office
screens and their own dues on the portal; the cell's secretary keeps the cell's dues (the phone page, payments,
reasons, the removal proposal) but not the office's screens; inspection staff see the dues and change nothing.
"""

import datetime as dt

from dangvu.accounts.tests.matrix import Post
from dangvu.dues import services
from dangvu.dues.models import Category

LOGIN = "login"
MONTH = dt.date(2026, 10, 1)
OPEN_MONTH = dt.date(2026, 11, 1)

LIST = {"staff": 200, "inspector": 200, "secretary_a": 200, "secretary_b": 200, "plain_member": 403, "anonymous": LOGIN}
VIEW = {"staff": 200, "inspector": 200, "secretary_a": 200, "secretary_b": 404, "plain_member": 403, "anonymous": LOGIN}
# Writes of the cell's keepers: the office over it and the cell's own secretary.
KEEP = {
    "staff": 302,
    "inspector": 403,
    "secretary_a": 302,
    "secretary_b": 404,
    "plain_member": 403,
    "cell_secretary": 302,
    "anonymous": LOGIN,
}
# Writes of the office only (a form shown again when the bare POST is incomplete).
OFFICE_FORM = {
    "staff": 200,
    "inspector": 403,
    "secretary_a": 200,
    "secretary_b": 404,
    "plain_member": 403,
    "anonymous": LOGIN,
}
OFFICE_WRITE = {**OFFICE_FORM, "staff": 302, "secretary_a": 302}


def objects(p):
    for member, category, base in ((p.member_a, Category.INSURED, 8_000_000), (p.member_b, Category.STUDENT, None)):
        services.set_profile(
            member=member, category=category, base_amount=base, valid_from=dt.date(2025, 1, 1), user=None
        )
    run = services.make_run(organization=p.cell_a1, month=MONTH, user=None)
    return {"dues_run": run, "dues_committee": p.org_a}


def _month(o, month=MONTH):
    return {"pk": o["org"].pk, "year": month.year, "month": month.month}


def _payment(o):
    return {
        f"pay_{o['member'].pk}": "on",
        f"amount_{o['member'].pk}": "80.000",
        "paid_on": "05/10/2026",
        "channel": "cash",
    }


MATRIX = {
    "dues:home": ("get", lambda o: {}, LIST),
    "dues:month": ("get", _month, VIEW),
    # A bare POST (no month) is answered with a message; the real one makes the subtree's runs.
    "dues:make_runs": (
        "post",
        lambda o: {},
        {
            "staff": 302,
            "inspector": 403,
            "secretary_a": 302,
            "secretary_b": 302,
            "plain_member": 403,
            "anonymous": LOGIN,
        },
        Post(
            lambda o: {"month": "2026-09", "organization": o["dues_committee"].pk},
            {**OFFICE_WRITE, "secretary_b": 404},
        ),
    ),
    "dues:make_run": ("post", lambda o: _month(o, OPEN_MONTH), KEEP),
    "dues:remake_run": (
        "post",
        _month,
        OFFICE_FORM,
        Post(lambda o: {"reason": "Sửa lương đóng bảo hiểm"}, OFFICE_WRITE),
    ),
    "dues:record_payments": ("post", _month, OFFICE_FORM, Post(_payment, OFFICE_WRITE)),
    "dues:record_reason": (
        "post",
        _month,
        KEEP,
        Post(lambda o: {"member": o["member"].pk, "reason": "Ốm dài ngày"}, KEEP),
    ),
    # A bare POST (no region) is answered with a message and a redirect; the real one names the treasurer.
    "dues:set_unit": (
        "post",
        lambda o: {"pk": o["org"].pk},
        OFFICE_WRITE,
        Post(lambda o: {"region": "2", "treasurer": o["member"].pk}, OFFICE_WRITE),
    ),
    "dues:book_s01": ("get", lambda o: {"pk": o["org"].pk}, VIEW),
    "dues:book_s02": ("get", lambda o: {"pk": o["dues_committee"].pk}, VIEW),
    "dues:report_b01": ("get", lambda o: {"pk": o["dues_committee"].pk}, VIEW),
    "dues:member": (
        "get",
        lambda o: {"pk": o["member"].pk},
        VIEW,
        Post(
            lambda o: {"category": "pensioner", "base_amount": "6.000.000", "valid_from": "01/11/2026"},
            OFFICE_WRITE,
        ),
    ),
    "dues:arrears": ("get", lambda o: {}, {**LIST, "cell_secretary": 200}),
    # Member A has not three unpaid months: the service refuses with a message (a redirect, nothing written).
    "dues:propose_removal": ("post", lambda o: {"pk": o["member"].pk, "year": 2026}, KEEP),
    "dues:remittances": ("get", lambda o: {}, LIST),
    "dues:settle": (
        "post",
        lambda o: {},
        {
            "staff": 302,
            "inspector": 403,
            "secretary_a": 302,
            "secretary_b": 302,
            "plain_member": 403,
            "anonymous": LOGIN,
        },
    ),
    "dues:import": (
        "get",
        lambda o: {},
        {
            "staff": 200,
            "inspector": 403,
            "secretary_a": 200,
            "secretary_b": 200,
            "plain_member": 403,
            "anonymous": LOGIN,
        },
    ),
    # Without an uploaded file the columns page sends the user back to the upload.
    "dues:import_map": (
        "get",
        lambda o: {},
        {
            "staff": 302,
            "inspector": 403,
            "secretary_a": 302,
            "secretary_b": 302,
            "plain_member": 403,
            "anonymous": LOGIN,
        },
    ),
    "dues:my_cells": (
        "get",
        lambda o: {},
        {
            "staff": 302,
            "inspector": 302,
            "secretary_a": 302,
            "secretary_b": 302,
            "plain_member": 403,
            "cell_secretary": 302,
            "anonymous": LOGIN,
        },
    ),
    "dues:cell_pay": ("get", _month, {**KEEP, "staff": 200, "secretary_a": 200, "cell_secretary": 200}),
    "dues:cell_mark": ("post", lambda o: {**_month(o), "member": o["member"].pk}, KEEP),
    "dues:mine": (
        "get",
        lambda o: {},
        {
            "staff": 403,
            "inspector": 403,
            "secretary_a": 403,
            "secretary_b": 403,
            "plain_member": 200,
            "cell_secretary": 200,
            "anonymous": LOGIN,
        },
    ),
}
