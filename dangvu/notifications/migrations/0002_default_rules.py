"""The default rule set: one or more rules for every trigger code of issue 17. Editable afterwards on the
rules screen; a rule whose trigger is not registered (its app not installed yet) is skipped by the engine."""

from django.db import migrations

# (trigger, name, offset in days, audience, channel)
DEFAULT_RULES = [
    ("meetings.notice_sent", "Thông báo họp chi bộ", 0, "cell_members", "both"),
    ("meetings.meeting_upcoming", "Nhắc họp chi bộ ngày mai", -1, "cell_members", "both"),
    ("meetings.monthly_meeting_missing", "Chi bộ chưa họp định kỳ tháng", 1, "cell_secretary", "both"),
    ("meetings.monthly_meeting_missing", "Chi bộ chưa họp định kỳ tháng (báo cấp trên)", 10, "higher_committee", "both"),
    ("meetings.notice_late", "Thông báo họp gửi muộn", 0, "higher_committee", "inbox"),
    ("members.probation_ending", "Sắp hết thời gian dự bị (đảng viên)", -30, "member", "both"),
    ("members.probation_ending", "Sắp hết thời gian dự bị (bí thư chi bộ)", -30, "cell_secretary", "both"),
    ("members.probation_ending", "Sắp hết thời gian dự bị (cấp ủy)", -30, "committee", "both"),
    ("members.badge_due", "Đến hạn xét tặng Huy hiệu Đảng", -30, "committee", "both"),
    ("ratings.season_opened", "Mở đợt đánh giá, xếp loại", 0, "cell_members", "both"),
    ("ratings.self_assessment_due", "Sắp hết hạn nộp bản tự kiểm điểm", -3, "member", "both"),
    ("reports.round_due", "Sắp đến hạn nộp báo cáo", -3, "committee", "both"),
    ("reports.round_due", "Quá hạn nộp báo cáo (báo cấp trên)", 2, "higher_committee", "both"),
    ("inspections.letter_deadline", "Sắp đến hạn giải quyết đơn thư", -7, "committee", "both"),
    ("targets.congress_due", "Sắp đến đại hội nhiệm kỳ", -90, "committee", "both"),
    ("accounts.activation_pending", "Đảng viên chưa kích hoạt tài khoản", 7, "cell_secretary", "both"),
    ("documents.sent", "Văn bản mới gửi đảng viên", 0, "named", "both"),
    ("documents.unread", "Văn bản chưa đọc", 7, "named", "both"),
]


def create(apps, schema_editor):
    Rule = apps.get_model("notifications", "Rule")
    for trigger, name, offset, audience, channel in DEFAULT_RULES:
        Rule.objects.get_or_create(
            trigger=trigger,
            offset_days=offset,
            audience=audience,
            organization=None,
            defaults={"name": name, "channel": channel, "active": True},
        )


def remove(apps, schema_editor):
    Rule = apps.get_model("notifications", "Rule")
    for trigger, _name, offset, audience, _channel in DEFAULT_RULES:
        Rule.objects.filter(trigger=trigger, offset_days=offset, audience=audience, organization=None).delete()


class Migration(migrations.Migration):
    dependencies = [("notifications", "0001_rules_notifications_send_log")]
    operations = [migrations.RunPython(create, remove)]
