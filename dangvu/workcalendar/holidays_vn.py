"""The default Vietnamese public holidays loaded by the first migration; staff edit them on screen.

Fixed days: New Year 1/1, Reunification 30/4, Labour Day 1/5, National Day 2/9 (and one
adjacent day from 2021). Lunar days: Tết (the eve through the 4th day) and the Hùng Kings'
anniversary (10/3 lunar), listed per year as Gregorian dates. The government's yearly
schedule shifts some days; staff correct them on the calendar screen.
"""

import datetime as dt

LUNAR_NEW_YEAR = {
    2015: "2015-02-19", 2016: "2016-02-08", 2017: "2017-01-28", 2018: "2018-02-16",
    2019: "2019-02-05", 2020: "2020-01-25", 2021: "2021-02-12", 2022: "2022-02-01",
    2023: "2023-01-22", 2024: "2024-02-10", 2025: "2025-01-29", 2026: "2026-02-17",
    2027: "2027-02-06", 2028: "2028-01-26", 2029: "2029-02-13", 2030: "2030-02-03",
}  # fmt: skip
HUNG_KINGS = {
    2015: "2015-04-28", 2016: "2016-04-16", 2017: "2017-04-06", 2018: "2018-04-25",
    2019: "2019-04-14", 2020: "2020-04-02", 2021: "2021-04-21", 2022: "2022-04-10",
    2023: "2023-04-29", 2024: "2024-04-18", 2025: "2025-04-07", 2026: "2026-04-26",
    2027: "2027-04-16", 2028: "2028-04-04", 2029: "2029-04-23", 2030: "2030-04-12",
}  # fmt: skip


def default_holidays() -> list[tuple[dt.date, str]]:
    days: dict[dt.date, str] = {}
    for year in range(2015, 2031):
        days[dt.date(year, 1, 1)] = "Tết Dương lịch"
        days[dt.date(year, 4, 30)] = "Ngày Giải phóng miền Nam, thống nhất đất nước"
        days[dt.date(year, 5, 1)] = "Ngày Quốc tế Lao động"
        days[dt.date(year, 9, 2)] = "Quốc khánh"
        if year >= 2021:
            days[dt.date(year, 9, 1)] = "Quốc khánh (ngày liền kề)"
        new_year = dt.date.fromisoformat(LUNAR_NEW_YEAR[year])
        for offset in range(-1, 4):
            days[new_year + dt.timedelta(days=offset)] = "Tết Nguyên đán"
        days[dt.date.fromisoformat(HUNG_KINGS[year])] = "Giỗ Tổ Hùng Vương"
    return sorted(days.items())
