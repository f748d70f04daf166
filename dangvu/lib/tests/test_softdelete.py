"""The soft-delete base (lib.softdelete): one queryset, one pair of managers, one pair of writers."""

import pytest
from django.core.exceptions import ValidationError

from dangvu.lib.softdelete import restore, soft_delete
from dangvu.members.models import Member
from dangvu.targets.models import Term


def _refuse(_record):
    raise ValidationError("refused")


def test_a_soft_deleted_record_leaves_objects_and_stays_in_all_objects(personas):
    member = personas.member_a
    soft_delete(member, by=personas.staff)

    assert not Member.objects.filter(pk=member.pk).exists()
    assert Member.all_objects.deleted().filter(pk=member.pk).exists()
    assert not Member.all_objects.alive().filter(pk=member.pk).exists()
    assert member.deleted_at is not None
    assert member.deleted_by == personas.staff


def test_restore_brings_the_record_back_and_clears_who_deleted_it(personas):
    member = personas.member_a
    soft_delete(member, by=personas.staff)
    restore(member, by=personas.staff)

    stored = Member.objects.get(pk=member.pk)
    assert stored.deleted_at is None and stored.deleted_by is None
    assert member.deleted_at is None


def test_each_change_writes_a_history_row_with_the_user_and_the_reason(personas):
    member = personas.member_a
    soft_delete(member, by=personas.staff, reason="entered twice")
    restore(member, by=personas.secretary_a, reason="it was not a duplicate")

    deleted, restored = member.history.order_by("-history_id")[1], member.history.latest("history_id")
    assert (deleted.history_user, deleted.history_change_reason) == (personas.staff, "entered twice")
    assert deleted.deleted_at is not None
    assert (restored.history_user, restored.history_change_reason) == (personas.secretary_a, "it was not a duplicate")
    assert restored.deleted_at is None


def test_the_reason_is_not_carried_to_a_later_save(personas):
    member = personas.member_a
    soft_delete(member, by=personas.staff, reason="entered twice")
    member.save()

    assert member.history.latest("history_id").history_change_reason is None


def test_a_refused_check_writes_nothing_and_leaves_the_record_as_it_was(personas):
    member = personas.member_a
    rows = member.history.count()

    with pytest.raises(ValidationError):
        soft_delete(member, by=personas.staff, check=_refuse)

    assert member.deleted_at is None and member.deleted_by is None
    assert Member.objects.filter(pk=member.pk).exists()
    assert member.history.count() == rows


def test_a_follow_up_that_fails_undoes_the_delete(personas):
    member = personas.member_a

    with pytest.raises(ValidationError):
        soft_delete(member, by=personas.staff, then=_refuse)

    assert member.deleted_at is None
    assert Member.objects.filter(pk=member.pk).exists()


def test_the_check_sees_the_record_already_marked_and_the_follow_up_sees_it_saved(personas):
    member, seen = personas.member_a, []
    soft_delete(
        member,
        by=personas.staff,
        check=lambda m: seen.append(("check", m.deleted_at is not None, Member.objects.filter(pk=m.pk).exists())),
        then=lambda m: seen.append(("then", m.deleted_at is not None, Member.objects.filter(pk=m.pk).exists())),
    )

    assert seen == [("check", True, True), ("then", True, False)]


def test_the_record_passed_in_is_read_again_before_it_is_changed(personas):
    stale = Member.objects.get(pk=personas.member_a.pk)
    Member.objects.filter(pk=stale.pk).update(political_history_notes="written meanwhile")
    stale.political_history_notes = "never saved"

    soft_delete(stale, by=personas.staff)

    assert Member.all_objects.get(pk=stale.pk).political_history_notes == "written meanwhile"


def test_a_model_without_deleted_by_is_soft_deleted_too(personas):
    term = Term.objects.create(organization=personas.committee, start_year=2025, end_year=2030)

    soft_delete(term, by=personas.staff, reason="typed twice")

    assert Term.objects.get(pk=term.pk).deleted_at is not None  # Term keeps every row in `objects`
    assert term.history.latest("history_id").history_user == personas.staff
    restore(term, by=personas.staff)
    assert Term.objects.get(pk=term.pk).deleted_at is None
