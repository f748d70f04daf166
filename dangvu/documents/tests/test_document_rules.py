"""Document register rules, one row per rule with its source."""

import datetime as dt
import threading

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection

from dangvu.documents import rules
from dangvu.documents.models import Document
from dangvu.documents.selectors import documents_issued
from dangvu.documents.services import document_issue, document_receive, document_update, issuer_symbol_set

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 11, 22)


def issue(org, **over):
    data = {
        "organization": org,
        "type_code": "NQ",
        "issued_on": dt.date(2026, 3, 2),
        "subject": "Về công tác",
        "by": None,
    }
    data.update(over)
    return document_issue(today=TODAY, **data)


def test_numbers_run_per_issuing_body_type_and_year(personas):
    """HD 36 §1.3: "Số 07-NQ/ĐUK" — numbers restart each year and per type; the symbol is the issuing body's."""
    issuer_symbol_set(organization=personas.committee, symbol="ĐUK", by=None)
    first = issue(personas.committee)
    second = issue(personas.committee)
    other_type = issue(personas.committee, type_code="BC")
    next_year = issue(personas.committee, issued_on=dt.date(2025, 12, 30))
    other_body = issue(personas.org_a)
    assert [first.number_symbol, second.number_symbol] == ["01-NQ/ĐUK", "02-NQ/ĐUK"]
    assert other_type.number_symbol == "01-BC/ĐUK"
    assert next_year.number_symbol == "01-NQ/ĐUK" and next_year.year == 2025
    assert other_body.number_symbol == "01-NQ/A"


def test_a_deleted_document_keeps_its_number_taken(personas):
    from dangvu.documents.services import document_delete

    first = issue(personas.committee)
    document_delete(document=first, by=None)
    assert issue(personas.committee).number == 2


PNG = b"\x89PNG\r\n\x1a\n" + b"0" * 20
REFUSALS = [
    pytest.param({"type_code": "XX"}, "type_code", id="type-not-in-HD36-table"),
    pytest.param({"subject": "  "}, "subject", id="subject-line-required-HD36"),
    pytest.param({"issued_on": dt.date(2027, 1, 1)}, "issued_on", id="no-future-date"),
    pytest.param({"file": SimpleUploadedFile("x.exe", b"MZ")}, "file", id="file-kind-not-allowed"),
    pytest.param({"file": SimpleUploadedFile("x.pdf", PNG)}, "file", id="file-content-must-match-extension"),
]


@pytest.mark.parametrize(("over", "field"), REFUSALS)
def test_bad_issued_documents_are_refused_and_nothing_is_written(personas, over, field):
    with pytest.raises(ValidationError) as refused:
        issue(personas.committee, **over)
    assert field in refused.value.error_dict
    assert Document.all_objects.count() == 0


def test_a_file_over_the_limit_is_refused(personas, monkeypatch):
    monkeypatch.setattr("dangvu.documents.services.MAX_FILE_BYTES", 10)
    with pytest.raises(ValidationError) as refused:
        issue(personas.committee, file=SimpleUploadedFile("x.png", PNG))
    assert "file" in refused.value.error_dict


RECEIVE_REFUSALS = [
    pytest.param({"number_symbol": ""}, "number_symbol", id="number-required"),
    pytest.param({"number_symbol": "22-KH/TU"}, "number_symbol", id="number-carries-the-type-HD36"),
    pytest.param({"received_on": dt.date(2026, 1, 1)}, "received_on", id="received-after-issued"),
    pytest.param({"sender": ""}, "sender", id="issuing-body-required"),
]


@pytest.mark.parametrize(("over", "field"), RECEIVE_REFUSALS)
def test_bad_received_documents_are_refused(personas, over, field):
    data = {
        "organization": personas.committee,
        "type_code": "NQ",
        "number_symbol": "22-NQ/TU",
        "issued_on": dt.date(2026, 2, 1),
        "received_on": dt.date(2026, 2, 3),
        "sender": "Tỉnh ủy",
        "subject": "Về phát triển đảng viên",
        "by": None,
        "today": TODAY,
    }
    data.update(over)
    with pytest.raises(ValidationError) as refused:
        document_receive(**data)
    assert field in refused.value.error_dict


def test_an_issued_document_implements_a_received_one_dated_before_it(personas):
    received = document_receive(
        organization=personas.committee,
        type_code="NQ",
        number_symbol="22-NQ/TU",
        issued_on=dt.date(2026, 2, 1),
        received_on=dt.date(2026, 2, 3),
        sender="Tỉnh ủy",
        subject="Về phát triển đảng viên",
        by=None,
        today=TODAY,
    )
    plan = issue(personas.committee, type_code="KH", implements=received)
    assert list(received.implemented_by.all()) == [plan]
    with pytest.raises(ValidationError):
        issue(personas.committee, type_code="KH", implements=received, issued_on=dt.date(2026, 1, 5))
    with pytest.raises(ValidationError):
        document_update(document=plan, by=None, data={"implements": plan}, today=TODAY)


def test_documents_issued_selects_the_period_of_one_issuing_body(personas):
    inside = issue(personas.committee, issued_on=dt.date(2026, 6, 30))
    issue(personas.committee, issued_on=dt.date(2026, 7, 1))
    issue(personas.org_a, issued_on=dt.date(2026, 6, 1))
    found = documents_issued(organization=personas.committee, start=dt.date(2026, 1, 1), end=dt.date(2026, 6, 30))
    assert list(found) == [inside]


def test_unconfirmed_symbols_are_marked_as_data():
    """RULES.md §7: CTr and QC are unconfirmed; the table says so and the choices show it."""
    unconfirmed = {t.code for t in rules.DOCUMENT_TYPES if not t.confirmed}
    assert unconfirmed == {"CTr", "QC"}
    assert dict(rules.type_choices())["QC"].endswith("*")


@pytest.mark.django_db(transaction=True)
def test_two_users_at_once_never_get_the_same_number(personas):
    """The counter row is locked (SELECT … FOR UPDATE) on PostgreSQL; SQLite serialises writers itself
    (transaction_mode IMMEDIATE in the settings), and its in-memory test database is not shared by threads."""
    if connection.vendor != "postgresql":
        pytest.skip("row locks are exercised on PostgreSQL")
    numbers, errors = [], []

    def take():
        try:
            numbers.append(issue(personas.committee).number)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=take) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert sorted(numbers) == [1, 2, 3, 4]
