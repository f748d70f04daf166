"""Access-matrix rows of the confidence-vote screens (merged through votes/tests/access.py)."""

from dangvu.accounts.tests.matrix import Post

LOGIN = "login"
SEE = {"staff": 200, "inspector": 200, "secretary_a": 200, "secretary_b": 404, "plain_member": 403, "anonymous": LOGIN}
LIST = {"staff": 200, "inspector": 200, "secretary_a": 200, "secretary_b": 200, "plain_member": 403, "anonymous": LOGIN}
EDIT = {"staff": 200, "inspector": 403, "secretary_a": 200, "secretary_b": 404, "plain_member": 403, "anonymous": LOGIN}
WRITE = {
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


def objects(p):
    from dangvu.votes.tests.confidence_builders import committee_of, rounds_in_every_state

    committee_of(p.org_a, p.cell_a1, names=("Mai Văn Tín", "Lý Thị Nhiệm", "Tạ Quang Phiếu"), with_secretary=False)
    rounds = rounds_in_every_state(p.org_a, None)
    return {f"confidence_{state}": poll for state, poll in rounds.items()} | {
        "confidence_option": rounds["published"].options.first()
    }


def _pk(state):
    return lambda o: {"pk": o[f"confidence_{state}"].pk}


MATRIX = {
    "votes:confidence_list": ("get", lambda o: {}, LIST),
    "votes:confidence_create": (
        "get",
        lambda o: {},
        CREATE,
        # B's secretary cannot pick organization A: the form is shown again and nothing is written.
        Post(
            lambda o: {
                "organization": o["confidence_created"].organization_id,
                "held_on": "10/12/2025",
                "conference": "Hội nghị Ban Chấp hành lần thứ 9",
                "voters": "committee",
                "method": "paper",
            },
            {**WRITE, "secretary_b": 200},
        ),
    ),
    "votes:confidence_detail": ("get", _pk("created"), SEE),
    "votes:confidence_presence": ("post", _pk("created"), WRITE),
    "votes:confidence_start": ("post", _pk("created"), WRITE),
    "votes:confidence_delete": ("post", _pk("created"), WRITE),
    "votes:confidence_tally": ("get", _pk("started"), EDIT),
    "votes:confidence_ballot": ("get", _pk("ballots"), EDIT),
    "votes:confidence_finish": ("post", _pk("started"), WRITE),
    "votes:confidence_publish": ("post", _pk("finished"), WRITE),
    "votes:confidence_report": ("get", _pk("published"), SEE),
    "votes:confidence_follow_up": (
        "post",
        lambda o: {"pk": o["confidence_option"].pk},
        WRITE,
        Post(lambda o: {"follow_up": "Tiếp tục quy hoạch."}, WRITE),
    ),
}
