"""Access-matrix rows of the accounts app: the access log is for the security officer (here: the staff persona,
put in the "security_officers" group); a secretary without the permission is refused."""

from django.contrib.auth.models import Group

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
}


def objects(personas):
    personas.staff.groups.add(Group.objects.get(name="security_officers"))
    return {}
