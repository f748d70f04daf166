"""Demo mass-organization records: figures of the youth union, trade union and veterans'
association per base organization and year (and the first half of the last year), about
twenty "Dân vận khéo" models and exemplars a year, and the yearly emulation registrations."""

import datetime as dt
from collections import Counter

from dangvu.massorgs.models import (
    EmulationRegistration,
    MassOrgFigures,
    MassOrgKind,
    ModelKind,
    ModelLevel,
    Period,
    RegistrationKind,
    SkilledMobilisationModel,
)
from dangvu.members.models import MembershipSpell
from dangvu.organizations.models import BASE_KINDS, Organization

YEARS = 3
MODELS_A_YEAR = 20
LEVEL_WEIGHTS = [(ModelLevel.BASE, 70), (ModelLevel.BLOC, 22), (ModelLevel.PROVINCE, 7), (ModelLevel.CENTRAL, 1)]
MODEL_NAMES = [
    ("Cải cách thủ tục hành chính, lấy người dân làm trung tâm", "Cải cách hành chính"),
    ("Một cửa liên thông gắn với dân vận chính quyền", "Cải cách hành chính"),
    ("Chuyển đổi số phục vụ người dân và doanh nghiệp", "Chuyển đổi số"),
    ("Công đoàn đồng hành cùng người lao động", "Chăm lo đời sống"),
    ("Đoàn viên thanh niên tình nguyện vì cộng đồng", "An sinh xã hội"),
    ("Cựu chiến binh gương mẫu, giúp nhau phát triển kinh tế", "Phát triển kinh tế"),
    ("Xây dựng cơ quan văn hóa, văn minh", "Xây dựng văn hóa công sở"),
    ("Tiếp dân và đối thoại định kỳ", "Dân chủ ở cơ sở"),
    ("Nhà nhân ái cho đoàn viên khó khăn", "An sinh xã hội"),
    ("Ngày thứ bảy vì dân", "Dân vận chính quyền"),
]
EXEMPLAR_TITLES = ["Đồng chí {name}, chuyên viên", "Đồng chí {name}, trưởng phòng", "Tập thể {unit}"]


def _day(rng, year: int, first_month: int, last_month: int, until: dt.date) -> dt.date | None:
    first = dt.date(year, first_month, 1)
    last = min(dt.date(year, last_month, 28), until)
    if last < first:
        return None
    return first + dt.timedelta(days=rng.randrange((last - first).days + 1))


def seed(context) -> dict[str, int]:
    rng, until = context.rng, context.until
    bases = list(Organization.objects.filter(kind__in=BASE_KINDS, deleted_at__isnull=True).order_by("path"))
    years = range(until.year - YEARS + 1, until.year + 1)
    party_members = _members_per_base(bases, until)
    figures, registrations, models = [], [], []
    for base in bases:
        staff = max(party_members.get(base.pk, 0) * rng.uniform(1.3, 2.5), 8)
        has_veterans = rng.random() < 0.6
        for year in years:
            if base.founded_on and base.founded_on.year > year or base.ended_on and base.ended_on.year < year:
                continue
            periods = [Period.YEAR] if year < until.year else ([Period.FIRST_HALF] if until.month >= 6 else [])
            for period in periods:
                for kind in MassOrgKind.values:
                    if kind == MassOrgKind.VETERANS and not has_veterans:
                        continue
                    figures.append(_figures(rng, base, kind, year, period, staff))
            for kind in RegistrationKind.values:
                registered = rng.random() < 0.96
                on = _day(rng, year, 1, 3, until) if registered else None
                if registered and on is None:
                    continue
                registrations.append(
                    EmulationRegistration(
                        organization=base, year=year, kind=kind, registered=registered, registered_on=on
                    )
                )
    for year in years:
        for index in range(MODELS_A_YEAR if year < until.year else MODELS_A_YEAR * until.month // 12):
            base = rng.choice(bases)
            kind = ModelKind.MODEL if rng.random() < 0.7 else ModelKind.EXEMPLAR
            name, field = rng.choice(MODEL_NAMES)
            if kind == ModelKind.EXEMPLAR:
                name = f"Tập thể {base.host_unit_name or base.name}: {name.lower()}"
            models.append(
                SkilledMobilisationModel(
                    organization=base,
                    year=year,
                    level=rng.choices([lv for lv, _ in LEVEL_WEIGHTS], [w for _, w in LEVEL_WEIGHTS])[0],
                    kind=kind,
                    name=f"{name} ({index + 1}/{year})",
                    field=field,
                    recognised_on=_day(rng, year, 1, 12, until),
                    decision_no=f"{rng.randint(10, 400)}-QĐ/ĐUK",
                )
            )
    MassOrgFigures.objects.bulk_create(figures, batch_size=2000)
    EmulationRegistration.objects.bulk_create(registrations, batch_size=2000)
    SkilledMobilisationModel.objects.bulk_create(models, batch_size=2000)
    return dict(
        Counter(
            {
                "MassOrgFigures": len(figures),
                "EmulationRegistration": len(registrations),
                "SkilledMobilisationModel": len(models),
            }
        )
    )


def _members_per_base(bases, until: dt.date) -> dict[int, int]:
    counts = Counter()
    rows = MembershipSpell.objects.open_on(until).values_list("organization__path", flat=True)
    paths = {b.path: b.pk for b in bases}
    depth = len(bases[0].path) if bases else 0
    for path in rows.iterator(chunk_size=20_000):
        base_pk = paths.get(path[:depth])
        if base_pk:
            counts[base_pk] += 1
    return counts


def _figures(rng, base, kind: str, year: int, period: str, staff: float) -> MassOrgFigures:
    share = {MassOrgKind.TRADE_UNION: 0.95, MassOrgKind.YOUTH_UNION: 0.3, MassOrgKind.VETERANS: 0.08}[kind]
    members = max(1, round(staff * share * rng.uniform(0.9, 1.1)))
    bases_count = max(1, min(members, round(members / rng.uniform(15, 40))))
    graded = round(members * rng.uniform(0.9, 1.0))
    grade_1 = round(graded * rng.uniform(0.15, 0.25))
    grade_2 = round((graded - grade_1) * rng.uniform(0.6, 0.8))
    grade_4 = round((graded - grade_1 - grade_2) * rng.uniform(0, 0.1))
    grade_3 = graded - grade_1 - grade_2 - grade_4
    introduced = rng.randint(0, 4) if kind == MassOrgKind.YOUTH_UNION else rng.randint(0, 1)
    return MassOrgFigures(
        organization=base,
        kind=kind,
        year=year,
        period=period,
        bases=bases_count,
        members=members,
        grade_1=grade_1,
        grade_2=grade_2,
        grade_3=grade_3,
        grade_4=grade_4,
        youth_introduced=introduced,
        youth_admitted=rng.randint(0, introduced),
    )
