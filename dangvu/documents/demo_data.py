"""Demo documents: a few hundred a year issued by the committee, numbered per type and year, and the
documents received from the province that some of them implement."""

import datetime as dt

from dangvu.documents.models import Direction, Document, IssuerSymbol, NumberCounter
from dangvu.documents.rules import format_number
from dangvu.organizations.models import Organization, OrganizationKind

# Share of each type among the committee's documents (the example reports: mostly letters, reports, plans).
ISSUED_MIX = (("CV", 40), ("BC", 14), ("KH", 12), ("TB", 12), ("QĐ", 10), ("HD", 4), ("NQ", 4), ("CTr", 2), ("KL", 2))
SUBJECTS = {
    "CV": "V/v {topic}",
    "BC": "Báo cáo {topic}",
    "KH": "Kế hoạch {topic}",
    "TB": "Thông báo {topic}",
    "QĐ": "Quyết định về {topic}",
    "HD": "Hướng dẫn {topic}",
    "NQ": "Nghị quyết về {topic}",
    "CTr": "Chương trình {topic}",
    "KL": "Kết luận về {topic}",
    "CT": "Chỉ thị về {topic}",
}
TOPICS = (
    "công tác xây dựng Đảng",
    "kiểm điểm, đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên",
    "học tập, quán triệt nghị quyết",
    "công tác kiểm tra, giám sát",
    "công tác phát triển đảng viên",
    "thực hiện Chỉ thị 05-CT/TW",
    "công tác dân vận",
    "sơ kết 6 tháng đầu năm",
    "tổng kết công tác năm",
    "tổ chức sinh hoạt chi bộ",
    "thu, nộp đảng phí",
    "bảo vệ chính trị nội bộ",
)
SIGNERS = ("Nguyễn Văn Hùng", "Trần Thị Mai", "Lê Quang Vinh")
PER_YEAR = {"small": 120, "bloc": 320, "province": 320, "country": 320}


def _dates(rng, year: int, count: int, until: dt.date) -> list[dt.date]:
    start = dt.date(year, 1, 2)
    end = min(dt.date(year, 12, 31), until)
    span = (end - start).days
    days = []
    while len(days) < count:
        day = start + dt.timedelta(days=rng.randint(0, span))
        if day.weekday() < 5:
            days.append(day)
    return sorted(days)


def seed(context) -> dict[str, int]:
    rng = context.rng
    committee = Organization.objects.filter(kind=OrganizationKind.COMMITTEE).order_by("depth", "path").first()
    if committee is None:
        return {}
    symbol = committee.short_name or committee.code
    IssuerSymbol.objects.update_or_create(organization=committee, defaults={"symbol": symbol})
    types = [code for code, weight in ISSUED_MIX for _ in range(weight)]
    documents, counters = [], []
    per_year = PER_YEAR[context.size]
    for year in range(context.until.year - 5, context.until.year + 1):
        share = 1.0 if year < context.until.year else context.until.timetuple().tm_yday / 366
        # Received from the provincial committee: resolutions, directives, plans the committee implements.
        for n, day in enumerate(_dates(rng, year, int(per_year * share) // 4, context.until), start=1):
            code = rng.choice(("NQ", "CT", "KL", "HD", "KH", "CV"))
            documents.append(
                Document(
                    direction=Direction.RECEIVED,
                    organization=committee,
                    type_code=code,
                    year=year,
                    number_symbol=f"{n * 3 + rng.randint(0, 2):02d}-{code}/TU",
                    issued_on=day,
                    received_on=min(day + dt.timedelta(days=rng.randint(1, 6)), context.until),
                    sender="Tỉnh ủy",
                    subject=SUBJECTS[code].format(topic=rng.choice(TOPICS)),
                    signer="T/M Ban Thường vụ",
                )
            )
        numbers: dict[str, int] = {}
        for day in _dates(rng, year, int(per_year * share), context.until):
            code = rng.choice(types)
            numbers[code] = numbers.get(code, 0) + 1
            implements_text = ""
            if code in ("KH", "HD", "CTr") and rng.random() < 0.5:
                implements_text = f"Nghị quyết số {rng.randint(1, 40):02d}-NQ/TU"
            documents.append(
                Document(
                    direction=Direction.ISSUED,
                    organization=committee,
                    type_code=code,
                    number=numbers[code],
                    year=year,
                    number_symbol=format_number(numbers[code], code, symbol),
                    issued_on=day,
                    subject=SUBJECTS[code].format(topic=rng.choice(TOPICS)),
                    signer=rng.choice(SIGNERS),
                    implements_text=implements_text,
                )
            )
        counters.extend(
            NumberCounter(organization=committee, type_code=code, year=year, last_number=last)
            for code, last in numbers.items()
        )
    for document in documents:
        document.fill_search_text()
    Document.objects.bulk_create(documents, batch_size=2000)
    NumberCounter.objects.bulk_create(counters)
    counts = {"Document": len(documents), "NumberCounter": len(counters), "IssuerSymbol": 1}
    counts.update(_send_to_members(context, committee))
    return counts


# Documents sent to members (issue 17 point 4): the latest resolutions, plans and guides, sent to every member of
# the bloc (at province size and above, to the demo member's base organization only: a demo stays quick).
SENT_TYPES = ("NQ", "KH", "CTr", "HD", "CT", "KL")
SENT_COUNT = 6
COLUMNS = ("document_id", "distribution_id", "member_id", "organization_id", "sent_on", "read_at")


def _send_to_members(context, committee) -> dict[str, int]:
    from django.db import connection

    from dangvu.accounts.models import User
    from dangvu.documents.models import Distribution, Receipt
    from dangvu.lib import bulk
    from dangvu.members.models import ACTIVE_STATUSES, Member

    rng = context.rng
    adapt_moment = connection.ops.adapt_datetimefield_value
    demo_member = User.objects.filter(username="dangvien").values_list("member_id", flat=True).first()
    sender = User.objects.filter(username="admin").first()
    target = committee
    if context.size not in ("small", "bloc") and demo_member:
        cell = Member.objects.get(pk=demo_member).organization
        target = cell.get_parent() if cell.kind == OrganizationKind.CELL else cell
    members = list(
        Member.objects.filter(
            status__in=ACTIVE_STATUSES, organization__path__startswith=target.path, organization__isnull=False
        ).values_list("pk", "organization_id")
    )
    recent = list(
        Document.objects.filter(
            organization=committee,
            direction=Direction.ISSUED,
            type_code__in=SENT_TYPES,
            issued_on__gte=context.until - dt.timedelta(days=150),
        ).order_by("-issued_on")[:SENT_COUNT]
    )
    # Some cells read more than others: each cell its own habit, around 70% overall.
    habit = {cell: min(1.0, max(0.2, rng.gauss(0.72, 0.18))) for cell in sorted({c for _m, c in members})}
    distributions, written = 0, 0
    for age, document in enumerate(reversed(recent)):  # oldest first: older ones are read more
        sent_on = min(document.issued_on + dt.timedelta(days=rng.randint(1, 5)), context.until)
        distribution = Distribution.objects.create(
            document=document,
            sender=committee,
            include_subtree=True,
            sent_on=sent_on,
            sent_by=sender,
            readers=len(members),
        )
        distribution.organizations.set([target])
        distributions += 1
        newest = age >= len(recent) - 2
        day_sent = connection.ops.adapt_datefield_value(sent_on)
        receipts = []
        for member_id, cell_id in members:
            read = rng.random() < habit[cell_id] * (0.75 if newest else 1.0)
            if member_id == demo_member:
                read = not newest  # the demo member has read the older ones, not the two newest
            read_at = None
            if read:
                day = min(sent_on + dt.timedelta(days=int(rng.expovariate(1 / 4))), context.until)
                read_at = dt.datetime.combine(day, dt.time(1 + rng.randint(0, 11)), dt.UTC)
            receipts.append((document.pk, distribution.pk, member_id, cell_id, day_sent, adapt_moment(read_at)))
        written += bulk.insert_tuples(Receipt, COLUMNS, receipts)
    return {"Distribution": distributions, "Receipt": written}
