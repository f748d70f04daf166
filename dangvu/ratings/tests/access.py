"""Rows of the access matrix for the rating screens (merged by accounts/tests/test_access_matrix.py)."""

import datetime as dt
from decimal import Decimal

LOGIN = "login"
TODAY = dt.date(2026, 1, 10)


def _rating_data(**extra):
    data = {"score": Decimal(85), "tasks_on_time_pct": Decimal(100), "tasks_exceeding_pct": Decimal(10)}
    data.update(extra)
    return data


def objects(p):
    from dangvu.members.tests.factories import admit
    from dangvu.ratings import services

    season = services.season_open(organization=p.committee, year=2025, by=None, today=TODAY)
    rating = services.member_rating_save(season=season, member=p.member_a, data=_rating_data(), by=None, today=TODAY)
    spare = admit(p.cell_a1, full_name="Hoàng Văn Dư")
    deleted = services.member_rating_save(season=season, member=spare, data=_rating_data(), by=None, today=TODAY)
    services.rating_delete(rating=deleted, by=None)
    org_rating = services.organization_rating_save(
        season=season, organization=p.cell_a1, data={"score": Decimal(80)}, by=None, today=TODAY
    )
    org_deleted = services.organization_rating_save(
        season=season, organization=p.cell_a2, data={"score": Decimal(60)}, by=None, today=TODAY
    )
    services.rating_delete(rating=org_deleted, by=None)
    assessment = services.self_assessment_save(
        season=season,
        member=p.member_a,
        data={
            "points_thought": 18,
            "points_ethics": 18,
            "points_discipline": 8,
            "points_tasks": 40,
            "tasks_on_time_pct": 100,
            "tasks_exceeding_pct": 0,
            "proposed_grade": "good",
        },
        by=None,
    )
    services.self_assessment_submit(assessment=assessment, by=None)
    return {
        "self_assessment": assessment,
        "season": season,
        "member_rating": rating,
        "deleted_member_rating": deleted,
        "org_rating": org_rating,
        "deleted_org_rating": org_deleted,
    }


TREE = {"staff": 200, "secretary_a": 200, "secretary_b": 200, "plain_member": 403, "anonymous": LOGIN}
OF_A = {"staff": 200, "secretary_a": 200, "secretary_b": 404, "plain_member": 403, "anonymous": LOGIN}
CHANGE_OF_A = {"staff": 302, "secretary_a": 302, "secretary_b": 404, "plain_member": 403, "anonymous": LOGIN}

MATRIX = {
    "ratings:seasons": ("get", lambda o: {}, TREE),
    # A POST without a year: the form comes back with its message (400); only committee staff open seasons.
    "ratings:season_open": (
        "post",
        lambda o: {},
        {"staff": 400, "secretary_a": 403, "secretary_b": 403, "plain_member": 403, "anonymous": LOGIN},
    ),
    # The committee's season is seen by every secretary under it.
    "ratings:season_detail": ("get", lambda o: {"pk": o["season"].pk}, TREE),
    # Refused (members unrated) → back to the season with the message.
    "ratings:season_close": (
        "post",
        lambda o: {"pk": o["season"].pk},
        {"staff": 302, "secretary_a": 403, "secretary_b": 403, "plain_member": 403, "anonymous": LOGIN},
    ),
    "ratings:member_rate": (
        "get",
        lambda o: {"season_pk": o["season"].pk, "member_pk": o["member_rating"].member_id},
        OF_A,
    ),
    "ratings:organization_rate": (
        "get",
        lambda o: {"season_pk": o["season"].pk, "organization_pk": o["org_rating"].organization_id},
        OF_A,
    ),
    "ratings:member_list": ("get", lambda o: {}, TREE),
    "ratings:organization_list": ("get", lambda o: {}, TREE),
    "ratings:member_detail": ("get", lambda o: {"pk": o["member_rating"].pk}, OF_A),
    "ratings:organization_detail": ("get", lambda o: {"pk": o["org_rating"].pk}, OF_A),
    "ratings:member_delete": ("post", lambda o: {"pk": o["member_rating"].pk}, CHANGE_OF_A),
    "ratings:member_restore": ("post", lambda o: {"pk": o["deleted_member_rating"].pk}, CHANGE_OF_A),
    "ratings:organization_delete": ("post", lambda o: {"pk": o["org_rating"].pk}, CHANGE_OF_A),
    "ratings:organization_restore": ("post", lambda o: {"pk": o["deleted_org_rating"].pk}, CHANGE_OF_A),
}

# The self-assessment and the rating sheets (issue 17 points 6 and 9).
PORTAL_ONLY = {
    "staff": 403,
    "secretary_a": 403,
    "secretary_b": 403,
    "plain_member": 200,
    "cell_secretary": 200,
    "anonymous": LOGIN,
}
SECRETARY_OF_THE_CELL = {
    "staff": 403,
    "secretary_a": 403,
    "secretary_b": 403,
    "plain_member": 403,
    "cell_secretary": 200,
    "anonymous": LOGIN,
}
SHEET_OF_A = {**OF_A, "cell_secretary": 403}
MATRIX.update(
    {
        "ratings:my_self_assessment": ("get", lambda o: {}, PORTAL_ONLY),
        "ratings:my_cell_sheet": ("get", lambda o: {}, SECRETARY_OF_THE_CELL),
        # The member's own (plain_member wrote it), read by the keepers of the cell and the office of A.
        "ratings:self_assessment_detail": (
            "get",
            lambda o: {"pk": o["self_assessment"].pk},
            {**OF_A, "plain_member": 200, "cell_secretary": 200},
        ),
        # A return without a note: the page again with the message (400); the member cannot return their own.
        "ratings:self_assessment_return": (
            "post",
            lambda o: {"pk": o["self_assessment"].pk},
            {
                "staff": 400,
                "secretary_a": 400,
                "secretary_b": 404,
                "plain_member": 403,
                "cell_secretary": 400,
                "anonymous": LOGIN,
            },
        ),
        "ratings:cell_sheet": (
            "get",
            lambda o: {"season_pk": o["season"].pk, "organization_pk": o["member_rating"].organization_id},
            SHEET_OF_A,
        ),
        "ratings:base_sheet": (
            "get",
            lambda o: {"season_pk": o["season"].pk, "organization_pk": o["member_rating"].base_organization_id},
            SHEET_OF_A,
        ),
        # A row saved as it is (without htmx: back to the sheet): the cell's keepers and its secretary.
        "ratings:sheet_row": (
            "post",
            lambda o: {"season_pk": o["season"].pk, "member_pk": o["member_rating"].member_id},
            {**CHANGE_OF_A, "cell_secretary": 302},
        ),
        # The phone sheet's card of one member with its fields: the keepers of the cell.
        "ratings:sheet_card": (
            "get",
            lambda o: {"season_pk": o["season"].pk, "member_pk": o["member_rating"].member_id},
            {**OF_A, "cell_secretary": 200},
        ),
        "ratings:sheet_organization_row": (
            "post",
            lambda o: {"season_pk": o["season"].pk, "organization_pk": o["org_rating"].organization_id},
            {**CHANGE_OF_A, "cell_secretary": 403},
        ),
    }
)

# Inspection staff see the tree as committee staff do; they change no record of this app.
INSPECTOR = {
    "ratings:member_delete": 403,
    "ratings:member_detail": 200,
    "ratings:member_list": 200,
    "ratings:member_rate": 403,
    "ratings:member_restore": 403,
    "ratings:organization_delete": 403,
    "ratings:organization_detail": 200,
    "ratings:organization_list": 200,
    "ratings:organization_rate": 403,
    "ratings:organization_restore": 403,
    "ratings:season_close": 403,
    "ratings:season_detail": 200,
    "ratings:season_open": 403,
    "ratings:seasons": 200,
    "ratings:my_self_assessment": 403,
    "ratings:my_cell_sheet": 403,
    "ratings:self_assessment_detail": 200,
    "ratings:self_assessment_return": 403,
    "ratings:cell_sheet": 200,
    "ratings:base_sheet": 200,
    "ratings:sheet_row": 403,
    "ratings:sheet_card": 403,
    "ratings:sheet_organization_row": 403,
}
