import pytest
from django.urls import reverse
from django.utils import translation

from dangvu.notifications.engine import run_day
from dangvu.notifications.models import Notification, Preference, Rule
from dangvu.notifications.selectors import describe
from dangvu.notifications.tests.conftest import DAY, occurrences_for, rule
from dangvu.notifications.triggers import Occurrence

pytestmark = pytest.mark.django_db


@pytest.fixture
def inbox_rows(personas, register):
    def many(anchor):
        for i in range(40):
            yield Occurrence(
                key=f"k{i}",
                on=anchor,
                title=f"Thông báo số {i}",
                organization_id=personas.cell_a1.pk,
                body="Nội dung " * 20,
                url="/handbook/",
            )

    register("test.many", many)
    rule("test.many", "cell_members", channel="inbox")
    run_day(DAY, codes=["test.many"])


def test_the_phone_inbox_shows_unread_first_small_and_in_few_queries(
    client, personas, inbox_rows, django_assert_max_num_queries
):
    read = Notification.objects.filter(recipient=personas.plain_member).order_by("pk").first()
    read.read_at = read.created_at
    read.save()
    client.force_login(personas.plain_member)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("notifications:my"))
    assert response.status_code == 200
    assert len(response.content) < 100_000
    shown = response.context["notifications"]
    assert shown[0].read_at is None and read not in shown[:-1]
    assert response.context["unread"] == 39


def test_opening_a_notification_marks_it_read_and_goes_to_its_page(client, personas, inbox_rows):
    mine = Notification.objects.filter(recipient=personas.plain_member).first()
    client.force_login(personas.plain_member)
    response = client.post(reverse("notifications:open", kwargs={"pk": mine.pk}))
    assert response.status_code == 302 and response["Location"] == "/handbook/"
    mine.refresh_from_db()
    assert mine.read_at is not None


def test_another_users_notification_is_not_found(client, personas, inbox_rows):
    theirs = Notification.objects.filter(recipient=personas.cell_secretary).first()
    client.force_login(personas.plain_member)
    assert client.post(reverse("notifications:open", kwargs={"pk": theirs.pk})).status_code == 404
    assert client.post(reverse("notifications:mark_read", kwargs={"pk": theirs.pk})).status_code == 404
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_mark_all_read_reads_only_mine(client, personas, inbox_rows):
    client.force_login(personas.plain_member)
    client.post(reverse("notifications:mark_all_read"))
    assert not Notification.objects.filter(recipient=personas.plain_member, read_at__isnull=True).exists()
    assert Notification.objects.filter(recipient=personas.cell_secretary, read_at__isnull=True).count() == 40


def test_the_portal_card_counts_unread(client, personas, inbox_rows):
    client.force_login(personas.plain_member)
    with translation.override("vi"):
        response = client.get(reverse("portal:home"))
    assert "40 mới" in response.content.decode()


def test_the_office_inbox_for_staff(client, personas):
    client.force_login(personas.staff)
    response = client.get(reverse("notifications:inbox"))
    assert response.status_code == 200 and len(response.content) < 100_000


def test_a_rule_reads_in_vietnamese_words():
    with translation.override("vi"):
        text = describe(Rule(trigger="x", offset_days=-3, audience="cell_members", channel="both"))
    assert text == "3 ngày trước ngày được nhắc, gửi đảng viên của chi bộ, qua hộp thư và e-mail"


def test_staff_list_and_edit_rules_with_history(client, personas, django_assert_max_num_queries):
    client.force_login(personas.staff)
    with django_assert_max_num_queries(15):
        response = client.get(reverse("notifications:rule_list"), {"audience": "committee"})
    assert response.status_code == 200
    rule_ = Rule.objects.get(trigger="members.badge_due")
    response = client.post(
        reverse("notifications:rule_edit", kwargs={"pk": rule_.pk}),
        {
            "trigger": rule_.trigger,
            "name": "Huy hiệu",
            "offset_days": "-45",
            "audience": "committee",
            "channel": "inbox",
            "active": "on",
        },
    )
    assert response.status_code == 302
    rule_.refresh_from_db()
    assert (rule_.offset_days, rule_.channel) == (-45, "inbox")
    detail = client.get(reverse("notifications:rule_detail", kwargs={"pk": rule_.pk}))
    assert [h.history_user for h in detail.context["history"]] == [personas.staff]
    assert "45 ngày trước" in detail.content.decode() or "45 days before" in detail.content.decode()


def test_a_secretary_may_not_open_the_rules(client, personas):
    client.force_login(personas.secretary_a)
    assert client.get(reverse("notifications:rule_list")).status_code == 403


def test_staff_below_the_top_may_set_rules_only_for_their_subtree(client, personas):
    from dangvu.accounts.models import Role, User

    district = User.objects.create(username="district", role=Role.COMMITTEE_STAFF, organization=personas.org_a)
    client.force_login(district)
    data = {
        "trigger": "members.badge_due",
        "name": "R",
        "offset_days": "-3",
        "audience": "committee",
        "channel": "both",
        "active": "on",
    }
    assert client.post(reverse("notifications:rule_create"), data).status_code == 200
    assert (
        client.post(reverse("notifications:rule_create"), data | {"organization": personas.org_a.pk}).status_code == 302
    )
    assert Rule.objects.filter(organization=personas.org_a).count() == 1


def test_an_offset_out_of_range_is_a_form_error(client, personas):
    client.force_login(personas.staff)
    data = {
        "trigger": "members.badge_due",
        "name": "R",
        "offset_days": "999",
        "audience": "committee",
        "channel": "both",
    }
    response = client.post(reverse("notifications:rule_create"), data)
    assert response.status_code == 200 and response.context["form"].errors["offset_days"]


def test_the_send_log_filters_and_exports(client, personas, register):
    register("test.cell", occurrences_for(personas.cell_a1))
    created = rule("test.cell", "cell_members", channel="inbox")
    run_day(DAY, codes=["test.cell"])
    client.force_login(personas.staff)
    response = client.get(reverse("notifications:log"), {"rule": created.pk, "state": "ok"})
    assert response.status_code == 200 and response.context["page"].paginator.count == 2
    export = client.get(reverse("notifications:log"), {"rule": created.pk, "export": "csv"})
    assert export.status_code == 200 and "test.cell" in export.content.decode()


def test_a_secretary_chooses_the_daily_digest(client, personas):
    client.force_login(personas.cell_secretary)
    assert client.post(reverse("notifications:preferences"), {"daily_digest": "on"}).status_code == 302
    assert Preference.objects.get(user=personas.cell_secretary).daily_digest
    client.force_login(personas.plain_member)
    assert client.get(reverse("notifications:preferences")).status_code == 403
