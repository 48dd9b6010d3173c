"""A parallel rebuild whose worker dies, or that is interrupted, fails clearly, stops every
worker and leaves the live index as it was.

The rebuild runs in a real `manage.py`-like subprocess on its own SQLite file (workers
need a database they can open), with `indexing.article_record` wrapped to kill a worker
or to slow the build down; nothing else is changed.
"""

import os
import signal
import subprocess
import sys

import pytest

from tests.conftest import ROOT
from tests.test_faults import base_archive, site, synthetic_articles, wait_for, write_jsonl  # noqa: F401

pytestmark = pytest.mark.slow

REBUILD = """
import os, signal, sys, time
# Ctrl-C as at a terminal: a suite started as a background job (CI under nohup … &) hands
# its children SIGINT ignored, and Python then installs no KeyboardInterrupt at all.
signal.signal(signal.SIGINT, signal.default_int_handler)
import django
django.setup()
from articles import indexing

real_article_record = indexing.article_record

def article_record(article):
{hook}
    return real_article_record(article)

indexing.article_record = article_record
from django.core.management import execute_from_command_line
execute_from_command_line(["manage.py", "rebuild_index", "--workers", "2"])
"""


@pytest.fixture
def unindexed_archive(base_archive, tmp_path):
    """200 articles in the live index, 600 more stored but not indexed yet."""
    site = base_archive
    more = write_jsonl(tmp_path / "more.jsonl", synthetic_articles("ب", 600))
    site.ok("import_articles", "--no-progress", "--no-process", more)
    site.before = site.indexed_ids()
    assert len(site.article_ids() - site.before) == 600
    return site


def start_slow_rebuild(site):
    """A rebuild whose workers take 50 ms an article, once one of them has started; each
    article indexed adds a byte to `site.folder / "indexed"`."""
    started = site.folder / "worker-started"
    counter = site.folder / "indexed"
    proc = start_rebuild(site, f"""
open({str(started)!r}, "a").close()
with open({str(counter)!r}, "a") as fh:
    fh.write("x")
time.sleep(0.05)
""")
    wait_for(started.exists, 120, "a worker to start indexing")
    return proc


def articles_indexed(site):
    counter = site.folder / "indexed"
    return counter.stat().st_size if counter.exists() else 0


def start_rebuild(site, hook):
    """The rebuild in its own process group, so that the test can see every worker."""
    hook = "\n".join("    " + line for line in hook.strip().splitlines())
    log = open(site.folder / "rebuild.log", "w")
    proc = subprocess.Popen([sys.executable, "-c", REBUILD.format(hook=hook)], cwd=ROOT,
                            env=site.env, stdout=log, stderr=subprocess.STDOUT,
                            start_new_session=True)
    proc.log_path = site.folder / "rebuild.log"
    return proc


def finish(proc, timeout):
    try:
        proc.wait(timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        raise AssertionError(f"the rebuild did not end within {timeout} s:\n"
                             + proc.log_path.read_text())
    return proc.log_path.read_text()


def assert_no_worker_left(proc):
    try:
        os.killpg(proc.pid, 0)
    except ProcessLookupError:
        return
    os.killpg(proc.pid, signal.SIGKILL)
    raise AssertionError("an indexing worker outlived the rebuild")


def assert_live_index_untouched(site):
    assert site.indexed_ids() == site.before
    assert [p.name for p in site.index.parent.iterdir() if ".building-" in p.name] == []
    site.ok("search", "تقرير")  # still a usable index


def test_a_worker_killed_mid_build_fails_the_rebuild_and_keeps_the_live_index(unindexed_archive):
    site = unindexed_archive
    # Article 600 of 800 is in the middle of the second worker's share.
    proc = start_rebuild(site, """
if article.external_id == "ب-00400":
    os.kill(os.getpid(), signal.SIGKILL)
""")
    output = finish(proc, 300)
    assert proc.returncode == 1, output
    assert "an indexing worker died" in output
    assert "the live index is unchanged" in output
    assert "Traceback" not in output, output
    assert_no_worker_left(proc)
    assert_live_index_untouched(site)

    site.ok("rebuild_index", "--workers", "2")  # nothing is left in the way of the next one
    assert site.indexed_ids() == site.article_ids()


@pytest.mark.parametrize("who", ["terminal", "rebuild_alone"])
def test_ctrl_c_stops_the_workers_and_keeps_the_live_index(unindexed_archive, who):
    """`terminal`: Ctrl-C reaches the whole process group, workers included;
    `rebuild_alone`: SIGINT sent to the command's process only (kill -INT)."""
    site = unindexed_archive
    # 400 articles a worker at 50 ms each: finishing would take 20 s.
    proc = start_slow_rebuild(site)
    at_interrupt = articles_indexed(site)
    if who == "terminal":
        os.killpg(proc.pid, signal.SIGINT)
    else:
        proc.send_signal(signal.SIGINT)
    output = finish(proc, 60)
    # Counted in articles, not seconds: a loaded machine stretches the seconds. Workers
    # that ran on would index all that was left.
    left = len(site.article_ids()) - at_interrupt
    assert articles_indexed(site) - at_interrupt < left / 2, "the workers ran on after Ctrl-C"
    assert proc.returncode == 1, output
    assert "interrupted" in output and "the live index is unchanged" in output
    assert "Traceback" not in output, output
    assert_no_worker_left(proc)
    assert_live_index_untouched(site)


def test_an_import_during_a_rebuild_loses_nothing(unindexed_archive, tmp_path):
    """Issue 14: articles an import stored, extracted and indexed while a rebuild ran were
    dropped when the rebuild swapped in its index, which was built from the rows it read
    before. The rebuild now replays what the import wrote before it swaps."""
    from tests.test_faults import synthetic_articles, write_jsonl

    site = unindexed_archive
    # 400 articles a worker at 50 ms each: the import has 20 s to finish before the swap.
    proc = start_slow_rebuild(site)
    new = synthetic_articles("ج", 60)
    changed = synthetic_articles("أ", 30)  # in the archive and the live index already
    for record in changed:
        record["title"] += " (محدث)"
    during = write_jsonl(tmp_path / "during.jsonl", new + changed)
    imported = site.ok("import_articles", "--no-progress", during)
    assert "imported 60, updated 30, unchanged 0, failed 0" in imported.stdout
    assert proc.poll() is None, "the rebuild ended before the import: nothing was tested"
    output = finish(proc, 300)
    assert proc.returncode == 0, output

    assert site.indexed_ids() == site.article_ids()
    assert {r["id"] for r in new} <= site.indexed_ids()
    # The updated titles are what the index holds, not the versions the rebuild read first.
    site.ok("check_index")
    found = site.ok("search", "محدث", "--json", "--limit", "100").stdout
    assert all(r["id"] in found for r in changed)
