"""Access-matrix rows of the accounts app: the access log is for the security officer (here: the staff persona,
put in the "security_officers" group); a secretary without the permission is refused.

The members' accounts (issue 17 point 1): the office list is for tree users; the cell's page for its cell
secretary; issuing the codes of a cell for those who keep it (the registry keepers of a subtree that holds it; the cell
secretary of A1 is refused another cell) - the matrix's empty cell A9, so the sheet issues nothing;
the activation page is open to everyone (an empty POST shows the form again)."""

from django.contrib.auth.models import Group

from dangvu.accounts.tests.matrix import Post

LOGIN = "login"
EVERYONE = ("staff", "inspector", "secretary_a", "secretary_b", "plain_member", "cell_secretary", "anonymous")

MATRIX = {
    "accounts:sensitive_log": (
        "get",
        lambda o: {},
        {
            "staff": 200,
            "inspector": 403,
            "secretary_a": 403,
            "secretary_b": 403,
            "plain_member": 403,
            "anonymous": "login",
        },
    ),
    "accounts:member_accounts": (
        "get",
        lambda o: {},
        {
            "staff": 200,
            "inspector": 200,
            "secretary_a": 200,
            "secretary_b": 200,
            "plain_member": 403,
            "cell_secretary": 403,
            "anonymous": LOGIN,
        },
    ),
    "accounts:cell_accounts": (
        "get",
        lambda o: {},
        {
            "staff": 403,
            "inspector": 403,
            "secretary_a": 403,
            "secretary_b": 403,
            "plain_member": 403,
            "cell_secretary": 200,
            "anonymous": LOGIN,
        },
    ),
    "accounts:issue_codes": (
        "post",
        lambda o: {"pk": o["empty_cell"].pk},
        {
            "staff": 200,
            "inspector": 403,
            "secretary_a": 200,
            "secretary_b": 404,
            "plain_member": 403,
            "cell_secretary": 403,
            "anonymous": LOGIN,
        },
    ),
    "accounts:activate": (
        "get",
        lambda o: {},
        {p: 200 for p in EVERYONE},
        Post(lambda o: {}, {p: 200 for p in EVERYONE}),
    ),
}


def objects(personas):
    personas.staff.groups.add(Group.objects.get(name="security_officers"))
    return {}
