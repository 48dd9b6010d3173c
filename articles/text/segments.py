"""A faster Whoosh segment writer, and the pieces to build one index from many processes.

Profiling a rebuild of the corpus (docs/benchmarks.md) put more than half of the time in
three places inside Whoosh's SegmentWriter, none of them in our code:

- PostingPool: every (field, term, doc, weight, value) posting became a tuple that was
  sized, sorted, pickled to a run file once 128 MB were reached, and read back one by
  one through a heap merge;
- the length of each posting's field in its document was read back from the lengths
  column file through a struct look-up, once per posting;
- the generic add_postings loop re-checked the order of every posting.

Documents arrive in document-number order, so postings grouped by term as they come are
already in order within each term; only the term list needs sorting when the segment is
written. TermPool keeps them that way in compact arrays, and ArchiveSegmentWriter writes
them with the lengths read once per field. The files written are ordinary Whoosh
segments: any Whoosh reader opens them, and merges go through the same code. The private
Whoosh names this needs are reached only through articles.text.whoosh_internals.

`adopt_segments` is how a rebuild uses both cores: each worker process writes whole
segments into the new index folder without the lock, and the parent, holding the lock,
lists them all in one table of contents (what Whoosh's MpWriter does with
multisegment=True, but with the workers reading and analysing their own documents).
"""

import threading
from array import array

from whoosh.codec.whoosh3 import LENGTHS_COLUMN
from whoosh.util.numeric import byte_to_length

from articles.text import whoosh_internals as internals


class TermPool:
    """Postings grouped by field and term as they are added, in arrays.

    Takes the place of whoosh.writing.PostingPool on an ArchiveSegmentWriter: same
    `add(item)` and `iter_postings()`, no run files, no global sort. About 20 bytes a
    posting for frequency-only fields and 60 for positional ones, plus the term itself.
    """

    def __init__(self):
        self.fields = {}  # fieldname → {term bytes → (docnums, weights, values)}
        self.fieldnames = set()
        self.postings = 0
        self._out_of_order = set()  # (fieldname, term) whose docnums went backwards
        self._small_values = {}

    def add(self, item):
        fieldname, term, docnum, weight, value = item
        terms = self.fields.get(fieldname)
        if terms is None:
            terms = self.fields[fieldname] = {}
            self.fieldnames.add(fieldname)
        entry = terms.get(term)
        if entry is None:
            entry = terms[term] = (array("i"), array("d"), [])
        elif docnum < entry[0][-1]:
            # Never seen in the archive's own writes; kept correct for any caller.
            self._out_of_order.add((fieldname, term))
        entry[0].append(docnum)
        entry[1].append(weight)
        if value is not None and len(value) <= 4:
            # Frequency-only fields store a 4-byte count; share one object per count.
            value = self._small_values.setdefault(value, value)
        entry[2].append(value)
        self.postings += 1

    def terms(self):
        """(fieldname, term, docnums, weights, values) in index order."""
        for fieldname in sorted(self.fields):
            terms = self.fields[fieldname]
            for term in sorted(terms):
                docnums, weights, values = terms[term]
                if (fieldname, term) in self._out_of_order:
                    order = sorted(range(len(docnums)), key=docnums.__getitem__)
                    docnums = [docnums[i] for i in order]
                    weights = [weights[i] for i in order]
                    values = [values[i] for i in order]
                yield fieldname, term, docnums, weights, values

    def iter_postings(self):
        for fieldname, term, docnums, weights, values in self.terms():
            for docnum, weight, value in zip(docnums, weights, values):
                yield fieldname, term, docnum, weight, value

    def cleanup(self):
        self.fields = {}


class ArchiveSegmentWriter(internals.PostingsWriterHook):
    """Whoosh's SegmentWriter with the TermPool and a direct postings writer."""

    def __init__(self, ix, **kwargs):
        super().__init__(ix, **kwargs)
        self.pool = TermPool()

    def write_postings(self, lengths):
        writer = self.fieldwriter
        start_term, finish_term = writer.start_term, writer.finish_term
        current_field = None
        field_lengths = None
        for fieldname, term, docnums, weights, values in self.pool.terms():
            if fieldname != current_field:
                if current_field is not None:
                    writer.finish_field()
                writer.start_field(fieldname, self.schema[fieldname])
                current_field = fieldname
                field_lengths = _field_lengths(lengths, fieldname)
            start_term(term)
            if field_lengths is None:
                lengths_ = [0] * len(docnums)
            else:
                lengths_ = [field_lengths[d] for d in docnums]
            _add_term_postings(internals.postings_writer(writer), docnums, weights, values, lengths_)
            finish_term()
        if current_field is not None:
            writer.finish_field()


def _add_term_postings(postings_writer, docnums, weights, values, lengths):
    """What W3PostingsWriter.add_posting does posting by posting, a block at a time:
    fill the block buffers with slices and write every full block; the last, partial
    block stays buffered for finish_postings (which may inline a short list)."""
    limit = internals.block_limit(postings_writer)
    count = len(docnums)
    for start in range(0, count, limit):
        if start:
            internals.write_full_block(postings_writer)
        end = min(start + limit, count)
        internals.fill_block(
            postings_writer, array("I", docnums[start:end]), array("f", weights[start:end]),
            [v for v in values[start:end] if v], [n for n in lengths[start:end] if n])


_DECODED_LENGTHS = [byte_to_length(b) if b else 0 for b in range(256)]


def _field_lengths(per_doc_reader, fieldname):
    """Every document's length in this field, decoded once (what Whoosh's
    doc_field_length returns per call, 0 for none), or None when nothing records lengths.
    The column holds one byte per document: read as one string, not document by document."""
    if per_doc_reader is None:
        return None
    count = per_doc_reader.doc_count_all()
    lenfield = internals.length_column_name(fieldname)
    if not per_doc_reader.has_column(lenfield):
        return [0] * (count + 1)
    column = per_doc_reader.column_reader(lenfield, LENGTHS_COLUMN)
    decoded = _DECODED_LENGTHS
    raw = internals.one_byte_column_bytes(column, count)
    if raw is not None:
        return [decoded[b] for b in raw] + [0] * (count - len(raw) + 1)
    return [decoded[column[d]] for d in range(count)] + [0]


class SegmentCache:
    """Something read once per (segment, field) and kept while the segment lives: a
    segment never changes once written (deletions only hide documents). Subclasses say
    what to read (`load`); the searcher drops the segments a merge or rebuild retired."""

    def __init__(self):
        self._values = {}  # (segment id, field) → what load() returned
        self._lock = threading.Lock()

    def load(self, reader, fieldname):
        raise NotImplementedError

    def get(self, reader, fieldname):
        segment = reader.segment()
        if segment is None:
            return ()  # an index without a segment reads as one empty reader: no documents
        key = (segment.segment_id(), fieldname)
        values = self._values.get(key)
        if values is None:
            values = self.load(reader, fieldname)
            with self._lock:
                self._values[key] = values
        return values

    def forget_except(self, segment_ids):
        with self._lock:
            for key in [k for k in self._values if k[0] not in segment_ids]:
                del self._values[key]


def open_unlocked_writer(ix, **kwargs):
    """A writer for a worker process of a parallel build: it writes its own segment
    files and never touches the lock or the table of contents (adopt_segments does)."""
    return internals.unlocked_writer(ArchiveSegmentWriter, ix, **kwargs)


def finish_segment(writer):
    """Close an unlocked writer's segment and return it (picklable), or None if empty."""
    segment = internals.finish_segment(writer)
    # The temp folder (index name + ".tmp") is shared by all the workers' writers, which
    # keep their column files there until they close; adopt_segments removes it.
    return segment


def adopt_segments(ix, segments, *, timeout):
    """List segments written by workers (finish_segment) in the index's table of
    contents, in one locked commit; nothing is merged or rewritten."""
    writer = ArchiveSegmentWriter(ix, timeout=timeout)
    try:
        internals.commit_segments(writer, list(writer.segments) + [s for s in segments if s is not None])
    except BaseException:
        writer.cancel()
        raise
