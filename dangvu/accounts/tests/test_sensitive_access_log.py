"""Sensitive personal data (Decree 13/2023/NĐ-CP): shown only to roles allowed, every view or export logged.

The inspection staff persona works on the whole tree but may not see ethnicity, religion or the notes.
"""

import datetime as dt

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from dangvu.accounts.models import Purpose, Role, SensitiveDataAccess, User
from dangvu.accounts.services import sensitive_access_log
from dangvu.members.services import member_update

# The personas are built once for the module (conftest.py `module_db`).
pytestmark = [pytest.mark.django_db, pytest.mark.shared_setup]

SECRET = "Phật giáo Hòa Hảo"


@pytest.fixture
def inspector(personas):
    return User.objects.create_user(username="insp", role=Role.INSPECTION_STAFF, organization=personas.committee)


@pytest.fixture
def religious(personas):
    """Member A's record with a religion entered after the admission: the history tab has a before and after."""
    member_update(member=personas.member_a, by=personas.secretary_a, data={"religion": SECRET})
    return personas.member_a


def _log(**filters):
    return SensitiveDataAccess.objects.filter(**filters)


def _officer(user):
    user.groups.add(Group.objects.get(name="security_officers"))
    return user


# --- History tabs ---------------------------------------------------------------------------------


def test_the_history_tab_hides_a_sensitive_change_from_a_role_that_may_not_see_it(client, inspector, religious):
    client.force_login(inspector)
    page = client.get(reverse("members:detail", kwargs={"pk": religious.pk})).content.decode()
    assert SECRET not in page
    assert "(ẩn)" in page
    assert not _log(user=inspector).exists()


def test_the_history_tab_shows_a_sensitive_change_to_an_allowed_role_and_logs_it(client, personas, religious):
    client.force_login(personas.staff)
    page = client.get(reverse("members:detail", kwargs={"pk": religious.pk})).content.decode()
    assert SECRET in page
    row = _log(user=personas.staff, purpose=Purpose.HISTORY, member=religious).get()
    assert row.fields == ["religion"]
    assert row.organization == personas.cell_a1


def test_a_member_sees_their_own_history_without_a_log_row(client, personas, religious):
    client.force_login(personas.plain_member)
    assert SECRET in client.get(reverse("members:detail", kwargs={"pk": religious.pk})).content.decode()
    assert not _log().exists()


def test_the_candidate_history_hides_ethnicity_from_a_role_that_may_not_see_it_and_logs_it_for_others(
    client, personas, inspector
):
    from dangvu.candidates.services import candidate_create, candidate_update

    candidate = candidate_create(
        by=None,
        data={
            "full_name": "Lò Văn Pả",
            "sex": "male",
            "date_of_birth": dt.date(1999, 3, 4),
            "organization": personas.cell_a1,
        },
    )
    candidate_update(candidate=candidate, by=personas.secretary_a, data={"ethnicity": "Thái"})
    url = reverse("candidates:detail", kwargs={"pk": candidate.pk})
    client.force_login(inspector)
    assert "Thái" not in client.get(url).content.decode()
    client.force_login(personas.staff)
    assert "Thái" in client.get(url).content.decode()
    assert _log(user=personas.staff, purpose=Purpose.HISTORY, candidate=candidate).get().fields == ["ethnicity"]
    client.get(reverse("candidates:edit", kwargs={"pk": candidate.pk}))
    assert _log(user=personas.staff, purpose=Purpose.EDIT_FORM, candidate=candidate).exists()


# --- Record page, edit form, API --------------------------------------------------------------------


def test_the_record_page_and_the_edit_form_are_logged_with_the_fields_they_show(client, personas, religious):
    client.force_login(personas.secretary_a)
    client.get(reverse("members:detail", kwargs={"pk": religious.pk}))
    client.get(reverse("members:edit", kwargs={"pk": religious.pk}))
    page = _log(user=personas.secretary_a, purpose=Purpose.MEMBER_DETAIL).get()
    assert page.fields == ["ethnicity", "religion"]
    form = _log(user=personas.secretary_a, purpose=Purpose.EDIT_FORM).get()
    assert "political_history_notes" in form.fields and form.member == religious


def test_an_api_write_of_a_sensitive_field_is_logged(personas):
    from rest_framework.test import APIClient

    api = APIClient()
    api.force_authenticate(personas.secretary_a)
    url = reverse("api:member-detail", kwargs={"pk": personas.member_a.pk})
    response = api.patch(url, {"religion": "Công giáo"}, format="json")
    assert response.status_code == 200, response.content
    assert response.json()["religion"] == "Công giáo"
    assert _log(user=personas.secretary_a, purpose=Purpose.API_WRITE, member=personas.member_a).count() == 1


def test_an_api_read_by_a_role_that_may_not_see_sensitive_fields_leaves_them_out_and_no_log(personas, inspector):
    from rest_framework.test import APIClient

    api = APIClient()
    api.force_authenticate(inspector)
    body = api.get(reverse("api:member-detail", kwargs={"pk": personas.member_a.pk})).json()
    assert "religion" not in body and "ethnicity" not in body
    assert not _log().exists()


def _members() -> int:
    """The personas' members (none of them a minority): the rows each listing shows."""
    from dangvu.members.models import Member

    return Member.objects.count()


# --- Export ---------------------------------------------------------------------------------------------


def test_an_export_is_one_log_row_with_the_number_of_members_and_the_filters(client, personas):
    client.force_login(personas.staff)
    response = client.get(reverse("exchange:export_members"), {"status": "all", "format": "csv"})
    assert response.status_code == 200
    header = response.content.decode("utf-8-sig").splitlines()[0]
    assert "Dân tộc" in header
    row = _log(user=personas.staff).get()
    assert (row.purpose, row.count, row.member) == (Purpose.EXPORT, _members(), None)
    assert "status=all" in row.scope and "format=csv" in row.scope
    assert row.fields == ["ethnicity", "religion"]


def test_an_export_by_a_role_that_may_not_see_sensitive_fields_leaves_their_columns_out(client, inspector):
    client.force_login(inspector)
    response = client.get(reverse("exchange:export_members"), {"status": "all", "format": "csv"})
    header = response.content.decode("utf-8-sig").splitlines()[0]
    assert "Dân tộc" not in header and "Tôn giáo" not in header
    assert not _log().exists()


# --- The log screen ----------------------------------------------------------------------------------


def test_the_log_screen_filters_by_user_purpose_date_and_member(client, personas):
    sensitive_access_log(
        user=personas.secretary_a, purpose=Purpose.MEMBER_DETAIL, member=personas.member_a, fields=["religion"]
    )
    sensitive_access_log(
        user=personas.secretary_b, purpose=Purpose.MEMBER_DETAIL, member=personas.member_b, fields=["religion"]
    )
    sensitive_access_log(user=personas.staff, purpose=Purpose.EXPORT, count=2, fields=["ethnicity"], scope="status=all")
    client.force_login(_officer(personas.staff))
    url = reverse("accounts:sensitive_log")

    def shown(**query):
        return [(r.user.username, r.purpose) for r in client.get(url, query).context["page"].object_list]

    assert len(shown()) == 3
    assert shown(user=personas.secretary_b.pk) == [("sec_b", "member_detail")]
    assert shown(purpose="export") == [("staff", "export")]
    assert shown(member="nguyen van an") == [("sec_a", "member_detail")]
    assert shown(start="01/01/2000", end="02/01/2000") == []
    page = client.get(url, {"purpose": "export"}).content.decode()
    assert "Kết xuất" in page


def test_a_security_officer_of_a_base_organization_sees_only_its_subtree(client, personas):
    sensitive_access_log(
        user=personas.staff, purpose=Purpose.MEMBER_DETAIL, member=personas.member_a, fields=["religion"]
    )
    sensitive_access_log(
        user=personas.staff, purpose=Purpose.MEMBER_DETAIL, member=personas.member_b, fields=["religion"]
    )
    client.force_login(_officer(personas.secretary_a))
    rows = client.get(reverse("accounts:sensitive_log")).context["page"].object_list
    assert [r.member for r in rows] == [personas.member_a]


def test_the_menu_shows_the_log_only_to_security_officers(client, personas):
    from dangvu.lib.nav import menu_for

    url = reverse("accounts:sensitive_log")
    client.force_login(personas.staff)
    assert url not in [item["url"] for item in menu_for(personas.staff)]
    assert client.get(url).status_code == 403
    _officer(personas.staff)
    assert url in [item["url"] for item in menu_for(User.objects.get(pk=personas.staff.pk))]
    assert client.get(url).status_code == 200


def test_a_member_list_filtered_by_ethnicity_is_logged_with_its_count(client, personas):
    client.force_login(personas.staff)
    client.get(reverse("members:list"), {"ethnic_minority": "false", "status": "all"})
    row = _log(user=personas.staff).get()
    assert (row.purpose, row.count, row.fields) == (Purpose.LIST_FILTER, _members(), ["is_ethnic_minority"])
    client.get(reverse("members:list"), {"status": "all"})
    assert _log(user=personas.staff).count() == 1


def test_an_api_member_list_filtered_by_ethnicity_is_logged_with_its_count(personas):
    from rest_framework.test import APIClient

    api = APIClient()
    api.force_authenticate(personas.staff)
    assert api.get(reverse("api:member-list"), {"ethnic_minority": "false"}).status_code == 200
    row = _log(user=personas.staff).get()
    assert (row.purpose, row.count) == (Purpose.LIST_FILTER, _members())
    api.get(reverse("api:member-list"))
    assert _log(user=personas.staff).count() == 1
