"""`dues_quote`: the amount of one month and the rule that gave it, as JSON or a line; bad input gets one
Vietnamese line and exit status 2."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from dangvu.dues import rules


def _quote(*args) -> dict:
    out = StringIO()
    call_command("dues_quote", *args, "--format", "json", stdout=out)
    return json.loads(out.getvalue())


@pytest.mark.parametrize(
    ("args", "amount", "rule"),
    [
        (["--on", "2025-06-01", "--category", "insured", "--base", "8000000"], 80_000, rules.QD_342),
        (["--on", "2025-06-01", "--category", "other", "--birth", "1950-01-01"], 2_500, rules.QD_342),
        (["--on", "2026-02-01", "--category", "other", "--region", "1", "--birth", "1990-01-01"], 15_930, rules.QD_01),
        (["--on", "2026-02-01", "--category", "pensioner", "--base", "6.000.000"], 30_000, rules.QD_01),
        (["--on", "2026-02-01", "--category", "student"], 5_000, rules.QD_01),
        (["--on", "2026-02-01", "--category", "benefit", "--base", "4500000"], 45_000, rules.QD_01),
        (["--on", "2028-01-01", "--category", "other", "--region", "2"], 23_650, rules.QD_01_2028),
        (
            ["--on", "2028-01-01", "--category", "other", "--region", "1", "--birth", "1960-01-01", "--sex", "female"],
            15_930,
            rules.QD_01_2028,
        ),
    ],
)
def test_the_quote_prints_the_amount_in_dong_and_the_rule(args, amount, rule):
    result = _quote(*args)
    assert (result["amount"], result["rule"]) == (amount, rule)
    assert result["explanation"]


def test_the_text_format_is_one_line_in_vietnamese():
    out = StringIO()
    call_command("dues_quote", "--on", "2026-03-01", "--category", "insured", "--base", "10000000", stdout=out)
    assert out.getvalue().strip() == (
        "100.000 đ — QĐ 01-QĐ/TW (2026): 1% tiền lương làm căn cứ đóng BHXH tháng trước là 10.000.000 đ"
    )


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--on", "2026-13-01", "--category", "insured"], "Ngày không hợp lệ"),
        (["--on", "2026-03-01", "--category", "farmer"], "Không có loại"),
        (["--on", "2026-03-01", "--category", "abroad", "--base", "1"], "Không có loại"),
        (["--on", "2026-03-01", "--category", "insured"], "mức căn cứ"),
        (["--on", "2026-03-01", "--category", "insured", "--base", "mười"], "Số không hợp lệ"),
        (["--on", "2026-03-01", "--category", "other", "--region", "7"], "Vùng lương tối thiểu"),
        (["--on", "2026-03-01", "--category", "other"], "cho biết vùng"),
        (["--on", "2026-03-01", "--category", "other", "--region", "1", "--birth", "2027-01-01"], "Ngày sinh"),
    ],
)
def test_bad_input_gets_one_vietnamese_line_and_status_2(args, words, capsys):
    with pytest.raises(SystemExit) as exited:
        call_command("dues_quote", *args)
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("Lỗi: ") and words in err and err.count("\n") == 1
