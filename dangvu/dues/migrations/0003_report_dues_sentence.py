"""The dues section of the reports: a default sentence of the organization section (issue 18 point 5), read
from the `dues.*` indicators; staff edit it on the report sentences screen like the others."""

from django.db import migrations

KEY = "organization.dues"
TEXT = (
    "{% if i.dues.due %}Công tác thu, nộp đảng phí được thực hiện theo quy định: trong {{ period }}, "
    "{{ org_short }} thu {{ i.dues.collected|num }} đồng đảng phí, đạt {{ i.dues.collected_pct|pct }}% số phải "
    "thu; trích giữ lại {{ i.dues.kept|num }} đồng, nộp cấp trên {{ i.dues.remitted|num }} đồng"
    "{% if i.dues.members_in_arrears %}; còn {{ i.dues.members_in_arrears|num }} đảng viên chưa nộp đủ đảng phí"
    "{% endif %}.{% endif %}"
)


def add(apps, schema_editor):
    SentenceTemplate = apps.get_model("reports", "SentenceTemplate")
    SentenceTemplate.objects.get_or_create(
        key=KEY, defaults={"section": "organization", "order": 50, "kinds": "", "text": TEXT}
    )


def remove(apps, schema_editor):
    apps.get_model("reports", "SentenceTemplate").objects.filter(key=KEY, text=TEXT).delete()


class Migration(migrations.Migration):
    dependencies = [("dues", "0002_profile_relief_unit_commune"), ("reports", "0008_job_heartbeat")]
    operations = [migrations.RunPython(add, remove)]
