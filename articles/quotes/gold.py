"""Scoring the extractor against the hand-annotated gold set in tests/gold/quotes.json.

A predicted statement matches a gold one when their character spans overlap by at least
half of the shorter span and a quarter of the longer one (annotators and rules disagree
on where a reported clause ends, not on which clause it is); each gold statement matches
at most one prediction, best overlap first. The speaker is right when the article-level
canonical name equals the gold speaker or one of its listed aliases, after normalization
and spelling folding, or when one is a contiguous part of the other (بلومبرغ / وكالة
بلومبرغ).
"""

import json
from collections import Counter, defaultdict
from pathlib import Path

from articles.quotes.extract import MIN_QUOTE_WORDS, extract_statements
from articles.quotes.speakers import name_skeleton, normalized_name, resolve_in_article

KINDS = ("direct", "partial", "reported")


def load_gold(path):
    return json.loads(Path(path).read_text(encoding="utf-8"))


def overlap_ok(a_start, a_end, b_start, b_end):
    inter = min(a_end, b_end) - max(a_start, b_start)
    if inter <= 0:
        return 0.0
    short = min(a_end - a_start, b_end - b_start)
    long_ = max(a_end - a_start, b_end - b_start)
    if inter < 0.5 * short or inter < 0.25 * long_:
        return 0.0
    return inter / long_


def same_speaker(predicted, gold_names):
    if not predicted:
        return False
    p_norm = normalized_name(predicted).split()
    p_skel = name_skeleton(predicted)
    for g in gold_names:
        if name_skeleton(g) == p_skel:
            return True
        g_norm = normalized_name(g).split()
        short, long_ = (p_norm, g_norm) if len(p_norm) <= len(g_norm) else (g_norm, p_norm)
        if short and any(long_[i : i + len(short)] == short for i in range(len(long_) - len(short) + 1)):
            # A bare definite noun (الوزارة) inside a longer name is too vague to count.
            if len(short) > 1 or not short[0].startswith("ال"):
                return True
    return False


def match_article(article):
    """(pairs, predicted, gold): pairs are (pred index, gold index)."""
    spans = extract_statements(article["text"])
    speakers = resolve_in_article(spans, article["text"])
    gold = article["statements"]
    candidates = []
    for i, p in enumerate(spans):
        for j, g in enumerate(gold):
            score = overlap_ok(p.start, p.end, g["start"], g["end"])
            if score:
                candidates.append((score, i, j))
    candidates.sort(reverse=True)
    used_p, used_g, pairs = set(), set(), []
    for _, i, j in candidates:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        pairs.append((i, j))
    return pairs, spans, speakers, gold


def short_quotes_outside_gold(article):
    """Quoted spans under MIN_QUOTE_WORDS words that no gold statement covers."""
    import re

    text = article["text"]
    found = []
    for m in re.finditer(r"[\"«“”]([^\"«»“”\n]{1,80})[\"»“”]", text):
        inner = m.group(1)
        if len(inner.split()) >= MIN_QUOTE_WORDS:
            continue
        s, e = m.start(1), m.end(1)
        if any(g["start"] <= s and e <= g["end"] for g in article["statements"]):
            continue
        found.append((s, e))
    return found


def evaluate(articles):
    """Counts and rates over the gold set; see bench/eval_quotes.py for the table."""
    tp = fp = fn = 0
    by_kind = defaultdict(Counter)
    wrong_quotes = 0
    errors = []
    for article in articles:
        pairs, spans, speakers, gold = match_article(article)
        matched_p = {i for i, _ in pairs}
        matched_g = {j for _, j in pairs}
        tp += len(pairs)
        fp += len(spans) - len(pairs)
        fn += len(gold) - len(pairs)
        for i, j in pairs:
            g = gold[j]
            k = by_kind[g["kind"]]
            k["matched"] += 1
            sp = speakers[i]
            if same_speaker(sp.name if sp else "", [g["speaker"], *g.get("aliases", [])]):
                k["speaker_ok"] += 1
            else:
                errors.append(("speaker", article["id"], g["text"][:60], sp.name if sp else None, g["speaker"]))
            if spans[i].kind == g["kind"]:
                k["kind_ok"] += 1
        for j, g in enumerate(gold):
            by_kind[g["kind"]]["gold"] += 1
            if j not in matched_g:
                errors.append(("missed", article["id"], g["text"][:60], None, g["speaker"]))
        for i, p in enumerate(spans):
            by_kind[p.kind]["predicted"] += 1
            if i not in matched_p:
                errors.append(("extra", article["id"], p.text[:60], p.speaker, None))
                by_kind[p.kind]["false"] += 1
                for s, e in short_quotes_outside_gold(article):
                    if p.start <= s and e <= p.end and (e - s) >= 0.5 * (p.end - p.start):
                        wrong_quotes += 1
                        break
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    matched = sum(k["matched"] for k in by_kind.values())
    speaker_ok = sum(k["speaker_ok"] for k in by_kind.values())
    return {
        "articles": len(articles),
        "gold": tp + fn,
        "predicted": tp + fp,
        "matched": tp,
        "precision": precision,
        "recall": recall,
        "speaker_accuracy": speaker_ok / matched if matched else 0.0,
        "by_kind": {k: dict(by_kind[k]) for k in KINDS},
        "quoted_non_statements_taken": wrong_quotes,
        "errors": errors,
    }
