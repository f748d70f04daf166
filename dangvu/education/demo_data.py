"""Demo study sessions and training classes at the rates of the example reports.

Each base organization studies 4-8 documents a year (the last two years up to `until`) with
about 95% of its members present; the committee holds about a dozen classes a year with 30-80
participants. Attendance comes from the membership spells, so every member recorded present
was counted in the organization's subtree that day. Rows are bulk-created.
"""

import bisect
import datetime as dt
from collections import Counter, defaultdict

from dangvu.demo.names import FAMILY_NAMES, GIVEN_NAMES, MIDDLE_NAMES
from dangvu.education.models import (
    Completion,
    StudiedYear,
    StudyAttendance,
    StudySession,
    TrainingClass,
    TrainingKind,
    TrainingParticipant,
)
from dangvu.education.services import document_key, studied_years_rebuild
from dangvu.lib import bulk
from dangvu.members.models import MembershipSpell
from dangvu.organizations.models import BASE_KINDS, Organization, OrganizationKind

# (reference as written, year issued): documents the bloc studied in 2022-2026.
DOCUMENTS = [
    ("Nghị quyết số 21-NQ/TW về tăng cường củng cố, xây dựng tổ chức cơ sở đảng", 2022),
    ("Kết luận số 21-KL/TW về đẩy mạnh xây dựng, chỉnh đốn Đảng", 2021),
    ("Chỉ thị số 05-CT/TW về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", 2016),
    ("Nghị quyết số 27-NQ/TW về xây dựng Nhà nước pháp quyền xã hội chủ nghĩa", 2022),
    ("Nghị quyết số 28-NQ/TW về tiếp tục đổi mới phương thức lãnh đạo của Đảng", 2022),
    ("Nghị quyết số 29-NQ/TW về công nghiệp hóa, hiện đại hóa đất nước", 2022),
    ("Nghị quyết số 41-NQ/TW về xây dựng và phát huy vai trò của đội ngũ doanh nhân", 2023),
    ("Nghị quyết số 42-NQ/TW về chính sách xã hội", 2023),
    ("Nghị quyết số 43-NQ/TW về phát huy sức mạnh đại đoàn kết toàn dân tộc", 2023),
    ("Nghị quyết số 45-NQ/TW về xây dựng đội ngũ trí thức", 2023),
    ("Nghị quyết số 57-NQ/TW về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số", 2024),
    ("Quy định số 144-QĐ/TW về chuẩn mực đạo đức cách mạng của cán bộ, đảng viên", 2024),
    ("Nghị quyết số 18-NQ/TW về tinh gọn tổ chức bộ máy của hệ thống chính trị", 2025),
    ("Nghị quyết số 66-NQ/TW về đổi mới công tác xây dựng và thi hành pháp luật", 2025),
    ("Nghị quyết số 68-NQ/TW về phát triển kinh tế tư nhân", 2025),
    ("Quy định số 232-QĐ/TW thi hành Điều lệ Đảng", 2025),
    ("Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIV của Đảng", 2026),
]
CLASS_TITLES = {
    TrainingKind.PARTY_AWARENESS: "Lớp bồi dưỡng nhận thức về Đảng khóa {n}",
    TrainingKind.NEW_MEMBER: "Lớp bồi dưỡng lý luận chính trị cho đảng viên mới khóa {n}",
    TrainingKind.COMMITTEE_MEMBER: "Lớp bồi dưỡng nghiệp vụ công tác đảng cho cấp ủy viên cơ sở năm {year}",
    TrainingKind.OTHER: "Lớp bồi dưỡng kiến thức quốc phòng và an ninh năm {year}",
}
# Classes a year by kind (about a dozen in all).
CLASSES_A_YEAR = {
    TrainingKind.PARTY_AWARENESS: 4,
    TrainingKind.NEW_MEMBER: 4,
    TrainingKind.COMMITTEE_MEMBER: 2,
    TrainingKind.OTHER: 2,
}
YEARS = 3
# Study sessions are the bulk of the demo rows (one per member present): the last two years.
STUDY_YEARS = 2


class _Spells:
    """All membership spells, grouped by the organization's path, to pick members counted on a day."""

    def __init__(self):
        self.by_path: dict[str, list[tuple[int, dt.date, dt.date | None]]] = defaultdict(list)
        rows = MembershipSpell.objects.values_list("member_id", "organization__path", "start", "end")
        for member_id, path, start, end in rows.iterator(chunk_size=20_000):
            self.by_path[path].append((member_id, start, end))
        self.paths = sorted(self.by_path)

    def counted(self, path: str, on: dt.date) -> list[int]:
        found = []
        index = bisect.bisect_left(self.paths, path)
        while index < len(self.paths) and self.paths[index].startswith(path):
            for member_id, start, end in self.by_path[self.paths[index]]:
                if start <= on and (end is None or end > on):
                    found.append(member_id)
            index += 1
        return sorted(found)


def _random_day(rng, year: int, until: dt.date, first_month: int = 1) -> dt.date | None:
    last = min(dt.date(year, 12, 31), until)
    first = dt.date(year, first_month, 1)
    if last < first:
        return None
    return first + dt.timedelta(days=rng.randrange((last - first).days + 1))


def _person_name(rng) -> str:
    sex = rng.choice(["male", "female"])
    family = rng.choices([n for n, _ in FAMILY_NAMES], [w for _, w in FAMILY_NAMES])[0]
    middle = rng.choices([n for n, _ in MIDDLE_NAMES[sex]], [w for _, w in MIDDLE_NAMES[sex]])[0]
    return f"{family} {middle} {rng.choice(GIVEN_NAMES[sex])}"


def seed(context) -> dict[str, int]:
    rng = context.rng
    until = context.until
    spells = _Spells()
    bases = list(Organization.objects.filter(kind__in=BASE_KINDS, deleted_at__isnull=True).order_by("path"))
    years = range(until.year - STUDY_YEARS + 1, until.year + 1)
    sessions, chosen = [], []
    for base in bases:
        headcount = rng.randint(5, 80)
        for year in years:
            documents = [d for d in DOCUMENTS if d[1] <= year]
            for reference, _issued in rng.sample(documents, min(len(documents), rng.randint(4, 8))):
                held_on = _random_day(rng, year, until)
                if held_on is None or (base.founded_on and held_on < base.founded_on):
                    continue
                if base.ended_on and held_on >= base.ended_on:
                    continue
                counted = spells.counted(base.path, held_on)
                present = [m for m in counted if rng.random() < 0.95]
                staff = max(0, headcount + rng.randint(-3, 3))
                sessions.append(
                    StudySession(
                        organization=base,
                        document_reference=reference,
                        document_key=document_key(reference),
                        held_on=held_on,
                        members_present=len(present),
                        non_members_present=round(staff * rng.uniform(0.8, 1.0)),
                        non_member_headcount=staff,
                    )
                )
                chosen.append(present)
    # One session per (organization, document, day): drop the rare same-day repeats.
    seen, unique_sessions, unique_chosen = set(), [], []
    for session, present in zip(sessions, chosen, strict=True):
        key = (session.organization.pk, session.document_key, session.held_on)
        if key not in seen:
            seen.add(key)
            unique_sessions.append(session)
            unique_chosen.append(present)
    StudySession.objects.bulk_create(unique_sessions, batch_size=2000)
    attendances = [
        (session.pk, member_id)
        for session, present in zip(unique_sessions, unique_chosen, strict=True)
        for member_id in present
    ]
    bulk.insert_tuples(StudyAttendance, ("session_id", "member_id"), attendances)
    studied_years_rebuild()
    counts = Counter(
        {
            "StudySession": len(unique_sessions),
            "StudyAttendance": len(attendances),
            "StudiedYear": StudiedYear.objects.count(),
        }
    )
    counts.update(_seed_classes(rng, until, range(until.year - YEARS + 1, until.year + 1), spells))
    return dict(counts)


def _seed_classes(rng, until: dt.date, years, spells: _Spells) -> Counter:
    root = Organization.objects.filter(kind=OrganizationKind.COMMITTEE, depth=1).order_by("path").first()
    if root is None:
        return Counter()
    classes, rosters = [], []
    number = 0
    for year in years:
        for kind, per_year in CLASSES_A_YEAR.items():
            for _ in range(per_year):
                starts_on = _random_day(rng, year, until)
                if starts_on is None:
                    continue
                number += 1
                ends_on = starts_on + dt.timedelta(days=rng.choice([2, 4, 6]))
                size = rng.randint(30, 80)
                if kind == TrainingKind.PARTY_AWARENESS:
                    roster = [("name", _person_name(rng)) for _ in range(size)]
                else:
                    counted = spells.counted(root.path, starts_on)
                    roster = [("member", m) for m in rng.sample(counted, min(size, len(counted)))]
                finished = ends_on <= until
                classes.append(
                    TrainingClass(
                        kind=kind,
                        title=CLASS_TITLES[kind].format(n=number, year=year),
                        organization=root,
                        organizer="Trung tâm Chính trị tỉnh" if kind != TrainingKind.OTHER else "",
                        starts_on=starts_on,
                        ends_on=ends_on,
                        place="Hội trường Đảng ủy Khối",
                    )
                )
                rosters.append((roster, finished))
    TrainingClass.objects.bulk_create(classes)
    participants = []
    for training_class, (roster, finished) in zip(classes, rosters, strict=True):
        completed = 0
        for index, (what, value) in enumerate(roster, start=1):
            done = finished and rng.random() < 0.96
            completion = (
                (Completion.COMPLETED if done else Completion.NOT_COMPLETED) if finished else Completion.PENDING
            )
            needs_certificate = done and training_class.kind in (TrainingKind.PARTY_AWARENESS, TrainingKind.NEW_MEMBER)
            completed += done
            participants.append(
                TrainingParticipant(
                    training_class=training_class,
                    member_id=value if what == "member" else None,
                    person_name=value if what == "name" else "",
                    completion=completion,
                    certificate_number=f"{training_class.pk}/{index:03d}-GCN" if needs_certificate else "",
                )
            )
        training_class.participant_count = len(roster)
        training_class.completed_count = completed
    TrainingParticipant.objects.bulk_create(participants, batch_size=5000)
    TrainingClass.objects.bulk_update(classes, ["participant_count", "completed_count"])
    return Counter({"TrainingClass": len(classes), "TrainingParticipant": len(participants)})
