"""Hostile files are refused before parsing, and a parser that runs away is stopped (lib.untrusted_files)."""

import io
import random
import string
import time
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from dangvu.lib import untrusted_files
from dangvu.lib.tests import hostile
from dangvu.lib.untrusted_files import (
    CheckedImageField,
    FileRefused,
    inspect_docx,
    inspect_image,
    inspect_pdf,
    inspect_xlsx,
    inspect_zip,
    run_bounded,
)

MB = 1024 * 1024


def _file(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _allocate(megabytes: int) -> int:
    block = bytearray(megabytes * MB)
    return len(block)


def _sleep(seconds: float) -> str:
    time.sleep(seconds)
    return "woke"


def _fail() -> None:
    raise FileRefused("lý do của bộ đọc")


# --- the child process ---------------------------------------------------------------------------


def test_a_bounded_run_returns_the_parsers_result():
    assert run_bounded(_allocate, 8) == 8 * MB


@override_settings(DANGVU_FILE_MEMORY_LIMIT_MB=64)
def test_a_parser_that_allocates_beyond_the_memory_limit_is_stopped_with_a_vietnamese_message():
    with pytest.raises(FileRefused, match="cần hơn 64 MB bộ nhớ"):
        run_bounded(_allocate, 256)


@override_settings(DANGVU_FILE_TIME_LIMIT_S=1)
def test_a_parser_that_sleeps_past_the_time_limit_is_killed():
    started = time.monotonic()
    with pytest.raises(FileRefused, match="mất hơn 1 giây"):
        run_bounded(_sleep, 30)
    assert time.monotonic() - started < 10
    assert untrusted_files.last_run.exitcode is not None  # killed and reaped, not left running


def test_the_parsers_own_refusal_reaches_the_caller():
    with pytest.raises(FileRefused, match="lý do của bộ đọc"):
        run_bounded(_fail)


# --- workbooks -----------------------------------------------------------------------------------


def test_a_sheet_claiming_the_whole_grid_is_refused(tmp_path):
    path = _file(tmp_path, "grid.xlsx", hostile.xlsx_whole_grid())
    assert path.stat().st_size < 10_000
    with pytest.raises(FileRefused, match="khai báo 17.179.869.184 ô"):
        inspect_xlsx(path)


def test_cells_far_apart_are_measured_so_the_reader_streams_them(tmp_path):
    facts = inspect_xlsx(_file(tmp_path, "far.xlsx", hostile.xlsx_far_cells()))
    assert facts.largest_area == 1_048_576 * 16_384


def test_a_fifty_megabyte_shared_string_is_refused(tmp_path):
    with pytest.raises(FileRefused, match="Tệp bị từ chối"):
        inspect_xlsx(_file(tmp_path, "sst.xlsx", hostile.xlsx_giant_shared_string()))


@pytest.mark.parametrize("where", ["shared", "inline"])
def test_a_cell_longer_than_excel_allows_is_refused_even_when_it_compresses_badly(tmp_path, where):
    text = "".join(random.Random(1).choices(string.ascii_letters, k=100_000)).encode()
    if where == "shared":
        data = hostile._workbook_with_sheet(
            hostile._SHEET % (b"", b'<row r="1"><c r="A1" t="s"><v>0</v></c></row>'),
            b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>'
            + text
            + b"</t></si></sst>",
        )
    else:
        data = hostile._workbook_with_sheet(
            hostile._SHEET % (b"", b'<row r="1"><c r="A1" t="inlineStr"><is><t>' + text + b"</t></is></c></row>")
        )
    with pytest.raises(FileRefused, match="dài 100.000 ký tự"):
        inspect_xlsx(_file(tmp_path, "long.xlsx", data))


def test_formulas_are_noticed_by_the_inspection(tmp_path):
    sheet = hostile._SHEET % (b"", b'<row r="1"><c r="A1"><f>1+1</f><v>2</v></c></row>')
    assert inspect_xlsx(_file(tmp_path, "f.xlsx", hostile._workbook_with_sheet(sheet))).has_formulas


# --- zip archives and Word files -----------------------------------------------------------------


def test_a_docx_zip_bomb_is_refused_before_python_docx_sees_it(tmp_path):
    path = _file(tmp_path, "bomb.docx", hostile.docx_bomb())
    assert path.stat().st_size < 1 * MB
    with pytest.raises(FileRefused, match="bom zip"):
        inspect_docx(path)


@override_settings(DANGVU_FILE_MAX_ZIP_RATIO=100_000, DANGVU_FILE_MAX_UNCOMPRESSED_MB=100_000)
def test_with_the_zip_checks_off_the_memory_limit_still_stops_python_docx(tmp_path, settings):
    from dangvu.checker.extract import RefusedFile, read_document

    settings.DANGVU_FILE_MEMORY_LIMIT_MB = 96
    path = _file(tmp_path, "bomb.docx", hostile.docx_bomb(paragraphs=3_000_000))
    with pytest.raises(RefusedFile, match="cần hơn 96 MB bộ nhớ"):
        read_document(path)


def test_a_member_that_inflates_beyond_its_declared_size_is_refused(tmp_path):
    with pytest.raises(FileRefused, match="bị hỏng"):
        inspect_docx(_file(tmp_path, "lying.docx", hostile.docx_lying_size()))


@override_settings(DANGVU_FILE_MAX_ZIP_ENTRIES=50)
def test_an_archive_of_too_many_parts_is_refused(tmp_path):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for number in range(51):
            archive.writestr(f"part{number}.xml", b"<a/>")
    with pytest.raises(FileRefused, match="gồm 51 phần"):
        inspect_zip(_file(tmp_path, "many.docx", out.getvalue()))


def test_a_file_that_is_no_zip_is_refused_as_damaged(tmp_path):
    with pytest.raises(FileRefused, match="bị hỏng"):
        inspect_zip(_file(tmp_path, "x.docx", b"PK\x03\x04 not really"))


# --- PDF -----------------------------------------------------------------------------------------


def test_a_pdf_whose_stream_inflates_to_hundreds_of_megabytes_is_refused_quickly(tmp_path):
    path = _file(tmp_path, "bomb.pdf", hostile.pdf_bomb())
    started = time.monotonic()
    with pytest.raises(FileRefused, match="lớn hơn 128 MB"):
        inspect_pdf(path)
    assert time.monotonic() - started < 15


@override_settings(DANGVU_FILE_MAX_PDF_STREAM_MB=1)
def test_a_doubly_compressed_pdf_stream_is_counted_through(tmp_path):
    import zlib

    twice = zlib.compress(zlib.compress(b"\0" * (4 * MB), 9), 9)
    data = hostile.pdf_with_stream(twice, compress=False).replace(
        b"/Length", b"/Filter [/FlateDecode /FlateDecode] /Length", 1
    )
    with pytest.raises(FileRefused, match="lớn hơn 1 MB"):
        inspect_pdf(_file(tmp_path, "twice.pdf", data))


@override_settings(DANGVU_FILE_MAX_PDF_PAGES=5)
def test_a_pdf_of_too_many_pages_is_refused(tmp_path):
    with pytest.raises(FileRefused, match="có 6 trang"):
        inspect_pdf(_file(tmp_path, "pages.pdf", hostile.pdf_with_stream(b"BT ET", pages=6)))


def test_a_normal_pdf_passes_the_inspection(tmp_path):
    inspect_pdf(_file(tmp_path, "ok.pdf", hostile.pdf_with_stream(b"BT /F1 12 Tf (Xin chao) Tj ET", pages=3)))


# --- images --------------------------------------------------------------------------------------


def test_a_png_declaring_sixty_thousand_pixels_square_is_refused_from_its_header():
    with pytest.raises(FileRefused, match="hơn 40 triệu điểm ảnh"):
        inspect_image(io.BytesIO(hostile.png(60_000, 60_000)))


def test_an_image_just_above_the_setting_is_refused_too():
    with override_settings(DANGVU_FILE_MAX_IMAGE_PIXELS=1_000_000), pytest.raises(FileRefused):
        inspect_image(io.BytesIO(hostile.png(1001, 1000)))
    assert inspect_image(io.BytesIO(hostile.png(1000, 1000))) == (1000, 1000)


def test_the_photo_field_refuses_a_giant_image_before_pillow_decodes_it():
    from django import forms

    field = CheckedImageField()
    with pytest.raises(forms.ValidationError, match="điểm ảnh"):
        field.clean(SimpleUploadedFile("anh.png", hostile.png(60_000, 60_000), content_type="image/png"))


def test_the_member_form_uses_the_checked_photo_field():
    from dangvu.members.forms import MemberForm

    assert isinstance(MemberForm().fields["photo"], CheckedImageField)


@pytest.mark.parametrize(("length", "refused"), [(32_767, False), (32_768, True)])
def test_the_cell_length_limit_is_exact_wherever_the_cell_falls(tmp_path, length, refused):
    for padding in (0, 1_000, 17_000):
        cells = b'<row r="1"><c r="A1" t="inlineStr"><is><t>' + b"p" * padding + b"</t></is></c>"
        cells += b'<c r="B1" t="inlineStr"><is><t>' + "ế".encode() * length + b"</t></is></c></row>"
        path = _file(tmp_path, "edge.xlsx", hostile._workbook_with_sheet(hostile._SHEET % (b"", cells)))
        if refused:
            with pytest.raises(FileRefused, match="32.768 ký tự"):
                inspect_xlsx(path)
        else:
            inspect_xlsx(path)
