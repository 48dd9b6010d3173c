"""The fence (articles.text.whoosh_internals) against the installed Whoosh: the version it
was written for, every private name it uses, and each accessor doing what its callers
(segments.py, fastsearch.py) assume, on a real index written in a temporary folder."""

import importlib.metadata
import inspect
from itertools import accumulate

import pytest
import whoosh
from whoosh import index as windex
from whoosh import scoring
from whoosh.codec import whoosh3
from whoosh.columns import FixedBytesColumn
from whoosh.fields import ID, TEXT, Schema
from whoosh.reading import SegmentReader
from whoosh.util.numeric import byte_to_length
from whoosh.writing import SegmentWriter

from articles.text import segments
from articles.text import whoosh_internals as internals
from tests.conftest import ROOT

# Enough documents for a common word to fill more than one posting block.
DOCUMENTS = 300
LENGTHS_COLUMN = whoosh3.LENGTHS_COLUMN


def documents(start=0, count=DOCUMENTS):
    for n in range(start, start + count):
        # Lengths vary (1 to 7 words) so the length column holds different bytes.
        words = ["قال"] + ["الرئيس"] * (n % 4) + (["غزة", "لبنان"] if n % 3 == 0 else [])
        yield {"key": f"d{n}", "body": " ".join(words)}


def schema():
    return Schema(key=ID(stored=True, unique=True), body=TEXT(phrase=False))


def all_postings(matcher):
    """[(docnum, weight)] read through Whoosh's public matcher API."""
    items = []
    while matcher.is_active():
        items.append((matcher.id(), matcher.weight()))
        matcher.next()
    return items


@pytest.fixture
def ix(tmp_path):
    """An index written by Whoosh's own SegmentWriter."""
    folder = tmp_path / "plain"
    folder.mkdir()
    index = windex.create_in(folder, schema())
    writer = index.writer()
    for doc in documents():
        writer.add_document(**doc)
    writer.commit()
    return index


def test_the_installed_whoosh_is_the_one_the_fence_was_written_for():
    assert importlib.metadata.version("whoosh-reloaded") == internals.WRITTEN_FOR
    assert whoosh.versionstring() == internals.WRITTEN_FOR
    pinned = (ROOT / "requirements.txt").read_text(encoding="utf-8")
    assert f"whoosh-reloaded=={internals.WRITTEN_FOR}\n" in pinned.lower()


def test_every_private_name_exists(ix):
    writer = ix.writer()
    try:
        writer.fieldwriter.start_field("body", ix.schema["body"])
        writer.fieldwriter.start_term("قال".encode())
        postings = internals.postings_writer(writer.fieldwriter)
        reader = ix.reader()
        objects = {
            "whoosh.codec.whoosh3": whoosh3,
            "SegmentWriter": SegmentWriter,
            "SegmentWriter()": writer,
            "W3FieldWriter()": writer.fieldwriter,
            "W3PostingsWriter": whoosh3.W3PostingsWriter,
            "W3PostingsWriter()": postings,
            "FixedBytesColumn.Reader()": internals.per_document_reader(reader).column_reader(
                internals.length_column_name("body"), LENGTHS_COLUMN),
            "SegmentReader()": reader,
            "W3LeafMatcher": whoosh3.W3LeafMatcher,
            "W3LeafMatcher()": reader.postings("body", "قال"),
            "BM25F()": scoring.BM25F(),
        }
        assert isinstance(reader, SegmentReader)
        assert isinstance(objects["FixedBytesColumn.Reader()"], FixedBytesColumn.Reader)
        assert isinstance(objects["W3LeafMatcher()"], whoosh3.W3LeafMatcher)
        missing = []
        for where, name in internals.PRIVATE_NAMES:
            if where == "SegmentWriter.__init__":
                present = name in inspect.signature(SegmentWriter.__init__).parameters
            else:
                present = hasattr(objects[where], name)
            if not present:
                missing.append(f"{where}.{name}")
        assert missing == []
    finally:
        writer.cancel()


def test_posting_blocks_give_every_posting_of_a_term(ix):
    reader = ix.reader()
    for word in ("قال", "الرئيس", "غزة"):
        matcher = reader.postings("body", word)
        assert internals.is_block_matcher(matcher)
        blocks = list(internals.posting_blocks(matcher))
        ids, weights = [], []
        for deltas, block_weights, length in blocks:
            ids.extend(accumulate(deltas))
            if block_weights is None:
                weights.extend([1.0] * length)
            elif isinstance(block_weights, float):
                weights.extend([block_weights] * length)
            else:
                weights.extend(block_weights)
            assert len(ids) == len(weights)
        assert list(zip(ids, weights)) == all_postings(reader.postings("body", word))
    assert len(list(internals.posting_blocks(reader.postings("body", "قال")))) > 1  # across blocks


def test_one_byte_column_bytes_are_the_field_lengths(ix):
    reader = ix.reader()
    column = internals.per_document_reader(reader).column_reader(
        internals.length_column_name("body"), LENGTHS_COLUMN)
    raw = internals.one_byte_column_bytes(column, reader.doc_count_all())
    assert len(raw) == DOCUMENTS
    assert [byte_to_length(b) for b in raw] == [reader.doc_field_length(d, "body") for d in range(DOCUMENTS)]
    assert internals.one_byte_column_bytes(object(), 5) is None


def test_field_b_is_bm25fs_per_field_normalization():
    weighting = scoring.BM25F(B=0.75, body_B=0.3)
    assert internals.is_bm25f(weighting) and not internals.is_bm25f(scoring.TF_IDF())
    assert internals.field_b(weighting, "body") == 0.3
    assert internals.field_b(weighting, "title") == 0.75


def test_unlocked_writers_leave_the_lock_and_their_segments_are_adopted_in_one_commit(tmp_path):
    folder = tmp_path / "parallel"
    folder.mkdir()
    index = windex.create_in(folder, schema())
    first = internals.unlocked_writer(segments.ArchiveSegmentWriter, index)
    second = internals.unlocked_writer(segments.ArchiveSegmentWriter, index)
    empty = internals.unlocked_writer(segments.ArchiveSegmentWriter, index)
    # The lock is free while they write. (Taken through the lock itself: a locked
    # writer's cancel() would empty the temp folder the unlocked writers share.)
    lock = index.lock("WRITELOCK")
    assert lock.acquire(blocking=False)
    lock.release()
    for doc in documents(0, 150):
        first.add_document(**doc)
    for doc in documents(150, 150):
        second.add_document(**doc)
    built = [internals.finish_segment(first), internals.finish_segment(second)]
    assert internals.finish_segment(empty) is None
    assert index.doc_count() == 0  # written, not yet listed
    writer = segments.ArchiveSegmentWriter(index, timeout=1)
    internals.commit_segments(writer, list(writer.segments) + built)
    assert index.doc_count() == DOCUMENTS
    with index.searcher() as searcher:
        assert searcher.reader().doc_frequency("body", "قال") == DOCUMENTS
        assert searcher.reader().doc_frequency("body", "غزة") == DOCUMENTS // 3
    assert lock.acquire(blocking=False)  # the commit released the lock
    lock.release()


def test_the_postings_hook_writes_what_whooshs_own_writer_writes(ix, tmp_path):
    """ArchiveSegmentWriter (write_postings through fill_block and write_full_block) and
    Whoosh's SegmentWriter give the same terms, postings, weights and lengths."""
    folder = tmp_path / "ours"
    folder.mkdir()
    ours = windex.create_in(folder, schema())
    writer = segments.ArchiveSegmentWriter(ours)
    for doc in documents():
        writer.add_document(**doc)
    writer.commit()

    def everything(index):
        reader = index.reader()
        terms = {}
        for fieldname, text in reader.all_terms():
            items = all_postings(reader.postings(fieldname, text))
            info = reader.term_info(fieldname, text)
            terms[(fieldname, text)] = (items, info.max_weight(), info.min_length(), info.max_length())
        return terms, [reader.doc_field_length(d, "body") for d in range(reader.doc_count_all())]

    assert everything(ours) == everything(ix)
