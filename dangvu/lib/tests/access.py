"""Access-matrix rows for the searched choices (merged by accounts/tests/test_access_matrix.py).

The lookup serves anyone who works on the tree, each from their own subtree; a member account has no office
forms to fill, so none."""

LOOKUP = {
    "staff": 200,
    "inspector": 200,
    "secretary_a": 200,
    "secretary_b": 200,
    "plain_member": 403,
    "anonymous": "login",
}

MATRIX = {
    "lookup:search": ("get", lambda o: {"kind": "members"}, LOOKUP),
}
