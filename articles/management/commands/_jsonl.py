"""One JSON Lines record per line, whatever the text holds."""

import json

# json writes U+2028 and U+2029 as they are (valid JSON), but Python's str.splitlines(), and
# the readers built on it, end a line there and cut the record in two.
_LINE_BREAKS = str.maketrans({"\u2028": "\\u2028", "\u2029": "\\u2029"})


def jsonl_line(record):
    """`record` as one JSON line (Arabic kept as written), with its newline."""
    return json.dumps(record, ensure_ascii=False).translate(_LINE_BREAKS) + "\n"
