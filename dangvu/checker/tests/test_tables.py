"""Tables extracted to text: tab-separated rows with empty cells, headers on two lines, repeated headers."""

from dangvu.checker.extract import parse_text
from dangvu.checker.tables import build_table, split_tab_row

TABLE = """TT\tChỉ tiêu\tChỉ tiêu NQ\tKết quả thực hiện\t\t\tTỷ lệ % so
\t\t\tNăm 2021\tNăm 2022\tTổng\tvới chỉ tiêu
(1)\t(2)\t(3)\t(4)\t(5)\t(6)\t(7)
1\tKết nạp đảng viên\t100\t40\t50\t90\t90,00
TT\tChỉ tiêu\tChỉ tiêu NQ\tKết quả thực hiện\t\t\tTỷ lệ % so
\t\t\tNăm 2021\tNăm 2022\tTổng\tvới chỉ tiêu
2\tThành lập chi bộ\t10\t3\t\t3\t30,00
3\tTỷ lệ đảng viên được kiểm tra,
\tgiám sát\t30\t32\t35\t\t"""


def table():
    return build_table([split_tab_row(line) for line in TABLE.split("\n")], index=1)


def test_a_caption_spanning_columns_and_a_caption_on_two_lines_are_joined():
    headers = [c.header for c in table().columns]
    assert headers[3:] == [
        "Kết quả thực hiện Năm 2021",
        "Kết quả thực hiện Năm 2022",
        "Kết quả thực hiện Tổng",
        "Tỷ lệ % so với chỉ tiêu",
    ]
    assert [c.kind for c in table().columns] == ["stt", "label", "target", "period", "period", "total", "percent"]


def test_the_header_repeated_on_a_new_page_and_the_column_numbers_are_not_data():
    assert [r.cells[1] for r in table().rows] == [
        "Kết nạp đảng viên",
        "Thành lập chi bộ",
        "Tỷ lệ đảng viên được kiểm tra, giám sát",  # a label wrapped onto the next line
    ]


def test_empty_cells_are_empty_not_zero():
    row = table().rows[1]
    assert 4 not in row.values and row.values[5].value == 3


def test_two_tables_in_a_text_file_are_told_apart_by_their_headers():
    text = "Đơn vị\tSố lượng\nA\t1\nB\t2\n\nNội dung\tSố lượng\tGhi chú\nX\t5\t\n"
    document = parse_text(text)
    assert [len(t.rows) for t in document.tables] == [2, 1]


def test_a_page_number_between_two_parts_of_a_table_does_not_split_it():
    text = "TT\tNội dung\tSố lượng\n1\tA\t1\n\n12\n\nTT\tNội dung\tSố lượng\n2\tB\t2\n"
    document = parse_text(text)
    assert len(document.tables) == 1 and len(document.tables[0].rows) == 2
