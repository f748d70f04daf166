import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from dangvu.notifications.models import Notification
from dangvu.notifications.tests.conftest import DAY, occurrences_for, rule

pytestmark = pytest.mark.django_db


def _run(*args):
    out, err = StringIO(), StringIO()
    call_command("send_reminders", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_json_prints_one_object_per_notification_and_a_second_run_prints_none(personas, register, locmem):
    register("test.cell", occurrences_for(personas.cell_a1))
    rule("test.cell", "cell_members")
    rule("nowhere.unregistered", "cell_members")
    out, err = _run("--on", DAY.isoformat(), "--format", "json")
    lines = [json.loads(line) for line in out.splitlines()]
    assert {line["recipient"] for line in lines} == {personas.plain_member.pk, personas.cell_secretary.pk}
    assert all({"rule", "recipient", "key", "channel", "title", "state"} <= set(line) for line in lines)
    assert lines[0]["key"].endswith(":x") and lines[0]["state"] == "new"
    assert "nowhere.unregistered" in err  # a rule whose trigger is not registered: warned, not raised
    again, _err = _run("--on", DAY.isoformat(), "--format", "json")
    assert again == ""
    assert Notification.objects.count() == 2


def test_the_text_summary_is_in_vietnamese(personas, register, locmem):
    register("test.cell", occurrences_for(personas.cell_a1))
    rule("test.cell", "cell_members")
    out, _err = _run("--on", DAY.isoformat())
    assert "2 thông báo mới" in out


def test_a_dry_run_prints_what_would_be_sent_and_writes_nothing(personas, register):
    register("test.cell", occurrences_for(personas.cell_a1))
    rule("test.cell", "cell_members")
    out, _err = _run("--on", DAY.isoformat(), "--dry-run", "--format", "json")
    assert [json.loads(line)["state"] for line in out.splitlines()] == ["would_send", "would_send"]
    assert not Notification.objects.exists()


def test_a_bad_date_is_a_one_line_error_with_exit_status_2():
    with pytest.raises(CommandError) as refused:
        call_command("send_reminders", "--on", "2026-02-30")
    assert refused.value.returncode == 2
    assert "YYYY-MM-DD" in str(refused.value) and "\n" not in str(refused.value)
    assert "Ngày không hợp lệ" in str(refused.value)


def test_without_a_date_the_days_missed_since_the_last_run_are_run_too(personas, register, locmem, monkeypatch):
    import datetime as dt

    from dangvu.notifications.models import Run

    register("test.cell", occurrences_for(personas.cell_a1, on_day=DAY - dt.timedelta(days=1)))
    rule("test.cell", "cell_secretary")
    Run.objects.create(day=DAY - dt.timedelta(days=3), finished_at="2026-05-07T06:00:00Z")
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a: DAY)
    _run()
    assert set(Run.objects.values_list("day", flat=True)) == {DAY - dt.timedelta(days=n) for n in range(4)}
    assert Notification.objects.get().occurrence_on == DAY - dt.timedelta(days=1)
