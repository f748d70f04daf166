"""The confidence-vote screens: the list with the units that held votes, a new round in two steps, the tally
and ballot forms with their refusals in Vietnamese, the results report."""

import pytest
from django.urls import reverse

from dangvu.votes.models import Poll, PollState
from dangvu.votes.tests.confidence_builders import committee_of, rounds_in_every_state

pytestmark = pytest.mark.django_db


@pytest.fixture
def rounds(personas):
    committee_of(personas.org_a, personas.cell_a1)
    return rounds_in_every_state(personas.org_a, None)


def test_the_list_says_how_many_units_held_votes_as_the_reports_do(client, personas, rounds):
    client.force_login(personas.staff)
    response = client.get(reverse("votes:confidence_list"), {"year": "2025"})
    text = response.content.decode()
    assert response.status_code == 200
    # Organizations with committee posts: A; A held its votes.
    assert "Có 1/1 đơn vị thực hiện" in text
    assert text.count("Hội nghị Ban Chấp hành") == 5


def test_a_new_round_lists_the_people_then_creates_the_vote(client, personas, rounds):
    client.force_login(personas.secretary_a)
    data = {
        "organization": personas.org_a.pk,
        "held_on": "10/12/2025",
        "conference": "Hội nghị lần thứ 13",
        "voters": "committee",
        "method": "paper",
    }
    preview = client.get(reverse("votes:confidence_create"), data)
    assert "Phạm Văn Hải" in preview.content.decode() and Poll.objects.count() == 5
    retiring = Poll.objects.first().options.last().member_id
    response = client.post(reverse("votes:confidence_create"), {**data, "retiring": [retiring]})
    poll = Poll.objects.latest("pk")
    assert response.status_code == 302 and poll.title == "Hội nghị lần thứ 13"
    assert retiring not in set(poll.options.values_list("member_id", flat=True))


def test_a_tally_that_does_not_add_up_is_shown_again_with_the_reason_in_vietnamese(client, personas, rounds):
    poll = rounds["started"]
    client.force_login(personas.secretary_a)
    url = reverse("votes:confidence_tally", kwargs={"pk": poll.pk})
    form = client.get(url).context["form"]
    data = {name: form[name].value() for name in form.fields}
    data["ballots_valid"] = poll.ballots_collected - 1
    response = client.post(url, data)
    assert response.status_code == 200
    assert "không bằng số phiếu thu vào" in response.content.decode() or "cộng" in response.content.decode()


def test_a_ballot_is_entered_and_counted(client, personas, rounds):
    poll = rounds["ballots"]
    first = poll.options.first()
    client.force_login(personas.secretary_a)
    url = reverse("votes:confidence_ballot", kwargs={"pk": poll.pk})
    assert client.post(url, {f"level_{first.pk}": "low"}).status_code == 302
    first.refresh_from_db()
    poll.refresh_from_db()
    assert (first.low, poll.ballots_collected) == (1, 1)


def test_published_results_refuse_changes_and_give_the_report(client, personas, rounds):
    poll = rounds["published"]
    client.force_login(personas.secretary_a)
    response = client.get(reverse("votes:confidence_tally", kwargs={"pk": poll.pk}))
    assert response.status_code == 302
    response = client.post(reverse("votes:confidence_finish", kwargs={"pk": poll.pk}), follow=True)
    assert "công bố" in response.content.decode()
    assert Poll.objects.get(pk=poll.pk).state == PollState.PUBLISHED
    report = client.get(reverse("votes:confidence_report", kwargs={"pk": poll.pk}))
    assert report.status_code == 200 and report["Content-Type"].endswith("wordprocessingml.document")
    assert client.get(reverse("votes:confidence_report", kwargs={"pk": rounds["created"].pk})).status_code == 404
