"""JSON Lines: one article object per line, fields as in ../shared/corpus/README.md."""

import json
from datetime import UTC, datetime

from articles.importing.outlets import outlet_code_for_name, outlet_name
from articles.importing.records import ArticleRecord, ImportFailure, RecordError, in_utc, readable_author, unforeseen
from articles.importing.streams import iter_lines

FORMAT = "jsonl"
MAX_DEPTH = 64
# Python refuses to convert an integer of more digits (sys.int_info.default_max_str_digits);
# no field is a number, so such a value is only ever an error to report.
MAX_INTEGER_DIGITS = 4300
# A body may be empty (the corpus holds two title-only graphics pages) but must be there.
REQUIRED = ("id", "title")
TEXT_FIELDS = ("id", "url", "source", "source_code", "category", "title", "author", "abstract", "body", "published", "language")


def read_jsonl(path, stream, limits, progress=None):
    """Yield an ArticleRecord or an ImportFailure per non-blank line."""
    for line in iter_lines(stream, limits, progress):
        try:
            text = line.text(limits)
            if not text.strip():
                continue
            record = record_from_json(text.rstrip("\r\n"))
        except RecordError as error:
            yield ImportFailure(str(path), line.number, str(error))
            continue
        except Exception as error:  # noqa: BLE001 — a case no check foresaw: this line fails, not the run
            yield ImportFailure(str(path), line.number, unforeseen(error))
            continue
        record.import_path, record.import_format, record.line = str(path), FORMAT, line.number
        yield record


def record_from_json(text):
    try:
        item = json.loads(text, parse_int=bounded_int)
    except RecursionError:
        raise RecordError(f"JSON nested deeper than {MAX_DEPTH} levels") from None
    except json.JSONDecodeError as error:
        raise RecordError(f"invalid JSON: {error.msg.removesuffix(' at')} at column {error.colno}") from None
    if not isinstance(item, dict):
        raise RecordError(f"JSON value is {type(item).__name__}, not an object")
    if nesting_depth(item) > MAX_DEPTH:
        raise RecordError(f"JSON nested deeper than {MAX_DEPTH} levels")
    missing = [name for name in REQUIRED if not item.get(name)]
    if "body" not in item:
        missing.append("body")
    if not (item.get("source_code") or item.get("source")):
        missing.append("source_code")
    if missing:
        raise RecordError(f"missing required field(s): {', '.join(missing)}")
    for name in TEXT_FIELDS:
        if item.get(name) is not None and not isinstance(item[name], str):
            raise RecordError(f"field {name!r} is {type(item[name]).__name__}, not a string")
    code = item.get("source_code") or outlet_code_for_name(item["source"])
    return ArticleRecord(
        external_id=item["id"].strip(),
        title=item["title"].strip(),
        abstract=(item.get("abstract") or "").strip(),
        body=(item["body"] or "").strip(),
        source_code=code,
        source_name=outlet_name(code, (item.get("source") or "").strip()),
        section=(item.get("category") or "").strip(),
        author=readable_author(item.get("author")),
        published=parse_iso_date(item.get("published")),
        url=(item.get("url") or "").strip(),
        language=(item.get("language") or "ar").strip(),
    )


def bounded_int(digits):
    if len(digits.lstrip("-")) > MAX_INTEGER_DIGITS:
        raise RecordError(f"invalid JSON: a number longer than {MAX_INTEGER_DIGITS} digits")
    return int(digits)


def nesting_depth(value, limit=MAX_DEPTH + 1):
    """Depth of nested containers, counted only up to `limit` (iterative: no recursion)."""
    depth = 0
    level = [value]
    while level and depth < limit:
        depth += 1
        nxt = []
        for item in level:
            if isinstance(item, dict):
                nxt.extend(v for v in item.values() if isinstance(v, (dict, list)))
            elif isinstance(item, list):
                nxt.extend(v for v in item if isinstance(v, (dict, list)))
        level = nxt
    return depth


def parse_iso_date(value):
    """ISO 8601 → aware UTC datetime; a time without zone is taken as UTC (the corpus is)."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        raise RecordError(f"published is not an ISO 8601 date: {value[:40]!r}") from None
    return in_utc(moment, value)
