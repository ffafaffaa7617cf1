"""Moving the statistics out of `consent` kept every stored row and the permissions on them."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("consent", "0001_initial"), ("readerstats", None)]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state([node for node in targets if node[1]]).apps


def latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


@pytest.mark.django_db(transaction=True)
def test_rows_written_before_the_move_are_read_after_it():
    old_apps = migrate(BEFORE)
    old_apps.get_model("consent", "ArticleDailyViews").objects.create(
        day=datetime.date(2026, 3, 1), slug="how-it-works", views=42, unique_readers=7
    )
    # A database from before the move: the content type (and any permission on it) names consent.
    ContentType.objects.filter(app_label="readerstats").delete()
    old_type, _ = ContentType.objects.get_or_create(app_label="consent", model="articledailyviews")
    try:
        new_apps = migrate(latest())
        row = new_apps.get_model("readerstats", "ArticleDailyViews").objects.get()
        assert (row.slug, row.views, row.unique_readers) == ("how-it-works", 42, 7)
        # The same content type row now names the new app, so permissions granted on it still hold.
        assert ContentType.objects.get(pk=old_type.pk).app_label == "readerstats"
    finally:
        migrate(latest())
