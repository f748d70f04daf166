"""Rows of the project's access matrix (accounts/tests/test_access_matrix.py) for the education screens.

The records belong to organization A: B's secretary gets "not found", a member account "forbidden".
"""

import datetime as dt

from dangvu.education import services
from dangvu.education.models import TrainingKind

VIEW = {"staff": 200, "secretary_a": 200, "secretary_b": 404, "plain_member": 403, "anonymous": "login"}
LIST = {"staff": 200, "secretary_a": 200, "secretary_b": 200, "plain_member": 403, "anonymous": "login"}
CHANGE = {"staff": 302, "secretary_a": 302, "secretary_b": 404, "plain_member": 403, "anonymous": "login"}


def objects(p):
    session = services.study_session_save(
        by=None,
        organization=p.org_a,
        document_reference="Nghị quyết số 21-NQ/TW",
        held_on=dt.date(2024, 5, 10),
        non_members_present=10,
        non_member_headcount=12,
        member_ids=[p.member_a.pk],
    )
    gone_session = services.study_session_save(
        by=None,
        organization=p.org_a,
        document_reference="Chỉ thị số 05-CT/TW",
        held_on=dt.date(2024, 6, 10),
        non_members_present=0,
        non_member_headcount=0,
        member_ids=[],
    )
    services.study_session_delete(session=gone_session, by=None)
    training_class = services.training_class_save(
        by=None,
        kind=TrainingKind.OTHER,
        title="Bồi dưỡng nghiệp vụ công tác đảng",
        organization=p.org_a,
        starts_on=dt.date(2024, 3, 4),
        ends_on=dt.date(2024, 3, 8),
    )
    participant, gone_participant = services.participants_add(
        training_class=training_class, by=None, members=[p.member_a], names=["Lê Văn Quần"]
    )
    services.participant_delete(participant=gone_participant, by=None)
    gone_class = services.training_class_save(
        by=None,
        kind=TrainingKind.OTHER,
        title="Lớp nhập nhầm",
        organization=p.org_a,
        starts_on=dt.date(2024, 4, 1),
        ends_on=dt.date(2024, 4, 2),
    )
    services.training_class_delete(training_class=gone_class, by=None)
    return {
        "session": session,
        "gone_session": gone_session,
        "class": training_class,
        "gone_class": gone_class,
        "participant": participant,
        "gone_participant": gone_participant,
    }


def _pk(name):
    return lambda o: {"pk": o[name].pk}


MATRIX = {
    "education:session_list": ("get", lambda o: {}, LIST),
    "education:session_create": ("get", lambda o: {}, LIST),
    "education:session_detail": ("get", _pk("session"), VIEW),
    "education:session_edit": ("get", _pk("session"), VIEW),
    "education:session_delete": ("post", _pk("session"), CHANGE),
    "education:session_restore": ("post", _pk("gone_session"), CHANGE),
    "education:class_list": ("get", lambda o: {}, LIST),
    "education:class_create": ("get", lambda o: {}, LIST),
    "education:class_detail": ("get", _pk("class"), VIEW),
    "education:class_edit": ("get", _pk("class"), VIEW),
    "education:class_delete": ("post", _pk("class"), CHANGE),
    "education:class_restore": ("post", _pk("gone_class"), CHANGE),
    "education:participants_add": ("get", _pk("class"), VIEW),
    "education:participant_edit": ("get", _pk("participant"), VIEW),
    "education:participant_delete": ("post", _pk("participant"), CHANGE),
    "education:participant_restore": ("post", _pk("gone_participant"), CHANGE),
}

# Inspection staff see the tree as committee staff do; they change no record of this app.
INSPECTOR = {
    "education:class_create": 403,
    "education:class_delete": 403,
    "education:class_detail": 200,
    "education:class_edit": 403,
    "education:class_list": 200,
    "education:class_restore": 403,
    "education:participant_delete": 403,
    "education:participant_edit": 403,
    "education:participant_restore": 403,
    "education:participants_add": 403,
    "education:session_create": 403,
    "education:session_delete": 403,
    "education:session_detail": 200,
    "education:session_edit": 403,
    "education:session_list": 200,
    "education:session_restore": 403,
}
