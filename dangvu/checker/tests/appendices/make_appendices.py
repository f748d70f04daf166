"""Writes the constructed appendices of this folder and their keys: `python make_appendices.py`.

Each appendix is built from right figures (term totals, averages, stocks, percentages and remarks computed
here), then errors are planted in chosen cells; the key (`<name>.key.json`) lists every planted error
(its source line, kind, column, the figure written and the figure due) and the traps, rows that look wrong
to a naive check and are right. The figures are invented. The files are committed; this script documents
how they were made and rebuilds them if a layout changes.
"""

import json
import sys
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent


def fmt(value, places: int = 0) -> str:
    """Vietnamese style: 1.234 and 12,5."""
    if value is None:
        return ""
    value = Decimal(value).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    whole, _, fraction = f"{abs(value):f}".partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    text = ".".join(groups) + ("," + fraction if places else "")
    return ("-" if value < 0 else "") + text


class Appendix:
    def __init__(self, name, title_lines, header_rows, layout, years_count):
        """layout: the columns of a data row, in order: stt, label, unit, target, years (n), total, pct, remark."""
        self.name = name
        self.layout_years = years_count
        self.title_lines = title_lines
        self.header_rows = header_rows
        self.layout = layout
        self.rows = []  # (id, cells)
        self.ids = {}
        self.plants = []
        self.traps = []
        self.body = []  # paragraphs before the table
        self.body_plants = []  # (paragraph index, text found, text expected, why)

    def section(self, stt, label):
        self._add(None, [stt, label])

    def page_break(self):
        self.rows.append(("", None))

    def row(
        self,
        key,
        stt,
        label,
        unit="",
        target=None,
        years=(),
        *,
        total="sum",
        places=0,
        pct=True,
        remark="auto",
        pct_places=2,
        tplaces=None,
    ):
        """A data row with its figures computed: total = sum | avg | last | None | a value."""
        filled = [y for y in years if y is not None]
        if total == "sum":
            total_value = sum(Decimal(str(y)) for y in filled) if filled else None
        elif total == "avg":
            total_value = sum(Decimal(str(y)) for y in filled) / len(filled)
        elif total == "last":
            total_value = Decimal(str(filled[-1]))
        elif total is None:
            total_value = None
        else:
            total_value = Decimal(str(total))
        tplaces = places if tplaces is None else tplaces
        pct_value = None
        if pct and target not in (None, 0) and total_value is not None:
            pct_value = (
                Decimal(fmt(total_value, tplaces).replace(".", "").replace(",", ".")) / Decimal(str(target)) * 100
            )
        if remark == "auto":
            if pct_value is None:
                remark_text = ""
            else:
                shown = Decimal(fmt(pct_value, pct_places).replace(".", "").replace(",", "."))
                remark_text = "Vượt" if shown > 100 else "Đạt" if shown == 100 else "Chưa đạt"
        else:
            remark_text = remark or ""
        cells = {
            "stt": stt,
            "label": label,
            "unit": unit,
            "target": fmt(target, 0 if Decimal(str(target)) == int(target) else places) if target is not None else "",
            "years": [fmt(y, places) for y in years],
            "total": fmt(total_value, tplaces) if total_value is not None else "",
            "pct": fmt(pct_value, pct_places) if pct_value is not None else "",
            "remark": remark_text,
        }
        self._add(key, cells)
        return cells

    def _add(self, key, cells):
        if isinstance(cells, list):
            cells = {
                "stt": cells[0],
                "label": cells[1],
                "unit": "",
                "target": "",
                "years": [],
                "total": "",
                "pct": "",
                "remark": "",
            }
        self.rows.append((key, cells))

    def cells_of(self, key):
        return next(c for k, c in self.rows if k == key)

    def plant(self, key, column, text, kind, why, expected=None, at=None):
        """Replace the cell `column` ("target", "total", "pct", "remark" or a year index) of row `key`.

        `at` is the row the error is reported on when it cannot be told which cell is wrong (the grades of
        a year that do not add up to 100 are reported on their group row)."""
        cells = self.cells_of(key)
        if isinstance(column, int):
            right = cells["years"][column]
            cells["years"][column] = text
        else:
            right = cells[column]
            cells[column] = text
        self.plants.append(
            {
                "row": at or key,
                "column": column,
                "kind": kind,
                "found": text,
                "expected": expected if expected is not None else right,
                "why": why,
            }
        )

    def trap(self, key, why):
        self.traps.append({"row": key, "why": why})

    def render(self):
        width = len(self.header_rows[0])
        lines = list(self.title_lines) + [""]
        line_of = {}
        header = ["\t".join(r) for r in self.header_rows]
        lines += header
        for key, cells in self.rows:
            if cells is None:
                lines += ["", *header]
                continue
            out = []
            for part in self.layout:
                if part == "years":
                    years = list(cells["years"])
                    n = self.layout_years
                    out += years + [""] * (n - len(years))
                else:
                    out.append(cells[part])
            out += [""] * (width - len(out))
            lines.append("\t".join(out))
            if key:
                line_of[key] = len(lines)
        self.body_lines = {}
        body_text = []
        for paragraph in self.body:
            body_text.append(paragraph)
        offset = len(body_text) * 2
        text = "\n\n".join(body_text) + ("\n\n" if body_text else "") + "\n".join(lines) + "\n"
        return text, {k: v + offset for k, v in line_of.items()}, offset

    def write(self):
        text, line_of, _ = self.render()
        (HERE / f"{self.name}.txt").write_text(text, encoding="utf-8")
        errors = []
        for plant in self.plants:
            column = plant["column"]
            errors.append(
                {
                    "line": line_of[plant["row"]],
                    "kind": plant["kind"],
                    "column": column if isinstance(column, str) else f"year {column + 1}",
                    "found": plant["found"],
                    "expected": plant["expected"],
                    "why": plant["why"],
                }
            )
        for index, found, expected, why in self.body_plants:
            errors.append(
                {
                    "line": 2 * index + 1,
                    "kind": "body",
                    "column": "text",
                    "found": found,
                    "expected": expected,
                    "why": why,
                }
            )
        traps = [{"line": line_of[t["row"]], "why": t["why"]} for t in self.traps]
        key = {"file": f"{self.name}.txt", "errors": errors, "traps": traps}
        (HERE / f"{self.name}.key.json").write_text(
            json.dumps(key, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        return len(errors)


LAYOUT = ["stt", "label", "unit", "target", "years", "total", "pct", "remark"]


def district_mid_term() -> Appendix:
    """A district's mid-term appendix: numbered parts (2.1, 2.2), a row of column numbers, three variants."""
    years = ["Năm 2021", "Năm 2022", "6 tháng đầu năm 2023"]
    header = [
        [
            "TT",
            "Chỉ tiêu",
            "ĐVT",
            "Chỉ tiêu Nghị quyết",
            "Kết quả thực hiện",
            "",
            "",
            "Lũy kế",
            "Tỷ lệ % so với chỉ tiêu NQ",
            "Đánh giá",
        ],
        ["", "", "", "", *years, "", "", ""],
        [str(n) for n in range(1, 11)],
    ]
    a = Appendix(
        "phu-luc-giua-nhiem-ky-dang-bo-huyen",
        [
            "HUYỆN ỦY MẪU SƠN",
            "PHỤ LỤC",
            "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NGHỊ QUYẾT ĐẠI HỘI ĐẢNG BỘ HUYỆN LẦN THỨ XX, NHIỆM KỲ 2020 - 2025",
            "(tính đến ngày 30/6/2023; kèm theo Báo cáo số 118-BC/HU ngày 10/7/2023 của Huyện ủy)",
        ],
        header,
        LAYOUT,
        3,
    )
    a.section("I", "CÔNG TÁC CHÍNH TRỊ, TƯ TƯỞNG")
    a.row(
        "A1",
        "1",
        "Tỷ lệ cán bộ, đảng viên học tập, quán triệt nghị quyết",
        "%",
        98,
        [98.6, 99.1, 97.8],
        total="avg",
        places=1,
        tplaces=1,
    )
    a.row("A2", "2", "Mở lớp bồi dưỡng lý luận chính trị, chia ra:", "Lớp", 36, [11, 12, 7])
    a.row("A2.1", "2.1", "Lớp bồi dưỡng nhận thức về Đảng", "Lớp", 18, [6, 6, 3])
    a.row("A2.2", "2.2", "Lớp bồi dưỡng đảng viên mới", "Lớp", 18, [5, 6, 4])
    a.row("A3", "3", "Tổ chức hội nghị báo cáo viên", "Cuộc", 24, [8, 9, 4])
    a.section("II", "CÔNG TÁC TỔ CHỨC XÂY DỰNG ĐẢNG")
    a.row("A4", "1", "Kết nạp đảng viên mới", "", None, [], total=None)
    a.row("A4.1", "1.1", "Chỉ tiêu Nghị quyết", "Đảng viên", 600, [118, 124, 61])
    a.row("A4.2", "1.2", "Chỉ tiêu phấn đấu", "Đảng viên", 700, [118, 124, 61])
    a.row("A4.3", "1.3", "Chỉ tiêu cấp trên giao", "Đảng viên", 650, [118, 124, 61])
    a.row("A5", "2", "Tổng số đảng viên đến cuối năm", "Đảng viên", 5200, [4812, 4905, 4968], total="last")
    a.page_break()
    a.row("A6", "3", "Số tổ chức cơ sở đảng cuối năm", "TCCSĐ", None, [86, 85, 85], total="last")
    a.row("A7", "4", "Chuyển sinh hoạt đảng", "", None, [310, 296, 150])
    a.row("A7.1", "4.1", "Chuyển đến", "Đảng viên", None, [140, 131, 70])
    a.row("A7.2", "4.2", "Chuyển đi", "Đảng viên", None, [170, 165, 80])
    a.row("A8", "5", "Đánh giá, xếp loại đảng viên", "Đảng viên", None, [4650, 4760, None], total=None)
    a.row("A8.1", "-", "Hoàn thành xuất sắc nhiệm vụ", "%", 15, [14.82, 15.34, None], total="avg", places=2)
    a.row("A8.2", "-", "Hoàn thành tốt nhiệm vụ", "%", None, [72.50, 71.90, None], total="avg", places=2)
    a.row("A8.3", "-", "Hoàn thành nhiệm vụ", "%", None, [11.95, 12.04, None], total="avg", places=2)
    a.row("A8.4", "-", "Không hoàn thành nhiệm vụ", "%", None, [0.73, 0.72, None], total="avg", places=2)
    a.section("III", "CÔNG TÁC KIỂM TRA, GIÁM SÁT")
    a.row("A9", "1", "Kiểm tra tổ chức đảng", "Cuộc", 90, [31, 33, 15])
    a.row("A10", "2", "Giám sát chuyên đề", "Cuộc", 120, [40, 42, 20])
    a.row(
        "A11",
        "3",
        "Tỷ lệ tổ chức đảng được kiểm tra hằng năm",
        "%",
        25,
        [26.4, 27.1, None],
        total="avg",
        places=1,
        tplaces=2,
    )
    a.section("IV", "CÔNG TÁC DÂN VẬN")
    a.row("A12", "1", "Xây dựng mô hình “Dân vận khéo”", "Mô hình", 60, [21, 24, 13])
    a.row(
        "A13", "2", "Vận động nhân dân đóng góp xây dựng nông thôn mới", "Tỷ đồng", 45, [18.25, 20.40, 9.15], places=2
    )

    a.body = [
        "Giữa nhiệm kỳ 2020 - 2025, toàn Đảng bộ kết nạp 303 đảng viên mới, đạt 50,50% chỉ tiêu nghị quyết.",
        "Đã tiến hành kiểm tra 79 cuộc đối với tổ chức đảng; giám sát chuyên đề 102 cuộc.",
        "Xây dựng 56 mô hình “Dân vận khéo”, đạt 96,67% chỉ tiêu nghị quyết.",
        "Tỷ lệ cán bộ, đảng viên học tập, quán triệt nghị quyết bình quân đạt 98,8%.",
        "Kết nạp đảng viên mới đạt 60,50% chỉ tiêu phấn đấu của nhiệm kỳ.",
    ]
    a.body_plants = [
        (2, "56", "58", "the appendix gives 58 models (IV.1)"),
        (3, "98,8%", "98,5", "the appendix gives 98,6 / 99,1 / 97,8, on average 98,5 (I.1)"),
        (4, "60,50%", "43,29", "the variants give 50,50 / 43,29 / 46,62 (II.1)"),
    ]
    a.plant("A2.2", 1, "7", "sum", "2.2 in 2022: 5 + 7 + 4 = 16 against 15 and 6 + 7 = 13 against the group's 12", "6")
    a.plant("A3", "remark", "Đạt", "remark", "21 / 24 = 87,50%: not met")
    a.plant("A4.2", "pct", "43,92", "percent", "303 / 700 = 43,29%")
    a.plant("A4.3", 1, "142", "mismatch", "the variants repeat the same actuals: 124 in 2022", "124")
    a.plant("A6", "total", "256", "sum", "a stock at the end of each year: the term repeats 85, not the sum", "85")
    a.plant("A7", 0, "301", "sum", "140 + 170 = 310; the row then sums to 747 against 756", "310")
    a.plant("A8.2", 0, "73,50", "share", "2021 grades: 14,82 + 73,50 + 11,95 + 0,73 = 101,00", "100", at="A8")
    a.plant("A10", "total", "112", "sum", "40 + 42 + 20 = 102", "102")
    a.plant("A11", "total", "28,90", "average", "an average of 26,4 and 27,1 cannot be 28,90", "26,75")
    a.plant("A13", 1, "21,40", "sum", "18,25 + 21,40 + 9,15 = 48,80 against 47,80", "20,40")
    a.plant("A1", "remark", "Chưa đạt", "remark", "98,5 / 98 = 100,51%: met")
    a.trap("A1", "a rate: the term column is the average of the years")
    a.trap("A2", "a group whose numbered parts (2.1, 2.2) add up in every other column")
    a.trap("A5", "a stock at the end of each year: the term repeats the last year")
    a.trap("A4.1", "three variants of one target repeat the same actuals")
    a.trap("A8.4", "grades of 2021 and 2022 add up to 100; the term column adds up to 100,01 by rounding")
    a.trap("A12", "the text quotes 96,67% from this row")
    return a


def bloc_term_end() -> Appendix:
    """A bloc's term-end appendix: "Cộng" rows under parts and under a section, a part-year at each end."""
    years = ["3 tháng cuối năm 2020", "2021", "2022", "2023", "2024", "10 tháng 2025"]
    header = [
        [
            "STT",
            "Nội dung chỉ tiêu",
            "Đơn vị tính",
            "Chỉ tiêu Nghị quyết",
            "Thực hiện qua các năm",
            "",
            "",
            "",
            "",
            "",
            "Cả nhiệm kỳ",
            "% so với chỉ tiêu nghị quyết",
            "Ghi chú",
        ],
        ["", "", "", "", *years, "", "", ""],
    ]
    b = Appendix(
        "phu-luc-tong-ket-nhiem-ky-dang-bo-khoi",
        [
            "ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH MẪU",
            "PHỤ LỤC",
            "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NGHỊ QUYẾT ĐẠI HỘI ĐẢNG BỘ KHỐI NHIỆM KỲ 2020 - 2025",
            "(Kèm theo Báo cáo số 302-BC/ĐUK ngày 05/11/2025 của Ban Chấp hành Đảng bộ Khối)",
        ],
        header,
        LAYOUT,
        6,
    )
    b.section("I", "CÔNG TÁC TỔ CHỨC XÂY DỰNG ĐẢNG")
    b.row("B1", "1", "Kết nạp đảng viên", "", None, [], total=None)
    b.row("B1.1", "", "- Trong các cơ quan hành chính", "ĐV", None, [12, 58, 61, 55, 63, 47])
    b.row("B1.2", "", "- Trong các đơn vị sự nghiệp", "ĐV", None, [8, 41, 44, 39, 45, 30])
    b.row("B1.3", "", "- Trong các doanh nghiệp", "ĐV", None, [3, 15, 18, 12, 16, 11])
    b.row("B1.C", "", "Cộng", "ĐV", 550, [23, 114, 123, 106, 124, 88], remark="vượt 5,09%")
    b.row("B2", "2", "Đảng viên được chuyển chính thức", "ĐV", None, [15, 98, 105, 112, 97, 83])
    b.row("B3", "3", "Tổng số đảng viên", "ĐV", 4200, [3905, 3962, 4018, 4071, 4123, 4166], total="last")
    b.row("B4", "4", "Tổng số tổ chức cơ sở đảng cuối năm", "TCCSĐ", None, [64, 64, 63, 62, 62, 61], total="last")
    b.row(
        "B5", "5", "Đánh giá chất lượng đảng viên", "Đảng viên", None, [None, 3820, 3874, 3930, 3985, None], total=None
    )
    b.row(
        "B5.1",
        "",
        "- Hoàn thành xuất sắc nhiệm vụ",
        "%",
        15,
        [None, 15.21, 15.80, 16.02, 16.40, None],
        total="avg",
        places=2,
    )
    b.row(
        "B5.2",
        "",
        "- Hoàn thành tốt nhiệm vụ",
        "%",
        None,
        [None, 73.60, 73.05, 72.98, 72.66, None],
        total="avg",
        places=2,
    )
    b.row(
        "B5.3", "", "- Hoàn thành nhiệm vụ", "%", None, [None, 10.47, 10.50, 10.30, 10.20, None], total="avg", places=2
    )
    b.row(
        "B5.4",
        "",
        "- Không hoàn thành nhiệm vụ",
        "%",
        None,
        [None, 0.72, 0.65, 0.70, 0.74, None],
        total="avg",
        places=2,
    )
    b.page_break()
    b.section("II", "CÔNG TÁC KIỂM TRA, GIÁM SÁT")
    b.row("B6", "1", "Kiểm tra tổ chức đảng cấp dưới", "Cuộc", 150, [8, 33, 35, 32, 30, 22])
    b.row("B7", "2", "Giám sát chuyên đề", "Cuộc", 200, [10, 42, 45, 40, 44, 25], remark="vượt 3%")
    b.row("B8", "3", "Kỷ luật đảng viên", "", None, [], total=None)
    b.row("B8.1", "", "- Khiển trách", "ĐV", None, [2, 9, 7, 8, 6, 4])
    b.row("B8.2", "", "- Cảnh cáo", "ĐV", None, [1, 4, 3, 5, 2, 2])
    b.row("B8.3", "", "- Cách chức", "ĐV", None, [0, 1, 0, 1, 0, 0])
    b.row("B8.4", "", "- Khai trừ", "ĐV", None, [0, 2, 1, 1, 2, 1])
    b.row("B8.C", "", "Cộng", "ĐV", None, [3, 16, 11, 15, 10, 7])
    b.section("III", "CÔNG TÁC DÂN VẬN")
    b.row(
        "B9",
        "1",
        "Tỷ lệ cơ quan, đơn vị đăng ký thi đua “Dân vận khéo”",
        "%",
        100,
        [100, 100, 98.5, 100, 100, 100],
        total="avg",
        places=1,
        tplaces=2,
    )
    b.row("B10", "2", "Mô hình “Dân vận khéo” được công nhận", "Mô hình", 80, [5, 16, 18, 17, 19, 12])
    b.row(
        "B11",
        "3",
        "Tỷ lệ đảng viên giữ mối liên hệ với nơi cư trú",
        "%",
        100,
        [99.2, 99.5, 99.6, 99.8, 99.7, 99.8],
        total="avg",
        places=1,
        tplaces=2,
    )
    b.section("IV", "CÔNG TÁC BẢO VỆ CHÍNH TRỊ NỘI BỘ")
    b.row("B12", "1", "Thẩm định tiêu chuẩn chính trị", "Trường hợp", None, [20, 96, 104, 99, 110, 70])
    b.row("B13", "2", "Xác minh lý lịch người vào Đảng", "Trường hợp", None, [31, 150, 162, 141, 160, 109])
    b.row("B14", "", "Cộng", "Trường hợp", None, [51, 246, 266, 240, 270, 179])

    b.body = [
        "Nhiệm kỳ 2020 - 2025, Đảng bộ Khối kết nạp 578 đảng viên, đạt 105,09% chỉ tiêu nghị quyết.",
        "Ủy ban Kiểm tra các cấp tiến hành giám sát chuyên đề 216 cuộc.",
        "Cấp ủy các cấp kiểm tra 160 cuộc đối với tổ chức đảng cấp dưới, đạt 106,67% chỉ tiêu.",
        "Tỷ lệ cơ quan, đơn vị đăng ký thi đua “Dân vận khéo” bình quân đạt 99,57%.",
    ]
    b.body_plants = [
        (1, "216", "206", "the appendix gives 206 (II.2)"),
        (3, "99,57%", "99,75", "the appendix gives 99,75 (III.1)"),
    ]
    b.plant("B1.C", "total", "568", "sum", "the years add up to 578 and so do the parts", "578")
    b.plant(
        "B1.3",
        3,
        "21",
        "sum",
        "3 + 15 + 18 + 21 + 16 + 11 = 84 against 75; the Cộng row's 2023 is 106 = 55 + 39 + 12",
        "12",
    )
    b.plant("B4", "total", "62", "sum", "a stock at the end of each year: the term repeats 61", "61")
    b.plant("B5.3", 3, "11,30", "share", "2023 grades: 16,02 + 72,98 + 11,30 + 0,70 = 101,00", "100", at="B5")
    b.plant("B6", "remark", "Chưa đạt", "remark", "160 / 150 = 106,67%: exceeded")
    b.plant("B8.C", 2, "12", "sum", "7 + 3 + 0 + 1 = 11; the row then sums to 63 against 62", "11")
    b.plant("B10", "pct", "108,57", "percent", "87 / 80 = 108,75%")
    b.plant("B11", "total", "98,90", "average", "an average of 99,2 ... 99,8 cannot be 98,90", "99,60")
    b.plant("B13", "total", "735", "sum", "the years add up to 753; the Cộng row's 1.252 = 499 + 753", "753")
    b.plant("B9", "remark", "Đạt", "remark", "99,75% of the target: not met")
    b.plant("B3", "total", "4.123", "sum", "a stock: the term repeats the last year, 4.166", "4.166")
    b.trap("B1.1", "parts with no item figures: the Cộng row below holds the group")
    b.trap("B3", "'tổng số' without 'cuối năm': a stock whose term repeats the last year")
    b.trap("B7", "'vượt 3%' agrees with 103,00")
    b.trap("B2", "no target: no percentage, no remark")
    b.trap("B5.4", "grades in %, empty in the part-years")
    return b


def commune_term_end() -> Appendix:
    """A commune's appendix: one header line, an estimated last year, variants under an item, amounts."""
    header = [
        [
            "TT",
            "Chỉ tiêu",
            "ĐVT",
            "Chỉ tiêu NQ đề ra",
            "Năm 2021",
            "Năm 2022",
            "Năm 2023",
            "Năm 2024",
            "Ước năm 2025",
            "Tổng cộng",
            "So với chỉ tiêu (%)",
            "Ghi chú",
        ],
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)", "(9)", "(10)", "(11)", "(12)"],
    ]
    c = Appendix(
        "phu-luc-chi-tieu-nghi-quyet-dang-bo-xa",
        [
            "ĐẢNG BỘ XÃ MẪU THỦY",
            "PHỤ LỤC",
            "TÌNH HÌNH THỰC HIỆN CÁC CHỈ TIÊU NGHỊ QUYẾT ĐẠI HỘI ĐẢNG BỘ XÃ NHIỆM KỲ 2020 - 2025",
        ],
        header,
        LAYOUT,
        5,
    )
    c.section("I", "XÂY DỰNG ĐẢNG")
    c.row("C1", "1", "Kết nạp đảng viên mới", "Đảng viên", 40, [8, 9, 7, 10, 8])
    c.row(
        "C2",
        "2",
        "Tỷ lệ chi bộ đạt “4 tốt” hằng năm",
        "%",
        70,
        [72.7, 75.0, 68.2, 77.3, 76.0],
        total="avg",
        places=1,
        tplaces=2,
    )
    c.row("C3", "3", "Đảng viên được tặng Huy hiệu Đảng, chia ra:", "Đảng viên", None, [14, 17, 12, 19, 15])
    c.row("C3.1", "", "- Huy hiệu 30 năm tuổi Đảng", "Đảng viên", None, [6, 7, 5, 8, 6])
    c.row("C3.2", "", "- Huy hiệu 40 năm tuổi Đảng", "Đảng viên", None, [4, 5, 4, 6, 5])
    c.row("C3.3", "", "- Huy hiệu 50 năm tuổi Đảng trở lên", "Đảng viên", None, [4, 5, 3, 5, 4])
    c.row("C4", "4", "Số đảng viên cuối năm", "Đảng viên", 380, [352, 361, 366, 372, 378], total="last")
    c.row(
        "C5",
        "5",
        "Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên hằng năm",
        "%",
        90,
        [91.2, 92.5, 90.8, 93.0, 92.4],
        total="avg",
        places=1,
        tplaces=2,
    )
    c.row("C6", "6", "Xếp loại chi bộ", "Chi bộ", None, [11, 11, 12, 12, None], total=None)
    c.row(
        "C6.1",
        "",
        "- Hoàn thành xuất sắc nhiệm vụ",
        "%",
        None,
        [18.18, 27.27, 25.00, 33.33, None],
        total=None,
        places=2,
    )
    c.row("C6.2", "", "- Hoàn thành tốt nhiệm vụ", "%", None, [72.73, 63.64, 66.67, 58.33, None], total=None, places=2)
    c.row("C6.3", "", "- Hoàn thành nhiệm vụ", "%", None, [9.09, 9.09, 8.33, 8.33, None], total=None, places=2)
    c.section("II", "KIỂM TRA, GIÁM SÁT")
    c.row("C7", "1", "Kiểm tra chi bộ", "Lượt", 20, [4, 5, 4, 5, 4])
    c.row("C8", "2", "Giám sát đảng viên", "Đảng viên", 50, [10, 12, 11, 13, 9], remark="vượt 5 đảng viên")
    c.row("C9", "3", "Thu, nộp đảng phí", "Triệu đồng", 600, [118.5, 124.3, 131.8, 140.2, 145.0], places=1)
    c.page_break()
    c.section("III", "DÂN VẬN")
    c.row(
        "C10",
        "1",
        "Tỷ lệ hộ gia đình đạt danh hiệu “Gia đình văn hóa”",
        "%",
        90,
        [91.5, 92.0, 92.8, 93.1, 93.4],
        total="avg",
        places=1,
        tplaces=2,
    )
    c.row("C11", "2", "Tổ chức đối thoại giữa người đứng đầu với nhân dân", "Cuộc", 10, [2, 2, 2, 2, 2])
    c.row("C12", "3", "Xây dựng mô hình “Dân vận khéo”", "", None, [], total=None)
    c.row("C12.1", "", "- Chỉ tiêu Nghị quyết", "Mô hình", 15, [3, 4, 3, 4, 3])
    c.row("C12.2", "", "- Chỉ tiêu phấn đấu", "Mô hình", 20, [3, 4, 3, 4, 3])
    c.row("C12.3", "", "- Chỉ tiêu huyện giao", "Mô hình", 18, [3, 4, 3, 4, 3])

    c.body = [
        "Trong nhiệm kỳ, Đảng bộ xã kết nạp 42 đảng viên mới, đạt 105% chỉ tiêu nghị quyết.",
        "Chi ủy các chi bộ thực hiện giám sát đảng viên 55 đảng viên; kiểm tra chi bộ 23 lượt.",
        "Thu, nộp đảng phí cả nhiệm kỳ đạt 659,8 triệu đồng.",
        "Tỷ lệ hộ gia đình đạt danh hiệu “Gia đình văn hóa” bình quân 92,56%.",
        "Trong nhiệm kỳ có 79 đảng viên được tặng Huy hiệu Đảng.",
    ]
    c.body_plants = [
        (1, "23", "22", "the appendix gives 22 (II.1)"),
        (4, "79", "77", "the appendix gives 77 (I.3)"),
    ]
    c.plant("C3", 3, "18", "sum", "8 + 6 + 5 = 19; the row then sums to 76 against 77", "19")
    c.plant("C5", "remark", "vượt 12,20%", "remark", "102,20% of the target: vượt 2,20%")
    c.plant("C7", "pct", "101,00", "percent", "22 / 20 = 110,00%")
    c.plant("C9", 2, "113,8", "sum", "118,5 + 124,3 + 113,8 + 140,2 + 145,0 = 641,8 against 659,8", "131,8")
    c.plant("C10", "total", "95,60", "average", "an average of 91,5 ... 93,4 cannot be 95,60", "92,56")
    c.plant("C12.3", 1, "5", "mismatch", "the variants repeat the same actuals: 4 in 2022", "4")
    c.plant("C12.2", "pct", "80,00", "percent", "17 / 20 = 85,00%")
    c.plant("C6.2", 1, "66,64", "share", "2022: 27,27 + 66,64 + 9,09 = 103,00", "100", at="C6")
    c.plant("C4", "total", "1.829", "sum", "a stock at the end of each year: the term repeats 378, not the sum", "378")
    c.plant("C1", "total", "41", "sum", "8 + 9 + 7 + 10 + 8 = 42", "42")
    c.plant("C11", "remark", "Chưa đạt", "remark", "10 / 10 = 100,00%: met")
    c.trap("C2", "a rate per year below target in one year, above on average")
    c.trap("C6.3", "the grades of 2024 add up to 99,99 by rounding")
    c.trap("C8", "'vượt 5 đảng viên' agrees with 55 against 50")
    c.trap("C9", "amounts in millions with one decimal")
    return c


def main() -> None:
    total = 0
    for build in (district_mid_term, bloc_term_end, commune_term_end):
        appendix = build()
        count = appendix.write()
        total += count
        sys.stdout.write(f"{appendix.name}: {count} planted errors\n")
    sys.stdout.write(f"total: {total}\n")


if __name__ == "__main__":
    main()
