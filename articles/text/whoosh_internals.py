"""Every private Whoosh name the archive relies on, in one place (the fence).

articles.text.segments (the fast segment writer, the parallel rebuild) and
articles.text.fastsearch (ranking by whole posting lists) reach under Whoosh's public
API for speed. They do it only through the functions and the writer class here, so an
upgrade of Whoosh is checked in one file: tests/test_whoosh_internals.py pins each name
against the installed Whoosh, that it exists and behaves as assumed here, and that the
installed version is WRITTEN_FOR. A different version fails that test until someone has
read these functions against the new source and changed WRITTEN_FOR.
"""

from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.codec.whoosh3 import _lenfield as _length_column_name
from whoosh.writing import SegmentWriter

# The whoosh-reloaded release these functions were read against (requirements.in).
WRITTEN_FOR = "2.7.5"

# (where, private name) for each one used below: the test checks every one exists.
PRIVATE_NAMES = (
    ("whoosh.codec.whoosh3", "_lenfield"),
    ("SegmentWriter", "_flush_segment"),
    ("SegmentWriter", "_finalize_segment"),
    ("SegmentWriter", "_close_segment"),
    ("SegmentWriter", "_commit_toc"),
    ("SegmentWriter", "_finish"),
    ("SegmentWriter()", "_added"),
    ("SegmentWriter.__init__", "_lk"),
    ("W3FieldWriter()", "_postwriter"),
    ("W3PostingsWriter()", "_blocklimit"),
    ("W3PostingsWriter", "_write_block"),
    ("W3PostingsWriter", "_new_block"),
    ("W3PostingsWriter()", "_ids"),
    ("W3PostingsWriter()", "_weights"),
    ("W3PostingsWriter()", "_values"),
    ("W3PostingsWriter()", "_maxweight"),
    ("W3PostingsWriter()", "_minlength"),
    ("W3PostingsWriter()", "_maxlength"),
    ("FixedBytesColumn.Reader()", "_fixedlen"),
    ("FixedBytesColumn.Reader()", "_dbfile"),
    ("FixedBytesColumn.Reader()", "_count"),
    ("FixedBytesColumn.Reader()", "_basepos"),
    ("SegmentReader()", "_perdoc"),
    ("W3LeafMatcher()", "_data"),
    ("W3LeafMatcher", "_read_data"),
    ("W3LeafMatcher()", "_blocklength"),
    ("W3LeafMatcher()", "_lastblock"),
    ("W3LeafMatcher", "_goto"),
    ("W3LeafMatcher()", "_nextoffset"),
    ("BM25F()", "_field_B"),
)


# --- writing segments ---------------------------------------------------------------------


class PostingsWriterHook(SegmentWriter):
    """A SegmentWriter whose postings a subclass writes itself (`write_postings`).

    Whoosh's SegmentWriter writes them in its private _flush_segment, between closing the
    per-document files (which the lengths are read back from) and closing the field
    writer; this keeps that order and hands over the part in between."""

    def write_postings(self, lengths):
        """Write every posting through self.fieldwriter; `lengths` is the per-document
        reader of the new segment (field lengths), or None when the codec keeps none."""
        raise NotImplementedError

    def _flush_segment(self):
        self.perdocwriter.close()
        lengths = self.per_document_reader() if self.codec.length_stats else None
        try:
            self.write_postings(lengths)
        finally:
            self.fieldwriter.close()
            if lengths is not None:
                lengths.close()


def unlocked_writer(writer_class, ix, **kwargs):
    """A writer that never takes the index lock (a rebuild's worker process; the parent
    holds the lock and adopts the segments)."""
    return writer_class(ix, _lk=False, **kwargs)


def finish_segment(writer):
    """Close the writer's segment without committing it: the segment (picklable), or None
    when nothing was added."""
    if writer._added:
        return writer._finalize_segment()
    writer._close_segment()
    return None


def commit_segments(writer, segments):
    """List exactly `segments` in the index's table of contents in the writer's locked
    commit (nothing merged or rewritten), and release the writer."""
    writer._close_segment()
    writer._commit_toc(segments)
    writer._finish()


def postings_writer(field_writer):
    """The W3PostingsWriter of the term a W3FieldWriter has started."""
    return field_writer._postwriter


def block_limit(postings):
    return postings._blocklimit


def write_full_block(postings):
    """Write the buffered block and start an empty one."""
    postings._write_block()
    postings._new_block()


def fill_block(postings, ids, weights, values, lengths):
    """Put one block's postings in the writer's buffer at once, with the statistics its
    add_posting would have kept (the largest weight, the shortest and longest length)."""
    postings._ids = ids
    postings._weights = weights
    postings._values = values
    postings._maxweight = max(0, max(weights)) if len(weights) else 0
    postings._minlength = min(lengths) if lengths else None
    postings._maxlength = max(lengths) if lengths else 0


# --- reading segments ------------------------------------------------------------------------


def length_column_name(fieldname):
    """The per-document column that holds a field's byte-encoded lengths."""
    return _length_column_name(fieldname)


def one_byte_column_bytes(column, count):
    """The first `count` values of a one-byte-per-document column as one bytes string,
    plus how many documents it stores, or None when the column is not of that kind."""
    if getattr(column, "_fixedlen", None) != 1 or not hasattr(column, "_dbfile"):
        return None
    stored = min(column._count, count)
    return column._dbfile.get(column._basepos, stored) if stored else b""


def per_document_reader(segment_reader):
    """A SegmentReader's per-document reader (lengths, columns)."""
    return segment_reader._perdoc


def is_block_matcher(matcher):
    return isinstance(matcher, W3LeafMatcher)


def posting_blocks(matcher):
    """(id deltas, weights, block length) of each block of a W3LeafMatcher, in order.
    Weights are None (all 1.0), one float (all alike) or an array."""
    while True:
        if matcher._data is None:
            matcher._read_data()
        yield matcher._data[0], matcher._data[1], matcher._blocklength
        if matcher._lastblock:
            return
        matcher._goto(matcher._nextoffset)


# --- scoring ---------------------------------------------------------------------------------


def is_bm25f(weighting):
    return hasattr(weighting, "_field_B")


def field_b(weighting, fieldname):
    """BM25F's length normalization B for a field (the field's own, else the default)."""
    return weighting._field_B.get(fieldname, weighting.B)
