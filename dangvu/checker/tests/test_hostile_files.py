"""Hostile reports (zip bomb .docx, FlateDecode bomb .pdf) are refused; a runaway reader is stopped."""

import io
import tempfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse

from dangvu.checker.extract import RefusedFile, UnreadableFile, read_document
from dangvu.checker.tests import builders
from dangvu.lib.tests import hostile


@pytest.fixture(autouse=True)
def catalogue():
    builders.ensure_catalogue()


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command(*args, stdout=out, stderr=err)
        code = 0
    except SystemExit as exit:
        code = exit.code
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize(
    ("name", "build", "expected"),
    [
        ("bomb.docx", hostile.docx_bomb, "bom zip"),
        ("bomb.pdf", hostile.pdf_bomb, "lớn hơn 128 MB"),
    ],
)
@pytest.mark.parametrize("command", ["check_report", "repair_text"])
def test_the_commands_refuse_a_hostile_report_with_exit_2_and_the_reason(tmp_path, command, name, build, expected):
    path = tmp_path / name
    path.write_bytes(build())
    code, out, err = run(command, str(path))
    assert code == 2
    assert "Không đọc được" in err and expected in err
    assert out == ""


@override_settings(DANGVU_FILE_MEMORY_LIMIT_MB=64, DANGVU_FILE_MAX_PDF_STREAM_MB=1024)
def test_with_the_stream_check_off_the_memory_limit_stops_pdfminer(tmp_path):
    path = tmp_path / "bomb.pdf"
    path.write_bytes(hostile.pdf_bomb())
    with pytest.raises(RefusedFile, match="cần hơn 64 MB bộ nhớ"):
        read_document(path)


@override_settings(DANGVU_FILE_TIME_LIMIT_S=1)
def test_a_report_that_takes_too_long_to_read_is_stopped(tmp_path, monkeypatch):
    import time

    from dangvu.checker import extract

    monkeypatch.setattr(extract, "read_txt", lambda path, name: time.sleep(30))
    path = tmp_path / "slow.txt"
    path.write_text("Báo cáo\n", encoding="utf-8")
    with pytest.raises(RefusedFile, match="mất hơn 1 giây"):
        read_document(path)


def test_the_example_reports_are_still_read_in_the_child(tmp_path):
    for name, data in (("bao-cao.docx", builders.planted_docx()), ("bao-cao.pdf", builders.planted_pdf())):
        path = tmp_path / name
        path.write_bytes(data)
        document = read_document(path)
        assert document.paragraphs and document.tables


def test_a_missing_file_stays_an_unreadable_file(tmp_path):
    with pytest.raises(UnreadableFile):
        read_document(tmp_path / "none.docx")


@pytest.mark.django_db
@pytest.mark.urls("dangvu.checker.tests.urls")
def test_the_upload_page_refuses_a_zip_bomb_and_keeps_no_copy(client, personas):
    client.force_login(personas.staff)
    before = set(Path(tempfile.gettempdir()).glob("*.docx"))
    response = client.post(reverse("checker:check"), {"report": SimpleUploadedFile("bomb.docx", hostile.docx_bomb())})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Không đọc được “bomb.docx”" in page and "bom zip" in page
    assert set(Path(tempfile.gettempdir()).glob("*.docx")) == before
