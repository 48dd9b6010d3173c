"""The seed's plain-text format (../shared/seeds/README.md).

    title
    (blank)
    source line: the publication's name
    (blank)
    paragraph
    (blank)
    paragraph …

One article per file; its external id is the file's stem. It has no date and no URL.
Body paragraphs are joined by a blank line ("\\n\\n"), as in the file.
"""

import re

from articles.importing.outlets import outlet_code_for_name, outlet_name
from articles.importing.records import ArticleRecord, ImportFailure, RecordError, unforeseen
from articles.importing.streams import human_bytes, iter_lines

FORMAT = "plaintext"
BLANK_RUN_RE = re.compile(r"\n\s*\n")


def article_stem(path):
    name = path.name
    for suffix in (".gz", ".txt"):
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)]
    return name


def read_plaintext(path, stream, limits, progress=None):
    """Yield one ArticleRecord (or one ImportFailure) for the whole file."""
    lines = []
    size = 0
    for line in iter_lines(stream, limits, progress):
        try:
            text = line.text(limits)
        except RecordError as error:
            yield ImportFailure(str(path), line.number, str(error))
            return
        size += len(line.data)
        if size > limits.max_line_bytes:
            yield ImportFailure(str(path), None, f"article is larger than the {human_bytes(limits.max_line_bytes)} limit")
            return
        lines.append(text)
    try:
        record = record_from_text("".join(lines), article_stem(path))
    except RecordError as error:
        yield ImportFailure(str(path), None, str(error))
        return
    except Exception as error:  # noqa: BLE001 — a case no check foresaw: this file fails, not the run
        yield ImportFailure(str(path), None, unforeseen(error))
        return
    record.import_path, record.import_format, record.line = str(path), FORMAT, None
    yield record


def record_from_text(text, external_id):
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    blocks = [block.strip() for block in BLANK_RUN_RE.split(text) if block.strip()]
    if len(blocks) < 3:
        raise RecordError(
            "plain-text article needs a title, a source line and at least one paragraph, "
            "separated by blank lines"
        )
    title, source, *paragraphs = blocks
    if "\n" in title:
        raise RecordError("plain-text article: the title must be one line followed by a blank line")
    if "\n" in source:
        raise RecordError("plain-text article: the source must be one line followed by a blank line")
    code = outlet_code_for_name(source)
    return ArticleRecord(
        external_id=external_id,
        title=title,
        body="\n\n".join(paragraphs),
        source_code=code,
        source_name=outlet_name(code, source),
    )
