"""Statement search for a person under each spelling of the name.

    DATABASE_URL=sqlite:////path/db.sqlite3 NEWSARCHIVE_INDEX_DIR=/path/index \\
        .venv/bin/python bench/eval_speaker_spellings.py [--min-statements 20] [--people N]

For each person of the identity set (bench/gold/speaker_identity.json, built from the corpus
text without the archive's speakers) quoted at least --min-statements times, the person's
statements are those of the speaker records whose statements are mostly theirs (by the
mention as written, as bench/eval_speaker_identity.py reads it; inherited statements of those
records count too). Each spelling the set lists for the person is searched on the statements,
as the /statements/ page searches it, and the table gives, per spelling:

- found: the share of the person's statements the search finds (the exact-spelling toggle
  in brackets);
- others: statements found that are not the person's (what the folding costs);
- ranked wrong: pairs where a statement found only through a spelling skeleton (neither its
  speaker's names nor its text hold the word as typed, in its exact or stemmed form) ranks
  above one whose speaker's names hold it as typed. The aim is 0.

Reads only: the database and the index must exist (import_articles, rebuild_index).
"""

import argparse
import json
import os
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsarchive.settings")

from eval_speaker_identity import SET, form_index, person_of  # noqa: E402


def people_records(people):
    """{person: {speaker pk}}: the records most of whose mention-read statements are theirs."""
    from articles.models import Statement

    forms = form_index(people)
    longest = max(len(f) for f in forms)
    by_record = defaultdict(Counter)
    rows = Statement.objects.public().exclude(speaker_mention="").exclude(speaker=None)
    for mention, speaker_id in rows.values_list("speaker_mention", "speaker_id").iterator(chunk_size=5000):
        by_record[speaker_id][person_of(mention, forms, longest)] += 1
    records = defaultdict(set)
    for speaker_id, counts in by_record.items():
        person, n = counts.most_common(1)[0]
        if person is not None and n * 2 > sum(counts.values()):
            records[person].add(speaker_id)
    return records


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", default=str(SET))
    parser.add_argument("--min-statements", type=int, default=20)
    parser.add_argument("--people", type=int, default=None, help="at most this many, most quoted first")
    args = parser.parse_args()
    import django

    django.setup()
    from articles.models import Speaker, Statement
    from articles.search_backends import STATEMENTS, get_backend
    from articles.text.analysis import word_forms, words_with_offsets
    from articles.text.query import parse

    backend = get_backend()
    people = json.loads(Path(args.set).read_text(encoding="utf-8"))
    records = people_records(people)
    targets = {}
    for person in people:
        ids = set(Statement.objects.public().filter(speaker__in=records.get(person["person"], ()))
                  .values_list("pk", flat=True))
        if len(ids) >= args.min_statements:
            targets[person["person"]] = (person, ids)
    ranked_people = sorted(targets, key=lambda p: -len(targets[p][1]))[: args.people]

    names = {}  # speaker pk → exact and stemmed forms of the words of its name and aliases
    for speaker in Speaker.objects.filter(statements__isnull=False).distinct().prefetch_related("aliases"):
        forms = set()
        for name in [speaker.name, *(a.name for a in speaker.aliases.all())]:
            for word, _, _ in words_with_offsets(name):
                if f := word_forms(word):
                    forms.add(f.exact)
        names[speaker.pk] = forms

    def found(query, exact):
        outcome = backend.search(parse(query), kind=STATEMENTS, exact=exact, per_page=100_000,
                                 time_limit=None)
        return [hit.key for hit in outcome.hits]

    print(f"{'person':<22}{'statements':>11}  {'spelling':<24}{'found':>7}{'(exact)':>9}{'others':>8}"
          f"{'ranked wrong':>14}")
    totals = Counter()
    for person_name in ranked_people:
        person, ids = targets[person_name]
        for spelling in person["forms"]:
            words = [f for w, _, _ in words_with_offsets(spelling) if (f := word_forms(w))]
            hits = found(spelling, exact=False)
            exact_hits = found(spelling, exact=True)
            rows = {s.pk: s for s in Statement.objects.filter(pk__in=hits).only("pk", "text", "speaker_id")}
            spelled, skeleton_only, wrong = 0, 0, 0
            for pk in hits:
                statement = rows.get(pk)
                if statement is None:
                    continue
                speaker_forms = names.get(statement.speaker_id, set())
                text_forms = set()
                for w, _, _ in words_with_offsets(statement.text):
                    if f := word_forms(w):
                        text_forms.update((f.exact, f.stem))
                if all(f.exact in speaker_forms for f in words):
                    spelled += 1
                    wrong += skeleton_only  # every skeleton-only statement above this one
                elif not any(f.exact in speaker_forms or f.exact in text_forms or f.stem in text_forms
                             for f in words):
                    skeleton_only += 1
            share = len(ids & set(hits)) / len(ids)
            exact_share = len(ids & set(exact_hits)) / len(ids)
            totals["found"] += len(ids & set(hits))
            totals["exact"] += len(ids & set(exact_hits))
            totals["wanted"] += len(ids)
            totals["wrong"] += wrong
            others = len(set(hits) - ids)
            totals["others"] += others
            print(f"{person_name:<22}{len(ids):>11}  {spelling:<24}{share:>7.2f}{exact_share:>9.2f}"
                  f"{others:>8}{wrong:>14}")
    if totals["wanted"]:
        print(f"\nall spellings: found {totals['found'] / totals['wanted']:.3f} of the person's statements "
              f"(exact spelling {totals['exact'] / totals['wanted']:.3f}); others found: {totals['others']}; "
              f"ranked wrong: {totals['wrong']}")


if __name__ == "__main__":
    main()
