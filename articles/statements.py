"""The Django edge of statement extraction: spans in, Statement/Speaker/SpeakerAlias rows out.

`extract_and_store(article_ids)` is idempotent and keeps editors' work: a statement that
an editor verified, rejected or corrected (`Statement.is_protected`) is never updated or
deleted by a later run, and no new statement is laid over its stretch of text. Everything
else is replaced by what the current extractor finds.

Speakers are linked across articles through their aliases: an exact normalized spelling
links at once; a spelling variant (same skeleton, غوتيريش / جوتيريش) links when
`match_confidence` reaches `LINK_THRESHOLD` and adds the new spelling as an alias; an
uncertain match (a surname alone) creates a new speaker, and the statement keeps a low
`speaker_link_confidence` so that an editor can find it and merge the two by hand.
"""

import bisect
import logging
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from itertools import groupby

from django.db import IntegrityError, OperationalError, transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.text import slugify

from articles.search_backends import suspended_auto_index
from articles.models import (
    Article,
    MergedSpeakerSlug,
    ReviewStatus,
    Speaker,
    SpeakerAlias,
    SpeakerKind,
    Statement,
    alias_key,
)
from articles.quotes import echoes
from articles.quotes.extract import (
    EXTRACTOR_VERSION,
    ON_BEHALF_OF,
    ORGANISATION_HEADS,
    PERSON_TITLES,
    PORTFOLIOS,
    RELATION_TITLES,
    extract_statements,
)
from articles.quotes.speakers import (
    LINK_THRESHOLD,
    SKELETON as SKELETON_LINK,
    SON_OF,
    FAMILY_OF,
    NAME_PARTICLES,
    SURNAME_PARTICLES,
    TURKISH_SON,
    arabic_name,
    clean_name,
    compound_name,
    close_spelling,
    foreign_first_name,
    is_unnamed_source,
    match_confidence,
    name_skeleton,
    normalized_name,
    resolve_in_article,
    surname_alone,
    syllable_key,
    vowel_variant,
)
from articles.text.normalize import normalize_arabic
from articles.text.skeleton import LONG_VOWELS, one_first_name

logger = logging.getLogger(__name__)

CHUNK_SIZE = 500
# Attempts at storing a chunk that the database refuses because another process wrote the
# same speakers or statements meanwhile (see _store_chunk_retrying).
CHUNK_ATTEMPTS = 5
MAX_REPORTED_FAILURES = 50
# Link confidence stored on a statement whose speaker was created although an existing
# speaker might be the same one: low enough to sort first in the admin.
UNCERTAIN_NEW_SPEAKER = 0.5
# A surname alone (ترامب) links to the person who holds at least this share of the
# statements of everyone quoted under that surname, with at least DOMINANT_MIN_STATEMENTS
# of them; the link's confidence is recorded on the statement (surname_link_confidence).
DOMINANT_SHARE = 0.9
DOMINANT_MIN_STATEMENTS = 5
# Weaker evidence (a definite surname such as الأسد, a spelling a long vowel apart such as
# بنس / بينس, a first name alone such as ميلانيا) needs a person quoted this often.
WELL_KNOWN_STATEMENTS = 4 * DOMINANT_MIN_STATEMENTS
# A surname no one dominates across the archive may still be one person's in the article's
# section (زيدان: the Real Madrid coach in sport, an economist in economy); the same share and
# minimum, read in that section alone, a person quoted WELL_KNOWN_STATEMENTS times in the
# archive, and a lower confidence for the narrower evidence.
SECTION_CONFIDENCE_PENALTY = 0.1
# A foreign name with and without its middle name (سارة هاكابي ساندرز / سارة ساندرز): the
# same first and last name, spelled exactly so, is weaker evidence than one spelling of
# every word (SKELETON_LINK), and just enough to link without an editor.
MIDDLE_NAME_LINK = LINK_THRESHOLD
NAME_MAX = 300
# Fields that re-extraction rewrites on an unprotected statement.
EXTRACTED_FIELDS = [
    "speaker", "speaker_mention", "speaker_description", "mention_start", "mention_end",
    "speaker_link_confidence", "text", "verb", "channel", "confidence", "extractor_version",
]
DESCRIPTION_MAX = 500
# A title set off by commas (وزير الخارجية الأمريكي، مايك بومبيو، إن…) comes with its comma.
TITLE_EDGES = " \t\n،,؛;"


class PendingSpeaker:
    """A speaker created in this run; hashable by identity until it has a primary key."""

    def __init__(self, speaker):
        self.speaker = speaker


def _as_ref(key):
    """A cache key as what a Statement needs: an id, or the unsaved Speaker."""
    if isinstance(key, PendingSpeaker):
        return key.speaker.pk or key.speaker
    return key


class SpeakerDirectory:
    """Canonical speakers by alias, cached for one run so that linking costs no query."""

    def __init__(self):
        self.by_alias = dict(SpeakerAlias.objects.values_list("normalized", "speaker_id"))
        # Canonical names: confidences are measured against them, so they do not depend on
        # which spelling happened to be met first.
        self.names = dict(Speaker.objects.values_list("pk", "name"))
        self.by_skeleton = defaultdict(set)
        self.by_surname = defaultdict(set)
        self.by_first_name = defaultdict(set)
        # (first word, last word) of a person's name of two or three words -> {(key, middle
        # words)}: the same name with and without a middle name (middle_name_match).
        self.by_ends = defaultdict(set)
        self.alias_norms = defaultdict(list)
        self.person_keys = set(Speaker.objects.filter(kind=SpeakerKind.PERSON).values_list("pk", flat=True))
        for speaker_id, name in SpeakerAlias.objects.values_list("speaker_id", "name"):
            self._remember(speaker_id, name, speaker_id in self.person_keys)
        # A merged speaker's slug still leads to the person it was merged into: never reused.
        self.slugs = set(Speaker.objects.values_list("slug", flat=True))
        self.slugs.update(MergedSpeakerSlug.objects.values_list("slug", flat=True))
        # How many statements each speaker holds: who dominates a surname is decided by it.
        self.statement_counts = defaultdict(int, Statement.objects.exclude(speaker=None)
                                            .values_list("speaker_id").annotate(n=Count("pk")).order_by())
        # ... and in each section, for a surname that is one person's there (name_owner).
        self.section_counts = defaultdict(Counter)
        for speaker_id, section_id, n in (Statement.objects.exclude(speaker=None)
                                          .values_list("speaker_id", "article__section_id")
                                          .annotate(n=Count("pk")).order_by()):
            self.section_counts[speaker_id][section_id] = n
        self.new_speakers = []  # unsaved Speaker objects of the current chunk
        self.pending_by_pk = {}  # pk -> PendingSpeaker key, once written
        self.new_aliases = []
        # Speakers stored before this run that got a new spelling: the index shows every
        # statement with its speaker's names, so the articles quoting them are reindexed.
        self.renamed = set()

    def _remember(self, speaker_key, name, is_person):
        self.names.setdefault(speaker_key, name)
        self.alias_norms[speaker_key].append(normalize_arabic(name))
        self.by_skeleton[name_skeleton(name)].add(speaker_key)
        self.by_skeleton[_joined_skeleton(name)].add(speaker_key)
        if (syllables := syllable_key(name)) is not None:
            self.by_skeleton[syllables].add(speaker_key)
        tokens = normalized_name(name).split()
        # Only people are named by surname alone (بلينكن); a bare البيان or الشرطة is not
        # "the surname" of an organisation whose name happens to end with that word.
        # (متحدثة باسم ميلانيا: a spokeswoman's phrase ends with her principal's name, which
        # is no surname of hers)
        if is_person and len(tokens) > 1 and ON_BEHALF_OF not in tokens:
            self.by_surname[name_skeleton(tokens[-1])].add(speaker_key)
            self.by_first_name[tokens[0]].add(speaker_key)
            words = _name_words(name)
            if len(words) in (2, 3):
                self.by_ends[words[0], words[-1]].add((speaker_key, tuple(words[1:-1])))

    def middle_name_match(self, name):
        """The one person whose name is `name` with or without a middle name (سارة هاكابي
        ساندرز / سارة ساندرز; see _middle_name_added), or None. Two middle names for one first
        and last name are two people the shorter name cannot tell apart: None."""
        words = _name_words(name)
        if len(words) not in (2, 3):
            return None
        entries = self.by_ends.get((words[0], words[-1]), ())
        if len({middle for _, middle in entries if middle} | {tuple(words[1:-1])} - {()}) > 1:
            return None
        found = {key for key, middle in entries
                 if key in self.person_keys and _middle_name_added(words, [words[0], *middle, words[-1]])}
        return found.pop() if len(found) == 1 else None

    def _surname_candidates(self, article_speaker, tokens):
        if len(tokens) != 1 or tokens[0].startswith("ال") or article_speaker.kind == SpeakerKind.ORGANISATION:
            return set()
        return self.by_surname.get(name_skeleton(tokens[0]), set())

    def link(self, article_speaker, section=None):
        """(Speaker object or id, link confidence) for one article-level speaker quoted in an
        article of `section` (a section id, or None)."""
        key, conf = self._link(article_speaker, section)
        counted = self.pending_by_pk.get(key, key) if isinstance(key, int) else self.by_alias[alias_key(key.name)]
        self.statement_counts[counted] += 1
        self.section_counts[counted][section] += 1
        return key, conf

    def statements_of(self, ref, key=None):
        """The statements counted for a record by its id (or unsaved Speaker) `ref`: under its
        directory key when it is a pending record's, else under `key` (default `ref`)."""
        return self.statement_counts.get(self.pending_by_pk.get(ref, ref if key is None else key), 0)

    def _count(self, key, section=None):
        """A speaker's statements, in the archive or in one section."""
        if section is None:
            return self.statement_counts.get(key, 0)
        return self.section_counts[key][section] if key in self.section_counts else 0

    def dominant_person(self, surname, exact_only=False, before=None, section=None):
        """(speaker key, confidence) of the person who dominates `surname` in the archive:
        the full-name person holding DOMINANT_SHARE of the statements of all full-name
        people with that surname (دونالد ترامب over ميلانيا ترامب), or (None, 0).

        The people who carry the surname spelled exactly so are asked first: ميركل is
        أنغيلا ميركل's even though توماس ماركل shares its skeleton. A record whose name
        ends with another's two words or more is counted with it: the same person under a
        longer phrase the reader took in (مديرته كريستين لاغارد, الدين زيدان / زين الدين
        زيدان), and so is a first name shortened (جيم ماتيس / جيمس ماتيس). Only the ten
        records quoted most are grouped so; the rest count as people of their own, which
        only makes dominance harder to reach. `before`: the word the surname comes after
        when it is one of two (جاويش of جاويش أوغلو). `section`: the statements of that
        section alone are counted, and the confidence is lower.
        """
        candidates = sorted(
            (k for k in self.by_surname.get(name_skeleton(surname), ())
             if self._holds_surname(k, surname, before) and not self._surname_fragment(k)
             and (before is None or self._word_before_surname(k, before))
             and not _names_no_one(self.names.get(k, ""))),
            key=lambda k: (-self._count(k, section), self.names.get(k, "")),
        )
        spelled = normalize_arabic(surname)
        exact = [k for k in candidates if self.name_words(k)[-1] == spelled]
        # One section is narrow evidence: only the surname spelled exactly so (موسى in sport
        # is not ليونيل ميسي, a vowel letter apart).
        if exact_only or section is not None:
            return self._dominant_among(exact, section)
        if exact and len(exact) < len(candidates):
            key, conf = self._dominant_among(exact, section)
            if key is not None:
                return key, conf
        return self._dominant_among(candidates, section)

    def _dominant_among(self, candidates, section=None):
        if not candidates:
            return None, 0.0
        tokens = {k: _name_words(self.names.get(k, "")) for k in candidates[:10]}
        totals, heads = defaultdict(int), []
        for k in candidates:
            head = k
            for h in heads if k in tokens else ():
                if _same_person_names(tokens[k], tokens[h]):
                    head = h
                    break
            if head is k:
                heads.append(k)
            totals[head] += self._count(k, section)
        best = max(heads, key=lambda h: totals[h])
        total = sum(totals.values())
        if totals[best] < DOMINANT_MIN_STATEMENTS:
            return None, 0.0
        share = totals[best] / total
        if share < DOMINANT_SHARE:
            return None, 0.0
        # In one section, a record of a few statements may be a reader's stray phrase
        # (جرمان نيمار, from سان جرمان نيمار): the narrower evidence needs a well-known person.
        if section is not None and self.statement_counts.get(best, 0) < WELL_KNOWN_STATEMENTS:
            return None, 0.0
        penalty = 0.0 if section is None else SECTION_CONFIDENCE_PENALTY
        return best, round(0.7 + 0.2 * share - penalty, 2)

    def dominant_first_name(self, first):
        """(speaker key, confidence) of the well-known person a foreign first name alone
        means (ميلانيا، إيفانكا), when no one carries it as a surname; or (None, 0)."""
        spelled = normalize_arabic(first)
        if not foreign_first_name(spelled) or len(spelled) < 5:
            return None, 0.0
        if any(self.name_words(k)[-1] == spelled for k in self.by_surname.get(name_skeleton(first), ())):
            return None, 0.0  # someone carries it as a surname
        holders = [k for k in self.by_first_name.get(spelled, ()) if k in self.person_keys]
        counts = {k: self.statement_counts.get(k, 0) for k in holders}
        total = sum(counts.values())
        if not total:
            return None, 0.0
        best = max(sorted(holders, key=str), key=lambda k: counts[k])
        # ميلانيا ترامب بـ، ميلانيا ترامب اهتماما: the person's name with a stray word the
        # phrase reader took in counts for the person.
        best_words = self.name_words(best)
        mine = sum(n for k, n in counts.items() if self.name_words(k)[: len(best_words)] == best_words)
        share = mine / total
        if counts[best] < WELL_KNOWN_STATEMENTS or share < DOMINANT_SHARE:
            return None, 0.0
        return best, round(0.6 + 0.2 * share, 2)

    def _surname_fragment(self, key):
        return _is_surname_fragment(self.name_words(key))

    def surname_owner(self, surname, section=None):
        """dominant_person, or for a word that may also be a common noun (الأسد، العبادي)
        only a well-known person, and never for a title or an organisation (الوزير، الجيش)."""
        if surname.startswith("ال"):
            if _names_a_post(surname):
                return None, 0.0
            # Spelled exactly so: السياسي (the politician) is a close spelling of السيسي.
            key, conf = self.dominant_person(surname, exact_only=True, section=section)
            if key is None or self.statement_counts.get(key, 0) < WELL_KNOWN_STATEMENTS:
                return None, 0.0
            return key, conf
        return self.dominant_person(surname, section=section)

    def tail_owner(self, words):
        """The person whose longer name ends with `words`, a record that opens with the
        second half of a compound first name (الدين زيدان of زين الدين زيدان, الله X of عبد الله
        X): dominance among the records ending so, as for a surname."""
        candidates = sorted(
            (k for k in self.by_surname.get(name_skeleton(words[-1]), ())
             if len(_name_words(self.names.get(k, ""))) > len(words)
             and _ends_with(_name_words(self.names[k]), words) and self._holds_surname(k, words[-1])),
            key=lambda k: (-self._count(k), self.names.get(k, "")),
        )
        return self._dominant_among(candidates)

    def _word_before_surname(self, key, before):
        words = self.name_words(key)
        if len(words) >= 4 and words[-3] in SON_OF:
            return False  # سلمان بن عبد العزيز: a father's name after بن, not a family name
        return len(words) >= 3 and (words[-2] == before or close_spelling(words[-2], before))

    def dominant_compound_first_name(self, words):
        """(speaker key, confidence) of the well-known person whose name opens with this
        compound first name (زين الدين of زين الدين زيدان), or (None, 0): as for a foreign
        first name alone, 90% of the statements of the people so named, and quoted often."""
        holders = [k for k in self.by_first_name.get(words[0], ())
                   if k in self.person_keys and len(self.name_words(k)) >= 3 and self.name_words(k)[1] == words[1]]
        counts = {k: self.statement_counts.get(k, 0) for k in holders}
        total = sum(counts.values())
        if not total:
            return None, 0.0
        best = max(sorted(holders, key=str), key=lambda k: counts[k])
        best_words = self.name_words(best)[:3]
        mine = sum(n for k, n in counts.items() if self.name_words(k)[:3] == best_words)
        share = mine / total
        if counts[best] < WELL_KNOWN_STATEMENTS or share < DOMINANT_SHARE:
            return None, 0.0
        return best, round(0.6 + 0.2 * share, 2)

    def name_owner(self, words, section=None):
        """The person a surname alone (ترامب، الأسد، دي ميستورا، جاويش أوغلو) or a first name
        alone (ميلانيا) means across the archive, or else, for a surname, in the section
        `section` (a section id; None: the archive only): (key, confidence) or (None, 0).
        An unnamed source (مصادر) is no one's name."""
        if is_unnamed_source(" ".join(words)):
            return None, 0.0
        key, conf = self._name_owner(words)
        if key is None and section is not None:
            key, conf = self._name_owner(words, section)
        return key, conf

    def _name_owner(self, words, section=None):
        if compound_name(words):
            # رامي عبد الرحمن's family name, else زين الدين زيدان's first name
            key, conf = self.dominant_person(words[1], before=words[0], section=section)
            if key is None and section is None:
                key, conf = self.dominant_compound_first_name(words)
            return key, conf
        if _is_surname_fragment(words) and words[1] == TURKISH_SON:
            return self.dominant_person(words[1], before=words[0], section=section)
        if _is_surname_fragment(words) and words[0] in SON_OF:
            return self.dominant_person(words[1], before=words[0], section=section)
        if _is_surname_fragment(words):
            return self.surname_owner(words[1], section)
        if len(words) != 1:
            return None, 0.0
        key, conf = self.surname_owner(words[0], section)
        if key is None and section is None:
            key, conf = self.dominant_first_name(words[0])
        return key, conf

    def names_part_of_a_name(self, key):
        """Is this record a surname or a first name alone (ترامب، دي ميستورا، عبد الرحمن),
        whose statements go to the person the name means? One rule for linking and for the
        final pass: a record the final pass empties must not win the link on the next run."""
        words = self.name_words(key)
        # حزب الله is an organisation, not a name of two words
        return len(words) == 1 or _is_surname_fragment(words) or (compound_name(words) and key in self.person_keys)

    def name_words(self, key):
        """The normalized words of a speaker's canonical name."""
        return normalize_arabic(self.names.get(key, "")).split()

    def _holds_surname(self, key, surname, before=None):
        """Is this full-name record a person carrying `surname`, not a relative or a group
        named after one (خطيبة خاشقجي، مكتب ميركل، منتقدو نيمار)? `before`: the word the
        surname comes after when it is one of two (بن of بن سلمان)."""
        words = self.name_words(key)
        if len(words) < 2:
            return False
        first = words[0][1:] if words[0][:1] == "و" and len(words[0]) > 3 else words[0]
        if first in RELATION_TITLES or first in ORGANISATION_HEADS:
            return False
        if len(words) >= 3 and words[-2] == FAMILY_OF:
            return False  # بدر آل زيدان's family name is آل زيدان: زيدان alone is not his
        if len(words) >= 3 and words[-2] in SON_OF and before not in SON_OF:
            return False  # a father's name: سلمان alone is King Salman, not محمد بن سلمان
        if close_spelling(surname, words[-1]):
            return True
        # بنس / مايك بينس، بوتن / فلاديمير بوتين: a transliterated name's vowel letters come
        # and go; with a foreign first name and a well-known person that is one name.
        return (
            vowel_variant(surname, words[-1])
            and foreign_first_name(words[0])
            and self.statement_counts.get(key, 0) >= WELL_KNOWN_STATEMENTS
        )

    def _bare_surname(self, article_speaker, tokens):
        """The words that name a person by part of their name when this mention is a
        surname alone (ترامب، دي ميستورا) or a first name alone (ميلانيا), or the surname
        followed by a stray definite word that the phrase reader took in (ترامب الاتفاق,
        from ووصف ترامب الاتفاق)."""
        if len(tokens) == 1:
            # One word with a feminine verb reads as a country (قالت موسكو), and so does a
            # woman's surname (قالت لاغارد); only a person's surname has full-name holders.
            # A definite word (الأسد) is a surname only of a well-known person: see
            # surname_owner.
            return tokens
        if not tokens or tokens[0].startswith("ال") or article_speaker.kind == SpeakerKind.ORGANISATION:
            return None
        if _is_surname_fragment(tokens) or compound_name(tokens):
            return tokens  # دي ميستورا، جاويش أوغلو، عبد الرحمن
        # Only a transliterated surname (four letters or more in its skeleton) and a word
        # that is no nisba: عباس الموسوي is a person, not محمود عباس and a stray word.
        if (len(tokens) == 2 and tokens[1].startswith("ال") and not tokens[1].endswith("ي")
                and len(name_skeleton(tokens[0])) >= 4
                and name_skeleton(" ".join(tokens)) not in self.by_skeleton
                and not self.by_surname.get(name_skeleton(tokens[1]))):
            key, _ = self.dominant_person(tokens[0])
            if key is not None and self.statement_counts.get(key, 0) >= WELL_KNOWN_STATEMENTS:
                return tokens[:1]
        return None

    def _link(self, article_speaker, section=None):
        name = clean_name(article_speaker.name)[:NAME_MAX]
        norm = alias_key(name)
        surname = self._bare_surname(article_speaker, norm.split())
        if surname is not None:
            # A section reads only a person's bare surname: not a country (وقالت قطر) nor
            # مصادر, nor a name after a title, which may be a first name the reader cut
            # from its surname (السفير الفرنسي فيليب لاليو is not ادوار فيليب).
            named = (article_speaker.kind == SpeakerKind.PERSON and not is_unnamed_source(name)
                     and not (article_speaker.description or "").strip())
            key, conf = self.name_owner(surname, section if named else None)
            owner = self.by_alias.get(norm)
            # An alias an editor gave another full-name speaker wins; a surname-only
            # speaker does not, so that the person the surname means gets the statement.
            # A person's own one-word name (نيمار) is theirs for certain.
            mine = owner == key and norm == alias_key(self.names.get(key, ""))
            if key is not None and not mine and (
                owner is None or owner == key or self.names_part_of_a_name(owner)
            ):
                return _as_ref(key), conf
        if norm in self.by_alias:
            key = self.by_alias[norm]
            if self.doubtful(key):
                return _as_ref(key), UNCERTAIN_NEW_SPEAKER
            return _as_ref(key), _alias_confidence(self.names.get(key, name), name)
        best, best_conf = None, 0.0
        candidates = set(self.by_skeleton.get(name_skeleton(name), ())) | set(self.by_skeleton.get(_joined_skeleton(name), ()))
        if (syllables := syllable_key(name)) is not None:
            candidates |= self.by_skeleton.get(syllables, set())
        tokens = norm.split()
        candidates |= self._surname_candidates(article_speaker, tokens)
        for key in candidates:
            conf = _name_match(self.names[key], name)
            if conf > best_conf:
                best, best_conf = key, conf
        if best is not None and best_conf >= LINK_THRESHOLD and len(candidates) == 1:
            self._add_alias(best, name, norm)
            return _as_ref(best), UNCERTAIN_NEW_SPEAKER if self.doubtful(best) else best_conf
        if article_speaker.kind == SpeakerKind.PERSON:
            other = self.middle_name_match(name)
            if other is not None:
                self._add_alias(other, name, norm)
                return _as_ref(other), UNCERTAIN_NEW_SPEAKER if self.doubtful(other) else MIDDLE_NAME_LINK
        speaker = self._create(article_speaker, name, norm)
        return speaker, UNCERTAIN_NEW_SPEAKER if self.doubtful(self.by_alias[norm]) else 1.0

    def _create(self, article_speaker, name, norm):
        kind = article_speaker.kind if article_speaker.kind in SpeakerKind.values else SpeakerKind.UNKNOWN
        speaker = Speaker(
            name=name,
            slug=self._unique_slug(name),
            kind=kind,
            description=(article_speaker.description or "")[:500],
        )
        self.new_speakers.append(speaker)
        key = PendingSpeaker(speaker)
        self.names[key] = name
        if kind == SpeakerKind.PERSON:
            self.person_keys.add(key)
        self._add_alias(key, name, norm)
        return speaker

    def doubtful(self, key):
        """Might another speaker be this one? A surname-only person while a fuller name with
        that surname exists (ترامب / دونالد ترامب), or another speaker with a spelling of the
        same skeleton. One rule for linking and for the final pass, so that the confidence of
        a statement does not depend on the order articles came in and a re-run changes nothing.
        An unnamed source (مصدر) is no one's surname: never doubtful."""
        name = self.names.get(key, "")
        if _names_no_one(name):
            return False
        for norm in self.alias_norms.get(key, ()):
            if self._is_surname_only(key, norm):
                return True
            # A rival of the same skeleton that is a spelling of this name, not a name that
            # only shares its consonants (البيان / بانون).
            for rival in self.by_skeleton.get(name_skeleton(norm), ()):
                if rival != key and _name_match(self.names.get(rival, ""), name) >= LINK_THRESHOLD:
                    return True
        return False

    def doubtful_speakers(self):
        ids = [_as_ref(key) for key in self.alias_norms if self.doubtful(key)]
        return [i for i in ids if isinstance(i, int)]

    def _is_surname_only(self, key, norm):
        """One rule for both the link and the final pass, so re-runs agree with themselves."""
        tokens = norm.split()
        if len(tokens) != 1 or key not in self.person_keys or tokens[0].startswith("ال"):
            return False
        if len(self.name_words(key)) > 1:
            return False  # a full-name person's surname alias (ترامب of دونالد ترامب)
        return bool(self.by_surname.get(name_skeleton(tokens[0]), set()) - {key})

    def _add_alias(self, speaker, name, norm):
        self.by_alias[norm] = speaker
        self.new_aliases.append((speaker, name))
        self._remember(speaker, name, speaker in self.person_keys)

    def _unique_slug(self, name):
        base = (slugify(name, allow_unicode=True) or "speaker")[:280]
        slug, n = base, 2
        while slug in self.slugs:
            slug, n = f"{base}-{n}", n + 1
        self.slugs.add(slug)
        return slug

    def flush(self):
        """Write the speakers and aliases created since the last flush."""
        if self.new_speakers:
            Speaker.objects.bulk_create(self.new_speakers, batch_size=500)
            for key in self.names:
                if isinstance(key, PendingSpeaker) and key.speaker.pk is not None:
                    self.pending_by_pk[key.speaker.pk] = key
        aliases = []
        for key, name in self.new_aliases:
            speaker_id = _as_ref(key)
            if not isinstance(key, PendingSpeaker):
                self.renamed.add(speaker_id)
            aliases.append(SpeakerAlias(speaker_id=speaker_id, name=name, normalized=alias_key(name)))
        if aliases:
            SpeakerAlias.objects.bulk_create(aliases, batch_size=500)
        self.new_speakers, self.new_aliases = [], []


def _name_words(name):
    """Normalized words of a name with عبد/أبو joined to what follows, as outlets write
    them either way (عبدالفتاح السيسي / عبد الفتاح السيسي)."""
    words = normalize_arabic(name).split()
    joined = []
    for word in words:
        if joined and joined[-1] in ("عبد", "ابو"):
            joined[-1] += word
        else:
            joined.append(word)
    return joined


def _is_surname_fragment(words):
    """دي ميستورا، بن سلمان، جاويش أوغلو: a surname of two words is no full name of a person."""
    return len(words) == 2 and surname_alone(words)


@lru_cache(maxsize=100_000)
def _names_no_one(name):
    """مسؤول حكومي, عدة مصادر: a record that names no one is no one's full name."""
    return is_unnamed_source(name)


def _names_a_post(word):
    """الوزير، الجيش: a definite word that names a title or an organisation, not a family."""
    return any(w in PERSON_TITLES or w in ORGANISATION_HEADS for w in (word, word[2:]))


def _ends_with(words, tail):
    """Do `words` end with `tail`, word by word in close spellings?"""
    return all(close_spelling(a, b) for a, b in zip(tail, words[-len(tail):]))


def _same_person_names(a, b):
    """Are two full names (word lists from _name_words) one person's? The shorter is the
    end of the longer in close spellings (الدين زيدان / زين الدين زيدان), or a first name
    is shortened (جيم ماتيس / جيمس ماتيس)."""
    short, long_ = sorted((a, b), key=len)
    if len(short) < 2:
        return False
    return _ends_with(long_, short) or _shortened_first_name(a, b) or _middle_name_added(a, b)


# Endings of a nisba, a dual or a plural (بريطانية، أميركيان، جمهوريون، بيانات): a word the
# phrase reader took in with a noun, never a middle name.
ADJECTIVE_ENDINGS = ("يه", "يان", "يين", "يون", "ات")


def _middle_name_added(a, b):
    """سارة هاكابي ساندرز / سارة ساندرز، دييغو أرماندو مارادونا / دييغو مارادونا: one name of
    three words and one of two (word lists from _name_words) with the same first and last
    word, spelled exactly so, when the name is a transliteration. In an Arabic name chain
    the middle word is the father's name (محمد علي الحوثي is not necessarily محمد الحوثي,
    عمر حسن البشير's حسن is his father's), so: the middle word is transliterated (two long
    vowels after its first letter: هاكابي، أرماندو, never علي، حسن، طيب، أحمد), no conjunct
    and no adjective (بريطانيا وألمانيا وفرنسا، دراسة بريطانية حديثة); the surname is
    transliterated too (four letters in its skeleton, no article, no ة: not الحوثي، حديثة);
    the first word is no title, relative, portfolio or body (محامي ستورمي دانيلز); a chain
    with بن or آل has a middle word of no long vowel and never passes."""
    short, long_ = sorted((a, b), key=len)
    if len(short) != 2 or len(long_) != 3 or short[0] != long_[0] or short[1] != long_[2]:
        return False
    first, middle, surname = long_
    return (
        foreign_first_name(middle) and not middle.startswith("و") and not middle.endswith(ADJECTIVE_ENDINGS)
        and not surname.startswith("ال") and not surname.endswith("ه") and len(name_skeleton(surname)) >= 4
        and not any(first in words for words in (RELATION_TITLES, PERSON_TITLES, ORGANISATION_HEADS, PORTFOLIOS))
    )


def _shortened_first_name(a, b):
    """جيم ماتيس / جيمس ماتيس، توم / توماس: the same other names, and one first name the
    other's start, at most two letters shorter, or its short form (بيب / جوسيب غوارديولا، مات
    / ماثيو هانكوك: articles/text/first_names.txt)."""
    if len(a) != len(b) or len(a) < 2 or a[1:] != b[1:]:
        return False
    if one_first_name(a[0], b[0]):
        return True
    short, long_ = sorted((a[0], b[0]), key=len)
    return len(short) >= 3 and short != long_ and long_.startswith(short) and len(long_) - len(short) <= 2


def _alias_confidence(canonical, name):
    """The confidence of a link through an alias: a spelling that a rule added (a skeleton
    variant, a first name shortened, a consonant more, a mono-name's full form) keeps that
    rule's confidence on every run; the canonical spelling, or one an editor added, is
    certain."""
    conf = match_confidence(canonical, name)
    if LINK_THRESHOLD <= conf < 1.0:
        return conf
    a, b = _name_words(canonical), _name_words(name)
    if _shortened_first_name(a, b) or _one_consonant_more(a, b) or _full_form_of_mono_name(a, b):
        return SKELETON_LINK
    if _middle_name_added(a, b):
        return MIDDLE_NAME_LINK
    return 1.0


def _full_form_of_mono_name(a, b):
    """نيمار / نيمار دا سيلفا: one name alone, and that name with a particle surname."""
    short, long_ = sorted((a, b), key=len)
    return len(short) == 1 and len(long_) >= 3 and long_[0] == short[0] and long_[1] in SURNAME_PARTICLES


def _one_consonant_less(word):
    """The spellings of a long transliterated word with one inner consonant left out
    (ليبرلمان → ليبرمان …); none for a short or an Arabic-looking word, whose letters tell
    names apart."""
    if len(word) < 6 or not foreign_first_name(word):
        return []
    return [word[:i] + word[i + 1:] for i in range(1, len(word) - 1) if word[i] not in LONG_VOWELS]


def _one_consonant_more(a, b):
    """Two names with the same first names whose surnames are one transliteration, one
    written with an inner consonant more (أفيغدور ليبرلمان / أفيغدور ليبرمان)."""
    if len(a) != len(b) or len(a) < 2 or a[:-1] != b[:-1]:
        return False
    short, long_ = sorted((a[-1], b[-1]), key=len)
    return short in _one_consonant_less(long_)


def _fold_full_forms_into_mono_names(directory, summary, changed):
    """A person known by one name (نيمار) and quoted so, and a record of that name with a
    particle surname (نيمار دا سيلفا): the particle makes the rest a family name, so the
    longer record is the full form of the one name, not another person (نيمار الأب is).
    Folded into the mono-name when it is quoted more, and only when it is the one such
    full form."""
    for key in list(directory.names):
        ref = _as_ref(key)
        words = directory.name_words(key)
        count = directory.statements_of(ref) if isinstance(ref, int) else 0
        if len(words) != 1 or key not in directory.person_keys or count < WELL_KNOWN_STATEMENTS:
            continue
        if not foreign_first_name(words[0]):
            continue
        full_forms = {
            other for other in directory.by_first_name.get(words[0], ())
            if isinstance(_as_ref(other), int) and other in directory.person_keys
            and _full_form_of_mono_name(words, directory.name_words(other))
            and directory.statements_of(_as_ref(other), other)
        }
        if len({name_skeleton(directory.names[k]) for k in full_forms}) != 1:
            continue
        full = full_forms.pop()
        if directory.statements_of(_as_ref(full), full) >= count:
            continue
        _move_statements(_as_ref(full), ref, SKELETON_LINK, summary, changed)
        _credit_statements(directory, _as_ref(full), key)


def _joined_skeleton(name):
    """The skeleton of the name written as one word: outlets join or split its parts
    (عبدالفتاح / عبد الفتاح، شي جينبينغ / شي جين بينغ)."""
    return name_skeleton("".join(_name_words(name)))


def _name_match(a, b):
    """match_confidence, with عبد/أبو joined (عبد الفتاح السيسي = عبدالفتاح السيسي) and a
    name split or joined elsewhere (شي جين بينغ = شي جينبينغ) a spelling of it."""
    conf = max(match_confidence(a, b), match_confidence(" ".join(_name_words(a)), " ".join(_name_words(b))))
    wa, wb = _name_words(a), _name_words(b)
    if conf < SKELETON_LINK and len(wa) != len(wb) and _split_otherwise(wa, wb, arabic_name(normalized_name(f"{a} {b}").split())):
        return SKELETON_LINK
    return conf


def _split_otherwise(wa, wb, arabic):
    """حسن نصر الله / حسن نصرالله، شي جين بينج / شي جينبينغ: the words the two names share,
    and the rest one word in one and several in the other. Written the same, joined; spelled
    another way as well (بينج / بينغ) only in a transliterated name that shares a word, never
    an Arabic one, whose letters tell names apart (سعد / سعيد عبدالله، خالد بن سلمان / بنسليمان)."""
    head = 0
    while head < min(len(wa), len(wb)) and wa[head] == wb[head]:
        head += 1
    tail = 0
    while tail < min(len(wa), len(wb)) - head and wa[-1 - tail] == wb[-1 - tail]:
        tail += 1
    ra, rb = wa[head : len(wa) - tail], wb[head : len(wb) - tail]
    if not ra or not rb or (len(ra) > 1 and len(rb) > 1):
        return False
    if "".join(ra) == "".join(rb):
        return True
    return bool(head or tail) and not arabic and close_spelling("".join(ra), "".join(rb))


def _speaker_id(value):
    return value if isinstance(value, int) else value.pk


def _extract(body):
    spans = extract_statements(body)
    return spans, resolve_in_article(spans, body)


def _extract_chunk(chunk):
    """{pk: (body, spans, speakers) or (body, error)} for a chunk, before its transaction.

    Extraction is the slow part of storing statements (a long article takes seconds); done
    here, no database lock is held while it runs, and a retry does not repeat it.
    """
    done = {}
    for pk, body in Article.objects.filter(pk__in=chunk).values_list("pk", "body"):
        try:
            done[pk] = (body, _extract(body))
        except Exception as error:  # noqa: BLE001 — reported per article in _store_chunk
            done[pk] = (body, error)
    return done


def _statement_rows(article, directory, extracted=None):
    """Unsaved Statement objects for what the extractor finds in the article body."""
    body = article.body
    if extracted is not None and extracted[0] == body:
        if isinstance(extracted[1], Exception):
            raise extracted[1]
        spans, article_speakers = extracted[1]
    else:  # not extracted beforehand, or the body changed since
        spans, article_speakers = _extract(body)
    rows = []
    for span, article_speaker in zip(spans, article_speakers):
        if not (0 <= span.start < span.end <= len(body)):
            raise ValueError(f"extractor offsets {span.start}:{span.end} outside article {article.external_id}")
        speaker, link_conf = (None, 1.0) if article_speaker is None else directory.link(article_speaker, article.section_id)
        who = {"speaker": speaker} if isinstance(speaker, Speaker) else {"speaker_id": speaker}
        rows.append(
            Statement(
                article_id=article.pk,
                **who,
                speaker_mention=span.speaker[:NAME_MAX],
                speaker_description=(span.description or "").strip(TITLE_EDGES)[:DESCRIPTION_MAX],
                mention_start=span.speaker_start,
                mention_end=span.speaker_end,
                speaker_link_confidence=link_conf,
                text=span.text,
                kind=span.kind,
                verb=span.verb[:50],
                channel=span.channel[:200],
                start=span.start,
                end=span.end,
                confidence=span.confidence,
                status=ReviewStatus.UNREVIEWED,
                extractor_version=EXTRACTOR_VERSION,
            )
        )
    return rows


def _same(existing, new):
    for field in EXTRACTED_FIELDS:
        if field == "speaker":
            if existing.speaker_id != (new.speaker_id if new.speaker_id is not None else _pk(new.speaker)):
                return False
        elif getattr(existing, field) != getattr(new, field):
            return False
    return True


def _pk(obj):
    return obj.pk if obj is not None else None


def _reconcile(existing, new_rows, summary):
    """Split one article's work into (to create, to update, ids to delete)."""
    protected = [s for s in existing if s.is_protected]
    by_key = {(s.start, s.end, s.kind): s for s in existing if not s.is_protected}
    create, update, keep_ids = [], [], set()
    for row in new_rows:
        if any(p.start < row.end and row.start < p.end for p in protected):
            continue  # an editor owns this stretch of text
        old = by_key.get((row.start, row.end, row.kind))
        if old is None:
            create.append(row)
            continue
        keep_ids.add(old.pk)
        if _same(old, row):
            summary["kept"] += 1
        else:
            for field in EXTRACTED_FIELDS:
                setattr(old, field, getattr(row, field))
            update.append(old)
    delete = [s.pk for s in by_key.values() if s.pk not in keep_ids]
    summary["kept"] += len(protected)
    summary["protected"] += len(protected)
    return create, update, delete


def extract_and_store(article_ids, progress=None, changed=None):
    """Extract and store statements for these articles (database pks).

    Returns dict(created, updated, kept, deleted, articles, protected); `progress`, when
    given, is called with the number of articles done after each chunk; `changed`, when
    given a set, receives the pks of articles whose statements were written, so that
    only those need reindexing. An article the extractor fails on keeps its statements and
    is counted in `failed` (with its external id and the error in `failures`). A chunk
    that another process wrote the same speakers or statements for meanwhile is stored
    again over a fresh directory (_store_chunk_retrying); one refused every time is
    counted in `failed` too, never dropped silently.
    """
    article_ids = sorted({int(i) for i in article_ids})
    summary = _empty_summary()
    if not article_ids:
        return summary
    directory = SpeakerDirectory()
    # The caller reindexes the articles in `changed` in one batch (the pipeline, the
    # command), or not at all (--no-index): the chunk's writes schedule nothing themselves.
    with suspended_auto_index():
        for offset in range(0, len(article_ids), CHUNK_SIZE):
            chunk = article_ids[offset : offset + CHUNK_SIZE]
            directory = _store_chunk_retrying(chunk, directory, summary, changed)
            if progress:
                progress(len(chunk))
        _consolidate_surnames(directory, summary, changed)
    # A full name met after its surname-only mentions makes those links uncertain too, so
    # the result does not depend on the order in which articles were processed. `updated`
    # is left alone: the link confidence is not in the search index, and bumping the time
    # would mark every article quoting that surname stale (6,905 of them when the seed was
    # imported over the corpus) without anything to reindex.
    if summary.get("relinked") or summary.get("speakers_folded"):
        directory = SpeakerDirectory()  # the folds changed who has which spelling
    doubtful = directory.doubtful_speakers()
    for offset in range(0, len(doubtful), 900):  # under SQLite's bound-parameter limit
        summary["updated"] += Statement.objects.filter(
            speaker_id__in=doubtful[offset : offset + 900],
            speaker_link_confidence__gte=LINK_THRESHOLD,
            edited=False,
            status=ReviewStatus.UNREVIEWED,
        ).update(speaker_link_confidence=UNCERTAIN_NEW_SPEAKER)
    return summary


def _consolidate_surnames(directory, summary, changed):
    """Re-link surname-only speakers (ترامب) to the person who dominates that surname, and
    first-name-only ones (ميلانيا) to the well-known person of that first name.

    A surname met before its full name in a run, or before this rule existed, made a
    speaker of its own; once the archive shows whose surname it is, its statements move to
    that person with the dominance recorded as their link confidence, and an emptied
    surname speaker is folded into the person (its spellings become aliases). Editors'
    verified, rejected or corrected statements stay where they are, and so does a speaker
    an editor has anything on.
    """
    _fold_spelling_variants(directory, summary, changed)
    partial = {}
    for key in directory.names:
        ref = _as_ref(key)
        if isinstance(ref, int) and directory.names_part_of_a_name(key):
            partial[ref] = directory.name_words(key)
    # Any kind: a woman's surname with a feminine verb was guessed an organisation (قالت
    # لاغارد); name_owner only answers for a name that full-name people carry.
    for ref, words in partial.items():
        owner, conf = directory.name_owner(words)
        target = _as_ref(owner) if owner is not None else None
        if target is None:
            _relink_by_section(directory, ref, words, summary, changed)
            continue
        if target == ref:
            continue
        _move_statements(ref, target, conf, summary, changed)
        # Counted for the person now: a record folded away must never be found as the owner
        # of a later name (جاويش alone after جاويش أوغلو went into مولود جاويش أوغلو).
        _credit_statements(directory, ref, owner)
    _fold_into_dominant_person(directory, summary, changed)
    _fold_full_forms_into_mono_names(directory, summary, changed)


def _fold_into_dominant_person(directory, summary, changed):
    """A full-name record that is the end of the dominant person's name (جواد ظريف of
    محمد جواد ظريف), or that person's name with words the phrase reader took in before it
    (العقيد تركي المالكي، زعيم الحوثيين عبد الملك الحوثي), is that person. A record headed by
    a relative or an office (محامي كريستيانو رونالدو، مكتب … تيريزا ماي) holds no surname and is
    left alone, as are records whose words differ from the person's (ميلانيا ترامب)."""
    for key in list(directory.names):
        ref = _as_ref(key)
        words = _name_words(directory.names[key])
        if not isinstance(ref, int) or len(words) < 2 or key not in directory.person_keys:
            continue
        if not directory.statements_of(ref):
            continue
        if not directory._holds_surname(key, words[-1]) and not directory._surname_fragment(key):
            continue
        owner, conf = directory.surname_owner(words[-1])
        if owner is None and words[0] in NAME_PARTICLES:
            owner, conf = directory.tail_owner(words)
        if owner is None or _as_ref(owner) == ref:
            continue
        short, long_ = sorted((words, _name_words(directory.names[owner])), key=len)
        if len(short) < 2 or not _ends_with(long_, short):
            continue
        _move_statements(ref, _as_ref(owner), conf, summary, changed)
        _credit_statements(directory, ref, owner)


def _relink_by_section(directory, ref, words, summary, changed):
    """A surname no one dominates across the archive (زيدان: a coach, an economist, a
    writer): its statements in each section go to the person who dominates it in that
    section (name_owner), the rest stay. Emptied into one person, the record is folded into
    them; into several, it is deleted with its spellings, which then belong to no one and
    are decided for each article by its section."""
    key = directory.pending_by_pk.get(ref, ref)
    if key not in directory.person_keys or is_unnamed_source(" ".join(words)):
        return  # a country (قطر) or an unnamed source (مصادر) is no one's surname
    if not directory.by_surname.get(name_skeleton(words[-1])):
        return  # no full name ends so
    owners = {}
    for section, n in list(directory.section_counts.get(key, {}).items()):
        if n and section is not None:
            owner, conf = directory._name_owner(words, section)  # the archive's answer was none
            if owner is not None and _as_ref(owner) != ref:
                owners[section] = (owner, conf)
    for section, (owner, conf) in owners.items():
        _move_statements(ref, _as_ref(owner), conf, summary, changed, section=section)
        _credit_statements(directory, ref, owner, section)
    if owners:
        people = {_as_ref(owner) for owner, _ in owners.values()}
        _fold_if_empty(ref, people.pop() if len(people) == 1 else None, summary, changed)


def _credit_statements(directory, source, target_key, section=None):
    """After a fold, count `source`'s statements (those of one section when given) for the
    target (a directory key)."""
    moved = directory.pending_by_pk.get(source, source)
    counts = directory.section_counts
    if section is None:
        directory.statement_counts[target_key] += directory.statement_counts.get(moved, 0)
        directory.statement_counts[moved] = 0
        for where, n in counts.pop(moved, {}).items():
            counts[target_key][where] += n
        return
    n = counts[moved].pop(section, 0) if moved in counts else 0
    counts[target_key][section] += n
    directory.statement_counts[target_key] += n
    directory.statement_counts[moved] = max(0, directory.statement_counts.get(moved, 0) - n)


def _move_statements(source, target, conf, summary, changed, section=None):
    """Move `source`'s unprotected statements (those in articles of `section` when given)
    to `target`; fold `source` in once empty."""
    if not Speaker.objects.filter(pk=target).exists():
        # A target folded away earlier in this consolidation. The full-corpus run of
        # extractor 1.5 ended on such a move (a foreign key refused at commit, after every
        # statement was stored) before the counts of a folded record were zeroed in the
        # surname pass too; nothing is lost by leaving this one for the next run.
        logger.warning("speaker %s not folded into %s: that speaker is gone", source, target)
        return
    with transaction.atomic():
        movable = Statement.objects.filter(speaker_id=source, edited=False, status=ReviewStatus.UNREVIEWED)
        if section is not None:  # a bare surname only (see SpeakerDirectory._link)
            movable = movable.filter(article__section_id=section, speaker_description="")
        if changed is not None:
            changed.update(movable.values_list("article_id", flat=True))
        summary["relinked"] = summary.get("relinked", 0) + movable.update(
            speaker_id=target, speaker_link_confidence=conf, updated=timezone.now()
        )
        if section is None:
            _fold_if_empty(source, target, summary, changed)


def _fold_if_empty(source, target, summary, changed):
    """Fold `source` into `target` (its spellings become the target's aliases) once it holds
    no statement; with `target` None, delete it and its spellings."""
    with transaction.atomic():
        if Statement.objects.filter(speaker_id=source).exists():
            return
        if target is None:
            SpeakerAlias.objects.filter(speaker_id=source).delete()
        else:
            if changed is not None:  # the target's names gain the source's spellings
                changed.update(_articles_quoting([target]))
            SpeakerAlias.objects.filter(speaker_id=source).update(speaker_id=target)
        Speaker.objects.filter(pk=source).delete()
        summary["speakers_folded"] = summary.get("speakers_folded", 0) + 1


def _fold_spelling_variants(directory, summary, changed):
    """Full names of one person that became separate speakers, because each was met while
    the other had a rival or before these rules, go to the one quoted most: spellings of
    one skeleton (أنطونيو غوتيريس / انطونيو غوتيرش), with the skeleton link's confidence —
    the same decision `link` makes for a new spelling with a single candidate — and a first
    name shortened (جيم ماتيس / جيمس ماتيس) or a transliterated surname written with one
    consonant more (أفيغدور ليبرلمان / أفيغدور ليبرمان) with the same confidence, and a
    one-consonant syllable written with other vowel letters (مون جاي إن / مون جيه إن)."""
    by_skeleton, by_rest, by_surname = defaultdict(set), defaultdict(set), defaultdict(set)
    by_ends, middles = defaultdict(set), defaultdict(set)
    for key, name in directory.names.items():
        ref = _as_ref(key)
        words = _name_words(name)
        if isinstance(ref, int) and len(words) > 1 and key in directory.person_keys:
            by_skeleton[_joined_skeleton(name)].add(ref)
            if (syllables := syllable_key(name)) is not None:
                by_skeleton[syllables].add(ref)  # مون جاي إن / مون جيه إن
            by_rest[tuple(words[1:])].add(ref)
            by_surname[tuple(words[:-1]), words[-1]].add(ref)
            if len(words) in (2, 3):
                by_ends[words[0], words[-1]].add(ref)
                middles[words[0], words[-1]].add(tuple(words[1:-1]))
    groups = [refs for refs in by_skeleton.values() if len(refs) > 1]
    groups += [refs for refs in by_rest.values() if len(refs) > 1]
    # A name with and without its middle name, when only one middle name is met with that
    # first and last name (two are two people the shorter name cannot tell apart).
    groups += [refs for ends, refs in by_ends.items() if len(refs) > 1 and len(middles[ends] - {()}) == 1]
    # The same first names and a surname one consonant shorter: looked up by deleting each
    # inner consonant of each surname, so the pass stays linear in the records.
    for (first_names, surname), refs in list(by_surname.items()):
        for shorter in _one_consonant_less(surname):
            found = by_surname.get((first_names, shorter))
            if found:
                groups.append(refs | found)
    # A speaker an editor has verified, rejected or corrected anything of is the editor's:
    # never folded, and never folded into.
    candidates, edited = sorted(set().union(*groups)), set()
    for offset in range(0, len(candidates), 900):  # under SQLite's bound-parameter limit
        edited.update(
            Statement.objects.filter(speaker_id__in=candidates[offset : offset + 900])
            .exclude(edited=False, status=ReviewStatus.UNREVIEWED)
            .values_list("speaker_id", flat=True)
        )
    for refs in groups:
        refs = {ref for ref in refs - edited if directory.statements_of(ref)}
        if len(refs) < 2:
            continue
        keys = {ref: directory.pending_by_pk.get(ref, ref) for ref in refs}
        counts = {ref: directory.statement_counts.get(keys[ref], 0) for ref in refs}
        target = max(sorted(refs), key=lambda r: counts[r])
        target_name = directory.names[keys[target]]
        for ref in sorted(refs - {target}):
            name = directory.names[keys[ref]]
            a, b = _name_words(target_name), _name_words(name)
            same = (_name_match(target_name, name) >= LINK_THRESHOLD or _shortened_first_name(a, b)
                    or _one_consonant_more(a, b))
            if not same and not _middle_name_added(a, b):
                continue  # same skeleton, but an Arabic name whose vowels tell two people apart
            _move_statements(ref, target, SKELETON_LINK if same else MIDDLE_NAME_LINK, summary, changed)
            # Who dominates a surname is decided next, on the folded counts.
            _credit_statements(directory, ref, keys[target])


def _empty_summary():
    return {"created": 0, "updated": 0, "kept": 0, "deleted": 0, "articles": 0, "protected": 0,
            "failed": 0, "failures": []}


def _store_chunk_retrying(chunk, directory, summary, changed):
    """Store one chunk in one transaction; returns the directory to go on with.

    The directory was read before the transaction. Another process (a second import, an
    extract_statements run) may have committed since then the very speaker, alias or
    statement this chunk is about to create: the database refuses it (a unique slug, alias
    spelling or statement span) and the whole chunk rolls back. Then the directory is read
    again inside the next attempt's transaction, so the speakers the other process made are
    linked, not made twice, and the chunk is stored again. After CHUNK_ATTEMPTS refusals
    its articles are reported as failed with the reason; their stored statements stay.
    """
    error = None
    extracted = _extract_chunk(chunk)
    for _attempt in range(CHUNK_ATTEMPTS):
        part, part_changed = _empty_summary(), set()
        try:
            with transaction.atomic():
                if directory is None:
                    directory = SpeakerDirectory()
                _store_chunk(chunk, directory, part, part_changed, extracted)
        except (IntegrityError, OperationalError) as refused:
            if not _written_meanwhile(refused):
                raise
            error, directory = refused, None
            logger.warning("articles %s-%s: another process wrote the same speakers or statements meanwhile "
                           "(%s); storing them again over a fresh speaker directory", chunk[0], chunk[-1], refused)
            continue
        for key, value in part.items():
            summary[key] += value
        del summary["failures"][MAX_REPORTED_FAILURES:]
        if changed is not None:
            changed.update(part_changed)
        return directory
    reason = f"statements not stored, the database refused them {CHUNK_ATTEMPTS} times: " \
             f"{type(error).__name__}: {error}"
    summary["failed"] += len(chunk)
    for external_id in Article.objects.filter(pk__in=chunk).order_by("pk").values_list("external_id", flat=True):
        if len(summary["failures"]) >= MAX_REPORTED_FAILURES:
            break
        summary["failures"].append((external_id, reason))
    return SpeakerDirectory()


def _written_meanwhile(error):
    """Did the database refuse the chunk because another transaction wrote the same rows?
    A unique key taken, or on PostgreSQL a deadlock between two such writers (each waiting
    for the key the other holds) or a serialization failure."""
    if isinstance(error, IntegrityError):
        return True
    return getattr(error.__cause__, "sqlstate", None) in ("40P01", "40001")


def _store_chunk(chunk, directory, summary, changed=None, extracted=None):
    articles = list(Article.objects.filter(pk__in=chunk).only("pk", "external_id", "body", "section_id").order_by("pk"))
    existing = defaultdict(list)
    for st in Statement.objects.filter(article_id__in=chunk):
        existing[st.article_id].append(st)
    creates, updates, deletes = [], [], []
    failed_pks = set()
    for article in articles:
        try:
            rows = _statement_rows(article, directory, (extracted or {}).get(article.pk))
        except Exception as error:  # noqa: BLE001 — one bad article must not stop the archive
            # Its stored statements stay as they were; the caller reports the failure.
            failed_pks.add(article.pk)
            summary["failed"] += 1
            if len(summary["failures"]) < MAX_REPORTED_FAILURES:
                summary["failures"].append((article.external_id, f"{type(error).__name__}: {error}"))
            continue
        create, update, delete = _reconcile(existing[article.pk], rows, summary)
        if changed is not None and (create or update or delete):
            changed.add(article.pk)
        creates += create
        updates += update
        deletes += delete
        summary["articles"] += 1
    directory.flush()
    # In the same transaction as the statements: "extracted" is true exactly when they are.
    done = [a.pk for a in articles if a.pk not in failed_pks]
    Article.objects.filter(pk__in=done).update(extracted_with=EXTRACTOR_VERSION)
    if deletes:
        Statement.objects.filter(pk__in=deletes).delete()
    for row in creates:
        if row.speaker is not None:
            row.speaker_id = row.speaker.pk
    if creates:
        Statement.objects.bulk_create(creates, batch_size=500)
    if updates:
        for row in updates:
            if row.speaker is not None and row.speaker_id is None:
                row.speaker_id = row.speaker.pk
        now = timezone.now()
        for row in updates:
            row.updated = now  # bulk_update skips auto_now; the index fingerprint reads it
        Statement.objects.bulk_update(updates, [*EXTRACTED_FIELDS, "updated"], batch_size=500)
    summary["created"] += len(creates)
    summary["updated"] += len(updates)
    summary["deleted"] += len(deletes)
    if changed is not None and directory.renamed:
        changed.update(_articles_quoting(directory.renamed))
        directory.renamed.clear()


def _articles_quoting(speaker_ids):
    """Pks of the articles whose index entries show these speakers (the rule the model
    signals follow, SpeakerQuerySet.indexed_article_ids)."""
    speaker_ids, found = sorted(speaker_ids), set()
    for offset in range(0, len(speaker_ids), 900):  # under SQLite's bound-parameter limit
        found.update(Speaker.objects.filter(pk__in=speaker_ids[offset : offset + 900]).indexed_article_ids())
    return found


MERGE_QUEUE_CANDIDATES = 5
MERGE_QUEUE_SCAN = 3000  # speakers with uncertain statements looked at for one page of the queue


def merge_queue(limit=100):
    """The editors' queue of uncertain links: one row per speaker holding statements linked
    with a low confidence, the most such statements first (one merge there clears the most),
    with the speakers it may be: for a surname alone (بلينكن) the people who carry that
    surname, for any name the speakers whose every word is a close spelling of its words
    (انطونيو غوتيرش / أنطونيو غوتيريس). A speaker with no such candidate is left out: an
    editor finds the rest by searching.

    Each row: {"speaker", "uncertain", "statements", "candidates": [{"speaker", "statements",
    "reason"}]}.
    """
    uncertain = (
        Statement.objects.public()
        .filter(speaker_link_confidence__lt=LINK_THRESHOLD)
        .exclude(speaker=None)
        .values_list("speaker")
        .annotate(n=Count("pk"))
        .order_by("-n", "speaker")[:MERGE_QUEUE_SCAN]
    )
    directory = SpeakerDirectory()
    counts = directory.statement_counts
    rows = []
    for speaker_id, n in uncertain:
        candidates = _merge_candidates(directory, speaker_id)
        if candidates:
            rows.append((speaker_id, n, candidates[:MERGE_QUEUE_CANDIDATES]))
            if len(rows) >= limit:
                break
    ids = {key for key, _, _ in rows} | {k for _, _, cands in rows for k, _ in cands}
    speakers = Speaker.objects.in_bulk(list(ids))
    return [
        {
            "speaker": speakers[key],
            "uncertain": n,
            "statements": counts.get(key, 0),
            "candidates": [
                {"speaker": speakers[k], "statements": counts.get(k, 0), "reason": reason}
                for k, reason in cands if k in speakers
            ],
        }
        for key, n, cands in rows
        if key in speakers
    ]


def _merge_candidates(directory, key):
    """[(speaker id, reason)] the speaker `key` may be, the most quoted first."""
    words = directory.name_words(key)
    if not words:
        return []
    found = {}
    definite = words[0].startswith("ال")
    if len(words) == 1 and not (definite and _names_a_post(words[0])):
        for other in directory.by_surname.get(name_skeleton(words[0]), ()):
            other_words = directory.name_words(other)
            if (
                other != key
                and directory._holds_surname(other, words[0])
                and (not definite or other_words[-1] == words[0])
                and not directory._surname_fragment(other)
                and other_words[0] not in PORTFOLIOS
                and other_words[0] not in PERSON_TITLES
            ):
                found[other] = "surname"
    for other in directory.by_skeleton.get(name_skeleton(directory.names.get(key, "")), ()):
        other_words = directory.name_words(other)
        if other != key and len(other_words) == len(words) and _ends_with(other_words, words):
            found.setdefault(other, "spelling")
    counts = directory.statement_counts
    live = [k for k in found if isinstance(k, int) and counts.get(k, 0)]
    live.sort(key=lambda k: (-counts.get(k, 0), directory.names.get(k, "")))
    return [(k, found[k]) for k in live]


def merge_speakers(keep, merged):
    """Move every statement and alias of `merged` to `keep`, then delete `merged`.

    One transaction: either the editor's merge happens entirely or not at all. Alias
    spellings are unique across speakers, so moving them never collides; the merged
    speaker's own name becomes an alias of `keep` unless that spelling is already one.
    After the commit, the moved statements' articles and every article quoting `keep`
    (whose names changed) are reindexed, so the merged slug is left nowhere in the index
    (the updates below go through IndexedQuerySet.update). Returns (statements moved,
    aliases moved); raises Speaker.DoesNotExist when either speaker is gone (merged by
    another editor meanwhile), changing nothing.
    """
    if keep.pk == merged.pk:
        raise ValueError("a speaker cannot be merged into itself")
    with transaction.atomic():
        # Two editors may merge the same speakers at once. Both rows are locked (in one
        # order, so two merges cannot wait on each other) and must still exist: a merge of
        # a speaker that another merge deleted meanwhile would move nothing and point its
        # old page at the wrong person.
        locked = Speaker.objects.select_for_update().filter(pk__in=[keep.pk, merged.pk]).order_by("pk")
        if len(locked.values_list("pk", flat=True)) != 2:
            raise Speaker.DoesNotExist("a speaker to merge was deleted or merged meanwhile")
        moved_statements = Statement.objects.filter(speaker=merged).update(speaker=keep, updated=timezone.now())
        moved_aliases = SpeakerAlias.objects.filter(speaker=merged).update(speaker=keep)
        for name in (merged.name, keep.name):
            norm = alias_key(name)
            if not SpeakerAlias.objects.filter(normalized=norm).exists():
                SpeakerAlias.objects.create(speaker=keep, name=name)
                moved_aliases += name == merged.name
        # The merged speaker's page, and any page merged into it before, now lead to `keep`.
        MergedSpeakerSlug.objects.filter(speaker=merged).update(speaker=keep)
        MergedSpeakerSlug.objects.update_or_create(slug=merged.slug, defaults={"speaker": keep})
        if not keep.description and merged.description:
            keep.description = merged.description
            keep.save(update_fields=["description", "updated"])
        merged.delete()
    return moved_statements, moved_aliases


# --- where a statement came from --------------------------------------------------------


@dataclass
class Provenance:
    """The echo group a statement belongs to: `first` is the statement of the earliest
    article that carried it (possibly the statement itself), `carriers` every statement of
    the group, earliest first, each a Statement with its article and source loaded."""

    first: Statement
    carriers: list

    def others(self, statement):
        """The carriers other than `statement` and the first report (its later echoes)."""
        return [s for s in self.carriers if s.pk not in (statement.pk, self.first.pk)]


REPORTED_FIELDS = ("pk", "speaker_id", "article__external_id", "article__published", "text")


def _carried(targets):
    """{target pk: [echoes.Reported, …]} for targets (Reported) that other articles
    carried too: the same speaker's public statements within an echo window of each
    target's date are read in one query (plain values) and compared."""
    targets = [t for t in targets if t.speaker is not None and t.published is not None]
    if not targets:
        return {}
    reach = echoes.WINDOW
    dates = defaultdict(list)
    for target in targets:
        dates[target.speaker].append(target.published)
    for moments in dates.values():
        moments.sort()
    earliest = min(t.published for t in targets) - reach
    latest = max(t.published for t in targets) + reach
    nearby = (Statement.objects.public()
              .filter(speaker_id__in=list(dates), article__published__range=(earliest, latest))
              .values_list(*REPORTED_FIELDS))

    def near(speaker_id, published):
        moments = dates[speaker_id]
        at = bisect.bisect_left(moments, published - reach)
        return at < len(moments) and moments[at] <= published + reach

    return echoes.carriers_of(
        targets, [echoes.Reported(*row) for row in nearby.iterator(chunk_size=2000) if near(row[1], row[3])])


def provenance_of(statements):
    """{statement pk: Provenance} for those of `statements` that other articles carried too.

    Worked out when asked, from the public statements as they are now, so an editor's
    rejection, speaker correction or merge shows on the next page view."""
    carried = _carried([echoes.Reported(s.pk, s.speaker_id, s.article.external_id, s.article.published, s.text)
                        for s in statements])
    # Read again, public ones only: a carrier deleted or rejected since the statements were
    # read (by the caller or above) is left out, and a group left with one article is none.
    rows = Statement.objects.public().select_related("article__source").in_bulk(
        {member.key for members in carried.values() for member in members})
    found = {}
    for key, members in carried.items():
        carriers = [rows[m.key] for m in members if m.key in rows]
        if len(carriers) > 1:
            found[key] = Provenance(first=carriers[0], carriers=carriers)
    return found


def articles_carrying(queryset=None):
    """{statement pk: [external ids of the articles that carried it, earliest first]} for
    the statements of `queryset` (every public one when None) that other articles carried
    too: the exports' first_article and echoes, from plain values. Over the whole archive
    the statements are read speaker by speaker, so only one speaker's texts are held at a
    time; a few statements are compared with their windows."""
    if queryset is not None:
        targets = [echoes.Reported(*row) for row in queryset.values_list(*REPORTED_FIELDS)]
        return {key: [m.article for m in members] for key, members in _carried(targets).items()}
    found = {}
    every = (Statement.objects.public().filter(speaker__isnull=False, article__published__isnull=False)
             .order_by("speaker_id").values_list(*REPORTED_FIELDS))
    rows = (echoes.Reported(*row) for row in every.iterator(chunk_size=5000))
    for _speaker, statements in groupby(rows, key=lambda r: r.speaker):
        statements = list(statements)
        for key, members in echoes.carriers_of(statements, statements).items():
            found[key] = [m.article for m in members]
    return found


def _carrier(statement):
    article = statement.article
    return {
        "external_id": article.external_id,
        "title": article.title,
        "source": article.source.name,
        "source_code": article.source.code,
        "published": article.published.isoformat() if article.published else None,
        "url": f"{article.get_absolute_url()}#statement-{statement.pk}",
    }


def report_trail(statement, provenance):
    """Where a statement came from, for pages, the API and exports: `first_article`, the
    earliest article that carried it (its own when none earlier did), and `echoes`, the
    articles that carried it after that one, earliest first (its own among them when it
    was not the first)."""
    if provenance is None:
        return {"first_article": _carrier(statement), "echoes": []}
    return {"first_article": _carrier(provenance.first),
            "echoes": [_carrier(s) for s in provenance.carriers[1:]]}
