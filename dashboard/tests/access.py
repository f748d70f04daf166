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
