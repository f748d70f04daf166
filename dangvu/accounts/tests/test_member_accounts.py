"""Accounts for every member (issue 17 point 1): codes, activation, login by card or phone, accounts following
the member's status, the screens, the indicators and the reminder trigger."""

import datetime as dt
import re

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from dangvu.accounts import activation
from dangvu.accounts.models import ActivationCode, MemberAccountState, Role, User
from dangvu.members.models import EventKind
from dangvu.members.services import member_event_delete, member_event_record, member_update
from dangvu.members.tests.factories import admit

pytestmark = pytest.mark.django_db
CODE_RE = re.compile(r"[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{2}")


def _issue(personas, member):
    [(got, code)] = activation.issue_activation_codes(cell=member.organization, by=personas.staff, members=[member])
    assert got == member
    return code


@pytest.fixture
def newcomer(personas):
    return admit(personas.cell_a1, full_name="Phạm Văn Mới", national_id="001085000009", phone="0912 345 678")


def _activate(client, code, identifier, password="Hoa-Sen-2026!"):
    return client.post(
        reverse("accounts:activate"),
        {"code": code, "identifier": identifier, "password1": password, "password2": password},
    )


# --- Codes ------------------------------------------------------------------------------------------


def test_codes_are_typed_easily_and_stored_only_as_a_hash(personas, newcomer):
    code = _issue(personas, newcomer)
    assert CODE_RE.fullmatch(code)
    assert not set(code) & set("01ILO")
    row = ActivationCode.objects.get(member=newcomer)
    assert code not in row.code_hash and code.replace("-", "") not in row.code_hash
    assert row.code_hash == activation.hash_code(code.lower().replace("-", " "))
    assert row.expires_on == timezone.localdate() + dt.timedelta(days=30)
    assert row.issued_by == personas.staff


def test_issuing_again_revokes_the_previous_code(personas, newcomer):
    first = _issue(personas, newcomer)
    second = _issue(personas, newcomer)
    assert first != second
    assert ActivationCode.objects.filter(member=newcomer, revoked_at__isnull=True).count() == 1
    with pytest.raises(activation.ActivationRefused):
        activation.find_code(code=first, identifier="001085000009")
    assert activation.find_code(code=second, identifier="001085000009").member == newcomer


def test_codes_go_to_live_members_without_an_active_account(personas, newcomer):
    issued = activation.issue_activation_codes(cell=personas.cell_a1, by=personas.staff)
    names = {m.full_name for m, _code in issued}
    # member_a and the cell secretary have accounts already.
    assert names == {"Phạm Văn Mới"}


@override_settings(DANGVU_ACTIVATION_CODE_DAYS=10)
def test_a_code_expires_after_the_configured_days(personas, newcomer):
    code = _issue(personas, newcomer)
    later = timezone.localdate() + dt.timedelta(days=10)
    assert activation.find_code(code=code, identifier="001085000009", today=later)
    with pytest.raises(activation.ActivationRefused):
        activation.find_code(code=code, identifier="001085000009", today=later + dt.timedelta(days=1))


# --- Activation ---------------------------------------------------------------------------------------


def test_a_member_activates_and_lands_signed_in_on_the_portal(client, personas, newcomer):
    code = _issue(personas, newcomer)
    response = _activate(client, code.lower(), "001085000009")
    assert response.status_code == 302 and response["Location"] == reverse("portal:home")
    account = User.objects.get(member=newcomer)
    assert account.role == Role.MEMBER and account.is_active
    assert account.username == f"dv{newcomer.pk:06d}"  # no card number yet
    assert ActivationCode.objects.get(member=newcomer).used_at is not None
    assert client.get(reverse("portal:home")).status_code == 200


def test_a_code_opens_one_account_only_once(client, personas, newcomer):
    code = _issue(personas, newcomer)
    _activate(client, code, "001085000009")
    client.logout()
    response = _activate(client, code, "001085000009", password="Another-Pass-77")
    assert response.status_code == 200
    assert "không đúng" in response.content.decode()


@pytest.mark.parametrize(
    "case", ["wrong code", "wrong national id", "another member's card", "expired", "revoked", "member left"]
)
def test_every_refusal_says_the_same_thing(client, personas, newcomer, case):
    code = _issue(personas, newcomer)
    identifier = "001085000009"
    if case == "wrong code":
        code = "AAAA-BBBB-CC"
    elif case == "wrong national id":
        identifier = "001085000001"
    elif case == "another member's card":
        identifier = "12345678"
    elif case == "expired":
        ActivationCode.objects.filter(member=newcomer).update(expires_on=timezone.localdate() - dt.timedelta(days=1))
    elif case == "revoked":
        ActivationCode.objects.filter(member=newcomer).update(revoked_at=timezone.now())
    elif case == "member left":
        member_event_record(member=newcomer, kind=EventKind.REMOVED, by=None, on=dt.date(2026, 1, 5), document_no="9")
    response = _activate(client, code, identifier)
    assert response.status_code == 200
    errors = response.context["form"].non_field_errors()
    assert [str(e) for e in errors] == [str(activation_views_refused())]
    assert not User.objects.filter(member=newcomer).exists()


def activation_views_refused():
    from dangvu.accounts.activation_views import REFUSED

    return REFUSED


def test_a_weak_password_is_refused_with_the_validators_message(client, personas, newcomer):
    code = _issue(personas, newcomer)
    response = _activate(client, code, "001085000009", password="123")
    assert response.status_code == 200
    assert response.context["form"].errors["password1"]
    assert not User.objects.filter(member=newcomer).exists()
    assert ActivationCode.objects.get(member=newcomer).used_at is None


@override_settings(DANGVU_ACTIVATION_FAILURE_LIMIT=3, DANGVU_ACTIVATION_ADDRESS_FAILURE_LIMIT=100)
def test_too_many_wrong_identities_for_one_code_lock_it_with_429(client, personas, newcomer):
    code = _issue(personas, newcomer)
    for n in range(3):
        assert _activate(client, code, f"00108500010{n}").status_code == 200
    locked = _activate(client, code, "001085000009")  # even the right identity now waits
    assert locked.status_code == 429
    assert "Thử lại" in locked.content.decode() or "thử lại" in locked.content.decode()
    assert not User.objects.filter(member=newcomer).exists()


@override_settings(DANGVU_ACTIVATION_FAILURE_LIMIT=100, DANGVU_ACTIVATION_ADDRESS_FAILURE_LIMIT=4)
def test_too_many_refusals_from_one_address_lock_the_address(client, personas, newcomer):
    for n in range(4):
        _activate(client, f"AAAA-BBBB-C{n + 2}", f"0010850001{n}0")
    assert _activate(client, "ZZZZ-ZZZZ-ZZ", "001085000009").status_code == 429


# --- Login by card number or phone ---------------------------------------------------------------------


def _login(client, username, password):
    return client.post(reverse("accounts:login"), {"username": username, "password": password})


def test_a_member_logs_in_with_card_number_or_phone(client, personas):
    member_update(member=personas.member_a, by=None, data={"phone": "+84 912.000.111"})
    member_event_record(
        member=personas.member_a, kind=EventKind.CARD_ISSUED, by=None, on=dt.date(2022, 1, 5), card_number="55556666"
    )
    assert _login(client, "55556666", "pw-member_a").status_code == 302
    client.logout()
    assert _login(client, "0912 000 111", "pw-member_a").status_code == 302
    client.logout()
    assert _login(client, "0912000111", "wrong").status_code == 200


def test_a_phone_shared_by_two_accounts_logs_nobody_in(client, personas):
    member_update(member=personas.member_a, by=None, data={"phone": "0912000222"})
    secretary = User.objects.get(username="cell_sec_a1").member
    member_update(member=secretary, by=None, data={"phone": "0912.000.222"})
    response = _login(client, "0912000222", "pw-member_a")
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


@override_settings(AXES_FAILURE_LIMIT=2)
def test_failed_logins_by_card_number_are_still_counted_by_axes(client, personas):
    member_event_record(
        member=personas.member_a, kind=EventKind.CARD_ISSUED, by=None, on=dt.date(2022, 1, 5), card_number="55556666"
    )
    _login(client, "55556666", "wrong")
    _login(client, "55556666", "wrong")
    assert _login(client, "55556666", "pw-member_a").status_code == 429


# --- Accounts follow the member ------------------------------------------------------------------------


def test_an_account_is_suspended_when_the_member_leaves_and_back_when_the_event_goes(client, personas):
    client.force_login(personas.plain_member)
    event = member_event_record(
        member=personas.member_a, kind=EventKind.REMOVED, by=None, on=dt.date(2026, 1, 5), document_no="9"
    )
    account = User.objects.get(pk=personas.plain_member.pk)
    assert not account.is_active
    assert MemberAccountState.objects.get(user=account).suspended_because == "removed"
    assert account.history.first().history_change_reason.startswith("member left")
    # The session is cut: the next request is sent to the login page.
    assert client.get(reverse("portal:home")).status_code == 302
    member_event_delete(event=event, by=None)
    account.refresh_from_db()
    assert account.is_active
    assert MemberAccountState.objects.get(user=account).suspended_at is None


def test_a_leaving_member_loses_their_pending_code(personas, newcomer):
    _issue(personas, newcomer)
    member_event_record(member=newcomer, kind=EventKind.DIED, by=None, on=dt.date(2026, 1, 5))
    row = ActivationCode.objects.get(member=newcomer)
    assert row.revoked_at is not None and row.revoked_because == "member_left"


def test_a_member_transferred_within_the_tree_keeps_the_account(personas):
    member_event_record(
        member=personas.member_a,
        kind=EventKind.TRANSFERRED_OUT,
        by=None,
        on=dt.date(2026, 2, 1),
        transfer_mode="official",
        counterpart=personas.org_b,
        document_no="1",
    )
    account = User.objects.get(pk=personas.plain_member.pk)
    assert account.is_active and account.member.organization == personas.org_b


def test_a_member_transferred_out_of_the_system_is_suspended(personas):
    member_event_record(
        member=personas.member_a,
        kind=EventKind.TRANSFERRED_OUT,
        by=None,
        on=dt.date(2026, 2, 1),
        transfer_mode="official",
        external_place="Đảng bộ tỉnh An Giang",
        document_no="1",
    )
    assert not User.objects.get(pk=personas.plain_member.pk).is_active


def test_a_cell_secretary_moved_to_another_cell_goes_back_to_a_member_account(personas):
    account = personas.cell_secretary
    member_event_record(
        member=account.member,
        kind=EventKind.TRANSFERRED_OUT,
        by=None,
        on=dt.date(2026, 2, 1),
        transfer_mode="official",
        counterpart=personas.cell_a2,
        document_no="1",
    )
    account.refresh_from_db()
    assert account.is_active and account.role == Role.MEMBER and account.organization is None
    assert MemberAccountState.objects.get(user=account).lost_role == Role.CELL_SECRETARY


# --- Screens -------------------------------------------------------------------------------------------


def test_the_office_issues_a_cell_sheet_to_print(client, personas, newcomer, django_assert_max_num_queries):
    admit(personas.cell_a1, full_name="Võ Thị Hai", national_id="001085000010")
    client.force_login(personas.staff)
    with django_assert_max_num_queries(30):
        response = client.post(reverse("accounts:issue_codes", kwargs={"pk": personas.cell_a1.pk}))
    assert response.status_code == 200
    html = response.content.decode()
    assert len(CODE_RE.findall(html)) == 2
    assert "Phạm Văn Mới" in html and "Võ Thị Hai" in html
    assert (timezone.localdate() + dt.timedelta(days=30)).strftime("%d/%m/%Y") in html
    assert "/accounts/activate/" in html
    assert "no-store" in response["Cache-Control"]
    assert len(response.content) < 100_000


def test_the_sheet_query_count_does_not_grow_with_the_cell(client, personas):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(personas.staff)
    url = reverse("accounts:issue_codes", kwargs={"pk": personas.cell_a2.pk})
    counts = []
    for n in (1, 6):
        for i in range(n):
            admit(personas.cell_a2, full_name=f"Đỗ Văn {n}{i}")
        with CaptureQueriesContext(connection) as captured:
            client.post(url)
        counts.append(len(captured.captured_queries))
    # Each new code is one insert and its history row; nothing else grows with the cell.
    assert counts[1] - counts[0] <= 2 * 5 + 5 * 2


def test_the_office_list_filters_by_state_and_searches_without_accents(client, personas, newcomer):
    _issue(personas, newcomer)
    client.force_login(personas.secretary_a)
    response = client.get(reverse("accounts:member_accounts"), {"q": "pham van moi"})
    assert "Phạm Văn Mới" in response.content.decode()
    issued = client.get(reverse("accounts:member_accounts"), {"state": "code_issued"}).content.decode()
    active = client.get(reverse("accounts:member_accounts"), {"state": "active"}).content.decode()
    assert "Phạm Văn Mới" in issued and "Phạm Văn Mới" not in active
    assert "Nguyễn Văn An" in active
    export = client.get(reverse("accounts:member_accounts"), {"export": "csv"})
    assert "Phạm Văn Mới" in export.content.decode("utf-8-sig")


def test_the_cell_secretary_sees_their_cell_on_a_phone_page(client, personas, newcomer, django_assert_max_num_queries):
    client.force_login(personas.cell_secretary)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("accounts:cell_accounts"))
    html = response.content.decode()
    assert response.status_code == 200 and len(response.content) < 100_000
    assert "Phạm Văn Mới" in html and "2/3" in html
    home = client.get(reverse("portal:home")).content.decode()
    assert "2/3" in home


# --- Indicators and reminders -----------------------------------------------------------------------------


def _rates(personas, **options):
    from dangvu.indicators.registry import compute

    with override_settings(DANGVU_ACTIVATION_DENOMINATOR=options):
        return compute(
            organization=personas.committee,
            start=dt.date(2026, 1, 1),
            end=timezone.localdate(),
            codes=["portal.accounts_activated", "portal.accounts_activated_pct"],
        ) | compute(
            organization=personas.committee,
            start=dt.date(2026, 1, 1),
            end=timezone.localdate(),
            codes=["portal.accounts_expected"],
        )


def test_the_activation_share_counts_members_with_an_active_account(personas, newcomer):
    values = _rates(personas)
    # member_a, member_b, the cell secretary, the newcomer; accounts: member_a and the cell secretary.
    assert (values["portal.accounts_expected"], values["portal.accounts_activated"]) == (4, 2)
    assert str(values["portal.accounts_activated_pct"]) == "50.00"


def test_exempted_members_and_configured_organizations_leave_the_denominator(personas, newcomer):
    from dangvu.ratings.models import MemberRating, RatingSeason

    season = RatingSeason.objects.create(
        organization=personas.committee, year=timezone.localdate().year - 1, opened_on=dt.date(2025, 12, 1)
    )
    MemberRating.objects.create(
        season=season,
        member=newcomer,
        organization=personas.cell_a1,
        base_organization=personas.org_a,
        not_graded_reason="exempt",
    )
    assert _rates(personas)["portal.accounts_expected"] == 3
    assert _rates(personas, exclude_exempted=False)["portal.accounts_expected"] == 4
    assert _rates(personas, exclude_codes=["B"])["portal.accounts_expected"] == 2
    assert _rates(personas, exclude_kinds=["base_cell"])["portal.accounts_expected"] == 2


def test_the_reminder_finds_codes_unused_a_week_after_issue(personas, newcomer):
    from dangvu.accounts.reminders import activation_pending
    from dangvu.notifications.triggers import TRIGGERS

    _issue(personas, newcomer)
    week_later = timezone.localdate() + dt.timedelta(days=7)
    [occurrence] = list(activation_pending(week_later))
    assert occurrence.member_id == newcomer.pk and occurrence.organization_id == personas.cell_a1.pk
    assert occurrence.on == week_later
    assert list(activation_pending(week_later + dt.timedelta(days=1))) == []
    still_due = TRIGGERS["accounts.activation_pending"].still_due
    assert still_due(occurrence.key)
    code = ActivationCode.objects.get(member=newcomer)
    activation.activate(code=code, password="Hoa-Sen-2026!")
    assert not still_due(occurrence.key)


def test_the_cell_secretary_issues_the_codes_of_their_own_cell_only(client, personas, newcomer):
    client.force_login(personas.cell_secretary)
    own = client.post(reverse("accounts:issue_codes", kwargs={"pk": personas.cell_a1.pk}))
    assert own.status_code == 200 and "Phạm Văn Mới" in own.content.decode()
    assert ActivationCode.objects.get(member=newcomer).issued_by == personas.cell_secretary
    other = client.post(reverse("accounts:issue_codes", kwargs={"pk": personas.cell_a2.pk}))
    assert other.status_code == 403
    assert client.get(reverse("accounts:issue_codes", kwargs={"pk": personas.cell_a1.pk})).status_code == 405


def test_the_office_list_reads_a_page_in_a_fixed_number_of_queries(client, personas, django_assert_max_num_queries):
    for i in range(8):
        admit(personas.cell_a2, full_name=f"Hồ Văn {i}")
    activation.issue_activation_codes(cell=personas.cell_a2, by=personas.staff)
    client.force_login(personas.staff)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("accounts:member_accounts"), {"organization": personas.cell_a2.pk})
    html = response.content.decode()
    assert html.count("Hồ Văn") == 8 and 'id="issue-codes"' in html
    assert len(response.content) < 100_000


def test_the_activation_and_login_pages_tell_members_how_to_get_in(client):
    page = client.get(reverse("accounts:activate"))
    assert page.status_code == 200 and len(page.content) < 100_000
    assert "Mã kích hoạt" in page.content.decode()
    login = client.get(reverse("accounts:login")).content.decode()
    assert "số thẻ đảng" in login and reverse("accounts:activate") in login


def test_picking_members_by_a_bad_id_issues_nothing_and_never_fails(client, personas, newcomer):
    client.force_login(personas.staff)
    url = reverse("accounts:issue_codes", kwargs={"pk": personas.cell_a1.pk})
    response = client.post(url, {"member": ["abc", str(personas.member_b.pk)]})
    assert response.status_code == 200
    # "abc" is dropped and member_b is not of this cell: nobody of the cell was picked, no code is made.
    assert not ActivationCode.objects.exists()
    assert CODE_RE.search(response.content.decode()) is None


def test_the_office_list_shows_a_member_who_left_with_a_suspended_account(client, personas):
    member_event_record(
        member=personas.member_a, kind=EventKind.EXPELLED, by=None, on=dt.date(2026, 1, 5), document_no="9"
    )
    client.force_login(personas.staff)
    suspended = client.get(reverse("accounts:member_accounts"), {"state": "suspended"}).content.decode()
    active = client.get(reverse("accounts:member_accounts"), {"state": "active"}).content.decode()
    assert "Nguyễn Văn An" in suspended and "Nguyễn Văn An" not in active
    assert "Lê Thị Cúc" in active


def test_a_member_who_comes_back_from_outside_the_system_gets_the_account_back(personas):
    away = dict(transfer_mode="official", external_place="Đảng bộ tỉnh An Giang", document_no="1", by=None)
    member_event_record(member=personas.member_a, kind=EventKind.TRANSFERRED_OUT, on=dt.date(2026, 2, 1), **away)
    assert not User.objects.get(pk=personas.plain_member.pk).is_active
    member_event_record(
        member=personas.member_a,
        kind=EventKind.TRANSFERRED_IN,
        on=dt.date(2026, 6, 1),
        organization=personas.cell_a2,
        **away,
    )
    account = User.objects.get(pk=personas.plain_member.pk)
    assert account.is_active and account.member.organization == personas.cell_a2
    reasons = [h.history_change_reason for h in account.history.all()[:2]]
    assert reasons == ["member back in the registry", "member left the registry: transferred_away"]


def test_deleting_a_member_record_suspends_the_account_and_restoring_it_gives_it_back(personas):
    from dangvu.members.services import member_delete, member_restore

    member_delete(member=personas.member_a, by=personas.staff)
    account = User.objects.get(pk=personas.plain_member.pk)
    assert not account.is_active
    assert MemberAccountState.objects.get(user=account).suspended_because == "deleted"
    member_restore(member=personas.member_a, by=personas.staff)
    assert User.objects.get(pk=personas.plain_member.pk).is_active
