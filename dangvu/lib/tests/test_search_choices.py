"""Large choices are searched (issue 15 point 3): the lookup serves matches from the user's scope as they type,
and the search fields validate what is sent against the form's own scoped queryset."""

import datetime as dt

import pytest
from django import forms
from django.core import signing
from django.http import QueryDict
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from dangvu.cadres.models import CommitteeAppointment
from dangvu.lib import lookup
from dangvu.lib.forms import MemberSearchField, OrganizationSearchField
from dangvu.members.models import Member, Sex, Status
from dangvu.members.selectors import members_in_scope
from dangvu.members.services import apply_personal_derivations
from dangvu.organizations.models import Organization

pytestmark = [pytest.mark.django_db, pytest.mark.shared_setup]
MEMBERS = "lookup:search"
CROWD = 300


def _crowd(cell, count: int) -> None:
    """`count` full members of `cell`, named "Phạm Văn Hùng 0" ... (bulk, for page weight and limits)."""
    members = [
        Member(
            full_name=f"Phạm Văn Hùng {number}",
            sex=Sex.MALE,
            date_of_birth=dt.date(1980, 1, 1) + dt.timedelta(days=number),
            ethnicity="Kinh",
            religion="Không",
            status=Status.FULL,
            organization=cell,
            last_organization=cell,
        )
        for number in range(count)
    ]
    for member in members:
        apply_personal_derivations(member)
    Member.objects.bulk_create(members)


@pytest.fixture(scope="module")
def crowd(module_personas, django_db_blocker):
    with django_db_blocker.unblock():
        _crowd(module_personas.cell_a2, CROWD)


def _search(client, kind, text, **extra):
    response = client.get(reverse(MEMBERS, args=[kind]), {"name": "member", "member_q": text, **extra})
    return response, [option["label"] for option in response.context["options"]] if response.context else []


def test_a_member_is_found_without_accents_among_those_the_user_may_see(client, personas):
    client.force_login(personas.staff)
    response, labels = _search(client, "members", "nguyen van an")
    assert response.status_code == 200
    assert labels == ["Nguyễn Văn An (15/06/1985)"]
    assert "Chi bộ Văn phòng" in response.content.decode()  # shown with their cell


def test_the_lookup_offers_nothing_outside_the_users_subtree(client, personas):
    client.force_login(personas.secretary_b)
    assert _search(client, "members", "nguyen van an")[1] == []
    assert _search(client, "members", "tran thi binh")[1] == ["Trần Thị Bình (15/06/1985)"]


def test_the_lookup_waits_for_two_letters_and_shows_at_most_twenty_matches(client, personas, crowd):
    client.force_login(personas.staff)
    response, labels = _search(client, "members", "h")
    assert labels == [] and response.context["too_short"]
    response, labels = _search(client, "members", "hung")
    assert len(labels) == lookup.LIMIT and response.context["more"]
    assert "Phạm Văn Hùng 12 (13/01/1980)" in _search(client, "members", "hùng 12")[1]


def test_the_fields_conditions_narrow_the_lookup_and_cannot_be_forged(client, personas):
    client.force_login(personas.staff)
    field = MemberSearchField(queryset=Member.objects.all(), where={"status": "probationary"})
    assert _search(client, "members", "nguyen", w=field.narrowing())[1] == []
    widened = signing.dumps({"w": {}, "x": {}}, salt="made-up")  # conditions not signed by the lookup
    response = client.get(reverse(MEMBERS, args=["members"]), {"name": "member", "member_q": "an", "w": widened})
    assert response.status_code == 400
    assert "tải lại trang" in response.content.decode()


def test_organizations_are_found_by_name_without_accents_and_shown_under_their_parent(client, personas):
    client.force_login(personas.secretary_a)
    response = client.get(reverse(MEMBERS, args=["organizations"]), {"name": "o", "o_q": "chi bo thanh"})
    assert [o["label"] for o in response.context["options"]] == ["Chi bộ Thanh tra (A2)"]
    assert response.context["options"][0]["detail"] == "Đảng bộ Sở Tài chính"
    response = client.get(reverse(MEMBERS, args=["organizations"]), {"name": "o", "o_q": "tu phap"})
    assert response.context["options"] == []  # org B is outside secretary A's subtree


def test_a_member_account_and_a_visitor_get_no_lookup(client, personas):
    assert client.get(reverse(MEMBERS, args=["members"]), {"q": "an"}).status_code == 302
    client.force_login(personas.plain_member)
    assert client.get(reverse(MEMBERS, args=["members"]), {"q": "an"}).status_code == 403


class _PickForm(forms.Form):
    member = MemberSearchField(queryset=Member.objects.none())
    cell = OrganizationSearchField(queryset=Organization.objects.none(), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].queryset = members_in_scope(user=user)
        self.fields["cell"].queryset = Organization.objects.filter(path__startswith=user.organization.path)


def test_a_pk_outside_the_forms_scope_is_refused_with_the_usual_vietnamese_message(personas):
    with translation.override("vi"):
        form = _PickForm({"member": str(personas.member_b.pk)}, user=personas.secretary_a)
        assert not form.is_valid()
        assert form.errors["member"] == [
            "Hãy chọn một lựa chọn hợp lệ. Lựa chọn đó không phải là một trong các lựa chọn khả thi."
        ]
        assert not _PickForm({"member": "x'; drop"}, user=personas.secretary_a).is_valid()
    form = _PickForm({"member": str(personas.member_a.pk)}, user=personas.secretary_a)
    assert form.is_valid() and form.cleaned_data["member"] == personas.member_a


def test_without_a_script_a_typed_name_with_one_match_is_taken(personas):
    form = _PickForm({"member_q": "nguyen van an", "cell_q": "van phong"}, user=personas.secretary_a)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["member"] == personas.member_a
    assert form.cleaned_data["cell"] == personas.cell_a1


def test_without_a_script_several_matches_are_listed_to_pick_from(personas, crowd):
    form = _PickForm({"member_q": "hung 1"}, user=personas.secretary_a)
    assert not form.is_valid()
    assert "20+" in form.errors["member"][0]
    html = str(form["member"])
    assert html.count('type="radio" name="member"') == lookup.LIMIT
    chosen = Member.objects.get(full_name="Phạm Văn Hùng 17")
    data = QueryDict(mutable=True)  # the hidden input (empty) and the radio picked share the field's name
    data.update({"member_q": "hung 1"})
    data.setlist("member", ["", str(chosen.pk)])
    picked = _PickForm(data, user=personas.secretary_a)
    assert picked.is_valid() and picked.cleaned_data["member"] == chosen


def test_a_typed_name_that_matches_nothing_says_so(personas):
    with translation.override("vi"):
        form = _PickForm({"member_q": "khong ai"}, user=personas.secretary_a)
        assert not form.is_valid()
        assert "khong ai" in form.errors["member"][0]
        assert "Không" in form.errors["member"][0]


def test_the_chosen_member_is_shown_with_their_cell_when_the_form_comes_back(personas):
    form = _PickForm({"member": str(personas.member_a.pk), "cell": "nonsense"}, user=personas.secretary_a)
    assert not form.is_valid()
    html = str(form["member"])
    assert 'value="Nguyễn Văn An (15/06/1985)"' in html
    assert f'name="member" value="{personas.member_a.pk}"' in html
    assert "Chi bộ Văn phòng" in html
    assert "<option" not in html


@pytest.mark.parametrize(
    ("url", "names"),
    [
        ("cadres:appointment_create", ("member", "organization")),
        ("cadres:conclusion_create", ("member",)),
    ],
)
def test_pages_that_listed_every_member_stay_light(client, personas, crowd, url, names):
    client.force_login(personas.staff)
    response = client.get(reverse(url))
    page = response.content.decode()
    assert response.status_code == 200
    assert len(response.content) < 100 * 1024
    assert "Phạm Văn Hùng" not in page  # no member is listed until searched
    for name in names:
        assert f'name="{name}_q"' in page and 'role="combobox"' in page


def test_an_appointment_is_recorded_with_the_member_picked_from_the_search(client, personas):
    client.force_login(personas.staff)
    response = client.post(
        reverse("cadres:appointment_create"),
        {
            "organization": personas.org_a.pk,
            "member": personas.member_a.pk,
            "position": "secretary",
            "kind": "appointed",
            "decided_by": "Ban Thường vụ",
            "decided_on": "05/03/2026",
            "document_no": "12-QĐ/ĐU",
        },
    )
    assert response.status_code == 302
    assert CommitteeAppointment.objects.get(member=personas.member_a).organization == personas.org_a


def test_ids_past_999_reach_the_page_ungrouped(personas):
    option = {"pk": 9652, "label": "Nguyễn Văn An (15/06/1985)", "detail": "Chi bộ Văn phòng"}
    html = render_to_string("includes/search_choice_options.html", {"options": [option], "listbox": "id_m_list"})
    assert 'data-value="9652"' in html and 'id="id_m_list_9652"' in html
    form = _PickForm(user=personas.secretary_a)
    form.fields["member"].matches = [option]
    assert 'value="9652"' in str(form["member"])
