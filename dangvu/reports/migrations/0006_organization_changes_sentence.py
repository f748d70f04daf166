from django.db import migrations


def load(apps, schema_editor):
    from dangvu.reports.default_sentences import install

    install(apps.get_model("reports", "SentenceTemplate"))


class Migration(migrations.Migration):
    dependencies = [("reports", "0005_compile_job")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
