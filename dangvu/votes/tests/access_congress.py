"""Access rows of the congress screens (accounts/tests/test_access_matrix.py).

The congress is organization A's (a base party committee): A's secretary and the committee's staff keep it, B's
secretary does not find it, member accounts are refused. Approval belongs to the higher committee: the staff of the
committee approve, A's own secretary does not (403). Inspection staff see the screens and change nothing.
"""

import datetime as dt

from dangvu.votes import congress as rules
from dangvu.votes.models import Body

LOGIN = "login"
VIEW = {"staff": 200, "inspector": 200, "secretary_a": 200, "secretary_b": 404, "plain_member": 403, "anonymous": LOGIN}
LIST = {"staff": 200, "inspector": 200, "secretary_a": 200, "secretary_b": 200, "plain_member": 403, "anonymous": LOGIN}
EDIT_FORM = {
    "staff": 200,
    "inspector": 403,
    "secretary_a": 200,
    "secretary_b": 404,
    "plain_member": 403,
    "anonymous": LOGIN,
}
CHANGE = {
    "staff": 302,
    "inspector": 403,
    "secretary_a": 302,
    "secretary_b": 404,
    "plain_member": 403,
    "anonymous": LOGIN,
}
CREATE = {
    "staff": 200,
    "inspector": 403,
    "secretary_a": 200,
    "secretary_b": 200,
    "plain_member": 403,
    "anonymous": LOGIN,
}
APPROVE = {
    "staff": 200,
    "inspector": 403,
    "secretary_a": 403,
    "secretary_b": 404,
    "plain_member": 403,
    "anonymous": LOGIN,
}
# The minutes exist once the count is closed: before that the page sends back to the election.
MINUTES = {
    "staff": 302,
    "inspector": 302,
    "secretary_a": 302,
    "secretary_b": 404,
    "plain_member": 403,
    "anonymous": LOGIN,
}


def objects(p):
    congress = rules.congress_save(
        by=None, organization=p.org_a, term="2025-2030", opens_on=dt.date(2025, 6, 10), place="Hội trường Sở"
    )
    poll = rules.poll_create(by=None, congress=congress, body=Body.COMMITTEE, seats=1)
    rules.candidate_add(by=None, poll=poll, member=p.member_a)
    return {"congress": congress, "election": poll}


def _pk(name):
    return lambda o: {"pk": o[name].pk}


MATRIX = {
    "votes:congress_list": ("get", lambda o: {}, LIST),
    "votes:congress_due": ("get", lambda o: {}, LIST),
    "votes:congress_create": ("get", lambda o: {}, CREATE),
    "votes:congress_detail": ("get", _pk("congress"), VIEW),
    "votes:congress_edit": ("get", _pk("congress"), EDIT_FORM),
    "votes:congress_change": ("post", _pk("congress"), CHANGE),
    "votes:congress_approve": ("get", _pk("congress"), APPROVE),
    "votes:election_detail": ("get", _pk("election"), VIEW),
    "votes:election_change": ("post", _pk("election"), CHANGE),
    "votes:election_totals": ("get", _pk("election"), EDIT_FORM),
    "votes:election_ballot": ("get", _pk("election"), EDIT_FORM),
    "votes:election_ballots_docx": ("get", _pk("election"), VIEW),
    "votes:election_minutes_docx": ("get", _pk("election"), MINUTES),
}
