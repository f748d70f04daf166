"""The rules of study sessions and training classes, one row per rule with its source.

Each bad input is refused with a Vietnamese message naming the field, and nothing is written.
"""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from dangvu.education import services
from dangvu.education.models import Completion, StudyAttendance, StudySession, TrainingKind, TrainingParticipant
from dangvu.members.tests.factories import admit

# The personas are built once for the module (conftest.py `module_db`).
pytestmark = [pytest.mark.django_db, pytest.mark.shared_setup]
D = dt.date
TODAY = D(2026, 11, 22)


def _session(p, **overrides):
    data = {
        "by": None,
        "organization": p.org_a,
        "document_reference": "Nghị quyết số 21-NQ/TW",
        "held_on": D(2025, 5, 10),
        "non_members_present": 5,
        "non_member_headcount": 8,
        "member_ids": [p.member_a.pk],
        "today": TODAY,
    }
    data.update(overrides)
    return services.study_session_save(**data)


SESSION_RULES = [
    # (id with source, overrides(personas), field refused, words of the message)
    ("counts-cannot-be-negative (issue 3 item 3)", lambda p: {"non_members_present": -1}, "non_members_present", "âm"),
    (
        "headcount-cannot-be-negative (issue 3 item 3)",
        lambda p: {"non_member_headcount": -2},
        "non_member_headcount",
        "âm",
    ),
    (
        "non-members-present-within-headcount (a share above 100% is impossible)",
        lambda p: {"non_members_present": 9},
        "non_members_present",
        "không thể vượt",
    ),
    (
        "attendance-only-of-members-of-the-subtree-that-day (issue 3 item 3; RULES §1 temporary transfers)",
        lambda p: {"member_ids": [p.member_b.pk]},
        "members",
        "Trần Thị Bình",
    ),
    (
        "attendance-only-of-members-on-that-date (admitted after the session)",
        lambda p: {"held_on": D(2019, 5, 10)},
        "members",
        "Nguyễn Văn An",
    ),
    ("session-not-in-the-future", lambda p: {"held_on": D(2026, 12, 1)}, "held_on", "tương lai"),
    ("document-reference-required", lambda p: {"document_reference": "  "}, "document_reference", "văn bản"),
    (
        "organization-alive-on-the-date (founded 01/01/1970)",
        lambda p: {"held_on": D(1969, 5, 1), "member_ids": []},
        "held_on",
        "thành lập",
    ),
]


@pytest.mark.parametrize(("rule", "overrides", "field", "words"), SESSION_RULES, ids=[r[0] for r in SESSION_RULES])
def test_a_study_session_breaking_a_rule_is_refused_and_nothing_is_written(personas, rule, overrides, field, words):
    with translation.override("vi"), pytest.raises(ValidationError) as refused:
        _session(personas, **overrides(personas))
    assert field in refused.value.error_dict
    assert words in " ".join(refused.value.message_dict[field])
    assert StudySession.all_objects.count() == 0
    assert StudyAttendance.objects.count() == 0


def test_the_same_document_studied_twice_the_same_day_is_refused(personas):
    _session(personas)
    with translation.override("vi"), pytest.raises(ValidationError) as refused:
        _session(personas, document_reference="NQ 21-NQ/TW ngày 16/6/2022", member_ids=[])
    assert "đã được ghi nhận" in " ".join(refused.value.message_dict["document_reference"])


def test_a_member_of_a_cell_counts_in_the_base_organizations_session(personas):
    session = _session(personas)
    assert session.members_present == 1
    assert list(session.attendances.values_list("member_id", flat=True)) == [personas.member_a.pk]


def test_changing_a_session_rewrites_its_attendance(personas):
    other = admit(personas.cell_a2, full_name="Lê Thị Hoa")
    session = _session(personas)
    _session(personas, session=session, member_ids=[other.pk])
    assert set(session.attendances.values_list("member_id", flat=True)) == {other.pk}
    assert session.history.count() == 2


def _class(p, **overrides):
    data = {
        "by": None,
        "kind": TrainingKind.NEW_MEMBER,
        "title": "Lớp đảng viên mới",
        "organization": p.org_a,
        "starts_on": D(2025, 3, 3),
        "ends_on": D(2025, 3, 7),
        "today": TODAY,
    }
    data.update(overrides)
    return services.training_class_save(**data)


CLASS_RULES = [
    ("last-day-not-before-first-day", lambda p: {"ends_on": D(2025, 3, 1)}, "ends_on", "trước ngày khai giảng"),
    ("title-required", lambda p: {"title": " "}, "title", "tên lớp"),
]


@pytest.mark.parametrize(("rule", "overrides", "field", "words"), CLASS_RULES, ids=[r[0] for r in CLASS_RULES])
def test_a_class_breaking_a_rule_is_refused(personas, rule, overrides, field, words):
    with translation.override("vi"), pytest.raises(ValidationError) as refused:
        _class(personas, **overrides(personas))
    assert words in " ".join(refused.value.message_dict[field])


PARTICIPANT_RULES = [
    (
        "awareness-class-is-for-candidates-by-name (HD 12-HD/BTCTW 2022)",
        TrainingKind.PARTY_AWARENESS,
        lambda p: {"members": [p.member_a]},
        "member",
        "quần chúng",
    ),
    (
        "new-member-class-is-for-members (Charter art. 5)",
        TrainingKind.NEW_MEMBER,
        lambda p: {"names": ["Lê Văn Quần"]},
        "person_name",
        "đảng viên",
    ),
    (
        "member-counted-in-the-organizer-on-the-first-day",
        TrainingKind.NEW_MEMBER,
        lambda p: {"members": [p.member_b]},
        "member",
        "Trần Thị Bình",
    ),
    (
        "no-participant-twice",
        TrainingKind.OTHER,
        lambda p: {"names": ["Lê Văn Quần", "lê văn quần"]},
        "person_name",
        "đã có trong lớp",
    ),
]


@pytest.mark.parametrize(
    ("rule", "kind", "who", "field", "words"), PARTICIPANT_RULES, ids=[r[0] for r in PARTICIPANT_RULES]
)
def test_a_participant_breaking_a_rule_is_refused_and_none_is_added(personas, rule, kind, who, field, words):
    training_class = _class(personas, kind=kind)
    with translation.override("vi"), pytest.raises(ValidationError) as refused:
        services.participants_add(training_class=training_class, by=None, today=TODAY, **who(personas))
    assert words in " ".join(refused.value.message_dict[field])
    assert TrainingParticipant.all_objects.count() == 0


COMPLETION_RULES = [
    (
        "certificate-required-for-completed-awareness-class (HD 12-HD/BTCTW 2022: certificate in the admission file)",
        {"completion": Completion.COMPLETED, "certificate_number": ""},
        TODAY,
        "certificate_number",
        "số giấy chứng nhận",
    ),
    (
        "no-certificate-without-completion",
        {"completion": Completion.NOT_COMPLETED, "certificate_number": "12/GCN"},
        TODAY,
        "certificate_number",
        "hoàn thành",
    ),
    (
        "result-only-after-the-last-day (dates within the class)",
        {"completion": Completion.COMPLETED, "certificate_number": "12/GCN"},
        D(2025, 3, 5),
        "completion",
        "kết thúc",
    ),
]


@pytest.mark.parametrize(
    ("rule", "result", "today", "field", "words"), COMPLETION_RULES, ids=[r[0] for r in COMPLETION_RULES]
)
def test_a_result_breaking_a_rule_is_refused(personas, rule, result, today, field, words):
    training_class = _class(personas, kind=TrainingKind.PARTY_AWARENESS)
    (participant,) = services.participants_add(
        training_class=training_class, by=None, names=["Lê Văn Quần"], today=TODAY
    )
    with translation.override("vi"), pytest.raises(ValidationError) as refused:
        services.participant_update(participant=participant, by=None, today=today, **result)
    assert words in " ".join(refused.value.message_dict[field])
    participant.refresh_from_db()
    assert participant.completion == Completion.PENDING


def test_the_same_certificate_number_cannot_be_given_twice_in_a_class(personas):
    training_class = _class(personas, kind=TrainingKind.PARTY_AWARENESS)
    first, second = services.participants_add(
        training_class=training_class, by=None, names=["Lê Văn Quần", "Phan Thị Mai"], today=TODAY
    )
    services.participant_update(
        participant=first, by=None, completion="completed", certificate_number="7/GCN", today=TODAY
    )
    with translation.override("vi"), pytest.raises(ValidationError) as refused:
        services.participant_update(
            participant=second, by=None, completion="completed", certificate_number="7/gcn", today=TODAY
        )
    assert "7/gcn" in " ".join(refused.value.message_dict["certificate_number"])


def test_changing_the_kind_rechecks_the_participants(personas):
    training_class = _class(personas, kind=TrainingKind.OTHER)
    services.participants_add(training_class=training_class, by=None, names=["Lê Văn Quần"], today=TODAY)
    with pytest.raises(ValidationError):
        _class(personas, training_class=training_class, kind=TrainingKind.NEW_MEMBER)
    training_class.refresh_from_db()
    assert training_class.kind == TrainingKind.OTHER


def test_counts_follow_the_participants_and_their_results(personas):
    training_class = _class(personas, kind=TrainingKind.NEW_MEMBER)
    (p,) = services.participants_add(training_class=training_class, by=None, members=[personas.member_a], today=TODAY)
    services.participant_update(participant=p, by=None, completion="completed", certificate_number="1/GCN", today=TODAY)
    training_class.refresh_from_db()
    assert (training_class.participant_count, training_class.completed_count) == (1, 1)
    services.participant_delete(participant=p, by=None)
    training_class.refresh_from_db()
    assert (training_class.participant_count, training_class.completed_count) == (0, 0)
    services.participant_restore(participant=p, by=None, today=TODAY)
    training_class.refresh_from_db()
    assert training_class.participant_count == 1


@pytest.mark.parametrize(
    ("reference", "key"),
    [
        ("Nghị quyết số 21-NQ/TW", "21-nq/tw"),
        ("NQ 21-NQ/TW ngày 16/6/2022", "21-nq/tw"),
        ("Chỉ thị số 05-CT/TW", "05-ct/tw"),
        ("Kết luận 01-KL/ĐUK", "01-kl/duk"),
        ("Nghị quyết Đại hội XIV", "nghiquyetdaihoixiv"),
    ],
)
def test_sessions_on_the_same_document_share_its_number_and_symbol(reference, key):
    assert services.document_key(reference) == key
