"""Member import: the dry run's counts and row-by-row reasons, all-or-nothing commits, idempotent re-imports."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.utils import translation

from dangvu.exchange.columns import MEMBER_COLUMNS
from dangvu.exchange.reading import open_table
from dangvu.exchange.services import import_members
from dangvu.exchange.tests.files import csv_text, member_row, xlsx_bytes
from dangvu.members.models import EventKind, Member, MemberEvent, Status

# The personas are built once for the module (conftest.py `module_db`).
pytestmark = [pytest.mark.django_db, pytest.mark.shared_setup]
TODAY = dt.date(2026, 11, 22)


@pytest.fixture(autouse=True)
def _vietnamese():
    with translation.override("vi"):
        yield


def run(tmp_path, rows, *, commit=False, by=None, name="members.xlsx", data=None):
    path = tmp_path / name
    path.write_bytes(data if data is not None else xlsx_bytes(rows))
    table = open_table(path, name=name, columns=MEMBER_COLUMNS)
    return import_members(table=table, by=by, commit=commit, today=TODAY)


def test_a_dry_run_counts_rows_and_writes_nothing(tmp_path, personas):
    rows = [
        member_row(),
        member_row(full_name="Trần Thị Hoa", sex="Nữ", national_id="001190000222", organization="A2"),
        member_row(
            full_name=personas.member_a.full_name,
            national_id=personas.member_a.national_id,
            admitted_on="02/03/2020",
            date_of_birth="15/06/1985",
        ),
    ]
    report = run(tmp_path, rows)
    assert (report.rows, report.created, report.updated, report.skipped) == (3, 2, 0, 1)
    assert report.ok and not report.committed
    assert Member.objects.count() == 3  # the personas' members only


def test_a_commit_creates_members_with_their_history_through_the_timeline(tmp_path, personas):
    report = run(tmp_path, [member_row()], commit=True, by=personas.secretary_a)
    assert report.committed and report.created == 1
    member = Member.objects.get(national_id="001090000111")
    assert member.status == Status.FULL
    assert member.organization == personas.cell_a1
    assert member.admitted_on == dt.date(2021, 3, 2)
    assert list(member.events.values_list("kind", flat=True)) == [EventKind.ADMITTED, EventKind.MADE_FULL]
    assert member.spells.count() == 2  # probationary, then full
    assert member.history.first().history_user == personas.secretary_a
    assert member.search_text.startswith("le van moi")
    event_history = MemberEvent.history.filter(id__in=member.events.values("pk"))
    assert [h.history_type for h in event_history] == ["+", "+"]


def test_an_imported_member_equals_one_created_through_the_member_service(tmp_path, personas):
    """The bulk path derives exactly what members.services.member_create derives from the same history."""
    from dangvu.members.services import member_create, member_event_record

    run(tmp_path, [member_row()], commit=True)
    imported = Member.objects.get(national_id="001090000111")
    created = member_create(
        by=None,
        data={"full_name": "Lê Văn Mới", "sex": "male", "date_of_birth": dt.date(1990, 6, 15), "religion": "Không"},
        first_event={
            "kind": EventKind.ADMITTED,
            "on": dt.date(2021, 3, 2),
            "organization": personas.cell_a1,
            "document_no": "15-QĐ/ĐU",
            "ceremony_on": dt.date(2021, 3, 10),
        },
    )
    member_event_record(
        member=created, kind=EventKind.MADE_FULL, on=dt.date(2022, 3, 15), document_no="30-QĐ/ĐU", by=None
    )
    created.refresh_from_db()
    derived = (
        "status",
        "organization_id",
        "last_organization_id",
        "admitted_on",
        "probation_ends_on",
        "seniority_base_on",
        "next_badge_years",
        "next_badge_on",
        "sort_key",
        "is_ethnic_minority",
    )
    assert [getattr(imported, f) for f in derived] == [getattr(created, f) for f in derived]
    spells = lambda m: list(m.spells.values_list("organization_id", "start", "end", "probationary"))  # noqa: E731
    assert spells(imported) == spells(created)


def test_a_member_admitted_elsewhere_arrives_by_transfer(tmp_path, personas):
    row = member_row(admitted_elsewhere="Đảng bộ huyện Châu Thành", arrived_on="01/02/2024", arrival_document_no="5-CV")
    report = run(tmp_path, [row], commit=True)
    assert report.ok, report.lines()
    member = Member.objects.get(national_id="001090000111")
    assert member.organization == personas.cell_a1
    assert member.spells.first().start == dt.date(2024, 2, 1)


def test_reimporting_the_same_file_changes_nothing(tmp_path, personas):
    rows = [member_row(), member_row(full_name="Đỗ Thị Lan", sex="Nữ", national_id=None, card_number="01234567")]
    first = run(tmp_path, rows, commit=True)
    assert first.created == 2
    events = MemberEvent.objects.count()
    history = Member.history.count()
    again = run(tmp_path, rows, commit=True)
    assert (again.created, again.updated, again.skipped) == (0, 0, 2)
    assert MemberEvent.objects.count() == events and Member.history.count() == history


def test_a_changed_personal_field_updates_the_member_through_the_service(tmp_path, personas):
    row = member_row(full_name=personas.member_a.full_name, national_id=personas.member_a.national_id)
    row["phone"] = "0913 456 789"
    row["organization"] = "A1"
    row["admitted_on"] = "02/03/2020"
    report = run(tmp_path, [row], commit=True, by=personas.staff)
    assert (report.updated, report.created) == (1, 0), report.lines()
    personas.member_a.refresh_from_db()
    assert personas.member_a.phone == "0913 456 789"
    assert personas.member_a.history.first().history_user == personas.staff


@pytest.mark.parametrize(
    ("values", "column", "reason"),
    [
        pytest.param({"date_of_birth": "31/02/1990"}, "Ngày sinh", "không có thật", id="impossible-date"),
        pytest.param({"date_of_birth": "1990/31/31"}, "Ngày sinh", "ngày/tháng/năm", id="not-a-date"),
        pytest.param({"organization": "ZZ9"}, "Mã chi bộ", "ZZ9", id="unknown-organization"),
        pytest.param({"organization": "A"}, "Mã chi bộ", "A", id="not-a-cell"),
        pytest.param({"national_id": "001085000002"}, "Số căn cước", "ngoài phạm vi", id="national-id-of-another-tree"),
        pytest.param({"national_id": "12345"}, "Số căn cước", "12 chữ số", id="national-id-format"),
        pytest.param({"card_number": "1234"}, "Số thẻ đảng viên", "8 chữ số", id="card-format"),
        pytest.param({"sex": "Khác"}, "Giới tính", "Nam, Nữ", id="unknown-sex"),
        pytest.param(
            {"made_full_on": "01/01/2021"},
            "Ngày quyết định công nhận đảng viên chính thức",
            "chưa có sự kiện kết nạp",
            id="full-before-admission",
        ),
        pytest.param(
            {"made_full_on": "01/06/2021"},
            "Ngày quyết định công nhận đảng viên chính thức",
            "dự bị kéo dài đến",
            id="full-before-probation-ends",
        ),
        pytest.param({"date_of_birth": "15/06/2008"}, "Ngày quyết định kết nạp", "18", id="too-young"),
        pytest.param({"date_of_birth": "15/06/1950"}, "Ngày quyết định kết nạp", "60", id="too-old"),
        pytest.param({"date_of_birth": "15/06/1890"}, "Ngày sinh", "1900", id="age-out-of-range"),
        pytest.param({"admitted_on": "01/01/2030"}, "Ngày quyết định kết nạp", "tương lai", id="future"),
        pytest.param(
            {"ceremony_on": "01/01/2021"}, "Ngày lễ kết nạp", "không thể trước", id="ceremony-before-decision"
        ),
        pytest.param({"full_name": ""}, "Họ và tên", "phải điền", id="missing-name"),
        pytest.param(
            {"arrived_on": "01/01/2024"}, "Nơi kết nạp (ngoài Đảng bộ)", "nơi kết nạp", id="arrival-without-origin"
        ),
    ],
)
def test_a_bad_row_is_reported_with_its_row_column_and_reason(tmp_path, personas, values, column, reason):
    second = member_row(**{"national_id": "001090000999", "full_name": "Phan Văn Sai", **values})
    report = run(tmp_path, [member_row(), second], by=personas.secretary_a)
    assert report.bad_rows == 1
    error = report.errors[0]
    assert error.row == 6  # title, date, blank line, header, first row
    assert error.column.lower() == column.lower()
    assert reason in error.message


def test_duplicates_inside_the_file_name_the_first_row(tmp_path, personas):
    rows = [member_row(), member_row(full_name="Người Trùng")]
    report = run(tmp_path, rows)
    assert [e.line() for e in report.errors] == [
        "dòng 6, cột “Số căn cước”: 001090000111 cũng có ở dòng 5 của tệp này."
    ]


def test_one_bad_row_means_nothing_is_written(tmp_path, personas):
    rows = [member_row(), member_row(national_id="001090000999", full_name="Sai Ngày", date_of_birth="30/02/1991")]
    report = run(tmp_path, rows, commit=True)
    assert not report.committed
    assert not Member.objects.filter(national_id="001090000111").exists()


def test_a_secretary_cannot_import_into_another_base_organization(tmp_path, personas):
    report = run(tmp_path, [member_row(organization="B")], by=personas.secretary_a)
    assert report.errors[0].column == "Mã chi bộ"


def test_the_command_exits_non_zero_and_names_each_bad_row(tmp_path, personas, capsys):
    path = tmp_path / "members.xlsx"
    path.write_bytes(xlsx_bytes([member_row(), member_row(national_id="001090000999", date_of_birth="31/02/1990")]))
    with pytest.raises(SystemExit) as exit_code:
        call_command("import_members", str(path), "--dry-run")
    assert exit_code.value.code == 1
    err = capsys.readouterr().err
    assert "dòng 6" in err and "31/02/1990" in err
    assert not Member.objects.filter(national_id="001090000111").exists()


def test_the_command_imports_a_clean_file(tmp_path, personas, capsys):
    path = tmp_path / "members.csv"
    path.write_text(csv_text([member_row()]), encoding="utf-8")
    call_command("import_members", str(path))
    assert Member.objects.filter(national_id="001090000111").exists()
    assert "1 dòng" in capsys.readouterr().out


def test_leading_zeros_dropped_by_a_spreadsheet_are_restored(tmp_path, personas):
    report = run(tmp_path, [member_row(national_id=1090000111)], commit=True)
    assert report.ok, report.lines()
    assert Member.objects.filter(national_id="001090000111").exists()
