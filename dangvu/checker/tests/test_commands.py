"""check_report and repair_text from the command line."""

import io
import json

import pytest
from django.core.management import call_command
from django.utils import translation

from dangvu.checker.tests import builders


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


def test_json_output_is_a_list_of_findings_with_location_expected_found_and_message(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(builders.planted_text(), encoding="utf-8")
    code, out, _ = run("check_report", str(path), "--format", "json")
    findings = json.loads(out)
    assert code == 0
    assert len(findings) == len(builders.PLANTED)
    assert all({"location", "expected", "found", "message"} <= set(f) for f in findings)


def test_findings_are_written_in_vietnamese(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text("Hướng dẫn số 11-HD/TU ngày 31/4/2023 về kết nạp đảng viên.\n", encoding="utf-8")
    code, out, _ = run("check_report", str(path), "--format", "json")
    (finding,) = json.loads(out)
    assert finding["location"] == "đoạn 1 (dòng 1)"
    assert finding["message"] == "“31/4/2023” không phải là ngày có thật: tháng 4 không có ngày 31."


def test_the_exit_status_is_zero_when_it_ran_whatever_it_found(tmp_path):
    clean = tmp_path / "clean.txt"
    clean.write_text("Kết nạp 07 đảng viên mới.\n", encoding="utf-8")
    assert run("check_report", str(clean))[0] == 0
    code, out, _ = run("check_report", str(builders.require_examples() / "bao-cao-thang-4-2023.txt"))
    assert code == 0 and "Số lỗi phát hiện: 2" in out


@pytest.mark.parametrize("name", ["broken.docx", "broken.pdf", "missing.txt", "report.odt"])
def test_an_unreadable_file_gives_one_vietnamese_line_and_status_2(tmp_path, name):
    path = tmp_path / name
    if name != "missing.txt":
        path.write_bytes(b"this is not a report")
    code, out, err = run("check_report", str(path))
    assert code == 2 and out == ""
    assert err.strip().startswith("Không đọc được")
    assert len(err.strip().splitlines()) == 1


def test_repair_text_prints_the_repaired_text_and_flags_doubtful_headings(tmp_path):
    path = tmp_path / "old.txt"
    path.write_text("I  K T QUẢ C NG TÁC\n\nCông tác chính trị tƣ tƣởng\n", encoding="utf-8")
    code, out, err = run("repair_text", str(path))
    assert code == 0
    assert "Công tác chính trị tư tưởng" in out and "ƣ" not in out
    assert "I  K T QUẢ C NG TÁC" in out  # flagged, not guessed
    assert "Dòng 1 cần kiểm tra lại bằng tay" in err


def test_the_checker_and_repair_text_use_the_same_repair(tmp_path):
    path = tmp_path / "old.txt"
    path.write_text("Đảng bộ có 51.602/57.012 (đạt 90,5%) đảng viên tƣ tƣởng vững vàng.\n", encoding="utf-8")
    with translation.override("vi"):
        _, repaired, _ = run("repair_text", str(path))
        code, out, _ = run("check_report", str(path), "--format", "json")
    assert "tư tưởng" in repaired and json.loads(out) == []
