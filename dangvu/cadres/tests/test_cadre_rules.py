"""Cadre-work rules, one row per rule with its source."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from dangvu.cadres.models import PoliticalConclusion
from dangvu.cadres.rules import CADRE_RULE_SETS, rules_on
from dangvu.cadres.services import appointment_end, appointment_record, conclusion_record
from dangvu.candidates.services import candidate_create
from dangvu.members.tests.factories import admit

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 11, 22)


def appoint(personas, **over):
    data = {
        "organization": personas.org_a,
        "member": personas.member_a,
        "position": "executive",
        "kind": "appointed",
        "decided_by": "Ban Thường vụ Đảng ủy Khối",
        "decided_on": dt.date(2024, 6, 3),
        "document_no": "15-QĐ/ĐUK",
        "by": None,
        "today": TODAY,
    }
    data.update(over)
    return appointment_record(**data)


def test_a_full_member_of_the_organization_is_appointed(personas):
    record = appoint(personas, position="secretary")
    assert record.pk and record.organization == personas.org_a


APPOINTMENT_REFUSALS = [
    pytest.param({"decided_on": dt.date(2020, 6, 1)}, "member", id="probationary-cannot-be-elected-Charter-art5-3"),
    pytest.param({"organization": "org_b"}, "member", id="member-of-the-organization-on-the-date"),
    pytest.param(
        {"organization": "cell_a1", "position": "standing"},
        "position",
        id="cells-have-no-standing-committee-Charter-art11",
    ),
    pytest.param({"decided_on": dt.date(2027, 1, 1)}, "decided_on", id="no-future-decision"),
    pytest.param({"document_no": " "}, "document_no", id="decision-number-required"),
    pytest.param({"ended_on": dt.date(2024, 1, 1)}, "ended_on", id="ends-after-the-decision"),
]


@pytest.mark.parametrize(("over", "field"), APPOINTMENT_REFUSALS)
def test_appointments_that_break_a_rule_are_refused(personas, over, field):
    if isinstance(over.get("organization"), str):
        over = {**over, "organization": getattr(personas, over["organization"])}
    with pytest.raises(ValidationError) as refused:
        appoint(personas, **over)
    assert field in refused.value.error_dict


def test_one_secretary_at_a_time(personas):
    """Charter art. 9: an organization has one secretary; the next one comes after the end of the post."""
    first = appoint(personas, position="secretary")
    other = admit(personas.cell_a2, full_name="Lê Đức Cường", national_id="001085000011")
    with pytest.raises(ValidationError) as refused:
        appoint(personas, member=other, position="secretary", decided_on=dt.date(2025, 3, 3))
    assert "position" in refused.value.error_dict
    appointment_end(appointment=first, ended_on=dt.date(2025, 3, 1), by=None, today=TODAY)
    assert appoint(personas, member=other, position="secretary", decided_on=dt.date(2025, 3, 3)).pk


@pytest.mark.parametrize("rule_set", [pytest.param(r, id=r.name) for r in CADRE_RULE_SETS])
def test_each_rule_set_applies_in_its_period(rule_set):
    assert rules_on(rule_set.valid_from) == rule_set


def _candidate(personas):
    return candidate_create(
        by=None,
        data={
            "full_name": "Hoàng Văn Ưu",
            "sex": "male",
            "date_of_birth": dt.date(1998, 5, 1),
            "organization": personas.cell_a1,
        },
        today=TODAY,
    )


CONCLUSION_REFUSALS = [
    pytest.param("admission", "member", "candidate", id="admission-conclusion-on-a-candidate-HD12-2022"),
    pytest.param("planning", "candidate", "member", id="cadre-conclusion-on-a-member"),
    pytest.param("planning", "both", "member", id="one-person-only"),
    pytest.param("appointment", "member-before-admission", "member", id="member-on-the-date"),
]


@pytest.mark.parametrize(("purpose", "person", "field"), CONCLUSION_REFUSALS)
def test_conclusions_that_break_a_rule_are_refused(personas, purpose, person, field):
    kwargs = {"member": personas.member_a, "candidate": _candidate(personas)}
    on = dt.date(2019, 1, 1) if person == "member-before-admission" else dt.date(2026, 5, 1)
    if person in ("member", "member-before-admission"):
        kwargs.pop("candidate")
    elif person == "candidate":
        kwargs.pop("member")
    with pytest.raises(ValidationError) as refused:
        conclusion_record(
            by=None,
            purpose=purpose,
            concluded_on=on,
            verdict="meets",
            conclusion="Đủ tiêu chuẩn.",
            today=TODAY,
            **kwargs,
        )
    assert field in refused.value.error_dict
    assert PoliticalConclusion.all_objects.count() == 0


def test_a_conclusion_is_filed_under_the_members_cell_on_the_date(personas):
    record = conclusion_record(
        by=None,
        member=personas.member_a,
        purpose="abroad_travel",
        concluded_on=dt.date(2026, 5, 1),
        verdict="meets",
        conclusion="Đủ tiêu chuẩn chính trị.",
        today=TODAY,
    )
    assert record.organization == personas.cell_a1
