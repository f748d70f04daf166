"""Records of a member's party life for the portal's tests (made directly: the tests read them, not write them)."""

import datetime as dt

from dangvu.members.models import Member


def rate(member: Member, *, committee, year: int, grade: str = "", not_graded_reason: str = ""):
    from dangvu.ratings.models import MemberRating, RatingSeason

    cell = member.organization
    season, _ = RatingSeason.objects.get_or_create(
        organization=committee, year=year, defaults={"opened_on": dt.date(year, 12, 1)}
    )
    return MemberRating.objects.create(
        season=season,
        member=member,
        organization=cell,
        base_organization=committee,
        grade=grade,
        not_graded_reason=not_graded_reason,
    )


def meeting(cell, *, on: dt.date, statuses: dict, topic: str = ""):
    """A meeting of `cell` with attendance: {member: status}."""
    from dangvu.meetings.models import Attendance, Meeting

    held = Meeting.objects.create(
        organization=cell,
        kind="regular",
        held_on=on,
        duration_minutes=120,
        locality="Hà Nội",
        content="Đánh giá nhiệm vụ tháng.",
        chaired_by="Bí thư",
        minutes_by="Thư ký",
        topic=topic,
    )
    Attendance.objects.bulk_create(
        Attendance(meeting=held, member=member, status=status, note="Đi công tác" if status == "excused" else "")
        for member, status in statuses.items()
    )
    return held


def study(organization, *, on: dt.date, document: str, members):
    from dangvu.education.models import StudyAttendance, StudySession

    session = StudySession.objects.create(
        organization=organization, document_reference=document, document_key=document.lower(), held_on=on
    )
    StudyAttendance.objects.bulk_create(StudyAttendance(session=session, member=m) for m in members)
    return session


def training(organization, *, title: str, starts_on: dt.date, participants: dict):
    from dangvu.education.models import TrainingClass, TrainingParticipant

    course = TrainingClass.objects.create(
        kind="new_member",
        title=title,
        organization=organization,
        starts_on=starts_on,
        ends_on=starts_on + dt.timedelta(days=5),
    )
    for member, completion in participants.items():
        TrainingParticipant.objects.create(training_class=course, member=member, completion=completion)
    return course


def inspection(organization, *, title: str, subject: Member, ended_on: dt.date | None, conclusion: str = ""):
    from dangvu.inspections.models import Inspection, InspectionSubjectMember

    record = Inspection.objects.create(
        organization=organization,
        body="inspection_committee",
        kind="signs_of_violation",
        title=title,
        started_on=dt.date(2025, 1, 10),
        ended_on=ended_on,
        conclusion=conclusion,
    )
    InspectionSubjectMember.objects.create(inspection=record, member=subject)
    return record


def discipline(organization, *, member: Member, decided_on: dt.date, decision_no: str):
    from dangvu.inspections.models import Discipline

    return Discipline.objects.create(
        organization=member.organization,
        member=member,
        form="reprimand",
        body="inspection_committee",
        deciding_organization=organization,
        decision_no=decision_no,
        decided_on=decided_on,
        violation_category="member_duties",
        violation_started_on=decided_on - dt.timedelta(days=60),
    )
