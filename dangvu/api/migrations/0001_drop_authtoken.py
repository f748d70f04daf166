"""The API tokens moved from rest_framework.authtoken (keys stored in clear) to django-rest-knox (digests,
expiring). The old app is gone from INSTALLED_APPS; its table goes too, so no clear-text key stays behind.
Callers ask for a new token at /api/token/."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = []

    operations = [migrations.RunSQL("DROP TABLE IF EXISTS authtoken_token", reverse_sql=migrations.RunSQL.noop)]
