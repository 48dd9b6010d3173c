"""Grow a SQLite copy of the archive N times, statements included, to time database pages
(the story page) at 126k articles without extracting the extra articles again.

    .venv/bin/python bench/grow_database.py SOURCE.sqlite3 GROWN.sqlite3 [--copies 4]
    DJANGO_DEBUG=1 DATABASE_URL=sqlite:///GROWN.sqlite3 .venv/bin/python bench/bench_story_pages.py

SOURCE is a full-corpus database after `group_stories --all`. Copy k (1..N-1) of every
article is the article moved k years forward with the external id `<id>~c<k>`, as
bench/make_corpus.py names them, and carries its original's statements; its stories and
copies are its original's, moved with it. Unlike make_corpus.py the text is not reworded:
this measures what the database does with four times the rows, not the text engine.
SOURCE is never modified.
"""

import argparse
import shutil
import sqlite3
import sys

ARTICLE_COLUMNS = [
    "title", "abstract", "body", "author", "url", "language", "content_hash", "import_path",
    "import_format", "imported_at", "created", "updated", "section_id", "source_id", "extracted_with",
]  # fmt: skip
STATEMENT_COLUMNS = [
    "speaker_mention", "mention_start", "mention_end", "speaker_link_confidence", "text", "kind",
    "verb", "channel", "start", "end", "confidence", "status", "edited", "reviewer_notes",
    "extractor_version", "created", "updated", "speaker_id", "speaker_description",
]  # fmt: skip


def grow(path, copies):
    db = sqlite3.connect(path)
    originals = db.execute("select count(*) from articles_article where external_id not like '%~c%'").fetchone()[0]
    ORIGINAL_MAX_STORY[0] = db.execute("select coalesce(max(id), 0) from articles_story").fetchone()[0]
    article_cols = ", ".join(f'"{c}"' for c in ARTICLE_COLUMNS)
    statement_cols = ", ".join(f'"{c}"' for c in STATEMENT_COLUMNS)
    for k in range(1, copies):
        db.execute(
            f'insert into articles_article (external_id, published, {article_cols}) '
            f"select external_id || '~c{k}', datetime(published, '+{k} years'), {article_cols} "
            f"from articles_article where external_id not like '%~c%'")
        db.execute(
            f'insert into articles_statement (article_id, {statement_cols}) '
            f'select copy.id, {", ".join("s." + chr(34) + c + chr(34) for c in STATEMENT_COLUMNS)} '
            f'from articles_statement s join articles_article a on a.id = s.article_id '
            f"join articles_article copy on copy.external_id = a.external_id || '~c{k}' "
            f"where a.external_id not like '%~c%'")
        db.commit()
        print(f"copy {k}: {originals} articles", file=sys.stderr)
        copy_stories(db, k)
        db.commit()
    counts = [db.execute(f"select count(*) from {t}").fetchone()[0] for t in ("articles_article", "articles_statement")]
    db.close()
    return counts


def copy_stories(db, k):
    """Copy k's stories and copies are its originals': the same texts at the same distances
    in time group alike (grouping 126k articles again takes an hour of a shared core)."""
    db.execute("create temp table if not exists story_map (old integer primary key, new integer)")
    db.execute("delete from story_map")
    originals = db.execute("select id, title, first_published, last_published, article_count, source_count, "
                           "created, updated from articles_story where id <= ?", ORIGINAL_MAX_STORY).fetchall()
    for old, title, first, last, articles, sources, created, updated in originals:
        cursor = db.execute(
            "insert into articles_story (title, first_published, last_published, article_count, source_count, "
            f"created, updated) values (?, datetime(?, '+{k} years'), datetime(?, '+{k} years'), ?, ?, ?, ?)",
            (title, first, last, articles, sources, created, updated))
        db.execute("insert into story_map values (?, ?)", (old, cursor.lastrowid))
    db.execute(
        "insert into articles_storymembership (pinned, article_id, story_id) "
        "select m.pinned, copy.id, map.new from articles_storymembership m "
        "join story_map map on map.old = m.story_id "
        "join articles_article a on a.id = m.article_id "
        f"join articles_article copy on copy.external_id = a.external_id || '~c{k}'")
    db.execute(
        "insert into articles_articlecopy (same_source, article_id, original_id) "
        "select c.same_source, copy.id, original_copy.id from articles_articlecopy c "
        "join articles_article a on a.id = c.article_id "
        "join articles_article o on o.id = c.original_id "
        f"join articles_article copy on copy.external_id = a.external_id || '~c{k}' "
        f"join articles_article original_copy on original_copy.external_id = o.external_id || '~c{k}' "
        "where a.external_id not like '%~c%'")


# The largest story id before growing: the stories copied are the original ones.
ORIGINAL_MAX_STORY = [0]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("source")
    parser.add_argument("grown")
    parser.add_argument("--copies", type=int, default=4)
    args = parser.parse_args(argv)
    shutil.copyfile(args.source, args.grown)
    articles, statements = grow(args.grown, args.copies)
    print(f"{args.grown}: {articles} articles, {statements} statements")


if __name__ == "__main__":
    main()
