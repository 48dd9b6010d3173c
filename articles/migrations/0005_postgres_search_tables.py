"""The PostgreSQL search backend's tables (articles.text.pgindex), on PostgreSQL only.

On SQLite this migration does nothing: that database is searched with the Whoosh backend.
The tables are the index, not models: articles.search_backends.postgres fills them.
"""

from django.db import migrations


def create_tables(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    from articles.text import pgindex

    with schema_editor.connection.cursor() as cursor:
        pgindex.create_schema(cursor)


def drop_tables(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    from articles.text import pgindex

    with schema_editor.connection.cursor() as cursor:
        cursor.execute(pgindex.DROP_SQL)


class Migration(migrations.Migration):
    dependencies = [("articles", "0004_speaker_slug_starts_with_a_letter")]

    operations = [migrations.RunPython(create_tables, drop_tables)]
