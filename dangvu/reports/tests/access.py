import datetime as dt

from dangvu.reports.models import Report, ReportStatus
from dangvu.reports.services import report_create, report_submit, round_open

LOGIN = "login"


def objects(personas):
    draft = report_create(organization=personas.org_a, kind="monthly", period_key="2025-03", by=None)
    submitted = report_create(organization=personas.org_a, kind="monthly", period_key="2025-02", by=None)
    report_submit(report=submitted, by=None)
    round_ = round_open(
        organization=personas.committee,
        kind="monthly",
        period_key="2025-04",
        due_on=dt.date(2025, 5, 5),
        participants=[personas.org_a, personas.org_b],
        by=None,
    )
    assert Report.objects.get(pk=submitted.pk).status == ReportStatus.SUBMITTED
    from dangvu.reports.models import CompileJob

    job = CompileJob.objects.create(round=round_, total=2)
    from dangvu.reports.models import SentenceTemplate

    return {
        "report": draft,
        "submitted_report": submitted,
        "round": round_,
        "job": job,
        "sentence": SentenceTemplate.objects.order_by("pk").first(),
    }


_view = {"staff": 200, "secretary_a": 200, "secretary_b": 404, "plain_member": 403, "anonymous": LOGIN}
_post = {"staff": 302, "secretary_a": 302, "secretary_b": 404, "plain_member": 403, "anonymous": LOGIN}
_list = {"staff": 200, "secretary_a": 200, "secretary_b": 200, "plain_member": 403, "anonymous": LOGIN}
_staff_only = {"staff": 200, "secretary_a": 403, "secretary_b": 403, "plain_member": 403, "anonymous": LOGIN}
MATRIX = {
    "reports:list": ("get", lambda o: {}, _list),
    "reports:create": ("get", lambda o: {}, _list),
    "reports:detail": ("get", lambda o: {"pk": o["report"].pk}, _view),
    "reports:section_save": ("post", lambda o: {"pk": o["report"].pk, "key": "organization"}, _post),
    "reports:header_save": ("post", lambda o: {"pk": o["report"].pk}, _post),
    "reports:download": ("get", lambda o: {"pk": o["report"].pk, "fmt": "docx"}, _view),
    # The draft has empty sections: those allowed get the page that lists them and asks (issue 15 §8).
    "reports:submit": (
        "post",
        lambda o: {"pk": o["report"].pk},
        {"staff": 200, "secretary_a": 200, "secretary_b": 404, "plain_member": 403, "anonymous": LOGIN},
    ),
    "reports:take_number": ("post", lambda o: {"pk": o["report"].pk}, _post),
    "reports:new_version": ("post", lambda o: {"pk": o["submitted_report"].pk}, _post),
    "reports:delete": ("post", lambda o: {"pk": o["report"].pk}, _post),
    "reports:rounds": ("get", lambda o: {}, _list),
    "reports:round_create": ("get", lambda o: {}, _list),
    # Both secretaries' organizations are asked: each sees the round, and starts only their own report.
    "reports:round": ("get", lambda o: {"pk": o["round"].pk}, {**_list}),
    "reports:round_start": (
        "post",
        lambda o: {"pk": o["round"].pk, "org_pk": o["round"].participants.get(code="A").pk},
        {"staff": 302, "secretary_a": 302, "secretary_b": 403, "plain_member": 403, "anonymous": LOGIN},
    ),
    # Only the committee that opened the round compiles it; nothing submitted yet -> back to the board.
    "reports:round_compile": (
        "post",
        lambda o: {"pk": o["round"].pk},
        {"staff": 302, "secretary_a": 403, "secretary_b": 403, "plain_member": 403, "anonymous": LOGIN},
    ),
    # The round belongs to the committee: only its staff follow the compilation.
    "reports:compile_job": (
        "get",
        lambda o: {"pk": o["job"].pk},
        {"staff": 200, "secretary_a": 404, "secretary_b": 404, "plain_member": 403, "anonymous": LOGIN},
    ),
    # Starting a compilation again: the same people; a job still running -> back to its page with the message.
    "reports:compile_job_retry": (
        "post",
        lambda o: {"pk": o["job"].pk},
        {"staff": 302, "secretary_a": 404, "secretary_b": 404, "plain_member": 403, "anonymous": LOGIN},
    ),
    "reports:sentences": (
        "get",
        lambda o: {},
        _staff_only := {"staff": 200, "secretary_a": 403, "secretary_b": 403, "plain_member": 403, "anonymous": LOGIN},
    ),
    "reports:sentence_edit": ("get", lambda o: {"pk": o["sentence"].pk}, _staff_only),
    "reports:sentence_reset": (
        "post",
        lambda o: {"pk": o["sentence"].pk},
        {"staff": 302, "secretary_a": 403, "secretary_b": 403, "plain_member": 403, "anonymous": LOGIN},
    ),
}

# Inspection staff see the tree as committee staff do; they change no record of this app.
INSPECTOR = {
    "reports:compile_job": 200,
    "reports:compile_job_retry": 403,
    "reports:create": 403,
    "reports:delete": 403,
    "reports:detail": 200,
    "reports:download": 200,
    "reports:header_save": 403,
    "reports:list": 200,
    "reports:new_version": 403,
    "reports:round": 200,
    "reports:round_compile": 403,
    "reports:round_create": 403,
    "reports:round_start": 403,
    "reports:rounds": 200,
    "reports:section_save": 403,
    "reports:sentence_edit": 403,
    "reports:sentence_reset": 403,
    "reports:sentences": 403,
    "reports:submit": 403,
    "reports:take_number": 403,
}
