"""The extractor's word lists, kept as data beside the rules that use them.

Each list is a text file of forms as written (one a line, `#` comments); `words(name)`
gives them in normalize_arabic() form. `speech_verbs()` reads the verb table, one row
per form with its role, gender, flags and class (`verb_forms(..., verb_class="deny")`). A duplicate form is an error: a list that
says a word twice usually says it two different ways.
"""

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from articles.text.normalize import normalize_arabic

HERE = Path(__file__).resolve().parent


def _lines(filename):
    with open(HERE / filename, encoding="utf-8") as fh:
        return [line.strip() for line in fh if line.strip() and not line.lstrip().startswith("#")]


def _unique(forms, filename):
    seen = set()
    for form in forms:
        if form in seen:
            raise ValueError(f"{filename}: {form!r} is listed twice (after normalization)")
        seen.add(form)
    return frozenset(seen)


@lru_cache(maxsize=None)
def words(name):
    """A word list (NAME.txt of this folder: `titles`, `outlets`, `channel_nouns` …) as
    normalized forms."""
    filename = f"{name}.txt"
    return _unique([normalize_arabic(w) for w in _lines(filename)], filename)


@dataclass(frozen=True)
class SpeechVerb:
    form: str  # normalized
    role: str  # "verb" or "participle"
    gender: str  # "m", "f" or "p"
    takes_object: bool
    weak: bool
    object_preposition: str = ""  # reports only with a phrase after it (تحدث عن)
    verb_class: str = ""  # deny, opinion, describe, relay, express, write, approve, show, tell or ""


VERB_CLASSES = ("", "deny", "opinion", "describe", "relay", "express", "write", "approve", "show", "tell")


@lru_cache(maxsize=None)
def speech_verbs():
    rows = csv.DictReader(_lines("speech_verbs.tsv"), delimiter="\t")
    verbs = [
        SpeechVerb(
            normalize_arabic(r["form"]), r["role"], r["gender"], r["object"] == "yes", r["weak"] == "yes",
            normalize_arabic(r["object"]) if r["object"] not in ("yes", "no") else "",
            r["class"] or "",  # (a row with no class has its trailing tab stripped)
        )
        for r in rows
    ]
    _unique([v.form for v in verbs], "speech_verbs.tsv")
    for v in verbs:
        if v.verb_class not in VERB_CLASSES:
            raise ValueError(f"speech_verbs.tsv: {v.form!r} has an unknown class {v.verb_class!r}")
    return tuple(verbs)


def verb_forms(role=None, gender=None, takes_object=None, weak=None, object_preposition=None, verb_class=None):
    """The normalized forms of the verb table's rows that match every given column."""
    return frozenset(
        v.form for v in speech_verbs()
        if (role is None or v.role == role)
        and (gender is None or v.gender == gender)
        and (takes_object is None or v.takes_object == takes_object)
        and (weak is None or v.weak == weak)
        and (object_preposition is None or v.object_preposition == object_preposition)
        and (verb_class is None or v.verb_class == verb_class)
    )


OBJECT_PRONOUNS = ("ه", "ها", "هما", "هم")


@lru_cache(maxsize=None)
def object_pronoun_forms():
    """The table's verb forms that carry their object's pronoun (اتهمه، أبلغتها، اتهموه):
    a form ending in ه, ها, هما or هم whose stem (with the وا of اتهموا back) is a row itself.
    The describing verbs (وصفه، سماها) are left to their own class."""
    forms = {v.form for v in speech_verbs() if v.role == "verb"}
    found = set()
    for v in speech_verbs():
        if v.role != "verb" or v.verb_class == "describe":
            continue
        for pronoun in OBJECT_PRONOUNS:
            stem = v.form[: -len(pronoun)]
            if v.form.endswith(pronoun) and (stem in forms or stem.endswith("و") and stem + "ا" in forms):
                found.add(v.form)
    return frozenset(found)
