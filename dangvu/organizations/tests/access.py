"""Rows of the project's access matrix (accounts/tests/test_access_matrix.py) for the parts of the organization
tree fetched on demand: what is under an organization and its members. The tree page, the organization page and
the changes keep their rows in the matrix itself.

The organization asked for is cell A1: B's secretary gets "not found", a member account "forbidden".
"""

VIEW = {
    "staff": 200,
    "inspector": 200,
    "secretary_a": 200,
    "secretary_b": 404,
    "plain_member": 403,
    "anonymous": "login",
}

MATRIX = {
    "organizations:tree_children": ("get", lambda o: {"pk": o["org"].pk}, VIEW),
    "organizations:tree_members": ("get", lambda o: {"pk": o["org"].pk}, VIEW),
}
