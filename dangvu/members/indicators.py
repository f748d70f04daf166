"""Member indicators: stocks counted on a date from membership spells, flows counted from events."""

import datetime as dt

from django.db.models import Q
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from dangvu.indicators.registry import Computation, Group, count_rows, indicator, rate
from dangvu.members.models import EventKind, MemberEvent, MembershipSpell, TheoryLevel, TransferMode, spell_open_until
from dangvu.members.rules import BADGE_MILESTONES

G = Group.ORGANIZATION


STOCK_BREAKDOWNS = {
    "total": Q(),
    "probationary": Q(probationary=True),
    "women": Q(sex="female"),
    "ethnic_minority": Q(is_ethnic_minority=True),
    "religious": Q(is_religious=True),
}
THEORY_BREAKDOWNS = {
    "theory_elementary": Q(political_theory_level=TheoryLevel.ELEMENTARY),
    "theory_intermediate": Q(political_theory_level=TheoryLevel.INTERMEDIATE),
    "theory_advanced": Q(political_theory_level__in=[TheoryLevel.ADVANCED, TheoryLevel.BACHELOR]),
}


def _spells_open_after(c: Computation, day: dt.date):
    """The spells of the subtree that started by the period's last day and were still open after `day`.

    In a subtree the organizations lead (`spell_stock_cover_idx`); for the whole tree no organization is
    tested (every spell has one) and the open end is one range over `spell_stock_until_idx`, which skips the
    spells closed before the period (on SQLite 12 ms instead of 20 for a province's 160,000 spells)."""
    spells = MembershipSpell.objects.filter(start__lte=c.end)
    if c.whole_tree:
        return spells.alias(open_until=spell_open_until()).filter(open_until__gt=day)
    return spells.filter(c.in_subtree()).filter(Q(end__isnull=True) | Q(end__gt=day))


def _stock(c: Computation, day: str) -> dict[str, int]:
    """Members counted in the subtree on the period's last day (`day="end"`, with the breakdowns the
    reports quote) or on the day before its first (`day="start"`, the total only).

    One query over the spells open on either day, reading a covering index only (see `_spells_open_after`).
    A spell of that set is open on the last day when it has not ended by then, and on the day before the
    first when it had started by then. The political theory breakdown is counted in the same
    query when the computation wants it, and in a query of its own if it is asked for later.
    """

    def build():
        day_before = c.start - dt.timedelta(days=1)
        spells = _spells_open_after(c, day_before)
        open_at_end = Q(end__isnull=True) | Q(end__gt=c.end)
        breakdowns = STOCK_BREAKDOWNS | (THEORY_BREAKDOWNS if c.wants("members.theory_") else {})
        counts = spells.aggregate(
            start_total=count_rows(Q(start__lte=day_before)),
            **{name: count_rows(open_at_end & condition) for name, condition in breakdowns.items()},
        )
        return {"start": {"total": counts.pop("start_total")}, "end": counts}

    return c.shared("stocks", build)[day]


def _theory(c: Computation) -> dict[str, int]:
    """Members counted on the last day by political theory level: from the stock query when the computation
    wanted them (see `_stock`), else one query of their own."""

    def build():
        return _spells_open_after(c, c.end).aggregate(
            **{name: count_rows(condition) for name, condition in THEORY_BREAKDOWNS.items()}
        )

    at_end = _stock(c, "end")
    return at_end if "theory_elementary" in at_end else c.shared("stock_theory", build)


def _flows(c: Computation) -> dict[str, int]:
    """Events of the period counted by what they mean for the subtree; two queries."""

    def build():
        inside = c.in_subtree()
        counterpart_inside = c.in_subtree("counterpart__")
        official = Q(transfer_mode=TransferMode.OFFICIAL)
        period = MemberEvent.objects.filter(on__gte=c.start, on__lte=c.end)
        out_of_subtree = Q(kind=EventKind.TRANSFERRED_OUT) & official & ~counterpart_inside
        counts = period.filter(inside).aggregate(
            admitted=count_rows(Q(kind__in=[EventKind.ADMITTED, EventKind.READMITTED])),
            readmitted=count_rows(Q(kind=EventKind.READMITTED)),
            made_full=count_rows(Q(kind=EventKind.MADE_FULL)),
            transferred_in_from_outside=count_rows(Q(kind=EventKind.TRANSFERRED_IN) & official),
            transferred_out=count_rows(out_of_subtree),
            transferred_out_of_committee=count_rows(
                Q(kind=EventKind.TRANSFERRED_OUT) & official & Q(counterpart__isnull=True)
            ),
            removed=count_rows(Q(kind=EventKind.REMOVED)),
            resigned=count_rows(Q(kind=EventKind.RESIGNED)),
            expelled=count_rows(Q(kind=EventKind.EXPELLED)),
            died=count_rows(Q(kind=EventKind.DIED)),
            cards=count_rows(Q(kind=EventKind.CARD_ISSUED)),
            badges=count_rows(Q(kind=EventKind.BADGE_AWARDED)),
        )
        # Transfers between cells of the committee that arrive in the subtree from outside it (none for the
        # whole committee: all its cells are inside).
        counts["transferred_in_from_other_cells"] = (
            0
            if c.organization.is_root()
            else period.filter(Q(kind=EventKind.TRANSFERRED_OUT) & official & counterpart_inside)
            .exclude(inside)
            .count()
        )
        return counts

    return c.shared("flows", build)


@indicator(
    code="members.total",
    label=_("Party members"),
    unit=_("members"),
    group=G,
    as_of_end=True,
    example="Tổng số đảng viên 2712 đồng chí",
)
def total(c):
    """Members counted in the subtree on the last day of the period (temporarily transferred members count at home)."""
    return _stock(c, "end")["total"]


@indicator(code="members.total_start", label=_("Party members at the start"), unit=_("members"), group=G)
def total_start(c):
    """Members counted in the subtree on the day before the first day of the period."""
    return _stock(c, "start")["total"]


@indicator(
    code="members.probationary",
    label=_("Probationary members"),
    unit=_("members"),
    group=G,
    as_of_end=True,
    example="trong đó có 101 đồng chí là đảng viên dự bị",
)
def probationary(c):
    """Members counted on the last day who were probationary that day."""
    return _stock(c, "end")["probationary"]


@indicator(code="members.full", label=_("Full members"), unit=_("members"), group=G, as_of_end=True)
def full(c):
    """Members counted on the last day who were full members that day."""
    return _stock(c, "end")["total"] - _stock(c, "end")["probationary"]


@indicator(
    code="members.women",
    label=_("Women members"),
    unit=_("members"),
    group=G,
    as_of_end=True,
    example="nữ 1076 đồng chí",
)
def women(c):
    """Members counted on the last day who are women."""
    return _stock(c, "end")["women"]


@indicator(
    code="members.ethnic_minority",
    label=_("Ethnic minority members"),
    unit=_("members"),
    group=G,
    as_of_end=True,
    example="dân tộc thiểu số ... đồng chí",
)
def ethnic_minority(c):
    """Members counted on the last day whose ethnicity is not Kinh."""
    return _stock(c, "end")["ethnic_minority"]


@indicator(
    code="members.religious",
    label=_("Members with a religion"),
    unit=_("members"),
    group=G,
    as_of_end=True,
    example="tôn giáo ... đồng chí",
)
def religious(c):
    """Members counted on the last day who follow a religion."""
    return _stock(c, "end")["religious"]


@indicator(
    code="members.theory_elementary",
    label=_("Members with elementary political theory"),
    unit=_("members"),
    group=G,
    as_of_end=True,
)
def theory_elementary(c):
    """Members counted on the last day whose political theory level is elementary (sơ cấp)."""
    return _theory(c)["theory_elementary"]


@indicator(
    code="members.theory_intermediate",
    label=_("Members with intermediate political theory"),
    unit=_("members"),
    group=G,
    as_of_end=True,
    example="... đồng chí có trình độ trung cấp",
)
def theory_intermediate(c):
    """Members counted on the last day whose political theory level is intermediate (trung cấp)."""
    return _theory(c)["theory_intermediate"]


@indicator(
    code="members.theory_advanced",
    label=_("Members with advanced political theory"),
    unit=_("members"),
    group=G,
    as_of_end=True,
    example="... đồng chí có trình độ cao cấp, cử nhân",
)
def theory_advanced(c):
    """Members counted on the last day whose political theory level is advanced (cao cấp) or bachelor (cử nhân)."""
    return _theory(c)["theory_advanced"]


@indicator(
    code="members.admitted", label=_("Members admitted"), unit=_("members"), group=G, example="Kết nạp 07 đảng viên mới"
)
def admitted(c):
    """Admission and re-admission decisions dated in the period, into a cell of the subtree."""
    return _flows(c)["admitted"]


@indicator(code="members.readmitted", label=_("Members re-admitted"), unit=_("members"), group=G)
def readmitted(c):
    """Re-admission decisions dated in the period, into a cell of the subtree (included in members.admitted)."""
    return _flows(c)["readmitted"]


@indicator(
    code="members.made_full",
    label=_("Members made full members"),
    unit=_("members"),
    group=G,
    example="chuyển đảng viên dự bị thành đảng viên chính thức cho 05 đồng chí",
)
def made_full(c):
    """Full-membership decisions dated in the period for members of the subtree."""
    return _flows(c)["made_full"]


@indicator(
    code="members.transferred_in",
    label=_("Members transferred in"),
    unit=_("members"),
    group=G,
    example="tiếp nhận 09 đảng viên đến sinh hoạt tại Đảng bộ Khối",
)
def transferred_in(c):
    """Official transfers in during the period: from outside the committee into the subtree, and from cells
    of the committee outside the subtree into it. Temporary transfers are not counted."""
    flows = _flows(c)
    return flows["transferred_in_from_outside"] + flows["transferred_in_from_other_cells"]


@indicator(
    code="members.transferred_out",
    label=_("Members transferred out"),
    unit=_("members"),
    group=G,
    example="chuyển sinh hoạt đảng đi nơi khác cho 11 đảng viên",
)
def transferred_out(c):
    """Official transfers out during the period from the subtree to anywhere outside it (another committee,
    or a cell of the committee outside the subtree). Temporary transfers are not counted."""
    return _flows(c)["transferred_out"]


@indicator(
    code="members.removed",
    label=_("Members removed from the list"),
    unit=_("members"),
    group=G,
    example="xóa tên 01 đảng viên",
)
def removed(c):
    """Removals from the list (xóa tên) dated in the period, of members of the subtree."""
    return _flows(c)["removed"]


@indicator(code="members.resigned", label=_("Members who resigned"), unit=_("members"), group=G)
def resigned(c):
    """Resignations (xin ra khỏi Đảng) dated in the period, of members of the subtree."""
    return _flows(c)["resigned"]


@indicator(code="members.expelled", label=_("Members expelled"), unit=_("members"), group=G)
def expelled(c):
    """Expulsions (khai trừ) dated in the period, of members of the subtree."""
    return _flows(c)["expelled"]


@indicator(code="members.died", label=_("Members who died"), unit=_("members"), group=G)
def died(c):
    """Deaths in the period of members counted in the subtree when they died."""
    return _flows(c)["died"]


@indicator(code="members.cards_issued", label=_("Party cards issued"), unit=_("cards"), group=G)
def cards_issued(c):
    """Party cards issued in the period to members of the subtree."""
    return _flows(c)["cards"]


@indicator(
    code="members.badges_awarded",
    label=_("Party badges awarded"),
    unit=_("badges"),
    group=G,
    example="đề nghị tặng Huy hiệu Đảng cho 05 đồng chí",
)
def badges_awarded(c):
    """Party badges awarded in the period to members of the subtree."""
    return _flows(c)["badges"]


rate(
    code="members.women_pct",
    label=_("Share of women members"),
    numerator="members.women",
    denominator="members.total",
    group=G,
)
rate(
    code="members.ethnic_minority_pct",
    label=_("Share of ethnic minority members"),
    numerator="members.ethnic_minority",
    denominator="members.total",
    group=G,
)
rate(
    code="members.probationary_pct",
    label=_("Share of probationary members"),
    numerator="members.probationary",
    denominator="members.total",
    group=G,
)
rate(
    code="members.admitted_pct",
    label=_("Admissions as a share of members at the start"),
    numerator="members.admitted",
    denominator="members.total_start",
    group=G,
    example="đạt trên 3,5% trên tổng số đảng viên của Đảng bộ tỉnh",
)


def _badges_by_years(c: Computation) -> dict[int, int]:
    def build():
        events = MemberEvent.objects.filter(kind=EventKind.BADGE_AWARDED, on__gte=c.start, on__lte=c.end)
        events = events.filter(c.in_subtree())
        return dict(events.values("badge_years").annotate(n=count_rows()).values_list("badge_years", "n"))

    return c.shared("badges_by_years", build)


def _register_badge_indicator(years: int) -> None:
    def badges(c):
        return _badges_by_years(c).get(years, 0)

    badges.__doc__ = f"Party badges of {years} years of seniority awarded in the period to members of the subtree."
    indicator(
        code=f"members.badges_{years}",
        label=format_lazy(_("{years}-year party badges awarded"), years=years),
        unit=_("badges"),
        group=G,
    )(badges)


for _years in BADGE_MILESTONES:
    _register_badge_indicator(_years)
