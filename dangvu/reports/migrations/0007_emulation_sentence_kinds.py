from django.db import migrations

KEY = "mass_mobilisation.emulation"


def narrow(apps, schema_editor):
    """The yearly emulation figures read oddly in a monthly report: keep the sentence for longer periods,
    unless staff already changed its kinds."""
    SentenceTemplate = apps.get_model("reports", "SentenceTemplate")
    SentenceTemplate.objects.filter(key=KEY, kinds="").update(kinds="half_year,nine_month,annual,mid_term,term_end")


class Migration(migrations.Migration):
    dependencies = [("reports", "0006_organization_changes_sentence")]
    operations = [migrations.RunPython(narrow, migrations.RunPython.noop)]
