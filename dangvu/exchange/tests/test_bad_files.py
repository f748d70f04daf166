"""Bad files: each gets a clear Vietnamese message on the page, nothing is written, never an error page."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from dangvu.exchange.columns import MEMBER_COLUMNS
from dangvu.exchange.models import ImportJob
from dangvu.exchange.reading import FileProblem, open_table
from dangvu.exchange.services import import_members
from dangvu.exchange.tests.files import cp1258_bytes, csv_text, member_row, xlsx_bytes
from dangvu.members.models import Member

pytestmark = pytest.mark.django_db

VIETNAMESE_CSV = csv_text([member_row(full_name="Nguyễn Thị Hương Giang", sex="Nữ")])
# "Nguyễn Thị" in TCVN3 (ABC): the legacy 8-bit font encoding still found in old registers.
TCVN3_NAME = b"Nguy\xd6n Th\xdc H\xad\xacng"


def _million_empty_rows() -> bytes:
    """A workbook whose sheet declares a million empty rows after a few real ones."""
    out = io.BytesIO()
    out.write(xlsx_bytes([member_row()]))
    source = zipfile.ZipFile(io.BytesIO(out.getvalue()))
    target_bytes = io.BytesIO()
    with zipfile.ZipFile(target_bytes, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                empty = "".join(
                    f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t></t></is></c></row>' for n in range(6, 1_000_006)
                )
                data = data.replace(b"</sheetData>", empty.encode() + b"</sheetData>")
            target.writestr(item, data)
    return target_bytes.getvalue()


def _formula_workbook() -> bytes:
    out = io.BytesIO()
    workbook = Workbook()
    sheet = workbook.active
    headers = [c.label for c in MEMBER_COLUMNS if not c.export_only]
    sheet.append(headers)
    row = member_row()
    values = [row.get(c.key, "") for c in MEMBER_COLUMNS if not c.export_only]
    values[headers.index("Ngày sinh")] = "=DATE(1990,6,15)"
    sheet.append(values)
    workbook.save(out)
    return out.getvalue()


def upload(client, name: str, data: bytes, kind: str = "members"):
    return client.post(reverse("exchange:upload"), {"kind": kind, "file": SimpleUploadedFile(name, data)}, follow=True)


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        pytest.param("report.pdf", b"%PDF-1.4 ...", "Chỉ nhập được tệp Excel .xlsx hoặc tệp .csv", id="wrong-type"),
        pytest.param("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512, "Excel 97-2003", id="legacy-xls"),
        pytest.param("broken.xlsx", b"PK\x03\x04" + b"garbage" * 100, "bị hỏng", id="corrupt-xlsx"),
        pytest.param("renamed.xlsx", b"just some text", "không phải là tệp Excel", id="text-named-xlsx"),
        pytest.param("empty.csv", b"", "Tệp rỗng", id="empty"),
        pytest.param("binary.csv", b"\x00\x01\x02" * 100, "không phải là tệp văn bản", id="binary-csv"),
        pytest.param("cp1258.csv", cp1258_bytes(VIETNAMESE_CSV), "Windows-1258", id="windows-1258"),
        pytest.param(
            "tcvn3.csv",
            b"Ho va ten,Gioi tinh\n" + TCVN3_NAME + b",Nam\n",
            "TCVN3",
            id="tcvn3",
        ),
        pytest.param("giant.csv", csv_text([member_row(hometown="A" * 200_000)]).encode(), "ký tự", id="giant-cell"),
        pytest.param("no-header.xlsx", b"", "Tệp rỗng", id="empty-xlsx"),
    ],
)
def test_a_bad_file_is_refused_with_a_clear_message(client, personas, name, data, expected):
    client.force_login(personas.staff)
    before = Member.objects.count()
    response = upload(client, name, data)
    # Refused on upload (the form again, 400), or when its rows are read (the import page with the reason).
    assert response.status_code in (200, 400)
    assert expected in response.content.decode()
    assert Member.objects.count() == before
    assert all(job.state == "failed" for job in ImportJob.objects.all())


def test_formulas_in_cells_are_reported_per_cell(client, personas):
    client.force_login(personas.staff)
    response = upload(client, "formula.xlsx", _formula_workbook())
    page = response.content.decode()
    assert response.status_code == 200
    assert "công thức" in page and "=DATE(1990,6,15)" in page
    assert not Member.objects.filter(national_id="001090000111").exists()


def test_a_million_empty_rows_end_the_table_quickly(tmp_path, personas):
    path = tmp_path / "million.xlsx"
    path.write_bytes(_million_empty_rows())
    report = import_members(table=open_table(path, name="million.xlsx", columns=MEMBER_COLUMNS), by=None, commit=False)
    assert (report.rows, report.created, report.bad_rows) == (1, 1, 0)


def test_a_giant_cell_in_a_workbook_is_refused(tmp_path, personas):
    path = tmp_path / "giant.xlsx"
    path.write_bytes(xlsx_bytes([member_row(hometown="Xã " * 12_000)]))
    report = import_members(table=open_table(path, name="giant.xlsx", columns=MEMBER_COLUMNS), by=None, commit=True)
    assert "ký tự" in " ".join(report.lines()) and not report.committed
    assert not Member.objects.filter(national_id="001090000111").exists()


def test_a_long_cell_is_refused_with_the_column_limit(tmp_path, personas):
    path = tmp_path / "long.xlsx"
    path.write_bytes(xlsx_bytes([member_row(hometown="x" * 300)]))
    report = import_members(table=open_table(path, name="long.xlsx", columns=MEMBER_COLUMNS), by=None, commit=True)
    assert report.errors[0].column == "Quê quán" and "Tối đa 255 ký tự" in report.errors[0].message


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=4000), name=st.sampled_from(["f.csv", "f.xlsx"]))
def test_arbitrary_bytes_never_crash_the_importer(tmp_path, personas, data, name):
    path = tmp_path / name
    path.write_bytes(data)
    try:
        table = open_table(path, name=name, columns=MEMBER_COLUMNS)
    except FileProblem as problem:
        assert problem.message
        return
    report = import_members(table=table, by=None, commit=True)
    assert report.problem or report.errors or report.rows == 0 or report.committed


CELL = st.one_of(
    st.none(),
    st.text(max_size=40, alphabet=st.characters(blacklist_categories=("Cc", "Cs"))),
    st.integers(min_value=-(10**13), max_value=10**13),
    st.dates().map(lambda d: d.strftime("%d/%m/%Y")),
    st.from_regex(r"\d{1,2}/\d{1,2}/\d{4}", fullmatch=True),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cells=st.lists(st.dictionaries(st.sampled_from([c.key for c in MEMBER_COLUMNS]), CELL), max_size=5))
def test_arbitrary_rows_are_either_imported_whole_or_refused_with_reasons(tmp_path, personas, cells):
    before = Member.objects.count()
    rows = [{**member_row(national_id=None), **row} for row in cells]
    path = tmp_path / "fuzz.xlsx"
    path.write_bytes(xlsx_bytes(rows))
    report = import_members(table=open_table(path, name="fuzz.xlsx", columns=MEMBER_COLUMNS), by=None, commit=True)
    if report.committed:
        assert Member.objects.count() == before + report.created
    else:
        assert Member.objects.count() == before
        assert report.problem or all(e.row and e.message for e in report.errors)
