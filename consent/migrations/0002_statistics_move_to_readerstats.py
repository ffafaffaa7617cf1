"""The statistics models now belong to `readerstats`; their tables stay (state operations only)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("consent", "0001_initial"),
        ("readerstats", "0001_move_from_consent"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="ArticleDailyViews"),
                migrations.DeleteModel(name="DailyReader"),
            ],
        ),
    ]
