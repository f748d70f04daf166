import datetime as dt

import pytest

from dangvu.accounts.models import Role, User
from dangvu.lib import bulk
from dangvu.workcalendar.models import PublicHoliday

pytestmark = pytest.mark.django_db
YEAR = 2041


def _holidays(n: int) -> list[PublicHoliday]:
    return [PublicHoliday(on=dt.date(YEAR, 1, 1) + dt.timedelta(days=i), name=f"Ngày {i}") for i in range(n)]


def _written():
    return PublicHoliday.objects.filter(on__year=YEAR)


def _history():
    return PublicHoliday.history.filter(on__year=YEAR)


@pytest.fixture
def staff():
    return User.objects.create_user(username="bulk_staff", password="pw", role=Role.COMMITTEE_STAFF)


def test_create_writes_every_row_when_they_span_several_batches():
    created = bulk.create(PublicHoliday, _holidays(7), batch_size=3)
    assert len(created) == 7 == _written().count()
    assert not _history().exists()


def test_create_with_history_writes_one_created_history_row_per_object_by_the_user(staff):
    bulk.create(PublicHoliday, _holidays(5), batch_size=2, history=True, by=staff)
    rows = list(_history())
    assert len(rows) == 5
    assert {(r.history_type, r.history_user_id) for r in rows} == {("+", staff.pk)}
    assert {r.id for r in rows} == set(_written().values_list("pk", flat=True))


def test_insert_with_ids_and_history_matches_what_create_with_history_writes(staff):
    objs = _holidays(4)
    bulk.assign_ids(PublicHoliday, objs)
    bulk.insert(PublicHoliday, objs, with_ids=True, history=True, by=staff)
    assert sorted(_written().values_list("pk", "name")) == sorted((o.pk, o.name) for o in objs)
    rows = list(_history())
    assert sorted(r.id for r in rows) == sorted(o.pk for o in objs)
    assert {(r.history_type, r.history_user_id, r.history_change_reason) for r in rows} == {("+", staff.pk, None)}


def test_insert_resets_the_sequence_so_the_next_ordinary_save_gets_a_free_key():
    objs = _holidays(3)
    bulk.assign_ids(PublicHoliday, objs)
    bulk.insert(PublicHoliday, objs, with_ids=True)
    later = PublicHoliday.objects.create(on=dt.date(YEAR, 12, 31), name="Sau")
    assert later.pk > max(o.pk for o in objs)


def test_insert_without_history_writes_no_history_row():
    bulk.insert(PublicHoliday, _holidays(3), with_ids=False)
    assert _written().count() == 3
    assert not _history().exists()


def test_execute_sends_every_row_in_batches_and_counts_them():
    table = PublicHoliday._meta.db_table
    rows = [(dt.date(YEAR, 2, day), f"Ngày {day}") for day in range(1, 8)]
    assert bulk.execute(table, ["on", "name"], iter(rows), batch_size=3) == 7
    assert bulk.execute(table, ["on", "name"], [], batch_size=3) == 0
    assert _written().count() == 7


def test_insert_rows_and_insert_tuples_write_the_given_columns():
    assert bulk.insert_rows(PublicHoliday, [{"on": dt.date(YEAR, 3, 1), "name": "Một"}], batch_size=1) == 1
    assert bulk.insert_tuples(PublicHoliday, ("on", "name"), [(f"{YEAR}-03-02", "Hai")], batch_size=1) == 1
    assert list(_written().values_list("on", "name")) == [(dt.date(YEAR, 3, 1), "Một"), (dt.date(YEAR, 3, 2), "Hai")]
