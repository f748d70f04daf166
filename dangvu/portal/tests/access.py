"""Access-matrix rows of the member portal: pages of portal accounts (members and cell secretaries) only; the
correction requests also for those who handle them (the cell's secretary, registry keepers of the subtree)."""

from dangvu.accounts.tests.matrix import Post

LOGIN = "login"
PORTAL_ONLY = {
    "staff": 403,
    "inspector": 403,
    "secretary_a": 403,
    "secretary_b": 403,
    "plain_member": 200,
    "cell_secretary": 200,
    "anonymous": LOGIN,
}
# The request belongs to member_a (plain_member) of cell A1: its secretary and the keepers of A handle it.
HANDLE = {
    "staff": 200,
    "inspector": 403,
    "secretary_a": 200,
    "secretary_b": 404,
    "plain_member": 403,
    "cell_secretary": 200,
    "anonymous": LOGIN,
}
HANDLED = {**HANDLE, "staff": 302, "secretary_a": 302, "cell_secretary": 302}
WITHDRAW = {
    "staff": 403,
    "inspector": 403,
    "secretary_a": 403,
    "secretary_b": 403,
    "plain_member": 302,
    "cell_secretary": 404,
    "anonymous": LOGIN,
}
SENT = {**PORTAL_ONLY, "plain_member": 302, "cell_secretary": 302}
OFFICE_LIST = {
    "staff": 200,
    "inspector": 403,
    "secretary_a": 200,
    "secretary_b": 200,
    "plain_member": 403,
    "cell_secretary": 403,
    "anonymous": LOGIN,
}
CELL_ONLY = {
    "staff": 403,
    "inspector": 403,
    "secretary_a": 403,
    "secretary_b": 403,
    "plain_member": 403,
    "cell_secretary": 200,
    "anonymous": LOGIN,
}


def objects(p):
    from dangvu.portal.services import correction_request

    member = p.plain_member.member
    return {
        "correction": correction_request(
            member=member, field="hometown", proposed_value="Xã Tân Lập, huyện Đan Phượng, Hà Nội", by=p.plain_member
        )
    }


def _correction(o):
    return {"pk": o["correction"].pk}


MATRIX = {
    "portal:home": ("get", lambda o: {}, PORTAL_ONLY),
    "portal:record": ("get", lambda o: {}, PORTAL_ONLY),
    "portal:party_life": ("get", lambda o: {}, PORTAL_ONLY),
    "portal:corrections": ("get", lambda o: {}, PORTAL_ONLY),
    "portal:correction_create": (
        "get",
        lambda o: {"field": "place_of_birth"},
        PORTAL_ONLY,
        Post(lambda o: {"proposed_value": "Bệnh viện Bạch Mai, Hà Nội", "note": "Theo giấy khai sinh."}, SENT),
    ),
    "portal:correction_withdraw": ("post", _correction, WITHDRAW, Post(lambda o: {}, WITHDRAW)),
    "portal:cell_corrections": ("get", lambda o: {}, CELL_ONLY),
    "portal:correction_handle": ("get", _correction, HANDLE, Post(lambda o: {"action": "accept"}, HANDLED)),
    "portal:office_corrections": ("get", lambda o: {}, OFFICE_LIST),
}
