"""Access-matrix rows of the member portal: pages of portal accounts (members and cell secretaries) only."""

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

MATRIX = {
    "portal:home": ("get", lambda o: {}, PORTAL_ONLY),
}
