"""Rules of RULES.md, each checked by calling the public services directly (the shell's way in), so that the
forms, the API and the importer, which all go through them, cannot let them through either.

One row per rule; each row's docstring names the rule and its source.
"""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from knox.models import AuthToken
from rest_framework.test import APIClient

from dangvu.candidates.models import Candidate
from dangvu.candidates.services import candidate_cell_vote, candidate_create, introducer_add
from dangvu.members.models import EventKind, Member, MemberEvent, TransferMode
from dangvu.members.services import member_create, member_event_record, member_update
from dangvu.members.tests.factories import MemberRecordFactory

pytestmark = pytest.mark.django_db
D = dt.date


def _admission(personas, *, born: dt.date, on: dt.date, resolution: dt.date | None, **extra):
    return member_create(
        by=None,
        data=MemberRecordFactory(full_name="Đỗ Văn Mới", date_of_birth=born, **extra),
        first_event={
            "kind": EventKind.ADMITTED,
            "on": on,
            "organization": personas.cell_a1,
            "document_no": "9-QĐ/ĐU",
            "cell_resolution_on": resolution,
            "ceremony_on": on,
        },
    )


def decision_before_the_cells_resolution(personas):
    """The committee decides on the cell's resolution, so the decision comes after it (QĐ 232 §4); the age is
    measured at the resolution (QĐ 232 §1), so a decision dated earlier would let a 17-year-old in."""
    _admission(personas, born=D(2007, 6, 1), on=D(2025, 3, 1), resolution=D(2025, 6, 10))


def younger_than_18_at_the_cells_resolution(personas):
    """Admission age 18 to 60, counted in months at the date the cell considers the case (QĐ 232 §1)."""
    _admission(personas, born=D(2007, 6, 1), on=D(2025, 6, 10), resolution=D(2025, 5, 20))


def older_than_60_without_special_approval(personas):
    """Over 60 needs the special approval of the competent committee (QĐ 232 §1)."""
    _admission(personas, born=D(1960, 1, 1), on=D(2025, 6, 10), resolution=D(2025, 5, 20))


def ceremony_before_the_decision(personas):
    """The ceremony is held after the admission decision is received (QĐ 232 §4)."""
    member_create(
        by=None,
        data=MemberRecordFactory(full_name="Đỗ Văn Mới"),
        first_event={
            "kind": EventKind.ADMITTED,
            "on": D(2025, 3, 1),
            "organization": personas.cell_a1,
            "document_no": "9-QĐ/ĐU",
            "ceremony_on": D(2025, 2, 1),
        },
    )


def full_membership_before_12_months_of_probation(personas):
    """Probation is 12 months from the admission ceremony (Charter art. 5; QĐ 232 §4.2)."""
    member = _admission(personas, born=D(1990, 1, 1), on=D(2025, 1, 6), resolution=D(2024, 12, 20))
    member_event_record(member=member, kind=EventKind.MADE_FULL, on=D(2025, 11, 1), document_no="1", by=None)


def readmission_within_36_months_of_leaving(personas):
    """Re-admission at least 36 months after leaving the party (QĐ 232 §3.5)."""
    member = personas.member_a
    member_event_record(member=member, kind=EventKind.REMOVED, on=D(2024, 1, 10), document_no="1", by=None)
    member_event_record(
        member=member,
        kind=EventKind.READMITTED,
        on=D(2025, 6, 1),
        organization=personas.cell_a1,
        document_no="2",
        by=None,
    )


def card_number_that_is_not_8_digits(personas, number="1234567"):
    """The party card number has 8 digits (RULES.md §2, Mẫu 2-HSĐV)."""
    member_event_record(
        member=personas.member_a, kind=EventKind.CARD_ISSUED, on=D(2025, 1, 2), card_number=number, by=None
    )


def card_number_with_letters(personas):
    """The party card number has 8 digits (RULES.md §2, Mẫu 2-HSĐV)."""
    card_number_that_is_not_8_digits(personas, "12AB5678")


def cv_number_on_create_not_6_digits_and_a_province_code(personas):
    """The CV number is 6 digits and a 1-3 letter province code (RULES.md §2)."""
    _admission(personas, born=D(1990, 1, 1), on=D(2025, 1, 6), resolution=D(2024, 12, 20), cv_number="12345KG")


def cv_number_on_update_not_6_digits_and_a_province_code(personas):
    """The CV number is 6 digits and a 1-3 letter province code (RULES.md §2)."""
    member_update(member=personas.member_a, by=None, data={"cv_number": "123456ABCD"})


def national_id_that_is_not_12_digits(personas):
    """The national ID number (căn cước) has 12 digits (RULES.md §2)."""
    member_update(member=personas.member_a, by=None, data={"national_id": "00108500001"})


def _temporary(personas, until: dt.date):
    member_event_record(
        member=personas.member_a,
        kind=EventKind.TRANSFERRED_OUT,
        on=D(2025, 3, 1),
        transfer_mode=TransferMode.TEMPORARY,
        external_place="Học viện Chính trị khu vực IV",
        temporary_until=until,
        document_no="3-GGT",
        by=None,
    )


def temporary_transfer_of_three_years(personas):
    """A temporary transfer is for a posting of 3 months to under 1 year or a study of 3 months to 2 years
    (QĐ 24 §6.3): a longer stay is an official transfer."""
    _temporary(personas, D(2028, 3, 1))


def temporary_transfer_shorter_than_3_months(personas):
    """A temporary transfer lasts at least 3 months (QĐ 24 §6.3)."""
    _temporary(personas, D(2025, 4, 15))


def candidate_younger_than_18_when_the_cell_votes(personas):
    """Admission age at least 18 at the date the cell considers the case (QĐ 232 §1); the pipeline refuses the
    cell's resolution rather than letting the file go on to an admission that must be refused."""
    candidate = candidate_create(
        by=None,
        today=D(2025, 6, 1),
        data={
            "full_name": "Võ Thị Trẻ",
            "sex": "female",
            "date_of_birth": D(2007, 9, 1),
            "organization": personas.cell_a1,
            "awareness_class_on": D(2025, 1, 10),
            "awareness_certificate_no": "15/GCN",
            "application_on": D(2025, 2, 1),
            "cv_verified_on": D(2025, 3, 1),
        },
    )
    for member in (personas.member_a, personas.member_b):
        introducer_add(candidate=candidate, member=member, known_since=D(2023, 1, 1), letter_on=D(2025, 3, 10), by=None)
    candidate_cell_vote(candidate=candidate, on=D(2025, 4, 1), votes_for=5, voters=5, by=None, today=D(2025, 6, 1))


RULES = [
    (decision_before_the_cells_resolution, "cell_resolution_on"),
    (younger_than_18_at_the_cells_resolution, "cell_resolution_on"),
    (older_than_60_without_special_approval, "cell_resolution_on"),
    (ceremony_before_the_decision, "ceremony_on"),
    (full_membership_before_12_months_of_probation, "on"),
    (readmission_within_36_months_of_leaving, "on"),
    (card_number_that_is_not_8_digits, "card_number"),
    (card_number_with_letters, "card_number"),
    (cv_number_on_create_not_6_digits_and_a_province_code, "cv_number"),
    (cv_number_on_update_not_6_digits_and_a_province_code, "cv_number"),
    (national_id_that_is_not_12_digits, "national_id"),
    (temporary_transfer_of_three_years, "temporary_until"),
    (temporary_transfer_shorter_than_3_months, "temporary_until"),
    (candidate_younger_than_18_when_the_cell_votes, "cell_vote_on"),
]


# Rows whose earlier steps (an admission, a removal) are written before the refused one.
WITH_EARLIER_STEPS = {full_membership_before_12_months_of_probation, readmission_within_36_months_of_leaving}


@pytest.mark.parametrize(("rule", "field"), [pytest.param(r, f, id=r.__name__) for r, f in RULES])
def test_the_service_refuses_what_rules_md_forbids_naming_the_field(personas, rule, field):
    members, events = Member.all_objects.count(), MemberEvent.all_objects.count()
    personal_before = Member.all_objects.values_list("pk", "cv_number", "national_id", "card_number").order_by("pk")
    personal_before = list(personal_before)
    with pytest.raises(ValidationError) as refused:
        rule(personas)
    assert list(refused.value.message_dict) == [field], (rule.__doc__, refused.value.message_dict)
    assert refused.value.message_dict[field][0].strip()
    if rule is candidate_younger_than_18_when_the_cell_votes:
        assert Candidate.objects.get().cell_vote_on is None
    elif rule not in WITH_EARLIER_STEPS:
        after = list(Member.all_objects.values_list("pk", "cv_number", "national_id", "card_number").order_by("pk"))
        assert (Member.all_objects.count(), MemberEvent.all_objects.count(), after) == (
            members,
            events,
            personal_before,
        )


def test_a_temporary_transfer_within_the_bounds_is_accepted(personas):
    """QĐ 24 §6.3: six months' posting is a temporary transfer."""
    _temporary(personas, D(2025, 9, 1))
    assert personas.member_a.events.filter(kind=EventKind.TRANSFERRED_OUT).count() == 1


def test_a_lower_case_province_code_in_the_cv_number_is_stored_in_capitals(personas):
    member_update(member=personas.member_a, by=None, data={"cv_number": " 123456kg "})
    personas.member_a.refresh_from_db()
    assert personas.member_a.cv_number == "123456KG"


# One test per way in, for the card number: the event form and the API answer with the service's message.


def test_the_card_event_form_refuses_a_7_digit_number_beside_the_field(client, personas):
    client.force_login(personas.staff)
    url = reverse("members:event_create", kwargs={"pk": personas.member_a.pk, "kind": EventKind.CARD_ISSUED})
    response = client.post(url, {"on": "02/01/2025", "card_number": "1234567", "document_no": "1"})
    assert response.status_code == 200
    assert "8" in " ".join(response.context["form"].errors["card_number"])
    assert not MemberEvent.objects.filter(kind=EventKind.CARD_ISSUED).exists()


@pytest.mark.parametrize("number", ["1234567", "12AB5678"])
def test_the_api_refuses_a_malformed_card_number_with_400(personas, number):
    _instance, token = AuthToken.objects.create(user=personas.staff)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    url = reverse("api:member-events", kwargs={"pk": personas.member_a.pk})
    response = client.post(url, {"kind": EventKind.CARD_ISSUED, "on": "2025-01-02", "card_number": number})
    assert response.status_code == 400 and "card_number" in response.json()
    assert not MemberEvent.objects.filter(kind=EventKind.CARD_ISSUED).exists()
