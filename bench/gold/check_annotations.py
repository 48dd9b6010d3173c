"""Check an annotated batch and fill in each statement's offsets.

    python bench/gold/check_annotations.py BATCH.json [BATCH.json ...]

Annotators write each statement's exact text (copied from the article), kind, speaker
and verb; this finds the text in the article (the `occurrence`-th time it appears, 1 by
default) and writes `start`/`end`. Errors name the article and the statement; the file
is rewritten only when every statement in it is well-formed.
"""

import json
import sys
from pathlib import Path

KINDS = {"direct", "partial", "reported"}
REQUIRED = ("text", "kind", "speaker", "speaker_as_written", "verb")


def locate(text, snippet, occurrence):
    pos = -1
    for _ in range(occurrence):
        pos = text.find(snippet, pos + 1)
        if pos < 0:
            return None
    return pos


def check(path):
    articles = json.loads(Path(path).read_text(encoding="utf-8"))
    problems = []
    for article in articles:
        for n, st in enumerate(article.get("statements", []), 1):
            where = f"{article['id']} statement {n}"
            missing = [k for k in REQUIRED if k not in st]
            if missing:
                problems.append(f"{where}: missing {', '.join(missing)}")
                continue
            if st["kind"] not in KINDS:
                problems.append(f"{where}: kind {st['kind']!r} is not one of {sorted(KINDS)}")
            snippet = st["text"]
            if snippet != snippet.strip() or not snippet:
                problems.append(f"{where}: text is empty or has surrounding spaces")
                continue
            start = locate(article["text"], snippet, int(st.get("occurrence", 1)))
            if start is None:
                problems.append(f"{where}: text not found verbatim in the article: {snippet[:50]!r}")
                continue
            st["start"], st["end"] = start, start + len(snippet)
            st.setdefault("aliases", [])
            st.setdefault("description", "")
    if problems:
        print(f"{path}: {len(problems)} problem(s), file not rewritten")
        for p in problems:
            print("  " + p)
        return False
    Path(path).write_text(json.dumps(articles, ensure_ascii=False, indent=1), encoding="utf-8")
    count = sum(len(a.get("statements", [])) for a in articles)
    print(f"{path}: ok, {len(articles)} articles, {count} statements")
    return True


if __name__ == "__main__":
    ok = all([check(p) for p in sys.argv[1:]])
    sys.exit(0 if ok else 1)
