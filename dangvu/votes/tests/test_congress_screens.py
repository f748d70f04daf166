"""The congress screens end to end through the views, and the papers: ballots and minutes of counting (DOCX)."""

import datetime as dt
import io

import pytest
from django.urls import reverse
from docx import Document

from dangvu.cadres.models import CommitteeAppointment
from dangvu.votes import congress as rules
from dangvu.votes import docx_congress, elections
from dangvu.votes.models import Body, Congress, CongressState, Poll, PollState
from dangvu.votes.tests.congress_factories import congress_of, election, organization_with_members

pytestmark = pytest.mark.django_db


def _text(content: bytes) -> str:
    document = Document(io.BytesIO(content))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" | ".join(c.text for c in row.cells))
    return "\n".join(parts)


def _counted(seats=4, candidates=5, votes=(9, 8, 7, 6, 2)):
    _, org, members = organization_with_members(10)
    congress = congress_of(org)
    rules.counter_add(by=None, congress=congress, name="", member=members[9], role="head")
    rules.counter_add(by=None, congress=congress, name="Kỹ thuật viên Tâm", role="technician")
    poll = election(congress, members, seats=seats, candidates=candidates)
    rules.set_attendance(by=None, poll=poll, member_id=members[8].pk, attendance=rules.Attendance.ABSENT_WITH_LEAVE)
    poll.refresh_from_db()
    options = list(poll.options.order_by("order"))
    elections.enter_totals(
        by=None,
        poll=poll,
        ballots_issued=9,
        ballots_collected=9,
        ballots_valid=9,
        ballots_invalid=0,
        votes={o.pk: v for o, v in zip(options, votes, strict=True)},
    )
    poll.refresh_from_db()
    elections.finish(by=None, poll=poll)
    return poll, members


def test_the_minutes_of_counting_state_the_figures_of_the_tally():
    poll, members = _counted()
    text = _text(docx_congress.minutes_of_counting(poll))
    assert "BIÊN BẢN KIỂM PHIẾU" in text
    assert "nhiệm kỳ 2025-2030" in text
    assert "Số lượng cần bầu: 04 đồng chí" in text
    assert "được triệu tập: 10 đồng chí; có mặt: 09 đồng chí; vắng mặt: 01 đồng chí" in text
    assert "(trên một nửa): 09 đồng chí" in text
    assert members[8].full_name in text  # left out by name
    assert "Số phiếu phát ra: 09; số phiếu thu vào: 09; số phiếu hợp lệ: 09; số phiếu không hợp lệ: 00" in text
    for option in poll.options.all():
        assert f"{option.name} | {option.votes} | {elections.pct_of_base(option.votes, poll.base)}" in text
    elected = [o.name for o in elections.outcome(poll).elected]
    assert len(elected) == 4
    assert members[9].full_name in text  # the head of the counting committee signs


def test_the_ballot_lists_the_candidates_in_order_once_a_page():
    poll, _ = _counted()
    text = _text(docx_congress.ballots(poll, copies=3))
    assert text.count("PHIẾU BẦU CỬ") == 3
    first = poll.options.order_by("order").first()
    assert f"1 | {first.name}" in text


def test_a_congress_from_the_list_to_the_approved_results_through_the_screens(client, personas):
    client.force_login(personas.staff)
    response = client.post(
        reverse("votes:congress_create"),
        {"organization": personas.cell_a1.pk, "term": "2025-2027", "kind": "members", "opens_on": "10/05/2025"},
    )
    congress = Congress.objects.get(organization=personas.cell_a1)
    assert response.status_code == 302
    change = reverse("votes:congress_change", kwargs={"pk": congress.pk})
    client.post(change, {"action": "add_poll", "body": Body.SECRETARY, "seats": 1, "held_on": "10/05/2025"})
    poll = Poll.objects.get(congress=congress)
    assert poll.convened == 2  # the two full members of the cell on the day
    act = reverse("votes:election_change", kwargs={"pk": poll.pk})
    client.post(act, {"action": "add_candidate", "member": personas.member_a.pk, "nominated_by": "convening"})
    assert poll.options.count() == 1
    client.post(act, {"action": "start"})
    response = client.post(
        reverse("votes:election_totals", kwargs={"pk": poll.pk}),
        {
            "ballots_issued": 3,
            "ballots_collected": 2,
            "ballots_valid": 2,
            "ballots_invalid": 0,
            f"votes_{poll.options.get().pk}": 2,
        },
    )
    assert response.status_code == 200  # more issued than present is refused beside the form
    assert "phát ra" in response.content.decode()
    client.post(
        reverse("votes:election_totals", kwargs={"pk": poll.pk}),
        {
            "ballots_issued": 2,
            "ballots_collected": 2,
            "ballots_valid": 2,
            "ballots_invalid": 0,
            f"votes_{poll.options.get().pk}": 2,
        },
    )
    client.post(act, {"action": "finish"})
    page = client.get(reverse("votes:election_detail", kwargs={"pk": poll.pk})).content.decode()
    assert "trúng cử" in page and "Lê Thị Cúc" in page  # the result, and who was convened by name
    client.post(act, {"action": "publish"})
    poll.refresh_from_db()
    assert poll.state == PollState.PUBLISHED
    minutes = client.get(reverse("votes:election_minutes_docx", kwargs={"pk": poll.pk}))
    assert minutes.status_code == 200 and minutes.content[:2] == b"PK"
    client.post(change, {"action": "submit"})
    congress.refresh_from_db()
    assert congress.state == CongressState.SUBMITTED
    response = client.post(
        reverse("votes:congress_approve", kwargs={"pk": congress.pk}),
        {"approved_on": "20/05/2025", "approved_by": "Ban Thường vụ Đảng ủy Sở", "document_no": "12-QĐ/ĐU"},
    )
    assert response.status_code == 302
    appointment = CommitteeAppointment.objects.get(organization=personas.cell_a1)
    assert (appointment.member, appointment.position, appointment.decided_on) == (
        personas.member_a,
        "secretary",
        dt.date(2025, 5, 20),
    )


def test_a_refused_change_is_a_message_not_an_error_page(client, personas):
    client.force_login(personas.secretary_a)
    congress = rules.congress_save(by=None, organization=personas.org_a, term="2025-2030", opens_on=dt.date(2025, 6, 1))
    response = client.post(
        reverse("votes:congress_change", kwargs={"pk": congress.pk}), {"action": "submit"}, follow=True
    )
    assert response.status_code == 200
    assert "công bố" in response.content.decode()


def test_ballots_entered_one_by_one_on_the_screen_follow_the_seats(client, personas):
    client.force_login(personas.secretary_a)
    org = personas.org_a
    congress = rules.congress_save(by=None, organization=org, term="2025-2030", opens_on=dt.date(2025, 6, 1))
    poll = rules.poll_create(by=None, congress=congress, body=Body.COMMITTEE, seats=1)
    rules.candidate_add(by=None, poll=poll, member=personas.member_a)
    rules.start(by=None, poll=poll)
    url = reverse("votes:election_ballot", kwargs={"pk": poll.pk})
    assert client.get(url).status_code == 200
    option = poll.options.get()
    client.post(url, {"action": "issued", "issued": 2})
    client.post(url, {"kept": [option.pk]})
    response = client.post(url, {"kept": [option.pk], "spoiled": "on"}, follow=True)
    assert "không hợp lệ" in response.content.decode()
    poll.refresh_from_db()
    assert (poll.ballots_issued, poll.ballots_collected, poll.ballots_valid, poll.ballots_invalid) == (2, 2, 1, 1)
    assert poll.options.get().votes == 1
    response = client.post(url, {"kept": [option.pk]})
    assert response.status_code == 200 and "Đã nhập đủ" in response.content.decode()
