"""Access-matrix rows for the exchange screens (merged by accounts/tests/test_access_matrix.py).

Imports are for editors (committee staff, secretaries); an import job is visible to the person
who uploaded it only (B's secretary gets 404 for staff's job). Exports are for anyone working on
the tree and contain only what that person's list shows.
"""

from django.core.files.base import ContentFile

from dangvu.exchange.models import ImportJob, ImportState

LOGIN = "login"
EDITORS_ONLY = {"staff": 200, "secretary_a": 200, "secretary_b": 200, "plain_member": 403, "anonymous": LOGIN}
OWN_JOB = {"staff": 200, "secretary_a": 404, "secretary_b": 404, "plain_member": 403, "anonymous": LOGIN}


def objects(p) -> dict:
    job = ImportJob(kind="members", original_name="a.csv", file_format="csv", created_by=p.staff, headers=["x"])
    job.file.save("a.csv", ContentFile(b"x\n1\n"), save=False)
    job.state = ImportState.CHECKED
    job.report = {"ok": False, "errors": [], "rows": 1}
    job.save()
    return {"import_job": job}


MATRIX = {
    "exchange:index": ("get", lambda o: {}, EDITORS_ONLY),
    # A POST without a file shows the form again with its message (400), never an error page.
    "exchange:upload": (
        "post",
        lambda o: {},
        {"staff": 400, "secretary_a": 400, "secretary_b": 400, "plain_member": 403, "anonymous": LOGIN},
    ),
    "exchange:template": ("get", lambda o: {"kind": "members"}, EDITORS_ONLY),
    "exchange:job": ("get", lambda o: {"pk": o["import_job"].pk}, OWN_JOB),
    "exchange:mapping": ("get", lambda o: {"pk": o["import_job"].pk}, OWN_JOB),
    # A job with errors cannot be imported: back to its page with the message.
    "exchange:commit": (
        "post",
        lambda o: {"pk": o["import_job"].pk},
        {"staff": 302, "secretary_a": 404, "secretary_b": 404, "plain_member": 403, "anonymous": LOGIN},
    ),
    # Only a job whose worker stopped is checked again; any other: back to its page with the message.
    "exchange:retry": (
        "post",
        lambda o: {"pk": o["import_job"].pk},
        {"staff": 302, "secretary_a": 404, "secretary_b": 404, "plain_member": 403, "anonymous": LOGIN},
    ),
    "exchange:export_members": ("get", lambda o: {}, EDITORS_ONLY),
    "exchange:export_organizations": ("get", lambda o: {}, EDITORS_ONLY),
}

# Inspection staff see the tree as committee staff do; they change no record of this app.
INSPECTOR = {
    "exchange:commit": 403,
    "exchange:export_members": 200,
    "exchange:export_organizations": 200,
    "exchange:index": 403,
    "exchange:job": 403,
    "exchange:mapping": 403,
    "exchange:retry": 403,
    "exchange:template": 403,
    "exchange:upload": 403,
}
