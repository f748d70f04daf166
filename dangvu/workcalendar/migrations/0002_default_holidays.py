from django.db import migrations


def load(apps, schema_editor):
    from dangvu.workcalendar.holidays_vn import default_holidays

    PublicHoliday = apps.get_model("workcalendar", "PublicHoliday")
    PublicHoliday.objects.bulk_create(
        [PublicHoliday(on=on, name=name) for on, name in default_holidays()], ignore_conflicts=True
    )


def unload(apps, schema_editor):
    apps.get_model("workcalendar", "PublicHoliday").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("workcalendar", "0001_initial")]
    operations = [migrations.RunPython(load, unload)]
