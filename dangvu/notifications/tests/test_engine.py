import datetime as dt

import pytest
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext

from dangvu.members.tests.factories import admit
from dangvu.notifications import engine, triggers
from dangvu.notifications.engine import run_day
from dangvu.notifications.models import Delivery, Digest, EmailState, Notification, Preference
from dangvu.notifications.tests.conftest import DAY, account, occurrences_for, rule
from dangvu.notifications.triggers import Occurrence

pytestmark = pytest.mark.django_db


def test_second_run_on_the_same_day_sends_nothing_new(personas, register, locmem):
    personas.plain_member.email = "an@example.vn"
    personas.plain_member.save()
    register("test.one", occurrences_for(personas.cell_a1, personas.member_a))
    rule("test.one", "member")
    first = run_day(DAY, codes=["test.one"])
    second = run_day(DAY, codes=["test.one"])
    assert (first.created, second.created) == (1, 0)
    assert second.already_sent == 1
    assert Notification.objects.count() == 1
    assert len(locmem) == 1


def test_the_database_refuses_a_second_row_with_the_same_key(personas, register):
    register("test.one", occurrences_for(personas.cell_a1, personas.member_a))
    rule("test.one", "member")
    run_day(DAY, codes=["test.one"])
    row = Notification.objects.get()
    with pytest.raises(IntegrityError), transaction.atomic():
        Notification.objects.create(
            rule=row.rule,
            recipient=row.recipient,
            occurrence_key=row.occurrence_key,
            occurrence_on=DAY,
            run_on=DAY,
            title="again",
            run_token="other",
        )


def test_two_runs_at_once_deliver_each_notification_once(personas, register, locmem):
    """Another run inserts the same rows between this run's checks and its insert: the constraint decides, and
    only the run that inserted a row delivers it."""
    personas.plain_member.email = "an@example.vn"
    personas.plain_member.save()
    competing = []
    started = []

    def still_due(key):
        if not started:
            started.append(True)
            competing.append(run_day(DAY, codes=["test.one"]))  # the other run, complete, at the worst moment
        return True

    register("test.one", occurrences_for(personas.cell_a1, personas.member_a), still_due=still_due)
    rule("test.one", "member")
    this = run_day(DAY, codes=["test.one"])
    assert competing[0].created == 1
    assert this.created == 0 and this.already_sent == 1
    assert Notification.objects.count() == 1
    assert len(locmem) == 1
    assert Delivery.objects.filter(channel="email").count() == 1


def test_a_failed_email_is_retried_later_without_a_second_notification(personas, register, settings, locmem):
    personas.plain_member.email = "an@example.vn"
    personas.plain_member.save()
    register("test.one", occurrences_for(personas.cell_a1, personas.member_a))
    rule("test.one", "member")
    settings.EMAIL_BACKEND = "dangvu.notifications.tests.conftest.FailingBackend"
    failed = run_day(DAY, codes=["test.one"])
    row = Notification.objects.get()
    assert failed.emails_failed == 1 and row.email_state == EmailState.FAILED
    assert Delivery.objects.get(channel="email").error.startswith("ConnectionRefusedError")
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    later = run_day(DAY + dt.timedelta(days=1), codes=["test.one"])
    assert later.retried == 1 and later.emails_sent == 1
    row.refresh_from_db()
    assert row.email_state == EmailState.SENT and row.email_attempts == 2
    assert Notification.objects.count() == 1
    assert len(locmem) == 1
    # the inbox, which succeeded, is not delivered again
    assert Delivery.objects.filter(channel="inbox").count() == 1
    assert list(Delivery.objects.filter(channel="email").order_by("pk").values_list("ok", flat=True)) == [False, True]
    assert run_day(DAY + dt.timedelta(days=2), codes=["test.one"]).retried == 0


def test_retries_stop_after_the_maximum_attempts(personas, register, settings):
    personas.plain_member.email = "an@example.vn"
    personas.plain_member.save()
    settings.NOTIFICATIONS_MAX_ATTEMPTS = 2
    settings.EMAIL_BACKEND = "dangvu.notifications.tests.conftest.FailingBackend"
    register("test.one", occurrences_for(personas.cell_a1, personas.member_a))
    rule("test.one", "member")
    run_day(DAY, codes=["test.one"])
    run_day(DAY, codes=["test.one"])
    assert Notification.objects.get().email_state == EmailState.GAVE_UP
    assert run_day(DAY, codes=["test.one"]).retried == 0


def test_an_email_left_half_sent_by_a_dead_run_is_sent_again(personas, register, locmem):
    personas.plain_member.email = "an@example.vn"
    personas.plain_member.save()
    register("test.one", occurrences_for(personas.cell_a1, personas.member_a))
    rule("test.one", "member")
    run_day(DAY, codes=["test.one"])
    Notification.objects.update(email_state=EmailState.SENDING, email_tried_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    assert run_day(DAY, codes=["test.one"]).retried == 1
    assert len(locmem) == 2


def test_an_occurrence_no_longer_due_is_not_sent(personas, register):
    register("test.one", occurrences_for(personas.cell_a1, personas.member_a), still_due=lambda key: False)
    rule("test.one", "member")
    report = run_day(DAY, codes=["test.one"])
    assert report.not_due == 1 and report.created == 0
    assert not Notification.objects.exists()


def test_a_rule_of_an_unknown_trigger_is_skipped_with_a_warning(personas, register):
    register("test.one", occurrences_for(personas.cell_a1, personas.member_a))
    rule("test.nowhere", "member")
    rule("test.one", "member")
    report = run_day(DAY, codes=["test.nowhere", "test.one"])
    assert any("test.nowhere" in w for w in report.warnings)
    assert report.created == 1


def test_a_negative_offset_sends_before_the_date_and_a_positive_one_after(personas, register):
    register("test.one", occurrences_for(personas.cell_a1, personas.member_a))
    before = rule("test.one", "member", offset=-3)
    after = rule("test.one", "member", offset=2)
    assert run_day(DAY - dt.timedelta(days=3), codes=["test.one"]).created == 1
    assert Notification.objects.get().rule == before
    assert run_day(DAY, codes=["test.one"]).created == 0
    assert run_day(DAY + dt.timedelta(days=2), codes=["test.one"]).created == 1
    assert Notification.objects.filter(rule=after).count() == 1


def _recipients(code):
    return set(Notification.objects.filter(rule__trigger=code).values_list("recipient__username", flat=True))


def test_cell_members_are_the_active_accounts_of_the_cell_members(personas, register):
    without_account = admit(personas.cell_a1, full_name="Phạm Văn Không")
    inactive = account(admit(personas.cell_a1, full_name="Võ Thị Nghỉ"), active=False, username="nghi")
    register("test.cell", occurrences_for(personas.cell_a1))
    rule("test.cell", "cell_members")
    run_day(DAY, codes=["test.cell"])
    assert _recipients("test.cell") == {"member_a", "cell_sec_a1"}
    assert inactive.username not in _recipients("test.cell") and without_account.pk


def test_the_cell_secretary_the_committee_and_the_higher_committee(personas, register):
    register("test.cell", occurrences_for(personas.cell_a1))
    rule("test.cell", "cell_secretary")
    run_day(DAY, codes=["test.cell"])
    assert _recipients("test.cell") == {"cell_sec_a1"}
    Notification.objects.all().delete()
    register("test.committee", occurrences_for(personas.cell_a1))
    rule("test.committee", "committee")
    register("test.higher", occurrences_for(personas.cell_a1))
    rule("test.higher", "higher_committee")
    run_day(DAY, codes=["test.committee", "test.higher"])
    # cell A1 has no keepers of its own: its committee is base organization A's, the higher one the top committee's
    assert _recipients("test.committee") == {"sec_a"}
    assert _recipients("test.higher") == {"staff"}


def test_the_member_audience_and_named_recipients(personas, register):
    register("test.member", occurrences_for(personas.cell_a1, personas.member_a))
    rule("test.member", "member")

    def named(anchor):
        yield Occurrence(key="n", on=anchor, title="t", organization_id=None, extra_recipient_ids=(personas.staff.pk,))

    register("test.named", named)
    rule("test.named", "named")
    run_day(DAY, codes=["test.member", "test.named"])
    assert _recipients("test.member") == {"member_a"}
    assert _recipients("test.named") == {"staff"}


def test_overdue_items_escalate_to_the_higher_committee(personas, register):
    register("test.missing", occurrences_for(personas.cell_a1))
    rule("test.missing", "cell_secretary", offset=1)
    rule("test.missing", "higher_committee", offset=10)
    run_day(DAY + dt.timedelta(days=1), codes=["test.missing"])
    assert _recipients("test.missing") == {"cell_sec_a1"}
    run_day(DAY + dt.timedelta(days=10), codes=["test.missing"])
    assert _recipients("test.missing") == {"cell_sec_a1", "staff"}


def test_a_rule_of_a_subtree_sends_only_there(personas, register):
    register("test.cell", occurrences_for(personas.org_b))
    rule("test.cell", "committee", organization=personas.org_a)
    assert run_day(DAY, codes=["test.cell"]).created == 0


def test_a_user_without_email_gets_the_inbox_even_for_an_email_rule(personas, register, locmem):
    register("test.one", occurrences_for(personas.cell_a1, personas.member_a))
    rule("test.one", "member", channel="email")
    run_day(DAY, codes=["test.one"])
    row = Notification.objects.get()
    assert row.in_inbox and row.email_state == EmailState.NONE and locmem == []


def test_the_digest_is_one_email_per_user_and_day(personas, register, locmem):
    personas.cell_secretary.email = "cuc@example.vn"
    personas.cell_secretary.save()
    Preference.objects.create(user=personas.cell_secretary, daily_digest=True)
    register("test.a", occurrences_for(personas.cell_a1, key="a"))
    register("test.b", occurrences_for(personas.cell_a1, key="b"))
    rule("test.a", "cell_secretary")
    rule("test.b", "cell_secretary")
    run_day(DAY, codes=["test.a", "test.b"])
    assert Notification.objects.filter(in_inbox=True).count() == 2
    assert len(locmem) == 1 and "Việc a" in locmem[0].body and "Việc b" in locmem[0].body
    run_day(DAY, codes=["test.a", "test.b"])
    assert len(locmem) == 1
    assert Digest.objects.get().state == EmailState.SENT


def test_a_dry_run_writes_nothing_and_sends_nothing(personas, register, locmem):
    personas.plain_member.email = "an@example.vn"
    personas.plain_member.save()
    register("test.one", occurrences_for(personas.cell_a1, personas.member_a))
    rule("test.one", "member")
    lines = []
    report = run_day(DAY, codes=["test.one"], dry_run=True, emit=lines.append)
    assert [line.state for line in lines] == ["would_send"]
    assert report.created == 0
    assert not Notification.objects.exists() and not Delivery.objects.exists() and locmem == []


def test_run_now_delivers_at_once_and_the_daily_run_skips_it(personas, register, locmem, monkeypatch):
    register("test.one", occurrences_for(personas.cell_a1, personas.member_a, on_day=DAY))
    rule("test.one", "member")
    later = rule("test.one", "member", offset=-1)  # due tomorrow: left to the daily run
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a: DAY - dt.timedelta(days=1))
    triggers.run_now("test.one", DAY)
    assert Notification.objects.count() == 1 and Notification.objects.get().rule == later
    assert run_day(DAY - dt.timedelta(days=1), codes=["test.one"]).created == 0


def _many(cell, count, prefix):
    def find(anchor):
        for i in range(count):
            yield Occurrence(key=f"{prefix}{i}", on=anchor, title="t", organization_id=cell.pk)

    return find


def test_queries_per_chunk_are_constant(personas, register, locmem):
    personas.cell_secretary.email = "cuc@example.vn"
    personas.cell_secretary.save()
    counts = {}
    for chunks in (1, 2, 4):
        code = f"test.q{chunks}"
        register(code, _many(personas.cell_a1, 10 * chunks, code))
        rule(code, "cell_members")
        with CaptureQueriesContext(connection) as queries:
            report = engine.run_day(DAY, codes=[code], chunk_size=10, retry=False, digests=False)
        assert report.created == 20 * chunks
        counts[chunks] = len(queries)
    per_chunk = counts[2] - counts[1]
    assert counts[4] - counts[2] == 2 * per_chunk
    assert per_chunk <= 10  # resolve once, then per batch of rows: insert, read back, log, e-mail states
