"""Member indicators: stocks counted on a date from membership spells, flows counted from events."""

import datetime as dt
from functools import partial

from django.db.models import Q
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from dangvu.indicators.registry import Computation, Group, count_rows, figure, rate, shared_query
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


@shared_query
def _stock(c: Computation) -> dict[str, int]:
    """Members counted in the subtree on the period's last day, with the breakdowns the reports quote, and
    on the day before its first (`start_total`).

    One query over the spells open on either day, reading a covering index only (see `_spells_open_after`).
    A spell of that set is open on the last day when it has not ended by then, and on the day before the
    first when it had started by then. The political theory breakdown is counted in the same
    query when the computation wants it, and in a query of its own if it is asked for later.
    """
    day_before = c.start - dt.timedelta(days=1)
    open_at_end = Q(end__isnull=True) | Q(end__gt=c.end)
    breakdowns = STOCK_BREAKDOWNS | (THEORY_BREAKDOWNS if c.wants("members.theory_") else {})
    counts = _spells_open_after(c, day_before).aggregate(
        start_total=count_rows(Q(start__lte=day_before)),
        **{name: count_rows(open_at_end & condition) for name, condition in breakdowns.items()},
    )
    return counts | {"full": counts["total"] - counts["probationary"]}


def _theory(c: Computation) -> dict[str, int]:
    """Members counted on the last day by political theory level: from the stock query when the computation
    wanted them (see `_stock`), else one query of their own."""
    at_end = _stock(c)
    return at_end if "theory_elementary" in at_end else _theory_alone(c)


@shared_query
def _theory_alone(c: Computation) -> dict[str, int]:
    return _spells_open_after(c, c.end).aggregate(
        **{name: count_rows(condition) for name, condition in THEORY_BREAKDOWNS.items()}
    )


@shared_query
def _flows(c: Computation) -> dict[str, int]:
    """Events of the period counted by what they mean for the subtree; two queries."""
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
        else period.filter(Q(kind=EventKind.TRANSFERRED_OUT) & official & counterpart_inside).exclude(inside).count()
    )
    counts["transferred_in"] = counts["transferred_in_from_outside"] + counts["transferred_in_from_other_cells"]
    return counts


stock = partial(figure, _stock, unit=_("members"), group=G, as_of_end=True)
stock(
    "total",
    code="members.total",
    label=_("Party members"),
    doc="Members counted in the subtree on the last day of the period (temporarily transferred members count at home).",
    example="Tổng số đảng viên 2712 đồng chí",
)
stock(
    "start_total",
    code="members.total_start",
    label=_("Party members at the start"),
    doc="Members counted in the subtree on the day before the first day of the period.",
    as_of_end=False,
)
stock(
    "probationary",
    code="members.probationary",
    label=_("Probationary members"),
    doc="Members counted on the last day who were probationary that day.",
    example="trong đó có 101 đồng chí là đảng viên dự bị",
)
stock(
    "full",
    code="members.full",
    label=_("Full members"),
    doc="Members counted on the last day who were full members that day.",
)
stock(
    "women",
    code="members.women",
    label=_("Women members"),
    doc="Members counted on the last day who are women.",
    example="nữ 1076 đồng chí",
)
stock(
    "ethnic_minority",
    code="members.ethnic_minority",
    label=_("Ethnic minority members"),
    doc="Members counted on the last day whose ethnicity is not Kinh.",
    example="dân tộc thiểu số ... đồng chí",
)
stock(
    "religious",
    code="members.religious",
    label=_("Members with a religion"),
    doc="Members counted on the last day who follow a religion.",
    example="tôn giáo ... đồng chí",
)

theory = partial(figure, _theory, unit=_("members"), group=G, as_of_end=True)
theory(
    "theory_elementary",
    code="members.theory_elementary",
    label=_("Members with elementary political theory"),
    doc="Members counted on the last day whose political theory level is elementary (sơ cấp).",
)
theory(
    "theory_intermediate",
    code="members.theory_intermediate",
    label=_("Members with intermediate political theory"),
    doc="Members counted on the last day whose political theory level is intermediate (trung cấp).",
    example="... đồng chí có trình độ trung cấp",
)
theory(
    "theory_advanced",
    code="members.theory_advanced",
    label=_("Members with advanced political theory"),
    doc="Members counted on the last day whose political theory level is advanced (cao cấp) or bachelor (cử nhân).",
    example="... đồng chí có trình độ cao cấp, cử nhân",
)

flow = partial(figure, _flows, unit=_("members"), group=G)
flow(
    "admitted",
    code="members.admitted",
    label=_("Members admitted"),
    doc="Admission and re-admission decisions dated in the period, into a cell of the subtree.",
    example="Kết nạp 07 đảng viên mới",
)
flow(
    "readmitted",
    code="members.readmitted",
    label=_("Members re-admitted"),
    doc="Re-admission decisions dated in the period, into a cell of the subtree (included in members.admitted).",
)
flow(
    "made_full",
    code="members.made_full",
    label=_("Members made full members"),
    doc="Full-membership decisions dated in the period for members of the subtree.",
    example="chuyển đảng viên dự bị thành đảng viên chính thức cho 05 đồng chí",
)
flow(
    "transferred_in",
    code="members.transferred_in",
    label=_("Members transferred in"),
    doc="Official transfers in during the period: from outside the committee into the subtree, and from cells "
    "of the committee outside the subtree into it. Temporary transfers are not counted.",
    example="tiếp nhận 09 đảng viên đến sinh hoạt tại Đảng bộ Khối",
)
flow(
    "transferred_out",
    code="members.transferred_out",
    label=_("Members transferred out"),
    doc="Official transfers out during the period from the subtree to anywhere outside it (another committee, "
    "or a cell of the committee outside the subtree). Temporary transfers are not counted.",
    example="chuyển sinh hoạt đảng đi nơi khác cho 11 đảng viên",
)
flow(
    "removed",
    code="members.removed",
    label=_("Members removed from the list"),
    doc="Removals from the list (xóa tên) dated in the period, of members of the subtree.",
    example="xóa tên 01 đảng viên",
)
flow(
    "resigned",
    code="members.resigned",
    label=_("Members who resigned"),
    doc="Resignations (xin ra khỏi Đảng) dated in the period, of members of the subtree.",
)
flow(
    "expelled",
    code="members.expelled",
    label=_("Members expelled"),
    doc="Expulsions (khai trừ) dated in the period, of members of the subtree.",
)
flow(
    "died",
    code="members.died",
    label=_("Members who died"),
    doc="Deaths in the period of members counted in the subtree when they died.",
)
flow(
    "cards",
    code="members.cards_issued",
    label=_("Party cards issued"),
    unit=_("cards"),
    doc="Party cards issued in the period to members of the subtree.",
)
flow(
    "badges",
    code="members.badges_awarded",
    label=_("Party badges awarded"),
    unit=_("badges"),
    doc="Party badges awarded in the period to members of the subtree.",
    example="đề nghị tặng Huy hiệu Đảng cho 05 đồng chí",
)
for _name, _label in (
    ("women", _("Share of women members")),
    ("ethnic_minority", _("Share of ethnic minority members")),
    ("probationary", _("Share of probationary members")),
):
    rate(code=f"members.{_name}_pct", label=_label, numerator=f"members.{_name}", denominator="members.total", group=G)
rate(
    code="members.admitted_pct",
    label=_("Admissions as a share of members at the start"),
    numerator="members.admitted",
    denominator="members.total_start",
    group=G,
    example="đạt trên 3,5% trên tổng số đảng viên của Đảng bộ tỉnh",
)


@shared_query
def _badges_by_years(c: Computation) -> dict[int, int]:
    events = c.records(MemberEvent, "on", kind=EventKind.BADGE_AWARDED)
    return dict(events.values("badge_years").annotate(n=count_rows()).values_list("badge_years", "n"))


for _years in BADGE_MILESTONES:
    figure(
        _badges_by_years,
        (_years,),
        code=f"members.badges_{_years}",
        label=format_lazy(_("{years}-year party badges awarded"), years=_years),
        unit=_("badges"),
        group=G,
        doc=f"Party badges of {_years} years of seniority awarded in the period to members of the subtree.",
    )
