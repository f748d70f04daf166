"""Access-matrix rows of the notifications: everyone's own inbox; the rules and the send log for committee staff."""

from dangvu.notifications.models import Notification, Rule

LOGIN = "login"
ANY = {
    "staff": 200,
    "inspector": 200,
    "secretary_a": 200,
    "secretary_b": 200,
    "plain_member": 200,
    "cell_secretary": 200,
    "anonymous": LOGIN,
}
OFFICE_INBOX = ANY | {"plain_member": 302, "cell_secretary": 302}
PORTAL_ONLY = {
    "staff": 403,
    "inspector": 403,
    "secretary_a": 403,
    "secretary_b": 403,
    "plain_member": 200,
    "cell_secretary": 200,
    "anonymous": LOGIN,
}
# The plain member's own notification: anyone else gets "not found".
OWN = {
    "staff": 404,
    "inspector": 404,
    "secretary_a": 404,
    "secretary_b": 404,
    "plain_member": 302,
    "cell_secretary": 404,
    "anonymous": LOGIN,
}
ALL_READ = {k: (302 if v == 200 else v) for k, v in ANY.items()}
DIGEST = ANY | {"plain_member": 403}
STAFF = {
    "staff": 200,
    "inspector": 403,
    "secretary_a": 403,
    "secretary_b": 403,
    "plain_member": 403,
    "cell_secretary": 403,
    "anonymous": LOGIN,
}


def objects(p):
    rule = Rule.objects.create(trigger="members.badge_due", name="Thử", audience="member", offset_days=0)
    notification = Notification.objects.create(
        rule=rule,
        recipient=p.plain_member,
        occurrence_key="matrix",
        occurrence_on="2026-05-01",
        run_on="2026-05-01",
        title="Thử",
        run_token="matrix",
    )
    return {"notification_rule": rule, "notification": notification}


MATRIX = {
    "notifications:inbox": ("get", lambda o: {}, OFFICE_INBOX),
    "notifications:my": ("get", lambda o: {}, PORTAL_ONLY),
    "notifications:open": ("post", lambda o: {"pk": o["notification"].pk}, OWN),
    "notifications:mark_read": ("post", lambda o: {"pk": o["notification"].pk}, OWN),
    "notifications:mark_all_read": ("post", lambda o: {}, ALL_READ),
    "notifications:preferences": ("get", lambda o: {}, DIGEST),
    "notifications:rule_list": ("get", lambda o: {}, STAFF),
    "notifications:rule_create": ("get", lambda o: {}, STAFF),
    "notifications:rule_detail": ("get", lambda o: {"pk": o["notification_rule"].pk}, STAFF),
    "notifications:rule_edit": ("get", lambda o: {"pk": o["notification_rule"].pk}, STAFF),
    "notifications:log": ("get", lambda o: {}, STAFF),
}
