"""The statistics models move here from `consent`, keeping their tables and rows.

Only Django's idea of which app owns them changes (state operations, no SQL); the tables keep
their `consent_` names. The models' content types move too, so permissions granted on them stay.
"""

from django.db import migrations, models

MODELS = ["articledailyviews", "dailyreader"]


def content_types_move(apps, schema_editor, source="consent", target="readerstats"):
    content_type = apps.get_model("contenttypes", "ContentType")
    for model in MODELS:
        if not content_type.objects.filter(app_label=target, model=model).exists():
            content_type.objects.filter(app_label=source, model=model).update(app_label=target)


def content_types_move_back(apps, schema_editor):
    content_types_move(apps, schema_editor, source="readerstats", target="consent")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("consent", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="ArticleDailyViews",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("day", models.DateField()),
                        ("slug", models.SlugField(max_length=200)),
                        (
                            "views",
                            models.PositiveIntegerField(default=0, help_text="Every view, counted without any cookie."),
                        ),
                        (
                            "unique_readers",
                            models.PositiveIntegerField(
                                default=0,
                                help_text="Different readers that day, among those who accepted statistics cookies.",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "article views per day",
                        "verbose_name_plural": "article views per day",
                        "ordering": ["-day", "-views"],
                        "constraints": [
                            models.UniqueConstraint(fields=("day", "slug"), name="one_row_per_article_and_day")
                        ],
                        "db_table": "consent_articledailyviews",
                    },
                ),
                migrations.CreateModel(
                    name="DailyReader",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("day", models.DateField()),
                        ("slug", models.SlugField(max_length=200)),
                        (
                            "reader",
                            models.CharField(help_text="A keyed hash of the day's random visitor id.", max_length=32),
                        ),
                    ],
                    options={
                        "db_table": "consent_dailyreader",
                        "constraints": [
                            models.UniqueConstraint(fields=("day", "slug", "reader"), name="one_row_per_reader")
                        ],
                    },
                ),
            ],
        ),
        migrations.RunPython(content_types_move, content_types_move_back),
    ]
