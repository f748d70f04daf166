import datetime as dt

import pytest
from django.urls import reverse

from dangvu.accounts.models import Role, User
from dangvu.inspections import services
from dangvu.inspections.models import Body, Discipline, Inspection, InspectionKind, Letter, LetterCategory, LetterKind

pytestmark = pytest.mark.django_db
LISTS = ("inspections:list", "inspections:discipline_list", "inspections:letter_list")


def _inspection(p, n=0, members=()):
    return services.inspection_create(
        organization=p.org_a,
        data={
            "body": Body.BASE_COMMITTEE,
            "kind": InspectionKind.PROGRAM,
            "title": f"Kiểm tra {n}",
            "started_on": dt.date(2024, 3, 1),
        },
        subject_organizations=[p.cell_a1, p.cell_a2],
        subject_member_ids=members or [p.member_a.pk],
        by=None,
    )


def _discipline(p, n=0):
    return services.discipline_create(
        data={
            "form": "reprimand",
            "body": Body.BASE_COMMITTEE,
            "deciding_organization": p.org_a,
            "decision_no": f"{n}-QĐ/ĐU",
            "decided_on": dt.date(2024, 5, 10),
            "violation_category": "member_duties",
            "violation_started_on": dt.date(2024, 1, 15),
        },
        member=p.member_a,
        by=None,
    )


def _letter(p, n=0, received_on=dt.date(2025, 3, 2)):
    return services.letter_create(
        organization=p.org_a,
        data={
            "received_on": received_on,
            "kind": LetterKind.DENUNCIATION,
            "member": p.member_a,
            "subject_text": f"Thư {n}",
            "category": LetterCategory.WITHIN_AUTHORITY,
        },
        by=None,
    )


@pytest.fixture
def inspector(personas):
    return User.objects.create_user(
        username="ubkt", password="pw", role=Role.INSPECTION_STAFF, organization=personas.committee
    )


@pytest.mark.parametrize("name", LISTS)
def test_the_lists_keep_a_constant_query_count(client, personas, django_assert_max_num_queries, settings, name):
    """Two data sizes and two page sizes: the number of queries does not grow with the rows."""
    client.force_login(personas.staff)
    for n in range(3):
        _inspection(personas, n), _discipline(personas, n), _letter(personas, n)
    settings.PAGE_SIZE = 2
    with django_assert_max_num_queries(14) as small:
        assert client.get(reverse(name), {"organization": personas.org_a.pk}).status_code == 200
    for n in range(3, 30):
        _inspection(personas, n), _discipline(personas, n), _letter(personas, n)
    settings.PAGE_SIZE = 25
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(reverse(name), {"organization": personas.org_a.pk})
    assert response.status_code == 200
    assert len(response.context["page"].object_list) == 25


def test_inspection_staff_read_and_write_the_records_of_their_subtree(client, personas, inspector):
    """The inspection committee's staff (not among the five personas) work on inspection records."""
    client.force_login(inspector)
    inspection = _inspection(personas)
    for name in LISTS:
        assert client.get(reverse(name)).status_code == 200
    assert client.get(reverse("inspections:detail", kwargs={"pk": inspection.pk})).status_code == 200
    response = client.post(
        reverse("inspections:letter_create"),
        {
            "organization": personas.committee.pk,
            "received_on": "02/03/2026",
            "kind": "both",
            "signed": "on",
            "sender": "Nguyễn Thị Hoa",
            "member": personas.member_a.national_id,
            "category": "within_authority",
            "status": "received",
        },
    )
    letter = Letter.objects.get()
    assert response.status_code == 302 and letter.handled_as == LetterKind.COMPLAINT
    assert letter.member == personas.member_a and letter.history.first().history_user == inspector


def test_an_inspection_staffer_of_another_subtree_sees_nothing(client, personas):
    outsider = User.objects.create_user(
        username="ubkt_b", password="pw", role=Role.INSPECTION_STAFF, organization=personas.org_b
    )
    inspection = _inspection(personas)
    client.force_login(outsider)
    assert client.get(reverse("inspections:detail", kwargs={"pk": inspection.pk})).status_code == 404
    assert client.get(reverse("inspections:list")).context["page"].paginator.count == 0


def test_members_see_nothing_here(client, personas):
    _inspection(personas)
    client.force_login(personas.plain_member)
    for name in LISTS:
        assert client.get(reverse(name)).status_code == 403


def test_an_inspection_is_recorded_with_every_member_of_the_cells_chosen(client, personas):
    client.force_login(personas.secretary_a)
    response = client.post(
        reverse("inspections:create"),
        {
            "organization": personas.cell_a1.pk,
            "body": "cell",
            "kind": "thematic_supervision",
            "title": "Giám sát đảng viên",
            "started_on": "10/04/2025",
            "all_members_of_subjects": "on",
            "subject_members": "",
        },
    )
    # A cell has no organization below it and no member was named: refused beside the field, no error page.
    assert response.status_code == 200
    assert response.context["form"].errors["subject_organizations"]
    response = client.post(
        reverse("inspections:create"),
        {
            "organization": personas.org_a.pk,
            "body": "base_committee",
            "kind": "program",
            "title": "Kiểm tra chi bộ",
            "started_on": "10/04/2025",
            "subject_organizations": [personas.cell_a1.pk],
            "all_members_of_subjects": "on",
        },
    )
    inspection = Inspection.objects.get()
    assert response.status_code == 302
    assert set(inspection.subject_members.all()) == {personas.member_a, personas.cell_secretary.member}


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        pytest.param({"decided_on": "31/02/2025"}, "decided_on", id="impossible-date"),
        pytest.param({"member": "99999999"}, "member", id="unknown-card-number"),
        pytest.param({"member": ""}, "member", id="no-member"),
        pytest.param({"form": "dissolution"}, "form", id="dissolution-of-a-member"),
        pytest.param({"violation_started_on": "01/01/2010"}, "decided_on", id="statute-of-limitations"),
    ],
)
def test_bad_discipline_input_is_refused_beside_the_field(client, personas, payload, field):
    client.force_login(personas.secretary_a)
    data = {
        "subject_kind": "member",
        "member": personas.member_a.national_id,
        "form": "warning",
        "body": "base_committee",
        "deciding_organization": personas.org_a.pk,
        "decision_no": "05-QĐ/ĐU",
        "decided_on": "12/05/2025",
        "violation_category": "law",
        "violation_started_on": "01/02/2025",
    } | payload
    response = client.post(reverse("inspections:discipline_create"), data)
    assert response.status_code == 200
    assert response.context["form"].errors[field]
    assert Discipline.all_objects.count() == 0


def test_letters_near_or_past_their_deadline_are_flagged(client, personas):
    from django.utils import timezone

    today = timezone.localdate()
    overdue = _letter(personas, 1, received_on=today - dt.timedelta(days=200))
    _letter(personas, 2, received_on=today - dt.timedelta(days=30))
    client.force_login(personas.secretary_a)
    response = client.get(reverse("inspections:letter_list"))
    assert response.context["warnings"]["overdue"] == 1
    listed = client.get(reverse("inspections:letter_list"), {"deadline": "overdue"})
    assert [letter.pk for letter in listed.context["page"].object_list] == [overdue.pk]


def test_a_bad_filter_value_shows_the_list_not_an_error_page(client, personas):
    client.force_login(personas.staff)
    response = client.get(reverse("inspections:letter_list"), {"year": "abc", "organization": "x"})
    assert response.status_code == 200


def test_a_refused_deletion_is_said_on_the_record_page(client, personas, monkeypatch):
    from django.core.exceptions import ValidationError

    discipline = _discipline(personas)

    def refuse(**kwargs):
        raise ValidationError("Sự kiện khai trừ đã có sự kiện sau.")

    monkeypatch.setattr(services, "discipline_delete", refuse)
    client.force_login(personas.secretary_a)
    url = reverse("inspections:discipline_delete", kwargs={"pk": discipline.pk})
    response = client.post(url, follow=True)
    assert response.redirect_chain[-1][0] == reverse("inspections:discipline_detail", kwargs={"pk": discipline.pk})
    assert "Sự kiện khai trừ đã có sự kiện sau." in response.content.decode()
    assert Discipline.objects.filter(pk=discipline.pk).exists()


def test_the_members_of_an_inspection_are_paged_and_an_htmx_page_is_the_members_part_only(client, personas, settings):
    settings.PAGE_SIZE = 25
    inspection = _inspection(personas)
    client.force_login(personas.staff)
    url = reverse("inspections:detail", kwargs={"pk": inspection.pk})
    whole = client.get(url)
    assert whole.context["page"].paginator.count == 1 and b"<html" in whole.content
    part = client.get(url, {"page": "1"}, HTTP_HX_REQUEST="true")
    assert b"<html" not in part.content
    assert personas.member_a.full_name in part.content.decode()
