"""The ANT corpus's original TREC-style files: <DOC><DOCNO>…<TEXT>…</TEXT></DOC>.

These files are not well-formed XML (bare `&`, markup inside the text, missing closing
tags), so no XML parser is used: a DOC is cut out by its tags, and each field runs until
its closing tag or, when that is missing, until the next known opening tag or the end of
the DOC. Entities (&amp; &quot; &#1575; …) are decoded; any other markup is kept as text.
"""

import html
import re
from email.utils import parsedate_to_datetime

from articles.importing.outlets import outlet_for_trec_src, section_for_trec_category
from articles.importing.records import ArticleRecord, ImportFailure, RecordError, in_utc, readable_author, unforeseen
from articles.importing.streams import human_bytes, iter_lines

FORMAT = "trec"
FIELDS = ("DOCNO", "URL", "SRC", "CAT", "TITLE", "TIME", "AUTHOR", "ABSTRACT", "TEXT")
DOC_OPEN_RE = re.compile(r"<DOC>", re.I)
DOC_CLOSE_RE = re.compile(r"</DOC>", re.I)
NEXT_TAG = "|".join(FIELDS)
# Only complete entities (with their ';') are decoded: html.unescape alone would also read
# the legacy forms without ';', turning a bare "&not" or "&copy" inside text into symbols.
ENTITY_RE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
FIELD_RES = {
    name: re.compile(rf"<{name}>(.*?)(?:</{name}>|(?=<(?:{NEXT_TAG})>)|(?=</DOC>)|\Z)", re.I | re.S)
    for name in FIELDS
}


class Doc:
    """The text of one <DOC> while it is being read, bounded in size."""

    def __init__(self, line):
        self.line = line
        self.parts = []
        self.size = 0
        self.error = None

    def add(self, text, limit):
        if self.error:
            return
        self.size += len(text.encode("utf-8"))
        if self.size > limit:
            self.error = f"DOC is larger than the {human_bytes(limit)} limit; skipped"
            self.parts = []
        else:
            self.parts.append(text)


def read_trec(path, stream, limits, progress=None):
    """Yield an ArticleRecord or an ImportFailure per <DOC>."""
    doc = None
    for line in iter_lines(stream, limits, progress):
        try:
            text = line.text(limits)
        except RecordError as error:
            if doc is None:
                yield ImportFailure(str(path), line.number, str(error))
            elif not doc.error:
                doc.error = f"{error} (line {line.number})"
            continue
        text = text.replace("\r\n", "\n")  # files saved on Windows hash the same
        while text:
            if doc is None:
                opening = DOC_OPEN_RE.search(text)
                if not opening:
                    break  # text between DOCs carries nothing
                doc = Doc(line.number)
                text = text[opening.end():]
                continue
            closing = DOC_CLOSE_RE.search(text)
            reopening = DOC_OPEN_RE.search(text)
            end = min((m.start() for m in (closing, reopening) if m), default=None)
            if end is None:
                doc.add(text, limits.max_line_bytes)
                break
            doc.add(text[:end], limits.max_line_bytes)
            yield finish(path, doc)
            doc = None
            text = text[closing.end():] if closing and closing.start() == end else text[end:]
    if doc is not None:  # the file ended without </DOC>: what was read is still the DOC
        yield finish(path, doc)


def finish(path, doc):
    if doc.error:
        return ImportFailure(str(path), doc.line, doc.error)
    try:
        record = record_from_doc("".join(doc.parts))
    except RecordError as error:
        return ImportFailure(str(path), doc.line, str(error))
    except Exception as error:  # noqa: BLE001 — a case no check foresaw: this DOC fails, not the run
        return ImportFailure(str(path), doc.line, unforeseen(error))
    record.import_path, record.import_format, record.line = str(path), FORMAT, doc.line
    return record


def field(text, name):
    """The field's decoded text; None when the tag is absent."""
    match = FIELD_RES[name].search(text)
    return decode_entities(match.group(1)).strip() if match else None


def decode_entities(text):
    return ENTITY_RE.sub(lambda m: html.unescape(m.group(0)), text)


def record_from_doc(text):
    found = {name: field(text, name) for name in FIELDS}
    missing = [name for name in ("DOCNO", "TITLE", "SRC") if not found[name]]
    if found["TEXT"] is None:
        missing.append("TEXT")
    if missing:
        raise RecordError(f"DOC without {', '.join('<' + name + '>' for name in missing)}")
    values = {name: value or "" for name, value in found.items()}
    code, name = outlet_for_trec_src(values["SRC"])
    return ArticleRecord(
        external_id=values["DOCNO"],
        title=values["TITLE"],
        abstract=values["ABSTRACT"],
        body=values["TEXT"],
        source_code=code,
        source_name=name,
        section=section_for_trec_category(values["CAT"]) if values["CAT"] else "",
        author=readable_author(values["AUTHOR"]),
        published=parse_trec_time(values["TIME"]),
        url=values["URL"],
    )


WRITTEN_YEAR_RE = re.compile(r"\b(\d{4})\b")


def parse_trec_time(value):
    """'Sun, 18 Feb 2018 17:21:49 GMT' (RFC 2822) → aware UTC datetime."""
    if not value:
        return None
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError, OverflowError):
        raise RecordError(f"TIME is not an RFC 2822 date: {value[:40]!r}") from None
    written = WRITTEN_YEAR_RE.search(value)
    if written and int(written.group(1)) != moment.year:
        # RFC 2822 reads a year under 100 as 19xx/20xx: 0001 would be stored as 2001.
        raise RecordError(f"TIME year {written.group(1)} cannot be read as written: {value[:40]!r}")
    return in_utc(moment, value)
