from django.db import migrations, models

from dangvu.lib.vntext import fold


def fill(apps, schema_editor):
    """The folded number and subject of the documents recorded before the column existed."""
    Document = apps.get_model("documents", "Document")
    for document in Document.objects.only("pk", "number_symbol", "subject").iterator():
        Document.objects.filter(pk=document.pk).update(search_text=fold(f"{document.number_symbol} {document.subject}"))


class Migration(migrations.Migration):

    dependencies = [
        ('documents', '0001_initial'),
    ]

    operations = [
        migrations.AddField(
            model_name='document',
            name='search_text',
            field=models.CharField(default='', editable=False, max_length=600),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
