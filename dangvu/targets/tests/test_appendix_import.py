"""A past report's appendix becomes the hand-entered history of a term's targets (issue 6 §5)."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from docx import Document

from dangvu.targets.history_import import appendix_import, parse_appendix
from dangvu.targets.models import ManualActual, Target

pytestmark = pytest.mark.django_db

ROWS = [
    [
        "STT",
        "Nội dung",
        "Đơn vị tính",
        "Chỉ tiêu Nghị quyết",
        "Năm 2020",
        "Năm 2021",
        "Năm 2022",
        "Thực hiện",
        "% so với chỉ tiêu",
        "Ghi chú",
    ],
    ["I", "Công tác xây dựng Đảng về tổ chức", "", "", "", "", "", "", "", ""],
    ["1", "Kết nạp đảng viên mới", "đảng viên", "1.250", "310", "296", "281", "887", "70,96", "Chưa đạt"],
    [
        "2",
        "Tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên",
        "%",
        "85",
        "86,5",
        "88,0",
        "87,2",
        "87,23",
        "102,62",
        "Vượt",
    ],
    ["II", "Công tác kiểm tra, giám sát", "", "", "", "", "", "", "", ""],
    ["3", "Tỷ lệ đảng viên được kiểm tra, giám sát", "%", "30", "33", "35", "34", "34", "113,33", "Vượt"],
]


def _docx(tmp_path):
    document = Document()
    document.add_paragraph("PHỤ LỤC")
    table = document.add_table(rows=len(ROWS), cols=len(ROWS[0]))
    for r, values in enumerate(ROWS):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    path = tmp_path / "so-ket-giua-nhiem-ky.docx"
    document.save(path)
    return path


def test_the_appendix_rows_are_read_with_their_yearly_figures(tmp_path):
    preview = parse_appendix(_docx(tmp_path))
    assert preview.years == [2020, 2021, 2022]
    rows = {r.content: r for r in preview.rows}
    admitted = rows["Kết nạp đảng viên mới"]
    assert (admitted.unit, admitted.target, admitted.yearly) == (
        "đảng viên",
        "1250",
        {"2020": "310", "2021": "296", "2022": "281"},
    )
    assert rows["Tỷ lệ đảng viên được kiểm tra, giám sát"].group == "inspection"
    assert len(preview.rows) == 3  # the group headings are not targets


def test_importing_creates_the_term_targets_and_actuals_and_a_second_import_changes_nothing(tmp_path, personas):
    preview = parse_appendix(_docx(tmp_path))
    term = appendix_import(
        organization=personas.committee,
        start_year=2020,
        end_year=2025,
        preview=preview,
        source="Báo cáo sơ kết",
        by=personas.staff,
    )
    assert term.targets.count() == 3
    target = Target.objects.get(content="Kết nạp đảng viên mới")
    assert target.variants.get(kind="resolution").value == Decimal(1250)
    assert {a.year: a.value for a in target.manual_actuals.all()} == {2020: 310, 2021: 296, 2022: 281}
    appendix_import(
        organization=personas.committee,
        start_year=2020,
        end_year=2025,
        preview=preview,
        source="Báo cáo sơ kết",
        by=personas.staff,
    )
    assert Target.objects.count() == 3 and ManualActual.objects.count() == 9


def test_years_outside_the_term_are_refused(tmp_path, personas):
    preview = parse_appendix(_docx(tmp_path))
    with pytest.raises(ValidationError):
        appendix_import(
            organization=personas.committee, start_year=2021, end_year=2025, preview=preview, source="", by=None
        )


def test_a_document_without_an_appendix_is_refused_with_a_message(tmp_path):
    path = tmp_path / "baocao.txt"
    path.write_text("Báo cáo không có bảng.", encoding="utf-8")
    with pytest.raises(ValidationError) as error:
        parse_appendix(path)
    assert "file" in error.value.message_dict


def test_the_screen_previews_then_imports(client, personas, tmp_path):
    client.force_login(personas.staff)
    data = _docx(tmp_path).read_bytes()
    response = client.post(
        reverse("targets:import"),
        {"file": SimpleUploadedFile("phu-luc.docx", data), "start_year": 2020, "end_year": 2025},
    )
    assert response.status_code == 200 and response.context["preview"] is not None
    assert Target.objects.count() == 0
    response = client.post(reverse("targets:import_confirm"))
    assert response.status_code == 302 and Target.objects.count() == 3
