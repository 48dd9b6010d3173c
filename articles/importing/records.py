"""The plain record every reader produces, and the checks it must pass before it is stored.

Readers know nothing about the database: they turn a file into `ArticleRecord`s and
`ImportFailure`s. Validation happens here, on the whole record, before anything is
written, so a record that would violate a column limit or a constraint is reported as a
failure instead of aborting a batch half-way.
"""

import hashlib
import json
import re
from dataclasses import dataclass, field, fields
from datetime import UTC, datetime, timedelta

from django.core.validators import slug_re

from articles.text.characters import SURROGATE_RE, SURROGATES, TEXT_CONTROLS, TEXT_CONTROLS_RE
from articles.text.normalize import INVISIBLE_CHARS

# Column limits of articles.Article; PostgreSQL rejects longer values, SQLite would not,
# so the importer checks them itself to behave the same on both.
MAX_EXTERNAL_ID = 200
MAX_AUTHOR = 300
MAX_URL = 1000
MAX_LANGUAGE = 10
MAX_SOURCE_CODE = 50
MAX_SOURCE_NAME = 200
MAX_SECTION_NAME = 200

# Characters that would break the article's address (/articles/<external_id>/) or could
# not be shown in it: URL delimiters, controls, every kind of space (a visitor cannot
# tell "a b" from "a\u00a0b", nor "ab" from "a\u200bb"), and what is not a character in XML
# (the feeds, sitemaps).
FORBIDDEN_ID_RE = re.compile(rf"[/?#%\\\s\x00-\x20\x7f-\xa0\ufffe\uffff\ud800-\udfff{INVISIBLE_CHARS}]")
# In a path, "." and ".." are steps, not names: /articles/../ is /.
PATH_STEPS = {".", ".."}

# Control characters and the noncharacters are taken out of every imported text, by the
# one rule of articles.text.characters (XML, so the Atom feed and the sitemaps, cannot hold
# them). A lone surrogate (JSON's "\udfff" escape) is not a character: it cannot be
# encoded, stored or shown, and means the file was written by a broken encoder. Either is
# looked for in one pass (the body is most of what is imported).
UNUSUAL_CHAR_RE = re.compile(f"[{TEXT_CONTROLS}{SURROGATES}]")

# How far after the import a publication date may lie: a little, for time zones and
# embargoed stories; a date beyond it is a typo or a placeholder (9999-12-31), and would
# pass for the newest article everywhere the archive sorts or groups by date.
FUTURE_PUBLISHED_MARGIN = timedelta(days=2)


# The corpus's author field is sometimes an opaque account id (a UUID), which means
# nothing to a reader; it is dropped the same way whichever format the article came in.
OPAQUE_AUTHOR_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.I)


def readable_author(value):
    value = (value or "").strip()
    return "" if OPAQUE_AUTHOR_RE.match(value) else value


def unforeseen(error):
    """The reason given for an exception no check foresaw: the record fails, the run goes on."""
    return f"cannot be imported ({type(error).__name__}: {error})"


def in_utc(moment, value):
    """An aware UTC datetime for a parsed `moment` (taken as UTC without a zone); `value`
    is the text it was read from, for the message."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    try:
        return moment.astimezone(UTC)
    except OverflowError:  # 0001-01-01T00:00+14:00 is before year 1 in UTC
        raise RecordError(f"published is outside the dates that can be stored: {value[:40]!r}") from None


def without_controls(text):
    """`text` without control characters; those Python counts as spaces (form feed, NEL …)
    become a space, so the words they separated stay apart."""
    return TEXT_CONTROLS_RE.sub(lambda m: " " if m.group().isspace() else "", text).strip()


def external_id_problem(external_id):
    """Why `external_id` cannot be an article's address, or None if it can."""
    if not external_id:
        return "empty external id"
    if len(external_id) > MAX_EXTERNAL_ID:
        return f"external id longer than {MAX_EXTERNAL_ID} characters"
    if external_id in PATH_STEPS:
        return f"external id {external_id!r} is a path step ('.' or '..'), not a name"
    bad = FORBIDDEN_ID_RE.search(external_id)
    if bad:
        return f"external id {external_id!r} contains {bad.group()!r}"
    return None


def source_code_problem(code):
    """Why `code` cannot be a Source's code (the slug of /sources/<code>/), or None."""
    if not code:
        return "no source"
    if len(code) > MAX_SOURCE_CODE:
        return f"source_code longer than {MAX_SOURCE_CODE} characters"
    if not slug_re.match(code):
        return f"source_code {code!r} is not a code: only letters a-z and A-Z, digits, '-' and '_' may be used"
    return None


class RecordError(ValueError):
    """A record (or a file) that cannot be imported; the message is shown to the user."""


@dataclass(frozen=True)
class ImportFailure:
    path: str
    line: int | None
    reason: str

    def __str__(self):
        where = f"{self.path}:{self.line}" if self.line else self.path
        return printable(f"{where}: {self.reason}")


def printable(text):
    """`text` with what cannot be written out as UTF-8 (a file name that is not UTF-8,
    read by Python as lone surrogates) spelled as escapes instead."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


@dataclass
class ArticleRecord:
    external_id: str
    title: str
    body: str
    source_name: str
    source_code: str
    abstract: str = ""
    section: str = ""
    author: str = ""
    published: datetime | None = None
    url: str = ""
    language: str = "ar"
    # Provenance: where the record came from; not part of the content hash.
    import_path: str = field(default="", compare=False)
    import_format: str = field(default="", compare=False)
    line: int | None = field(default=None, compare=False)
    # Why the record cannot be stored whatever else it holds (a lone surrogate), found
    # while its texts are cleaned.
    flaw: str | None = field(default=None, init=False, compare=False, repr=False)

    # The texts cleaned of control characters; the external id and the source code are
    # names, not texts, so a control character in them refuses the record instead.
    CLEANED = ("title", "abstract", "body", "source_name", "section", "author", "url", "language")
    # How validation messages name the fields.
    LABELS = {"external_id": "external id", "source_name": "source"}

    def __post_init__(self):
        for item in fields(self):
            value = getattr(self, item.name)
            if not (item.compare and isinstance(value, str) and UNUSUAL_CHAR_RE.search(value)):
                continue
            surrogate = SURROGATE_RE.search(value)
            if surrogate and self.flaw is None:
                label = self.LABELS.get(item.name, item.name)
                self.flaw = f"{label} contains U+{ord(surrogate.group()):04X}, a lone surrogate (not a character)"
            if item.name in self.CLEANED:
                setattr(self, item.name, without_controls(value))

    def content_fields(self):
        """The imported fields, in a fixed order; the hash covers exactly these."""
        return {
            "external_id": self.external_id,
            "title": self.title,
            "abstract": self.abstract,
            "body": self.body,
            "source_code": self.source_code,
            "section": self.section,
            "author": self.author,
            "published": self.published.isoformat() if self.published else None,
            "url": self.url,
            "language": self.language,
        }

    def content_hash(self):
        payload = json.dumps(self.content_fields(), ensure_ascii=False, sort_keys=True)
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()

    def texts(self):
        """(label, value) of every imported text, the source's name included."""
        for item in fields(self):
            value = getattr(self, item.name)
            if item.compare and isinstance(value, str):
                yield self.LABELS.get(item.name, item.name), value

    def validate(self):
        """Raise RecordError with the first reason this record cannot be stored."""
        if self.flaw:
            raise RecordError(self.flaw)
        problem = external_id_problem(self.external_id)
        if problem:
            raise RecordError(problem)
        if not self.title.strip():
            raise RecordError("empty title")
        problem = source_code_problem(self.source_code)
        if problem:
            raise RecordError(problem)
        # Codes are addresses (/sources/bbc/): BBC and bbc are one outlet, as in TREC files.
        self.source_code = self.source_code.lower()
        limits = [
            ("author", self.author, MAX_AUTHOR),
            ("url", self.url, MAX_URL),
            ("language", self.language, MAX_LANGUAGE),
            ("source", self.source_name, MAX_SOURCE_NAME),
            ("section", self.section, MAX_SECTION_NAME),
        ]
        for name, value, limit in limits:
            if len(value) > limit:
                raise RecordError(f"{name} longer than {limit} characters")
        if self.published is not None:
            if self.published.tzinfo is None:
                raise RecordError("published date has no time zone")
            if self.published > datetime.now(UTC) + FUTURE_PUBLISHED_MARGIN:
                raise RecordError(
                    f"published {self.published.date()} is in the future "
                    f"(more than {FUTURE_PUBLISHED_MARGIN.days} days after today)"
                )
        # PostgreSQL text cannot hold NUL; a NUL in news text means a broken file anyway.
        for label, value in self.texts():
            if "\x00" in value:
                raise RecordError(f"{label} contains a NUL character")
