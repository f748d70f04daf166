from django.db import migrations, models

from dangvu.lib.vntext import fold


def fill(apps, schema_editor):
    """The folded name and national ID of the candidates recorded before the column existed."""
    Candidate = apps.get_model("candidates", "Candidate")
    for candidate in Candidate.objects.only("pk", "full_name", "national_id").iterator():
        text = " ".join(part for part in (fold(candidate.full_name), candidate.national_id) if part)
        Candidate.objects.filter(pk=candidate.pk).update(search_text=text)


class Migration(migrations.Migration):

    dependencies = [
        ('candidates', '0001_initial'),
    ]

    operations = [
        migrations.AddField(
            model_name='candidate',
            name='search_text',
            field=models.CharField(default='', editable=False, max_length=200),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
