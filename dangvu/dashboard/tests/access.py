LOGIN = "login"

MATRIX = {
    "dashboard:home": (
        "get",
        lambda o: {},
        {"staff": 200, "secretary_a": 200, "secretary_b": 200, "plain_member": 403, "anonymous": LOGIN},
    ),
    "dashboard:work": (
        "get",
        lambda o: {},
        {"staff": 200, "secretary_a": 200, "secretary_b": 200, "plain_member": 403, "anonymous": LOGIN},
    ),
}

# Inspection staff see the tree as committee staff do; they change no record of this app.
INSPECTOR = {
    "dashboard:home": 200,
    "dashboard:work": 200,
}
