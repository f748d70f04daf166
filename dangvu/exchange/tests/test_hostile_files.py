"""Hostile workbooks and CSV files: refused with a Vietnamese message, the upload deleted, the worker alive."""

import random
import string

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from dangvu.exchange.columns import MEMBER_COLUMNS
from dangvu.exchange.models import ImportJob
from dangvu.exchange.reading import FileProblem, open_table
from dangvu.exchange.tests.files import csv_text, member_row, xlsx_bytes
from dangvu.lib.tests import hostile

HOSTILE_WORKBOOKS = {
    "whole-grid": (hostile.xlsx_whole_grid, "khai báo 17.179.869.184 ô"),
    "giant-shared-string": (hostile.xlsx_giant_shared_string, "Tệp bị từ chối"),
    "giant-inline-cell": (hostile.xlsx_giant_inline_cell, "Tệp bị từ chối"),
}


def _files_kept(settings) -> list:
    root = settings.MEDIA_ROOT / "imports"
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


@pytest.mark.django_db
@pytest.mark.parametrize("sample", list(HOSTILE_WORKBOOKS))
def test_a_hostile_workbook_upload_is_refused_and_the_file_deleted(client, personas, settings, sample):
    build, expected = HOSTILE_WORKBOOKS[sample]
    client.force_login(personas.staff)
    response = client.post(
        reverse("exchange:upload"), {"kind": "members", "file": SimpleUploadedFile(f"{sample}.xlsx", build())}
    )
    assert response.status_code == 400
    assert expected in response.content.decode()
    assert not ImportJob.objects.exists()
    assert _files_kept(settings) == []


def test_cells_far_apart_are_read_by_the_streaming_reader_within_the_limits(tmp_path):
    path = tmp_path / "far.xlsx"
    path.write_bytes(hostile.xlsx_far_cells())
    with pytest.raises(FileProblem, match="Không tìm thấy dòng tiêu đề"):
        open_table(path, name="far.xlsx", columns=MEMBER_COLUMNS)


def test_a_normal_workbook_is_read_through_the_child_process(tmp_path):
    path = tmp_path / "ok.xlsx"
    path.write_bytes(xlsx_bytes([member_row(), member_row(full_name="Trần Thị Hai", national_id="001090000112")]))
    table = open_table(path, name="ok.xlsx", columns=MEMBER_COLUMNS)
    rows = list(table.rows)
    table.close()
    assert [values[table.headers.index("Họ và tên")] for _number, values in rows] == ["Lê Văn Mới", "Trần Thị Hai"]


def test_a_giant_shared_string_that_compresses_badly_is_refused_by_its_length(tmp_path):
    text = "".join(random.Random(2).choices(string.ascii_letters, k=40_000)).encode()
    path = tmp_path / "long.xlsx"
    sheet = hostile._SHEET % (b"", b'<row r="1"><c r="A1" t="s"><v>0</v></c></row>')
    path.write_bytes(hostile._workbook_with_sheet(sheet, b"<sst><si><t>" + text + b"</t></si></sst>"))
    with pytest.raises(FileProblem, match="dài 40.000 ký tự"):
        open_table(path, name="long.xlsx", columns=MEMBER_COLUMNS)


def test_a_csv_cell_beyond_the_field_limit_is_refused_with_its_row(tmp_path):
    path = tmp_path / "giant.csv"
    path.write_text(csv_text([member_row(hometown="A" * 2_000_000)]), encoding="utf-8")
    with pytest.raises(FileProblem, match="Dòng 2 có một ô dài hơn 32.767 ký tự"):
        open_table(path, name="giant.csv", columns=MEMBER_COLUMNS)


def test_a_csv_row_of_too_many_columns_is_refused(tmp_path):
    path = tmp_path / "wide.csv"
    path.write_text(csv_text([member_row()]) + "," * 5_000 + "\n", encoding="utf-8")
    with pytest.raises(FileProblem, match="Dòng 3 có 5.001 cột"):
        open_table(path, name="wide.csv", columns=MEMBER_COLUMNS)


def test_a_workbook_that_is_not_a_zip_is_refused_as_damaged(tmp_path):
    path = tmp_path / "odd.xlsx"
    path.write_bytes(b"PK\x03\x04garbage")
    with pytest.raises(FileProblem, match="bị hỏng"):
        open_table(path, name="odd.xlsx", columns=MEMBER_COLUMNS)


@pytest.mark.django_db
def test_the_import_command_exits_2_on_a_hostile_file(tmp_path, capsys):
    path = tmp_path / "grid.xlsx"
    path.write_bytes(hostile.xlsx_whole_grid())
    with pytest.raises(SystemExit) as exit_code:
        call_command("import_members", str(path), "--dry-run")
    assert exit_code.value.code == 2
    assert "khai báo 17.179.869.184 ô" in capsys.readouterr().err
