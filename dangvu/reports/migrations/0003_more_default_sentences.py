from django.db import migrations


def load(apps, schema_editor):
    from dangvu.reports.default_sentences import DEFAULTS

    SentenceTemplate = apps.get_model("reports", "SentenceTemplate")
    for key, section, order, kinds, text in DEFAULTS:
        SentenceTemplate.objects.get_or_create(key=key, defaults={"section": section, "order": order,
                                                                  "kinds": kinds, "text": text})


class Migration(migrations.Migration):
    dependencies = [("reports", "0002_default_sentences")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
