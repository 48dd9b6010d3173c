"""Reading input files as a stream of bounded lines, whatever their size or compression.

Nothing here holds more than one line (at most `max_line_bytes`) in memory, and no file
may yield more than `max_bytes` (after decompression), so a 100 MB single line or a zip
bomb costs a bounded amount of memory and ends in a clear error, not an exhausted machine.
"""

import codecs
import gzip
import zlib
from dataclasses import dataclass

from articles.importing.records import RecordError

MB = 1024 * 1024
DEFAULT_MAX_BYTES = 2 * 1024 * MB
DEFAULT_MAX_LINE_BYTES = 20 * MB
SKIP_CHUNK = MB
# A run of blank lines is read in pieces of this size, not line by line: each line costs
# far more than its bytes, so a file of nothing but newlines (a gzip of gigabytes packs
# into a few megabytes) would take hours to reach the size limit one line at a time.
BLANK_RUN_CHUNK = MB
BLANK = b" \t\r\n"


class FileError(RecordError):
    """The rest of a file cannot be read (truncated gzip, size limit …)."""

    def __init__(self, message, line=None):
        super().__init__(message)
        self.line = line


@dataclass(frozen=True)
class Limits:
    max_bytes: int = DEFAULT_MAX_BYTES
    max_line_bytes: int = DEFAULT_MAX_LINE_BYTES
    encoding: str = "utf-8"


@dataclass
class Line:
    number: int
    data: bytes | None  # None when the line was too long and skipped
    too_long: int = 0  # its length in bytes when skipped
    count: int = 1  # lines it holds: a run of blank lines is read as one Line

    def text(self, limits):
        """The decoded line, or RecordError saying exactly why it cannot be."""
        if self.data is None:
            raise RecordError(
                f"line is longer than the {human_bytes(limits.max_line_bytes)} limit "
                f"({self.too_long} bytes); skipped"
            )
        text = None
        if not self.data.isascii() and not is_utf8(limits.encoding):
            # A UTF-8 line in a file of another encoding (an article pasted into a cp1256
            # file) would decode as mojibake, since every byte means something in cp1256.
            # The reverse mistake does not happen: Arabic in cp1256 is runs of bytes
            # 0xC1-0xFE, and UTF-8 wants each of those followed by 0x80-0xBF, so a line that
            # is valid UTF-8 and not plain ASCII is UTF-8, and is read as such.
            try:
                text = self.data.decode("utf-8")
            except UnicodeDecodeError:
                pass
        if text is None:
            try:
                text = self.data.decode(limits.encoding)
            except UnicodeDecodeError as error:
                raise RecordError(not_text_message(self.data, error, limits.encoding)) from None
        return text.removeprefix("\ufeff") if self.number == 1 else text


def is_utf8(encoding):
    return codecs.lookup(encoding).name == "utf-8"


def human_bytes(n):
    if n >= 1024 * MB and n % (1024 * MB) == 0:
        return f"{n // (1024 * MB)} GB"
    if n >= MB:
        return f"{n / MB:g} MB"
    return f"{n} bytes"


def not_text_message(data, error, encoding):
    byte = data[error.start]
    hint = ""
    if is_utf8(encoding):
        hint = " (if the file is Windows Arabic, re-run with --encoding cp1256)"
    return f"not {encoding} text: byte 0x{byte:02x} at byte {error.start + 1} of the line{hint}"


def is_gzip(path):
    return path.name.lower().endswith(".gz")


def open_binary(path):
    raw = open(path, "rb")
    if is_gzip(path):
        return raw, gzip.GzipFile(fileobj=raw, mode="rb")
    return raw, raw


def iter_lines(stream, limits, progress=None):
    """Yield Line objects; raise FileError when the file itself stops being readable."""
    total = 0
    number = 0
    read = 0
    while True:
        number += 1
        try:
            data = stream.readline(limits.max_line_bytes + 1)
        except EOFError:
            raise FileError("gzip file is truncated (ends before its end-of-stream marker); the lines before it were read", number) from None
        except (gzip.BadGzipFile, zlib.error) as error:
            raise FileError(f"corrupt gzip data ({error})", number) from None
        except OSError as error:
            raise FileError(f"cannot read file ({error})", number) from None
        if not data:
            return
        total += len(data)
        if len(data) > limits.max_line_bytes and not data.endswith(b"\n"):
            skipped = len(data)
            data = None
            while True:  # drop the rest of the line without holding it
                try:
                    chunk = stream.readline(SKIP_CHUNK)
                except (EOFError, gzip.BadGzipFile, zlib.error, OSError):
                    break
                skipped += len(chunk)
                total += len(chunk)
                if total > limits.max_bytes:
                    raise FileError(size_limit_message(limits), number)
                if not chunk or chunk.endswith(b"\n"):
                    break
            line = Line(number, None, skipped)
        else:
            line = Line(number, data)
            if data.isspace():
                line = blank_run(stream, line, limits.max_bytes - total)
                total += len(line.data) - len(data)
            if total > limits.max_bytes:
                # The line that crossed the limit (the last one of a blank run).
                raise FileError(size_limit_message(limits), number + line.count - 1)
        number += line.count - 1
        yield line
        read += 1
        if progress is not None and read % 256 == 0:
            progress()


def blank_run(stream, line, room):
    """`line` (blank) and the blank lines right after it, as one Line of at most about
    BLANK_RUN_CHUNK bytes. They are taken from the stream's buffer in bulk; once more
    than `room` bytes (what --max-bytes still allows) are read, the run ends there."""
    parts = [line.data]
    extra = 0
    count = 1
    while extra < BLANK_RUN_CHUNK and extra <= room:
        try:
            ahead = stream.peek(BLANK_RUN_CHUNK)
        except (EOFError, OSError, zlib.error, gzip.BadGzipFile):
            break  # the next readline meets the fault and reports it with its line
        blank = len(ahead) - len(ahead.lstrip(BLANK))
        # Whole lines only: the spaces that start the next non-blank line belong to it.
        end = ahead.rfind(b"\n", 0, min(blank, BLANK_RUN_CHUNK - extra, room + 1 - extra)) + 1
        if not end:
            break
        chunk = stream.read(end)
        parts.append(chunk)
        extra += len(chunk)
        count += chunk.count(b"\n")
        if end < len(ahead):
            break  # the run ended inside what was buffered, or met a limit
    if count == 1:
        return line
    return Line(line.number, b"".join(parts), count=count)


def size_limit_message(limits):
    return f"file is larger than the {human_bytes(limits.max_bytes)} limit (--max-bytes) once decompressed; the rest of it was not read"
