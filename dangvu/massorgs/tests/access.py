"""Rows of the project's access matrix (accounts/tests/test_access_matrix.py) for the mass-organization screens.

The records belong to organization A: B's secretary gets "not found", a member account "forbidden".
"""

import datetime as dt

from dangvu.massorgs import services

VIEW = {"staff": 200, "secretary_a": 200, "secretary_b": 404, "plain_member": 403, "anonymous": "login"}
LIST = {"staff": 200, "secretary_a": 200, "secretary_b": 200, "plain_member": 403, "anonymous": "login"}
CHANGE = {"staff": 302, "secretary_a": 302, "secretary_b": 404, "plain_member": 403, "anonymous": "login"}


def objects(p):
    def figures(kind):
        return services.figures_save(
            by=None, organization=p.org_a, kind=kind, year=2024, period="year", bases=3, members=40, grade_1=10
        )

    def model(name):
        return services.model_save(by=None, organization=p.org_a, year=2024, level="base", kind="model", name=name)

    def registration(kind):
        return services.registration_save(
            by=None, organization=p.org_a, year=2024, kind=kind, registered=True, registered_on=dt.date(2024, 2, 1)
        )

    gone = {
        "gone_figures": figures("veterans"),
        "gone_model": model("Mô hình nhập nhầm"),
        "gone_registration": registration("mass_mobilisation"),
    }
    services.figures_delete(figures=gone["gone_figures"], by=None)
    services.model_delete(model=gone["gone_model"], by=None)
    services.registration_delete(registration=gone["gone_registration"], by=None)
    return {
        "figures": figures("youth_union"),
        "model": model("Cải cách hành chính gắn với dân vận"),
        "registration": registration("grassroots_democracy"),
        **gone,
    }


def _pk(name):
    return lambda o: {"pk": o[name].pk}


MATRIX = {}
for _name in ("figures", "model", "registration"):
    MATRIX.update(
        {
            f"massorgs:{_name}_list": ("get", lambda o: {}, LIST),
            f"massorgs:{_name}_create": ("get", lambda o: {}, LIST),
            f"massorgs:{_name}_detail": ("get", _pk(_name), VIEW),
            f"massorgs:{_name}_edit": ("get", _pk(_name), VIEW),
            f"massorgs:{_name}_delete": ("post", _pk(_name), CHANGE),
            f"massorgs:{_name}_restore": ("post", _pk(f"gone_{_name}"), CHANGE),
        }
    )

# Inspection staff see the tree as committee staff do; they change no record of this app.
INSPECTOR = {
    "massorgs:figures_create": 403,
    "massorgs:figures_delete": 403,
    "massorgs:figures_detail": 200,
    "massorgs:figures_edit": 403,
    "massorgs:figures_list": 200,
    "massorgs:figures_restore": 403,
    "massorgs:model_create": 403,
    "massorgs:model_delete": 403,
    "massorgs:model_detail": 200,
    "massorgs:model_edit": 403,
    "massorgs:model_list": 200,
    "massorgs:model_restore": 403,
    "massorgs:registration_create": 403,
    "massorgs:registration_delete": 403,
    "massorgs:registration_detail": 200,
    "massorgs:registration_edit": 403,
    "massorgs:registration_list": 200,
    "massorgs:registration_restore": 403,
}
