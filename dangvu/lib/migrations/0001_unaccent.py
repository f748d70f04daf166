# The unaccent extension of PostgreSQL, for accent-insensitive searches (lib/search.py). Nothing on SQLite.

from django.contrib.postgres.operations import UnaccentExtension
from django.db import migrations


class Migration(migrations.Migration):
    initial = True
    dependencies = []
    operations = [UnaccentExtension()]
