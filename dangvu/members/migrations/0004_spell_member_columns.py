# Copies the member columns the stock counts break down by onto the spells, and covers the counts.

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('members', '0003_spell_stock_cover_index'),
        ('organizations', '0001_initial'),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name='membershipspell',
            name='spell_stock_cover_idx',
        ),
        migrations.AddField(
            model_name='membershipspell',
            name='is_ethnic_minority',
            field=models.BooleanField(default=False),
        ),
        migrations.AddField(
            model_name='membershipspell',
            name='is_religious',
            field=models.BooleanField(default=False),
        ),
        migrations.AddField(
            model_name='membershipspell',
            name='political_theory_level',
            field=models.CharField(choices=[('none', 'None'), ('elementary', 'Elementary'), ('intermediate', 'Intermediate'), ('advanced', 'Advanced'), ('bachelor', 'Bachelor')], default='none', max_length=16),
        ),
        migrations.AddField(
            model_name='membershipspell',
            name='sex',
            field=models.CharField(choices=[('male', 'Male'), ('female', 'Female')], default='', max_length=8),
        ),
        migrations.AddIndex(
            model_name='membershipspell',
            index=models.Index(fields=['organization', 'start', 'end', 'probationary', 'sex', 'is_ethnic_minority', 'is_religious', 'political_theory_level', 'member'], name='spell_stock_cover_idx'),
        ),
        migrations.AddIndex(
            model_name='membershipspell',
            index=models.Index(fields=['member', 'start', 'end', 'organization'], name='spell_member_day_idx'),
        ),
        migrations.RunSQL(
            """
            UPDATE members_membershipspell SET
                sex = (SELECT m.sex FROM members_member m WHERE m.id = members_membershipspell.member_id),
                is_ethnic_minority = (
                    SELECT m.is_ethnic_minority FROM members_member m WHERE m.id = members_membershipspell.member_id
                ),
                is_religious = (
                    SELECT m.is_religious FROM members_member m WHERE m.id = members_membershipspell.member_id
                ),
                political_theory_level = (
                    SELECT m.political_theory_level FROM members_member m WHERE m.id = members_membershipspell.member_id
                )
            """,
            migrations.RunSQL.noop,
        ),
    ]
