"""Demo cadre-work records: ~150 political-standard conclusions a year and a few dozen committee appointments."""

import datetime as dt

from dangvu.cadres.models import AppointmentKind, CommitteeAppointment, PoliticalConclusion, Position, Purpose, Verdict
from dangvu.candidates.models import Candidate
from dangvu.members.models import Member, Status
from dangvu.organizations.models import BASE_KINDS, Organization

CONCLUSIONS_PER_YEAR = {"small": 40, "bloc": 150, "province": 150, "country": 150}
APPOINTMENTS_PER_YEAR = {"small": 8, "bloc": 30, "province": 30, "country": 30}
PURPOSE_MIX = ((Purpose.PLANNING, 5), (Purpose.APPOINTMENT, 3), (Purpose.ABROAD_TRAVEL, 3), (Purpose.ABROAD_STUDY, 1))
TEXTS = {
    Verdict.MEETS: "Lịch sử chính trị và chính trị hiện nay rõ ràng; đủ tiêu chuẩn chính trị.",
    Verdict.MEETS_WITH_NOTES: "Đủ tiêu chuẩn chính trị; có người thân ở nước ngoài, đã kê khai đầy đủ.",
    Verdict.FAILS: "Chưa đủ tiêu chuẩn chính trị; cần thẩm tra bổ sung.",
}


def _weekday(day: dt.date) -> dt.date:
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    return day


def seed(context) -> dict[str, int]:
    rng = context.rng
    until = context.until
    members = list(
        Member.objects.filter(status=Status.FULL, admitted_on__lt=dt.date(until.year - 6, 1, 1))
        .select_related("organization")
        .only("pk", "organization__path", "organization_id")
        .order_by("pk")
    )
    if not members:
        return {}
    purposes = [p for p, weight in PURPOSE_MIX for _ in range(weight)]
    conclusions = []
    first_year = until.year - 5
    for year in range(first_year, until.year + 1):
        end = min(dt.date(year, 12, 31), until)
        for _ in range(CONCLUSIONS_PER_YEAR[context.size]):
            member = rng.choice(members)
            on = _weekday(dt.date(year, 1, 2) + dt.timedelta(days=rng.randint(0, (end - dt.date(year, 1, 2)).days)))
            if on > until:
                continue
            verdict = Verdict.MEETS if rng.random() < 0.9 else Verdict.MEETS_WITH_NOTES
            conclusions.append(
                PoliticalConclusion(
                    member=member,
                    organization_id=member.organization_id,
                    purpose=rng.choice(purposes),
                    concluded_on=on,
                    verdict=verdict,
                    conclusion=TEXTS[verdict],
                    document_no=f"{rng.randint(1, 400):02d}-KL/ĐUK",
                )
            )
    # Candidates whose CV was verified got a conclusion for admission.
    for candidate in Candidate.objects.filter(cv_verified_on__isnull=False).order_by("pk"):
        conclusions.append(
            PoliticalConclusion(
                candidate=candidate,
                organization_id=candidate.organization_id,
                purpose=Purpose.ADMISSION,
                concluded_on=candidate.cv_verified_on,
                verdict=Verdict.MEETS,
                conclusion=TEXTS[Verdict.MEETS],
            )
        )
    PoliticalConclusion.objects.bulk_create(conclusions, batch_size=2000)

    # Appointments: per base organization, one secretary at a time; executive members and deputies.
    bases = list(
        Organization.objects.filter(kind__in=BASE_KINDS, ended_on__isnull=True, deleted_at__isnull=True).order_by(
            "path"
        )
    )
    by_base: dict[int, list[Member]] = {}
    for base in bases:
        by_base[base.pk] = [m for m in members if m.organization and m.organization.path.startswith(base.path)]
    bases = [b for b in bases if len(by_base[b.pk]) >= 3]
    appointments = []
    secretaries: dict[int, CommitteeAppointment] = {}
    for year in range(first_year, until.year + 1):
        end = min(dt.date(year, 12, 31), until)
        term = "2020-2025" if year < 2025 else "2025-2030"
        for _ in range(APPOINTMENTS_PER_YEAR[context.size]):
            if not bases:
                break
            base = rng.choice(bases)
            member = rng.choice(by_base[base.pk])
            on = _weekday(dt.date(year, 1, 2) + dt.timedelta(days=rng.randint(0, (end - dt.date(year, 1, 2)).days)))
            if on > until:
                continue
            position = rng.choice(
                (Position.EXECUTIVE, Position.EXECUTIVE, Position.DEPUTY_SECRETARY, Position.SECRETARY)
            )
            if position == Position.STANDING and base.kind != "base_party_committee":
                position = Position.EXECUTIVE
            record = CommitteeAppointment(
                organization=base,
                member=member,
                position=position,
                kind=rng.choice((AppointmentKind.APPOINTED, AppointmentKind.APPROVED)),
                decided_by="Ban Thường vụ Đảng ủy Khối",
                decided_on=on,
                document_no=f"{rng.randint(1, 900):02d}-QĐ/ĐUK",
                term=term,
            )
            if position == Position.SECRETARY:
                previous = secretaries.get(base.pk)
                if previous is not None:
                    if previous.decided_on >= on:
                        continue
                    previous.ended_on = on
                secretaries[base.pk] = record
            appointments.append(record)
    CommitteeAppointment.objects.bulk_create(appointments)
    return {"PoliticalConclusion": len(conclusions), "CommitteeAppointment": len(appointments)}
