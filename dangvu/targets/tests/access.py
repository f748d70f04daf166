from decimal import Decimal

from dangvu.targets.models import Target, Term

LOGIN = "login"


def objects(personas):
    term = Term.objects.create(organization=personas.org_a, start_year=2020, end_year=2025)
    target = Target.objects.create(
        term=term,
        number="1",
        group="organization",
        content="Kết nạp",
        unit="đảng viên",
        indicator_code="members.admitted",
        aggregation="sum",
    )
    target.variants.create(kind="resolution", value=Decimal(10))
    deleted = Target.objects.create(
        term=term, number="2", group="organization", content="Cũ", unit="%", aggregation="latest"
    )
    from django.utils import timezone

    deleted.deleted_at = timezone.now()
    deleted.save()
    return {"term": term, "target": target, "deleted_target": deleted}


_scoped = {"staff": 200, "secretary_a": 200, "secretary_b": 404, "plain_member": 403, "anonymous": LOGIN}
_post = {"staff": 302, "secretary_a": 302, "secretary_b": 404, "plain_member": 403, "anonymous": LOGIN}
MATRIX = {
    "targets:terms": (
        "get",
        lambda o: {},
        {"staff": 200, "secretary_a": 200, "secretary_b": 200, "plain_member": 403, "anonymous": LOGIN},
    ),
    "targets:term_create": (
        "get",
        lambda o: {},
        {"staff": 200, "secretary_a": 200, "secretary_b": 200, "plain_member": 403, "anonymous": LOGIN},
    ),
    "targets:term": ("get", lambda o: {"pk": o["term"].pk}, _scoped),
    "targets:target_create": ("get", lambda o: {"term_pk": o["term"].pk}, _scoped),
    "targets:target_edit": ("get", lambda o: {"term_pk": o["term"].pk, "pk": o["target"].pk}, _scoped),
    "targets:manual_actuals": ("get", lambda o: {"pk": o["target"].pk}, _scoped),
    "targets:target_delete": ("post", lambda o: {"pk": o["target"].pk}, _post),
    "targets:target_restore": ("post", lambda o: {"pk": o["deleted_target"].pk}, _post),
    "targets:import": (
        "get",
        lambda o: {},
        {"staff": 200, "secretary_a": 200, "secretary_b": 200, "plain_member": 403, "anonymous": LOGIN},
    ),
    # Nothing uploaded yet: back to the upload page with a message.
    "targets:import_confirm": (
        "post",
        lambda o: {},
        {"staff": 302, "secretary_a": 302, "secretary_b": 302, "plain_member": 403, "anonymous": LOGIN},
    ),
}

# Inspection staff see the tree as committee staff do; they change no record of this app.
INSPECTOR = {
    "targets:import": 403,
    "targets:import_confirm": 403,
    "targets:manual_actuals": 403,
    "targets:target_create": 403,
    "targets:target_delete": 403,
    "targets:target_edit": 403,
    "targets:target_restore": 403,
    "targets:term": 200,
    "targets:term_create": 403,
    "targets:terms": 200,
}
