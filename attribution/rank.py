"""Rank claims for a fact-checker: which single-source claims to check first.

Each claim is cleaned into one readable statement (:func:`clean_text`), told
whether it belongs on the list at all (:func:`unlisted_reason`: fragments,
questions, appeals to readers, headline repeats, pieces of another claim),
and given what its source does with it (:func:`stance_of`: asserts, denies,
or a negated cue). Each claim group then gets one check-worthiness score with
a one-line reason (:func:`score_group`), from three things:

- what the claim is: a factual assertion (a number, an event, a record)
  rather than an opinion or the speaker's own plans;
- how weak its root is: an unnamed source, a document, a post, a chain of
  hops rather than someone speaking on the record;
- how far it circulates: the distinct articles and outlets carrying it.

docs/ranking.md gives the weights and what each word list is for.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from attribution.claims import Claim
from attribution.corpus import datelines
from attribution.lexicon import load_any, load_words

MIN_WORDS = 5  # fewer words than this is a fragment ("maybe", "Not me")

# The weights of the score, in points; docs/ranking.md says why each is where it is.
NUMBER = 2.0
FACT_WORD = 1.5
OPINION = -1.0
OWN_VIEW = -1.0
NOT_ASSERTED = -1.5
BELIEF_CUE = -1.0  # "officials praised ...", "they expect ...": a belief or wish, not a statement
# "he has been ...", "the two raised ...": who it is about needs the sentence before.
NEEDS_CONTEXT = -2.5
ROOT_WEIGHT = {
    "anonymous": 2.5,
    "document": 2.0,  # a record the text names: "a 2014 Harlow study", "census data"
    "post": 1.5,
    "article": 1.0,
    "outlet": 1.0,
    "organisation": 0.5,
    "described": 0.5,
    "person": 0.0,
}
UNNAMED_RECORD = 0.5  # "the data", "one slide": which record, the reader cannot tell
SECONDHAND = 1.0  # each hop past the first: the claim was passed on, up to MAX_SECONDHAND
MAX_SECONDHAND = 2.0
PER_ARTICLE = 1.0  # each article beyond the first, up to MAX_EXTRA_ARTICLES
MAX_EXTRA_ARTICLES = 3
PER_OUTLET = 0.5  # each outlet beyond the first, up to MAX_EXTRA_OUTLETS
MAX_EXTRA_OUTLETS = 2

_WORD = re.compile(r"[\w’'-]+")
_DIGIT = re.compile(r"\d")
_LEAD = re.compile(r"^(?:[\s,;:.…—–\-\"“”‘’']|that\s)+")
_TRAIL = re.compile(r"[\s,;:…—–\-\"“”‘’']+$")
# Words that cannot open a statement: the text starts in the middle of a clause
# ("and I'm sure ...") or its subject was left behind ("has since exploded to ...").
# Only a lower-case start counts: "But we are concerned ..." opens a sentence of speech.
_MID_CLAUSE = frozenset(
    {"and", "but", "or", "nor", "so", "because", "which", "whom", "whose", "while", "whereas"}
)
# "their incomes rose ...": whose, only the sentence before says ("his", "her" are most often the speaker's).
_PRONOUN_SUBJECTS = frozenset({"he", "she", "it", "they", "this", "these", "those", "its", "their"})
# Verbs that, right after "that", make it a relative pronoun, not a clause's start.
_FINITE = frozenset(
    {"is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could",
     "may", "might", "should", "must", "do", "does", "did"}
)  # fmt: skip
# "told staff never to speak of it", "plans to release": an instruction or a plan.
_INSTRUCTION = (("to",), ("not", "to"), ("never", "to"))


@dataclass(frozen=True, slots=True)
class Reading:
    """What ranking learns about one claim before its group is scored."""

    text: str
    listed: bool
    reason: str
    stance: str


def words(text: str) -> list[str]:
    """The words of ``text``, lower-cased."""
    return [w.lower() for w in _WORD.findall(text)]


def clean_text(text: str) -> str:
    """``text`` as one statement: no leading "that", quote marks or dangling punctuation.

    A closing full stop, question mark or exclamation stays; a trailing comma
    (from '"...," he said') goes.
    """
    text = " ".join(text.split())
    dated = datelines(text)
    if dated and dated[0].span[0] == 0:
        text = text[dated[0].span[1] :]  # "PARIS (AFP) — " opens the paragraph, not the claim
    text = _without_cue_clause(_TRAIL.sub("", _LEAD.sub("", text)))
    # A quotation opened inside the claim and closed past its end gets its close.
    return text + "”" if text.count("“") > text.count("”") else text


def _without_cue_clause(text: str) -> str:
    """``text`` after a cue clause of its own at its start, if it opens with one.

    "The researchers reported Friday that Apple holds ..." is the researchers'
    claim that Apple holds ...: the claim is what follows the "that", when a cue
    verb stands within the three words before it and enough is left to read.
    """
    parts = text.split(" ")
    cues = load_words("rank_lead_cues.txt")
    for i, word in enumerate(parts[2:9], start=2):
        if word != "that":
            continue
        lead = [w.strip(",;:“”\"‘’'").lower() for w in parts[max(i - 3, 0) : i]]
        rest = " ".join(parts[i + 1 :])
        # "the things he said that were wrong": a relative "that", its verb right after.
        relative = words(rest)[:1] and words(rest)[0] in _FINITE
        # "A told B that X, but C overruled it": the claim is all of it, not X and C.
        joined = ", but " in rest or "; " in rest
        if (
            any(w in cues for w in lead)
            and not (relative or joined)
            and len(words(rest)) >= MIN_WORDS
        ):
            return rest
        return text
    return text


def stance_of(claim: Claim) -> str:
    """``denies``, ``disputed``, ``negated`` or ``asserts``: what the source does with it.

    "Officials deny that any bargaining took place" is a denial by officials,
    not their word that bargaining took place; "she has not said that ..."
    asserts nothing either; "the state incorrectly stated that ..." is a
    statement the article holds false.
    """
    cue = words(claim.cue)
    if any(w in load_words("rank_deny_cues.txt") for w in cue):
        return "denies"
    before = _before_cue(claim.sentence, claim.cue, claim.text)
    if any(w in load_words("rank_dispute_words.txt") for w in before[-2:]):
        return "disputed"
    if any(w in load_words("rank_negations.txt") or w.endswith("n't") for w in before[-3:]):
        return "negated"
    return "asserts"


def _before_cue(sentence: str, cue: str, content: str) -> list[str]:
    """The words of ``sentence`` before ``cue`` and after the content, if it comes first.

    '"It has not been found," she said': the "not" is the content's, not the cue's.
    """
    if not cue:
        return []
    at = re.search(rf"(?<!\w){re.escape(cue)}(?!\w)", sentence)
    if at is None:
        return []
    before = sentence[: at.start()]
    tail = " ".join(content.split()).split(" … ")[-1][-30:]
    end = before.rfind(tail) if tail else -1
    return words(before[end + len(tail) :] if end >= 0 else before)


def unlisted_reason(claim: Claim, text: str, title: str = "") -> str:
    """Why ``claim`` stays off the list, or "" when it belongs there.

    Kept in claims.json either way, with ``listed`` false and this reason.
    """
    ws = words(text)
    if len(ws) < MIN_WORDS:
        return f"fragment under {MIN_WORDS} words"
    if not claim.clause:
        return "a phrase with no verb, not a statement"
    if _asks(text) or _asked(claim):
        return "a question"
    if load_any("rank_reader_appeals.txt").search(text):
        return "an appeal to readers"
    if load_any("boilerplate.txt").search(claim.sentence):
        return "boilerplate"
    if (ws[0] in _MID_CLAUSE and text[:1].islower()) or text.startswith("…"):
        return "starts mid-clause"
    if ws[0] in load_words("rank_no_subject.txt") and text[:1].islower():
        return "has no subject"
    if any(tuple(ws[: len(lead)]) == lead for lead in _INSTRUCTION):
        return "an instruction or plan, not a statement"
    if words(claim.cue)[-1:] and words(claim.cue)[-1] in load_words("rank_belief_cues.txt"):
        return "a belief or wish, not a statement"
    if claim.cue == "citing" and 0 <= _position(claim) < claim.sentence.find(claim.cue):
        # "The court blocked the sale, citing a risk": the court's act, told by the article.
        return "an act the source gave reasons for, not its statement"
    if title and _headline(claim.sentence, title):
        return "repeats the headline"
    return ""


def _asks(text: str) -> bool:
    """Does ``text`` end on a question, or on a question and a word or two ("... ? Odd.")?"""
    body = text.rstrip("”\"’' ")
    if body.endswith("?"):
        return True
    _, mark, tail = body.rpartition("?")
    return bool(mark) and len(words(tail)) <= 2


def _asked(claim: Claim) -> bool:
    """Is the claim the end of a question ('Did he say that the pier is safe?')?"""
    tail = " ".join(claim.text.split())[-40:]
    sentence = " ".join(claim.sentence.split())
    at = sentence.rfind(tail) if tail else -1
    return at >= 0 and sentence[at + len(tail) :].lstrip("”\"’' ").startswith("?")


def _headline(sentence: str, title: str) -> bool:
    """Is ``sentence`` the article's headline (or the headline inside it)?"""
    s, t = words(sentence), words(title)
    return bool(t) and s[: len(t)] == t


def read_claims(claims: list[Claim], titles: Mapping[str, str]) -> list[Reading]:
    """Each claim's cleaned text, listing and stance, in the order given.

    Within one sentence, a source's quotation split around its cue ('"X," he
    said, "Y."') becomes one claim, the pieces after the first unlisted; a
    claim whose text lies inside another claim of its article is listed once.
    """
    readings = [_reading(c, titles.get(c.article, "")) for c in claims]
    readings = _rejoined(claims, readings, titles)
    return _contained(claims, readings)


def _reading(claim: Claim, title: str) -> Reading:
    """One claim read on its own."""
    text = clean_text(claim.text)
    reason = unlisted_reason(claim, text, title)
    return Reading(text, not reason, reason, stance_of(claim))


def _rejoined(
    claims: list[Claim], readings: list[Reading], titles: Mapping[str, str]
) -> list[Reading]:
    """A source's pieces of one sentence joined into its first claim, in sentence order.

    A piece that another piece already holds is left to :func:`_contained`.
    """
    pieces: dict[tuple[str, str, str | None, str], list[int]] = defaultdict(list)
    for i, c in enumerate(claims):
        if c.source is not None and readings[i].stance == "asserts":
            pieces[(c.article, c.sentence, c.source, c.cue)].append(i)
    out = list(readings)
    for members in pieces.values():
        members = [i for i in members if not _inside_any(i, members, readings)]
        if len(members) < 2:
            continue
        order = sorted(members, key=lambda i: (_position(claims[i]), claims[i].id))
        first = order[0]
        if any(_position(claims[i]) < 0 for i in order) or not _broken_off(claims[order[0]]):
            continue  # not a quotation split around its cue: leave the pieces alone
        joined = ", ".join(readings[i].text.rstrip(".") for i in order[:-1])
        joined += ", " + readings[order[-1]].text
        title = titles.get(claims[first].article, "")
        out[first] = _relisted(claims[first], out[first], joined, title)
        for i in order[1:]:
            out[i] = replace(out[i], listed=False, reason=f"part of {claims[first].id}")
    return out


def _inside_any(i: int, members: list[int], readings: list[Reading]) -> bool:
    """Does another member's text hold member ``i``'s text?"""
    inner = " ".join(words(readings[i].text))
    return any(
        j != i
        and len(readings[j].text) > len(readings[i].text)
        and inner in " ".join(words(readings[j].text))
        for j in members
    )


def _broken_off(claim: Claim) -> bool:
    """Does the claim break off at a comma, as '"We will stay," she said, "and fight."' does?"""
    return claim.text.rstrip().rstrip("”\"’'").rstrip().endswith(",")


def _relisted(claim: Claim, reading: Reading, text: str, title: str) -> Reading:
    """``reading`` with the joined ``text``, listed or not as the whole text deserves."""
    reason = unlisted_reason(claim, text, title)
    return replace(reading, text=text, listed=not reason, reason=reason)


def _position(claim: Claim) -> int:
    """Where the claim's text starts in its sentence (-1 when it is not found there)."""
    head = " ".join(claim.text.split()).split(" … ")[0][:40]
    return claim.sentence.find(head) if head else -1


def _contained(claims: list[Claim], readings: list[Reading]) -> list[Reading]:
    """Unlist a claim whose text lies inside a longer listed claim of the same article."""
    by_article: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(claims):
        if readings[i].listed:
            by_article[c.article].append(i)
    out = list(readings)
    for members in by_article.values():
        for i in members:
            inner = " ".join(words(readings[i].text))
            holder = next(
                (
                    j
                    for j in members
                    if j != i
                    and out[j].listed
                    and len(readings[j].text) > len(readings[i].text)
                    and inner in " ".join(words(readings[j].text))
                ),
                None,
            )
            if holder is not None:
                out[i] = replace(out[i], listed=False, reason=f"inside {claims[holder].id}")
    return out


def root_kind(root: str, kinds: Mapping[str, str], labels: Mapping[str, str]) -> str:
    """What kind of origin ``root`` is, for ranking and ``--root-kind``.

    The graph's kinds, with two refinements from the label's head word: a
    record ("the data", "a leaked memo") is a ``document``; an unnamed source
    a reader cannot call back ("officials", "a source") stays ``anonymous``,
    while an unnamed group that speaks for itself ("critics", "my father")
    is ``described``.
    """
    kind = kinds.get(root, "")
    label = words(labels.get(root, ""))
    head = label[-1] if label else ""
    if kind in {"anonymous", "article", "organisation"} and head in load_words(
        "document_heads.txt"
    ):
        return "document"
    if kind == "anonymous" and _quantity(label):
        return "described"  # "63 percent said ...": a share of people asked, not a source
    if kind == "anonymous":
        unnamed = load_words("rank_unnamed_heads.txt")
        return "anonymous" if any(w in unnamed for w in label) else "described"
    return kind or "person"


@dataclass(frozen=True, slots=True)
class Score:
    """A group's check-worthiness and the one line that explains it."""

    score: float
    why: str
    root_kind: str
    articles: int


def score_group(
    members: list[Claim],
    readings: list[Reading],
    kinds: Mapping[str, str],
    labels: Mapping[str, str],
) -> Score:
    """The score of one claim group: what it says, how weak its root, how far it went."""
    parts: list[tuple[float, str]] = []
    listed = [r for r in readings if r.listed] or readings
    text_words = {w for r in listed for w in words(r.text)}
    if any(_DIGIT.search(r.text) for r in listed) or text_words & _numbers():
        parts.append((NUMBER, "a number"))
    if text_words & load_words("rank_fact_words.txt") - _numbers():
        parts.append((FACT_WORD, "an event or record"))
    if text_words & load_words("rank_opinion_words.txt"):
        parts.append((OPINION, "opinion or plan words"))
    if text_words & load_words("rank_first_person.txt"):
        parts.append((OWN_VIEW, "speaks of own views"))
    if all(set(words(c.cue)) & load_words("rank_belief_cues.txt") for c in members):
        parts.append((BELIEF_CUE, "a belief or wish, not a statement"))
    if all(_needs_context(r.text) for r in listed):
        parts.append((NEEDS_CONTEXT, "its subject needs the sentence before"))
    stances = {r.stance for r in listed}
    if "asserts" not in stances:
        said = {"denies": "a denial", "disputed": "held false by the article"}
        parts.append((NOT_ASSERTED, next((said[s] for s in said if s in stances), "a negated cue")))
    root = members[0].roots[0] if members[0].roots else ""
    kind = root_kind(root, kinds, labels) if root else "none"
    written = _as_written(labels.get(root, ""), members)
    if _back_reference(written, kind) or _another(labels.get(root, ""), members):
        parts.append((NEEDS_CONTEXT, "its root needs the sentence before"))
    if kind == "document" and not _named(written):
        parts.append((UNNAMED_RECORD, "unnamed document root"))
    elif _quantity(words(labels.get(root, ""))):
        parts.append((0.0, "a share of people root"))
    else:
        parts.append((ROOT_WEIGHT.get(kind, 0.0), f"{kind} root"))
    hops = max((len(ch.path) - 1 for c in members for ch in c.chains), default=0)
    if hops >= 2:
        parts.append((min((hops - 1) * SECONDHAND, MAX_SECONDHAND), f"{hops}-hop chain"))
    articles = len({c.article for c in members})
    outlets = len({ch.path[0] for c in members for ch in c.chains if ch.path})
    if articles > 1:
        extra = min(articles - 1, MAX_EXTRA_ARTICLES) * PER_ARTICLE
        extra += min(max(outlets - 1, 0), MAX_EXTRA_OUTLETS) * PER_OUTLET
        parts.append((extra, f"in {articles} articles from {max(outlets, 1)} outlets"))
    score = round(sum(p for p, _ in parts), 2)
    why = "; ".join(f"{p:+g} {label}" for p, label in parts if p)
    return Score(score, why or "no signal", kind, articles)


_DEFINITE = frozenset({"the", "this", "that", "his", "her", "its", "their", "our", "my"})


def _back_reference(label: str, kind: str) -> bool:
    """Is an unnamed root a definite description ("the researchers", "Connecticut's tax
    commissioner", "its own website")? "The" and a possessive point back (or on) to
    someone the article names; "officials", "a source" and "one slide" name no one more.
    A record the text names ("The Harlow Survey") is no back-reference."""
    ws = label.split()
    if kind not in {"anonymous", "described", "document"} or len(ws) < 2:
        return False
    definite = ws[0].lower() in _DEFINITE or ws[0].endswith(("'s", "’s"))
    return definite and not (kind == "document" and _named(" ".join(ws[1:])))


def _another(label: str, members: list[Claim]) -> bool:
    """Is the root "another X" in every sentence that names it ("Another slide shows ...")?
    One more of something named before: the label alone ("slide") loses whose."""
    places = _places(label, members)
    return bool(places) and all(words(sentence[:at])[-1:] == ["another"] for sentence, at in places)


def _places(label: str, members: list[Claim]) -> list[tuple[str, int]]:
    """Each member's sentence that names ``label``, with where (case aside)."""
    found = [(c.sentence, c.sentence.lower().find(label.lower())) for c in members] if label else []
    return [(sentence, at) for sentence, at in found if at >= 0]


def _quantity(label: list[str]) -> bool:
    """Is a label's every word a figure ("63 percent", "three")?"""
    return bool(label) and all(_DIGIT.search(w) or w in _numbers() for w in label)


def _needs_context(text: str) -> bool:
    """Does the claim open on a pronoun, a bare description ("he", "the two", "the
    developers") or a connective ("In addition, ...") that only the sentence before
    explains?"""
    ws = text.split()
    first = words(" ".join(ws[:1]))
    if first and first[0] in _PRONOUN_SUBJECTS:
        return True
    opening = text.split(",", 1)[0].strip().lower()
    if "," in text and opening in load_words("rank_connectives.txt"):
        return True  # "In addition, the campaign plans ...": in addition to what was before
    return bool(first) and first[0] == "the" and not any(w[:1].isupper() for w in ws[1:3])


def _as_written(label: str, members: list[Claim]) -> str:
    """``label`` as a sentence of the claims writes it: unnamed sources' labels are
    lower-cased ("the real clear politics average")."""
    for sentence, at in _places(label, members)[:1]:
        written = sentence[at : at + len(label)]
        # A capital that only opens the sentence ("Polls showed ...") names nothing.
        return written[:1].lower() + written[1:] if at == 0 else written
    return label


def _named(label: str) -> bool:
    """Does ``label`` carry a name or a figure ("Reuters survey", "2014 study")?"""
    return any(w[:1].isupper() or w[:1].isdigit() for w in label.split())


def _numbers() -> frozenset[str]:
    """Number words among the fact words ("million", "dozens")."""
    return load_words("rank_fact_words.txt") & frozenset(
        {"percent", "percentage", "million", "millions", "billion", "billions", "trillion",
         "thousand", "thousands", "hundred", "hundreds", "dozen", "dozens", "half", "twice",
         "double", "doubled", "tripled"}
    )  # fmt: skip


def rank_claims(
    claims: list[Claim],
    kinds: Mapping[str, str],
    labels: Mapping[str, str],
    titles: Mapping[str, str] | None = None,
) -> list[Claim]:
    """``claims`` with cleaned text, stance, listing and their group's score, in ranked order.

    The order of :func:`ranked_groups`, each group's claims together: what
    ``attribution claims --all`` lists and claims.json holds.
    """
    readings = read_claims(claims, titles or {})
    groups: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(claims):
        groups[c.group or c.id].append(i)
    out = list(claims)
    for members in groups.values():
        s = score_group([claims[i] for i in members], [readings[i] for i in members], kinds, labels)
        for i in members:
            r = readings[i]
            out[i] = replace(
                claims[i],
                text=r.text,
                stance=r.stance,
                listed=r.listed,
                score=s.score,
                score_why=s.why if r.listed else f"not listed: {r.reason}",
                root_kind=s.root_kind,
                articles=s.articles,
            )
    return [c for members in ranked_groups(out) for c in members]


def rank_key(c: Claim) -> tuple[bool, float, str, bool, str]:
    """Sort key: listed first, highest score, then group, listed member, id."""
    return (not c.listed, -c.score, c.group or c.id, not c.listed, c.id)


def ranked_groups(claims: Iterable[Claim]) -> list[list[Claim]]:
    """Claims as groups in ranked order, each group's listed members first.

    Groups with a listed claim come first, highest score first; ties go by
    group id, so the order is the same on every run.
    """
    groups: dict[str, list[Claim]] = {}
    for c in sorted(claims, key=rank_key):
        groups.setdefault(c.group or c.id, []).append(c)
    ordered = sorted(groups.values(), key=lambda m: rank_key(min(m, key=rank_key)))
    return [sorted(m, key=rank_key) for m in ordered]
