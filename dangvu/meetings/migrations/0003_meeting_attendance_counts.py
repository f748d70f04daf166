# Keeps the attendance counts on each meeting, and covers the meeting indicators of a period.

from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('meetings', '0002_default_scoring_sheet'),
        ('organizations', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='historicalmeeting',
            name='attendance_expected',
            field=models.PositiveIntegerField(default=0, editable=False),
        ),
        migrations.AddField(
            model_name='historicalmeeting',
            name='attendance_present',
            field=models.PositiveIntegerField(default=0, editable=False),
        ),
        migrations.AddField(
            model_name='meeting',
            name='attendance_expected',
            field=models.PositiveIntegerField(default=0, editable=False),
        ),
        migrations.AddField(
            model_name='meeting',
            name='attendance_present',
            field=models.PositiveIntegerField(default=0, editable=False),
        ),
        migrations.AddIndex(
            model_name='meeting',
            index=models.Index(fields=['held_on', 'deleted_at', 'organization', 'kind', 'online', 'attendance_expected', 'attendance_present'], name='meeting_indicator_cover_idx'),
        ),
        migrations.RunSQL(
            """
            UPDATE meetings_meeting SET
                attendance_expected = (
                    SELECT COUNT(*) FROM meetings_attendance a WHERE a.meeting_id = meetings_meeting.id
                ),
                attendance_present = (
                    SELECT COUNT(*) FROM meetings_attendance a
                    WHERE a.meeting_id = meetings_meeting.id AND a.status = 'present'
                )
            """,
            migrations.RunSQL.noop,
        ),
    ]
