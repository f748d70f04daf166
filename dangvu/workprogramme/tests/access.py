"""Rows of the project's access matrix (accounts/tests/test_access_matrix.py) for the work programme screens.

The items belong to organization A: B's secretary gets "not found", a member account "forbidden".
"""

from dangvu.workprogramme import services

VIEW = {"staff": 200, "secretary_a": 200, "secretary_b": 404, "plain_member": 403, "anonymous": "login"}
LIST = {"staff": 200, "secretary_a": 200, "secretary_b": 200, "plain_member": 403, "anonymous": "login"}
CHANGE = {"staff": 302, "secretary_a": 302, "secretary_b": 404, "plain_member": 403, "anonymous": "login"}


def objects(p):
    def item(title):
        return services.item_save(
            by=None, organization=p.org_a, year=2024, month=5, area="organization", title=title, owner="Chi ủy"
        )

    gone = item("Nội dung nhập nhầm")
    services.item_delete(item=gone, by=None)
    return {"item": item("Tổ chức lớp bồi dưỡng nhận thức về Đảng"), "gone_item": gone}


MATRIX = {
    "workprogramme:item_list": ("get", lambda o: {}, LIST),
    "workprogramme:item_create": ("get", lambda o: {}, LIST),
    "workprogramme:item_detail": ("get", lambda o: {"pk": o["item"].pk}, VIEW),
    "workprogramme:item_edit": ("get", lambda o: {"pk": o["item"].pk}, VIEW),
    "workprogramme:item_delete": ("post", lambda o: {"pk": o["item"].pk}, CHANGE),
    "workprogramme:item_restore": ("post", lambda o: {"pk": o["gone_item"].pk}, CHANGE),
}

# Inspection staff see the tree as committee staff do; they change no item.
INSPECTOR = {
    "workprogramme:item_list": 200,
    "workprogramme:item_detail": 200,
    "workprogramme:item_create": 403,
    "workprogramme:item_edit": 403,
    "workprogramme:item_delete": 403,
    "workprogramme:item_restore": 403,
}
