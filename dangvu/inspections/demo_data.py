"""Demo inspection records for 2021-2026 at the rates of the example reports.

- About 35% of members inspected or supervised a year: each cell supervises part of its members under
  its yearly program; base committees inspect some of their cells; the committee's inspection committee
  and standing committee inspect and supervise base organizations (6 months of 2021: 10 organizations
  and 77 members by the base level, 6 organizations by the inspection committees, thematic supervision
  of 3 organizations and 8 members).
- A handful of discipline decisions a year (2021: 3 members in 6 months, reprimand and warning), plus
  one for every expulsion the member registry already holds.
- A few dozen letters a year (2021: 10 in 6 months, most not within authority or not considered).
"""

import datetime as dt
from collections import defaultdict

from dangvu.inspections.models import (
    Body,
    Discipline,
    DisciplineForm,
    InspectedYear,
    Inspection,
    InspectionKind,
    InspectionSubjectMember,
    Letter,
    LetterCategory,
    LetterKind,
    LetterStatus,
    ViolationCategory,
)
from dangvu.inspections.rules import letter_rules_on
from dangvu.inspections.services import inspected_years_rebuild
from dangvu.lib import bulk
from dangvu.members.models import EventKind, MemberEvent, MembershipSpell
from dangvu.organizations.models import Organization, OrganizationKind
from dangvu.workcalendar.models import PublicHoliday
from dangvu.workcalendar.selectors import add_working_days

YEARS = range(2021, 2027)
SUPERVISED_SHARE = 0.35
DISCIPLINES_PER_YEAR = (3, 7)
LETTERS_PER_YEAR = (18, 32)

PROGRAM_TITLES = (
    "Kiểm tra việc chấp hành Điều lệ Đảng, nghị quyết của cấp ủy",
    "Giám sát việc thực hiện nhiệm vụ đảng viên và giữ gìn phẩm chất đạo đức",
    "Kiểm tra việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    "Giám sát việc thực hiện Kết luận 21-KL/TW về xây dựng, chỉnh đốn Đảng",
    "Kiểm tra việc thực hiện quy chế làm việc và nguyên tắc tập trung dân chủ",
)
ART_32_TITLES = {
    InspectionKind.SIGNS_OF_VIOLATION: "Kiểm tra khi có dấu hiệu vi phạm",
    InspectionKind.INSPECTION_DUTIES: "Kiểm tra việc thực hiện nhiệm vụ kiểm tra, giám sát",
    InspectionKind.DISCIPLINE_ENFORCEMENT: "Kiểm tra việc thi hành kỷ luật trong Đảng",
    InspectionKind.FINANCES: "Kiểm tra tài chính đảng và việc thu, nộp đảng phí",
}
CONCLUSION_OK = "Tổ chức đảng và đảng viên chấp hành tốt; chưa phát hiện vi phạm đến mức phải xử lý kỷ luật."
CONCLUSION_VIOLATION = "Có khuyết điểm, vi phạm; yêu cầu kiểm điểm, khắc phục và xem xét xử lý theo quy định."
VIOLATIONS = (
    (ViolationCategory.FAMILY_PLANNING, "Vi phạm chính sách dân số, kế hoạch hóa gia đình", 3),
    (ViolationCategory.MEMBER_DUTIES, "Không thực hiện nhiệm vụ đảng viên, bỏ sinh hoạt không lý do", 3),
    (ViolationCategory.LAW, "Vi phạm pháp luật về trật tự an toàn giao thông", 2),
    (ViolationCategory.MORALITY, "Vi phạm quy định về những điều đảng viên không được làm", 1),
    (ViolationCategory.FINANCE_ASSETS, "Vi phạm quy định quản lý tài chính, tài sản công", 1),
)


def _weighted(rng, pairs):
    return rng.choices([v for v, _w in pairs], [w for _v, w in pairs])[0]


def _day_in(rng, year: int, until: dt.date, *, last: dt.date | None = None) -> dt.date | None:
    start = dt.date(year, 1, 5)
    end = min(dt.date(year, 12, 20), until, last or until)
    if end < start:
        return None
    return start + dt.timedelta(days=rng.randrange((end - start).days + 1))


def _alive(org: Organization, on: dt.date) -> bool:
    return (org.founded_on is None or org.founded_on <= on) and (org.ended_on is None or org.ended_on > on)


class _Registry:
    """The tree and the membership spells, loaded once, to answer "who was in which cell on a date"."""

    def __init__(self):
        self.orgs = list(Organization.objects.filter(deleted_at__isnull=True).order_by("path"))
        self.by_pk = {o.pk: o for o in self.orgs}
        self.root = self.orgs[0]
        self.spells = defaultdict(list)
        for member_id, org_id, start, end, probationary in MembershipSpell.objects.order_by("pk").values_list(
            "member_id", "organization_id", "start", "end", "probationary"
        ):
            self.spells[org_id].append((member_id, start, end, probationary))

    def members_on(self, org_id: int, on: dt.date) -> list[tuple[int, bool]]:
        return [(m, p) for m, s, e, p in self.spells.get(org_id, ()) if s <= on and (e is None or e > on)]

    def children(self, org: Organization) -> list[Organization]:
        return [o for o in self.orgs if o.depth == org.depth + 1 and o.path.startswith(org.path)]

    def parent(self, org: Organization) -> Organization | None:
        path = org.path[: -Organization.steplen]
        return next((o for o in self.orgs if o.path == path), None) if path else None


def seed(context) -> dict[str, int]:
    rng, until = context.rng, context.until
    registry = _Registry()
    if not registry.orgs:
        return {}
    holidays = frozenset(PublicHoliday.objects.values_list("on", flat=True))
    inspections, subject_orgs, subject_members = _inspections(rng, until, registry)
    created = bulk.create(Inspection, inspections, batch_size=1000, history=True)
    through = Inspection.subject_organizations.through
    bulk.create(
        through, [through(inspection_id=created[i].pk, organization_id=o) for i, orgs in subject_orgs for o in orgs]
    )
    rows = [
        InspectionSubjectMember(inspection_id=created[i].pk, member_id=m)
        for i, members in subject_members
        for m in members
    ]
    bulk.create(InspectionSubjectMember, rows)
    inspected_years_rebuild()
    disciplines = _disciplines(rng, until, registry)
    bulk.create(Discipline, disciplines, batch_size=500, history=True)
    letters = _letters(rng, until, registry, holidays)
    bulk.create(Letter, letters, batch_size=500, history=True)
    return {
        "Inspection": len(created),
        "InspectionSubjectMember": len(rows),
        "InspectedYear": InspectedYear.objects.count(),
        "Discipline": len(disciplines),
        "Letter": len(letters),
    }


def _inspection(rng, until, *, org, body, kind, title, on):
    """An inspection begun `on`, concluded when it ended by `until`."""
    inspection = Inspection(organization=org, body=body, kind=kind, title=title, started_on=on)
    ended = on + dt.timedelta(days=rng.randint(7, 45))
    if ended <= until:
        violation = rng.random() < 0.04
        inspection.document_no = f"{rng.randint(1, 120)}-QĐ/{'UBKT' if body == Body.INSPECTION_COMMITTEE else 'ĐU'}"
        inspection.ended_on = ended
        inspection.conclusion = CONCLUSION_VIOLATION if violation else CONCLUSION_OK
        inspection.violation_found = violation
    return inspection


def _inspections(rng, until, registry: _Registry):
    inspections, subject_orgs, subject_members = [], [], []

    def add(inspection, orgs=(), members=()):
        subject_orgs.append((len(inspections), list(orgs)))
        subject_members.append((len(inspections), sorted(set(members))))
        inspections.append(inspection)

    holding = [o for o in registry.orgs if o.kind in (OrganizationKind.CELL, OrganizationKind.BASE_CELL)]
    bases = [o for o in registry.orgs if o.kind == OrganizationKind.BASE_PARTY_COMMITTEE]
    top_level = [
        o for o in registry.orgs if o.kind in (OrganizationKind.BASE_PARTY_COMMITTEE, OrganizationKind.BASE_CELL)
    ]
    for year in YEARS:
        # Each cell's yearly program: part of its members inspected or supervised.
        for cell in holding:
            on = _day_in(rng, year, until)
            if on is None or not _alive(cell, on):
                continue
            present = [m for m, _p in registry.members_on(cell.pk, on)]
            chosen = [m for m in present if rng.random() < SUPERVISED_SHARE]
            if not chosen:
                continue
            kind = InspectionKind.PROGRAM if rng.random() < 0.6 else InspectionKind.THEMATIC_SUPERVISION
            add(
                _inspection(rng, until, org=cell, body=Body.CELL, kind=kind, title=rng.choice(PROGRAM_TITLES), on=on),
                members=chosen,
            )
        # Base party committees inspect one or two of their cells.
        for base in bases:
            on = _day_in(rng, year, until)
            cells = [c for c in registry.children(base) if on and _alive(c, on)]
            if on is None or not cells or not _alive(base, on):
                continue
            body, kind = _weighted(
                rng,
                [
                    ((Body.BASE_COMMITTEE, InspectionKind.PROGRAM), 5),
                    ((Body.INSPECTION_COMMITTEE, InspectionKind.FINANCES), 2),
                    ((Body.INSPECTION_COMMITTEE, InspectionKind.INSPECTION_DUTIES), 1),
                ],
            )
            title = ART_32_TITLES.get(kind) or rng.choice(PROGRAM_TITLES)
            picked = rng.sample(cells, min(len(cells), rng.randint(1, 2)))
            add(
                _inspection(rng, until, org=base, body=body, kind=kind, title=title, on=on), orgs=[c.pk for c in picked]
            )
        # The committee: its inspection committee (art. 32) and standing committee (thematic supervision).
        root = registry.root
        plan = [(Body.INSPECTION_COMMITTEE, k) for k in ART_32_TITLES for _n in range(rng.randint(1, 3))]
        plan += [(Body.STANDING_COMMITTEE, InspectionKind.THEMATIC_SUPERVISION)] * rng.randint(2, 4)
        for body, kind in plan:
            on = _day_in(rng, year, until)
            candidates = [o for o in top_level if on and _alive(o, on)]
            if on is None or not candidates:
                continue
            picked = rng.sample(candidates, min(len(candidates), rng.randint(1, 3)))
            members = []
            if kind in (InspectionKind.THEMATIC_SUPERVISION, InspectionKind.SIGNS_OF_VIOLATION):
                for org in picked:
                    cells = [org] if org.kind == OrganizationKind.BASE_CELL else registry.children(org)
                    present = [m for c in cells for m, _p in registry.members_on(c.pk, on)]
                    members += rng.sample(present, min(len(present), rng.randint(1, 3)))
            title = ART_32_TITLES.get(kind) or "Giám sát chuyên đề việc thực hiện nghị quyết của Đảng ủy Khối"
            add(
                _inspection(rng, until, org=root, body=body, kind=kind, title=title, on=on),
                orgs=[o.pk for o in picked],
                members=members,
            )
    return inspections, subject_orgs, subject_members


def _disciplines(rng, until, registry: _Registry) -> list[Discipline]:
    disciplines = []
    holding = [o for o in registry.orgs if o.kind in (OrganizationKind.CELL, OrganizationKind.BASE_CELL)]
    for year in YEARS:
        for _n in range(rng.randint(*DISCIPLINES_PER_YEAR)):
            on = _day_in(rng, year, until)
            if on is None:
                continue
            cell = rng.choice(holding)
            present = registry.members_on(cell.pk, on)
            if not present or not _alive(cell, on):
                continue
            member_id, probationary = rng.choice(present)
            form = _weighted(
                rng, [(DisciplineForm.REPRIMAND, 6), (DisciplineForm.WARNING, 3), (DisciplineForm.DISMISSAL, 1)]
            )
            if probationary and form == DisciplineForm.DISMISSAL:
                form = DisciplineForm.WARNING
            category, text = _weighted(rng, [((c, t), w) for c, t, w in VIOLATIONS])
            if form == DisciplineForm.DISMISSAL or cell.kind == OrganizationKind.BASE_CELL:
                deciding = registry.parent(cell) if form == DisciplineForm.DISMISSAL else cell
                body = Body.STANDING_COMMITTEE if deciding.kind == OrganizationKind.COMMITTEE else Body.BASE_COMMITTEE
                if deciding.kind == OrganizationKind.BASE_CELL:
                    body = Body.CELL
            else:
                deciding, body = cell, Body.CELL
            disciplines.append(
                Discipline(
                    organization=cell,
                    member_id=member_id,
                    form=form,
                    body=body,
                    deciding_organization=deciding,
                    decision_no=f"{rng.randint(1, 90)}-QĐ/{'CB' if body == Body.CELL else 'ĐU'}",
                    decided_on=on,
                    violation_category=category,
                    violation=text,
                    violation_started_on=on - dt.timedelta(days=rng.randint(30, 500)),
                    holds_post=form == DisciplineForm.DISMISSAL,
                    on_committee=rng.random() < 0.15,
                    was_probationary=probationary,
                )
            )
        # Now and then a cell is reprimanded by its base committee.
        if rng.random() < 0.4:
            on = _day_in(rng, year, until)
            cells = [c for c in holding if on and c.kind == OrganizationKind.CELL and _alive(c, on)]
            if on and cells:
                cell = rng.choice(cells)
                disciplines.append(
                    Discipline(
                        organization=cell,
                        subject_organization=cell,
                        form=DisciplineForm.REPRIMAND,
                        body=Body.BASE_COMMITTEE,
                        deciding_organization=registry.parent(cell),
                        decision_no=f"{rng.randint(1, 90)}-QĐ/ĐU",
                        decided_on=on,
                        violation_category=ViolationCategory.ORGANIZATIONAL_PRINCIPLES,
                        violation="Buông lỏng lãnh đạo, không duy trì sinh hoạt chi bộ định kỳ",
                        violation_started_on=on - dt.timedelta(days=rng.randint(60, 400)),
                    )
                )
    # Every expulsion in the registry since 2021 has its decision.
    expulsions = MemberEvent.objects.filter(kind=EventKind.EXPELLED, on__gte=dt.date(YEARS[0], 1, 1)).order_by("pk")
    for event in expulsions:
        cell = registry.by_pk.get(event.organization_id)
        if cell is None:
            continue
        disciplines.append(
            Discipline(
                organization=cell,
                member_id=event.member_id,
                form=DisciplineForm.EXPULSION,
                body=Body.STANDING_COMMITTEE,
                deciding_organization=registry.root,
                decision_no=event.document_no or f"{rng.randint(1, 90)}-QĐ/ĐUK",
                decided_on=event.on,
                violation_category=_weighted(rng, [(ViolationCategory.LAW, 2), (ViolationCategory.CORRUPTION, 1)]),
                violation="Vi phạm pháp luật, bị khởi tố và kết án",
                violation_started_on=event.on - dt.timedelta(days=rng.randint(90, 700)),
                expulsion_event=event,
            )
        )
    return disciplines


def _letters(rng, until, registry: _Registry, holidays) -> list[Letter]:
    letters = []
    bases = [o for o in registry.orgs if o.kind in (OrganizationKind.BASE_PARTY_COMMITTEE, OrganizationKind.BASE_CELL)]
    categories = [
        (LetterCategory.WITHIN_AUTHORITY, 4),
        (LetterCategory.NOT_WITHIN_AUTHORITY, 6),
        (LetterCategory.FORWARDED_LOWER, 3),
        (LetterCategory.RETURNED_WITH_GUIDANCE, 2),
        (LetterCategory.ANONYMOUS, 3),
        (LetterCategory.IMPERSONATED, 1),
        (LetterCategory.NO_ADDRESS, 1),
        (LetterCategory.REPEATED, 1),
        (LetterCategory.VAGUE, 1),
    ]
    for year in YEARS:
        for _n in range(rng.randint(*LETTERS_PER_YEAR)):
            received = _day_in(rng, year, until)
            if received is None:
                continue
            category = _weighted(rng, categories)
            kind = _weighted(rng, [(LetterKind.DENUNCIATION, 6), (LetterKind.COMPLAINT, 3), (LetterKind.BOTH, 1)])
            base = rng.choice(bases)
            present = [m for c in [base, *registry.children(base)] for m, _p in registry.members_on(c.pk, received)]
            letter = Letter(
                organization=registry.root if rng.random() < 0.8 else base,
                received_on=received,
                kind=kind,
                signed=category != LetterCategory.ANONYMOUS,
                sender="" if category == LetterCategory.ANONYMOUS else "Công dân (đã ẩn danh trong dữ liệu mẫu)",
                member_id=rng.choice(present) if present and rng.random() < 0.7 else None,
                subject_organization=base if rng.random() < 0.5 else None,
                subject_text="" if present else "Cán bộ cơ quan (không rõ họ tên)",
                summary="Phản ánh việc vi phạm quy định trong công tác cán bộ và quản lý tài chính",
                category=category,
                status=LetterStatus.CLOSED,
            )
            if letter.member_id is None and letter.subject_organization is None and not letter.subject_text:
                letter.subject_organization = base
            if category == LetterCategory.WITHIN_AUTHORITY:
                rules = letter_rules_on(received)
                letter.extended = rng.random() < 0.15
                days = rules.handling_working_days + (rules.extension_working_days if letter.extended else 0)
                letter.due_on = add_working_days(received, days, holidays)
                resolved = received + dt.timedelta(days=rng.randint(40, 170))
                if resolved <= until:
                    letter.status, letter.resolved_on = LetterStatus.RESOLVED, resolved
                    letter.result = rng.choice(
                        [
                            "Tố cáo đúng một phần; đã xử lý theo quy định",
                            "Nội dung tố cáo không đúng",
                            "Khiếu nại không có cơ sở",
                        ]
                    )
                else:
                    letter.status = LetterStatus.IN_PROGRESS if rng.random() < 0.8 else LetterStatus.RECEIVED
            letters.append(letter)
    return letters
