"""Forms that take member ids accept only live members of the user's scope, and never name the others."""

import pytest
from django.urls import reverse

from dangvu.members.services import member_delete
from dangvu.members.tests.factories import admit

pytestmark = pytest.mark.django_db


def _post_session(client, personas, member_id):
    return client.post(
        reverse("education:session_create"),
        {
            "organization": personas.org_a.pk,
            "document_reference": "Nghị quyết số 21-NQ/TW",
            "held_on": "10/05/2024",
            "members": [member_id],
            "non_members_present": 0,
            "non_member_headcount": 0,
        },
    )


def test_a_study_session_refuses_a_member_out_of_scope_without_naming_them(client, personas):
    client.force_login(personas.secretary_a)
    response = _post_session(client, personas, personas.member_b.pk)
    assert response.status_code == 200
    assert "members" in response.context["form"].errors
    assert personas.member_b.full_name not in response.content.decode()


def test_a_study_session_refuses_a_deleted_member_without_naming_them(client, personas):
    gone = admit(personas.cell_a1, full_name="Đinh Văn Xóa")
    member_delete(member=gone, by=None)
    client.force_login(personas.secretary_a)
    response = _post_session(client, personas, gone.pk)
    assert "members" in response.context["form"].errors
    assert "Đinh Văn Xóa" not in response.content.decode()


def test_a_training_class_refuses_a_member_out_of_scope(client, personas):
    import datetime as dt

    from dangvu.education import services
    from dangvu.education.models import TrainingKind

    training_class = services.training_class_save(
        by=None,
        kind=TrainingKind.OTHER,
        title="Bồi dưỡng nghiệp vụ",
        organization=personas.org_a,
        starts_on=dt.date(2024, 3, 4),
        ends_on=dt.date(2024, 3, 8),
    )
    client.force_login(personas.secretary_a)
    url = reverse("education:participants_add", kwargs={"pk": training_class.pk})
    response = client.post(url, {"members": [personas.member_b.pk], "names": ""})
    assert "members" in response.context["form"].errors
    assert personas.member_b.full_name not in response.content.decode()
