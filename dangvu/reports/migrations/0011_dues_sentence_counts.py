"""Issue 15 §7: one report text does not write a count two ways ("07 đảng viên" in one sentence, "7 đảng viên" in
the next). The dues sentence (dues 0003) counted members in arrears with `num`; counts of people and things take
`count`, sums of money keep `num`. Changed only where staff have not edited the sentence; texts frozen here."""

from django.db import migrations

KEY = "organization.dues"
BEFORE = "{% if i.dues.members_in_arrears %}; còn {{ i.dues.members_in_arrears|num }} đảng viên chưa nộp đủ đảng phí"
AFTER = "{% if i.dues.members_in_arrears %}; còn {{ i.dues.members_in_arrears|count }} đảng viên chưa nộp đủ đảng phí"
DUES_0003 = (
    "{% if i.dues.due %}Công tác thu, nộp đảng phí được thực hiện theo quy định: trong {{ period }}, "
    "{{ org_short }} thu {{ i.dues.collected|num }} đồng đảng phí, đạt {{ i.dues.collected_pct|pct }}% số phải "
    "thu; trích giữ lại {{ i.dues.kept|num }} đồng, nộp cấp trên {{ i.dues.remitted|num }} đồng"
    "{% if i.dues.members_in_arrears %}; còn {{ i.dues.members_in_arrears|num }} đảng viên chưa nộp đủ đảng phí"
    "{% endif %}.{% endif %}"
)


def forward(apps, schema_editor):
    SentenceTemplate = apps.get_model("reports", "SentenceTemplate")
    SentenceTemplate.objects.filter(key=KEY, text=DUES_0003).update(text=DUES_0003.replace(BEFORE, AFTER))


def backward(apps, schema_editor):
    SentenceTemplate = apps.get_model("reports", "SentenceTemplate")
    SentenceTemplate.objects.filter(key=KEY, text=DUES_0003.replace(BEFORE, AFTER)).update(text=DUES_0003)


class Migration(migrations.Migration):
    dependencies = [("reports", "0010_report_compiled_from_of"), ("dues", "0003_report_dues_sentence")]
    operations = [migrations.RunPython(forward, backward)]
