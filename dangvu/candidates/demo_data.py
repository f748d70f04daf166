"""Demo admission pipeline: about a hundred current candidates at every stage, some near or past a deadline."""

import datetime as dt

from dangvu.candidates.models import Candidate, Introducer
from dangvu.candidates.services import derive
from dangvu.demo.names import FAMILY_NAMES, GIVEN_NAMES, MIDDLE_NAMES
from dangvu.demo.population import weighted
from dangvu.members.models import Member, Sex, Status
from dangvu.organizations.models import MEMBER_HOLDING_KINDS, Organization
from dangvu.workcalendar.models import PublicHoliday

COUNTS = {"small": 30, "bloc": 100, "province": 100, "country": 100}
# Share of the pipeline at each stage (cell approved or beyond: waiting for the committee's decision).
STAGES = (("preparing", 45), ("cell", 20), ("committee", 15), ("decided", 14), ("withdrawn", 6))


def seed(context) -> dict[str, int]:
    rng = context.rng
    today = context.until
    holidays = frozenset(PublicHoliday.objects.values_list("on", flat=True))
    cells = list(
        Organization.objects.filter(
            kind__in=MEMBER_HOLDING_KINDS, ended_on__isnull=True, deleted_at__isnull=True
        ).order_by("path")
    )
    if not cells:
        return {}
    full_members: dict[int, list[tuple[int, dt.date]]] = {}
    for pk, org_id, admitted in (
        Member.objects.filter(status=Status.FULL).order_by("pk").values_list("pk", "organization_id", "admitted_on")
    ):
        full_members.setdefault(org_id, []).append((pk, admitted))
    cells = [c for c in cells if len(full_members.get(c.pk, [])) >= 2] or cells
    stages = [s for s, weight in STAGES for _ in range(weight)]
    candidates, pending_introducers = [], []
    for _index in range(COUNTS[context.size]):
        cell = rng.choice(cells)
        sex = rng.choice((Sex.MALE, Sex.FEMALE))
        full_name = f"{weighted(rng, FAMILY_NAMES)} {weighted(rng, MIDDLE_NAMES[sex])} {rng.choice(GIVEN_NAMES[sex])}"
        stage = rng.choice(stages)
        born = dt.date(rng.randint(1980, 2003), rng.randint(1, 12), rng.randint(1, 28))
        c = Candidate(
            full_name=full_name,
            sex=sex,
            date_of_birth=born,
            organization=cell,
            hometown="Kiên Giang",
            general_education="12/12",
            occupation_now=rng.choice(("Chuyên viên", "Kế toán", "Giáo viên", "Kỹ sư", "Nhân viên")),
        )
        # Work back from today: the later the stage, the older the cell's resolution.
        if stage == "preparing":
            if rng.random() < 0.6:
                c.awareness_class_on = today - dt.timedelta(days=rng.randint(20, 300))
                c.awareness_certificate_no = f"{rng.randint(1, 999):03d}/GCN"
            if rng.random() < 0.4:
                c.application_on = today - dt.timedelta(days=rng.randint(5, 60))
        else:
            cell_vote = today - dt.timedelta(days=rng.randint(10, 110))
            c.awareness_class_on = cell_vote - dt.timedelta(days=rng.randint(60, 300))
            c.awareness_certificate_no = f"{rng.randint(1, 999):03d}/GCN"
            c.application_on = cell_vote - dt.timedelta(days=rng.randint(30, 50))
            c.cv_verified_on = cell_vote - dt.timedelta(days=rng.randint(5, 25))
            c.cv_verification_note = "Đã thẩm tra lý lịch, đủ điều kiện"
            if stage == "withdrawn":
                c.withdrawn_on = cell_vote + dt.timedelta(days=5)
                c.withdrawn_reason = "Chuyển công tác ra ngoài tỉnh"
            else:
                voters = rng.randint(5, 25)
                c.cell_vote_on, c.cell_voters = cell_vote, voters
                c.cell_votes_for = voters - rng.randint(0, voters // 4)
            if stage in ("committee", "decided"):
                c.committee_vote_on = min(cell_vote + dt.timedelta(days=rng.randint(5, 20)), today)
                c.committee_voters = rng.randint(5, 11)
                c.committee_votes_for = c.committee_voters
            if stage == "decided":
                c.decision_on = min(c.committee_vote_on + dt.timedelta(days=rng.randint(10, 40)), today)
                c.decision_received_on = min(c.decision_on + dt.timedelta(days=rng.randint(1, 5)), today)
                c.decision_no = f"{rng.randint(100, 999)}-QĐ/ĐUK"
            letter_on = c.application_on
            known = [m for m in full_members.get(cell.pk, []) if m[1] and m[1] < letter_on - dt.timedelta(days=800)]
            for pk, _admitted in rng.sample(known, min(2, len(known))):
                pending_introducers.append((c, pk, letter_on - dt.timedelta(days=rng.randint(400, 1500)), letter_on))
        derive(c, holidays=holidays)
        candidates.append(c)
    Candidate.objects.bulk_create(candidates)
    introducers = [
        Introducer(candidate=c, member_id=pk, known_since=since, letter_on=letter)
        for c, pk, since, letter in pending_introducers
    ]
    Introducer.objects.bulk_create(introducers)
    return {"Candidate": len(candidates), "Introducer": len(introducers)}
