import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from dangvu.members.models import EventKind, Member, MemberEvent, MembershipSpell, Status, TransferMode
from dangvu.members.selectors import count_members_in_subtree, organization_on, status_on
from dangvu.members.services import (
    member_create,
    member_delete,
    member_event_delete,
    member_event_record,
    member_event_restore,
    member_restore,
    member_update,
)
from dangvu.members.tests.factories import MemberRecordFactory, admit

# The personas are built once for the module (conftest.py `module_db`).
pytestmark = [pytest.mark.django_db, pytest.mark.shared_setup]
D = dt.date


def refusal(error: ValidationError) -> tuple[str, str]:
    field, messages = next(iter(error.value.message_dict.items()))
    return field, messages[0]


def test_a_transfer_out_ends_the_members_spell_and_the_count_drops(personas):
    member = personas.member_a
    before = count_members_in_subtree(organization=personas.committee, on=D(2026, 1, 1))
    member_event_record(
        member=member,
        kind=EventKind.TRANSFERRED_OUT,
        by=personas.staff,
        on=D(2025, 6, 1),
        transfer_mode=TransferMode.OFFICIAL,
        external_place="Đảng bộ tỉnh An Giang",
        document_no="12-GGT/ĐUK",
    )
    member.refresh_from_db()
    assert member.status == Status.TRANSFERRED_AWAY
    assert member.organization is None and member.last_organization == personas.cell_a1
    assert count_members_in_subtree(organization=personas.committee, on=D(2026, 1, 1)) == before - 1
    assert count_members_in_subtree(organization=personas.committee, on=D(2025, 5, 31)) == before
    assert status_on(member=member, on=D(2025, 5, 31)) == Status.FULL
    assert organization_on(member=member, on=D(2025, 5, 31)) == personas.cell_a1
    assert organization_on(member=member, on=D(2025, 6, 1)) is None


def test_the_event_records_the_cell_the_member_left(personas):
    event = member_event_record(
        member=personas.member_a, kind=EventKind.REMOVED, by=None, on=D(2025, 6, 1), document_no="5-QĐ/ĐUK"
    )
    assert event.organization == personas.cell_a1


def test_an_impossible_event_is_refused_and_nothing_is_written(personas):
    member = personas.member_a
    events_before = MemberEvent.objects.count()
    spells_before = list(MembershipSpell.objects.filter(member=member).values_list("start", "end"))
    with pytest.raises(ValidationError) as error:
        member_event_record(
            member=member,
            kind=EventKind.ADMITTED,
            by=None,
            on=D(2024, 1, 5),
            organization=personas.cell_a2,
            document_no="9-QĐ/ĐU",
        )
    field, message = refusal(error)
    assert field == "kind"
    assert "24/4/2024" not in message and message
    assert MemberEvent.objects.count() == events_before
    assert list(MembershipSpell.objects.filter(member=member).values_list("start", "end")) == spells_before


def test_events_after_death_are_refused(personas):
    member_event_record(member=personas.member_a, kind=EventKind.DIED, by=None, on=D(2025, 1, 1))
    with pytest.raises(ValidationError) as error:
        member_event_record(
            member=personas.member_a, kind=EventKind.CARD_ISSUED, by=None, on=D(2025, 2, 1), card_number="12345678"
        )
    assert refusal(error)[0] == "on"


def test_an_event_in_the_future_is_refused(personas):
    with pytest.raises(ValidationError) as error:
        member_event_record(
            member=personas.member_a, kind=EventKind.REMOVED, by=None, on=D(2099, 1, 1), document_no="1"
        )
    assert refusal(error)[0] == "on"


@pytest.mark.parametrize("field", ["card_number", "national_id", "cv_number"])
def test_duplicate_identifiers_are_refused_naming_the_other_member(personas, field):
    values = {"card_number": "87654321", "national_id": "079090000123", "cv_number": "123456KG"}
    member_update(member=personas.member_b, by=None, data={field: values[field]})
    with pytest.raises(ValidationError) as error:
        member_update(member=personas.member_a, by=None, data={field: values[field]})
    name, message = refusal(error)
    assert name == field
    assert personas.member_b.full_name in message


def test_a_card_issued_event_sets_the_card_number_and_refuses_duplicates(personas):
    member_event_record(
        member=personas.member_a, kind=EventKind.CARD_ISSUED, by=None, on=D(2022, 5, 1), card_number="11112222"
    )
    personas.member_a.refresh_from_db()
    assert personas.member_a.card_number == "11112222"
    with pytest.raises(ValidationError):
        member_event_record(
            member=personas.member_b, kind=EventKind.CARD_ISSUED, by=None, on=D(2022, 5, 1), card_number="11112222"
        )


def test_an_admission_outside_the_age_range_is_refused_at_creation(personas):
    data = MemberRecordFactory(full_name="Lê Văn Nhỏ", date_of_birth=D(2008, 1, 1))
    with pytest.raises(ValidationError) as error:
        member_create(
            by=None,
            data=data,
            first_event={
                "kind": EventKind.ADMITTED,
                "on": D(2025, 6, 1),
                "organization": personas.cell_a1,
                "document_no": "1-QĐ",
            },
        )
    assert refusal(error)[0] == "on"
    assert not Member.all_objects.filter(full_name="Lê Văn Nhỏ").exists()


def test_a_member_transferred_in_brings_the_admission_made_elsewhere(personas):
    member = member_create(
        by=None,
        data=MemberRecordFactory(full_name="Đỗ Thị Hạnh", sex="female"),
        first_event={
            "kind": EventKind.TRANSFERRED_IN,
            "on": D(2024, 9, 3),
            "organization": personas.cell_a2,
            "transfer_mode": TransferMode.OFFICIAL,
            "document_no": "45-GGT/TU",
            "external_place": "Tỉnh ủy Cà Mau",
            "admission": {
                "on": D(2010, 5, 19),
                "external_place": "Đảng bộ huyện Năm Căn",
                "document_no": "7-QĐ/HU",
                "made_full_on": D(2011, 5, 20),
            },
        },
    )
    assert member.status == Status.FULL
    assert member.organization == personas.cell_a2
    assert member.admitted_on == D(2010, 5, 19)
    assert organization_on(member=member, on=D(2020, 1, 1)) is None


def test_deleting_an_event_is_reversible_and_rederives_everything(personas):
    event = member_event_record(
        member=personas.member_a, kind=EventKind.REMOVED, by=None, on=D(2025, 6, 1), document_no="5-QĐ/ĐUK"
    )
    member_event_delete(event=event, by=personas.staff)
    personas.member_a.refresh_from_db()
    assert personas.member_a.status == Status.FULL
    assert MemberEvent.all_objects.filter(pk=event.pk, deleted_at__isnull=False).exists()
    member_event_restore(event=event, by=personas.staff)
    personas.member_a.refresh_from_db()
    assert personas.member_a.status == Status.REMOVED


def test_deleting_an_event_that_later_events_depend_on_is_refused(personas):
    member = admit(personas.cell_a1, full=False, full_name="Phan Văn Tú", on=D(2023, 1, 2))
    admission = member.events.get(kind=EventKind.ADMITTED)
    member_event_record(member=member, kind=EventKind.MADE_FULL, by=None, on=D(2024, 1, 5), document_no="3")
    with pytest.raises(ValidationError):
        member_event_delete(event=admission, by=None)
    assert MemberEvent.objects.filter(pk=admission.pk).exists()


def test_a_deleted_member_drops_out_of_counts_and_comes_back_on_restore(personas):
    on = D(2026, 1, 1)
    before = count_members_in_subtree(organization=personas.committee, on=on)
    member_delete(member=personas.member_b, by=personas.staff)
    assert count_members_in_subtree(organization=personas.committee, on=on) == before - 1
    assert not Member.objects.filter(pk=personas.member_b.pk).exists()
    member_restore(member=Member.all_objects.get(pk=personas.member_b.pk), by=personas.staff)
    assert count_members_in_subtree(organization=personas.committee, on=on) == before


def test_every_change_keeps_who_when_and_the_value_before(personas):
    member = personas.member_a
    member_update(member=member, by=personas.staff, data={"phone": "0912345678"})
    record = member.history.order_by("-history_date").first()
    assert record.history_user == personas.staff
    delta = record.diff_against(record.prev_record)
    assert [(c.field, c.old, c.new) for c in delta.changes if c.field == "phone"] == [("phone", "", "0912345678")]


def test_a_new_date_of_birth_that_breaks_the_admission_age_is_refused(personas):
    with pytest.raises(ValidationError) as error:
        member_update(member=personas.member_a, by=None, data={"date_of_birth": D(2005, 1, 1)})
    assert refusal(error)[0] in ("on", "cell_resolution_on")
    personas.member_a.refresh_from_db()
    assert personas.member_a.date_of_birth == D(1985, 6, 15)


def test_a_transfer_to_a_cell_that_has_ended_is_refused(personas):
    from dangvu.organizations.services import organization_dissolve

    organization_dissolve(organization=personas.cell_a2, on=D(2024, 1, 1), by=None)
    personas.cell_a2.refresh_from_db()
    with pytest.raises(ValidationError) as error:
        member_event_record(
            member=personas.member_a,
            kind=EventKind.TRANSFERRED_OUT,
            by=None,
            on=D(2025, 1, 1),
            transfer_mode=TransferMode.OFFICIAL,
            counterpart=personas.cell_a2,
            document_no="1",
        )
    assert refusal(error)[0] == "counterpart"


def test_spells_carry_the_member_columns_the_stock_counts_break_down_by(personas):
    """The member indicators count women, minorities, religion and theory level from the spells alone
    (one covering index): the copies follow a correction of the record."""
    member = personas.member_a
    spells = MembershipSpell.objects.filter(member=member)
    assert spells.exists()
    assert set(spells.values_list("sex", "political_theory_level")) == {(member.sex, member.political_theory_level)}

    member_update(member=member, by=None, data={"political_theory_level": "advanced", "religion": "Phật giáo"})
    assert set(spells.values_list("political_theory_level", "is_religious")) == {("advanced", True)}
