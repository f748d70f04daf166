"""Access-matrix rows for the API (merged by accounts/tests/test_access_matrix.py).

The API answers an anonymous caller 401 (it asks for a token) instead of redirecting to the
login page. The matrix logs in with a session; api/tests/test_api_access.py repeats the
reads with a token per persona.
"""

from dangvu.accounts.tests.matrix import Post

NO_TOKEN = 401
TREE = {"staff": 200, "secretary_a": 200, "secretary_b": 200, "plain_member": 403, "anonymous": NO_TOKEN}
OBJECT_OF_A = {"staff": 200, "secretary_a": 200, "secretary_b": 404, "plain_member": 403, "anonymous": NO_TOKEN}

# Member A's record: the keepers of A, and A themselves (not another member account such as A1's cell secretary).
MEMBER_A_OWN = {
    "staff": 200,
    "secretary_a": 200,
    "secretary_b": 404,
    "plain_member": 200,
    "cell_secretary": 404,
    "anonymous": NO_TOKEN,
}

MATRIX = {
    # The readable reference is an office page: tree accounts read it, a member account is refused.
    "api:docs": (
        "get",
        lambda o: {},
        {"staff": 200, "secretary_a": 200, "secretary_b": 200, "plain_member": 403, "anonymous": "login"},
    ),
    # The schema needs a login (any account); anonymous callers get 401 like the rest of the API.
    "api:schema": ("get", lambda o: {}, {p: 200 if p != "anonymous" else NO_TOKEN for p in TREE}),
    # POST without credentials: 400 "enter username and password" for everyone.
    "api:token": ("post", lambda o: {}, {p: 400 for p in TREE}),
    "api:organization-list": ("get", lambda o: {}, TREE),
    "api:organization-detail": ("get", lambda o: {"pk": o["org"].pk}, OBJECT_OF_A),
    "api:member-list": ("get", lambda o: {}, TREE),
    "api:member-detail": (
        "get",
        lambda o: {"pk": o["member"].pk},
        MEMBER_A_OWN,
    ),
    "api:member-events": (
        "get",
        lambda o: {"pk": o["member"].pk},
        MEMBER_A_OWN,
        # Recording an event: the registry's keepers of A only; the member reads their own record, no more.
        Post(
            lambda o: {"kind": "card_issued", "on": "2026-02-01", "card_number": "77778888"},
            {
                "staff": 201,
                "inspector": 403,
                "secretary_a": 201,
                "secretary_b": 404,
                "plain_member": 403,
                "cell_secretary": 404,
                "anonymous": NO_TOKEN,
            },
        ),
    ),
}

# Inspection staff read the tree through the API as through the screens.
INSPECTOR = {
    "api:schema": 200,
    "api:docs": 200,
    "api:token": 400,
    "api:organization-list": 200,
    "api:organization-detail": 200,
    "api:member-list": 200,
    "api:member-detail": 200,
    "api:member-events": 200,
}
