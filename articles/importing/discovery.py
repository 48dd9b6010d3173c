"""Which files an import considers, and which reader reads each one.

A folder is walked recursively and only files that can hold articles are considered:
`.txt`, `.jsonl`, `.ndjson`, `.json`, `.trec`, `.xml`, `.sgml` and files without an
extension, each optionally `.gz`-compressed. Documentation and attribution files that live
beside articles (README*, NOTICE*, LICENSE*, anything `.md`) and hidden files and folders
are skipped by design. A file named explicitly on the command line is always read.

The format is decided by extension first (`.jsonl`/`.ndjson`/`.json` are JSON Lines) and
otherwise by the first non-blank characters: `{` → JSON Lines, `<DOC` → TREC, anything
else → the seed's plain-text format.
"""

from pathlib import Path

from articles.importing.jsonl import read_jsonl
from articles.importing.plaintext import read_plaintext
from articles.importing.streams import is_gzip
from articles.importing.trec import read_trec

ARTICLE_EXTENSIONS = {"", ".txt", ".jsonl", ".ndjson", ".json", ".trec", ".xml", ".sgml"}
JSONL_EXTENSIONS = {".jsonl", ".ndjson", ".json"}
DOCUMENTATION_STEMS = ("readme", "notice", "license", "licence", "changelog", "authors")
READERS = {"jsonl": read_jsonl, "trec": read_trec, "plaintext": read_plaintext}
SNIFF_BYTES = 4096


def inner_suffix(path):
    """The extension that says what is inside, looking through a .gz."""
    name = path.name[:-3] if is_gzip(path) else path.name
    return Path(name).suffix.lower()


def is_article_file(path):
    name = path.name.lower()
    if name.startswith(".") or name.startswith(DOCUMENTATION_STEMS):
        return False
    if name.endswith((".md", ".md.gz")):
        return False
    return inner_suffix(path) in ARTICLE_EXTENSIONS


def find_files(paths):
    """Yield (path, None) for each file to read, or (path, reason) for a path that cannot be."""
    for path in map(Path, paths):
        if path.is_dir():
            for found in sorted(path.rglob("*")):
                relative = found.relative_to(path).parts
                if any(part.startswith(".") for part in relative):
                    continue
                if found.is_file() and is_article_file(found):
                    yield found, None
        elif path.is_file():
            yield path, None
        elif path.exists():
            yield path, "not a regular file"
        else:
            yield path, "no such file or folder"


def sniff_format(path, head):
    """'jsonl', 'trec' or 'plaintext' for a file whose first bytes are `head`."""
    if inner_suffix(path) in JSONL_EXTENSIONS:
        return "jsonl"
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if start.startswith(b"{"):
        return "jsonl"
    if start[:4].upper() == b"<DOC":
        return "trec"
    return "plaintext"
