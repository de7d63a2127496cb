"""Score extractions against hand-annotated BRAT standoff files (PolNeAR/PARC style).

Gold: ``NAME.txt`` with ``NAME*.ann`` (the file whose name sorts first is
used when several annotators exist). Metrics, per role (source, cue,
content):

- exact: spans are normalised (each fragment trimmed of whitespace and
  punctuation, then fragments merged across gaps of only whitespace and
  punctuation) and compared as fragment lists; a prediction is correct when
  some gold attribution whose cue it overlaps has the same spans for the role
  (for cue: the same cue); recall counts gold attributions found that way;
- token overlap: the share of predicted tokens inside gold spans of the role
  (precision) and of gold tokens inside predicted spans (recall), tokens
  being word runs and single symbols;
- attribution: one-to-one matching per document, a prediction matching a gold
  attribution when their contents overlap and their sources overlap (or both
  have none).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

Frag = tuple[int, int]
Spans = tuple[Frag, ...]
ROLES = ("cue", "source", "content")
_TOKEN = re.compile(r"\w+|[^\w\s]")


@dataclass(frozen=True)
class Att:
    """An attribution as normalised spans per role (empty tuple: role absent)."""

    source: Spans = ()
    cue: Spans = ()
    content: Spans = ()
    sentence: str = field(default="", compare=False)

    def role(self, name: str) -> Spans:
        spans: Spans = getattr(self, name)
        return spans


# --------------------------------------------------------------- normalising


def _edge(ch: str) -> bool:
    return ch.isspace() or unicodedata.category(ch).startswith("P")


def _trim(text: str, start: int, end: int) -> Frag | None:
    s, e = start, end
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if s == e:
        return None
    ts, te = s, e
    while ts < te and _edge(text[ts]):
        ts += 1
    while te > ts and _edge(text[te - 1]):
        te -= 1
    return (ts, te) if ts < te else (s, e)  # all punctuation (e.g. ":"): keep it


def normalise(text: str, frags: Iterable[Iterable[int]]) -> Spans:
    """Trimmed, sorted fragments, merged across gaps of whitespace and punctuation."""
    trimmed = sorted(f for f in (_trim(text, int(a), int(b)) for a, b in frags) if f)
    merged: list[list[int]] = []
    for s, e in trimmed:
        if merged and (s <= merged[-1][1] or all(_edge(c) for c in text[merged[-1][1] : s])):
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    return tuple((s, e) for s, e in merged)


def _overlap(a: Spans, b: Spans) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


# ------------------------------------------------------------------- reading


def gold_files(gold_dir: Path) -> dict[str, tuple[Path, Path | None]]:
    """``{name: (text, first annotator's .ann or None)}`` for every NAME.txt.

    Texts and .ann files side by side, or in ``text/`` and ``attributions/``
    as PolNeAR lays out a split.
    """
    texts, anns_dir = gold_dir, gold_dir
    if (gold_dir / "text").is_dir() and (gold_dir / "attributions").is_dir():
        texts, anns_dir = gold_dir / "text", gold_dir / "attributions"
    out = {}
    for txt in sorted(texts.glob("*.txt")):
        anns = sorted(anns_dir.glob(f"{txt.stem}*.ann"))
        anns = [a for a in anns if a.stem == txt.stem or a.stem.startswith(txt.stem + "_")]
        out[txt.stem] = (txt, anns[0] if anns else None)
    return out


def parse_ann(ann: str, text: str) -> list[Att]:
    """Gold attributions of one BRAT standoff file (events with at least one span)."""
    spans: dict[str, list[Frag]] = {}
    events: list[list[tuple[str, str]]] = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label_offsets = parts[1].split(" ", 1)
            if len(label_offsets) == 2:
                frags = [tuple(map(int, f.split())) for f in label_offsets[1].split(";")]
                spans[parts[0]] = [f for f in frags if len(f) == 2]
        elif line.startswith("E") and len(parts) >= 2:
            roles = [r.split(":", 1) for r in parts[1].split()]
            if roles and roles[0][0].startswith("Attribution"):
                events.append([(r[0], r[1]) for r in roles[1:] if len(r) == 2])
    atts = []
    for event in events:
        by_role: dict[str, list[Frag]] = {"source": [], "cue": [], "content": []}
        for role, ref in event:
            name = re.sub(r"\d+$", "", role).lower()
            if name in by_role:
                by_role[name].extend(spans.get(ref, []))
        spans_of = {k: normalise(text, v) for k, v in by_role.items()}
        att = Att(source=spans_of["source"], cue=spans_of["cue"], content=spans_of["content"])
        if att.source or att.cue or att.content:
            atts.append(att)
    return atts


def parse_record(record: dict[str, Any], text: str) -> list[Att]:
    """Predicted attributions of one ``attribution extract`` record."""

    def frags(value: Any) -> list[Frag]:
        if not value:
            return []
        return [tuple(value)] if isinstance(value[0], int) else [tuple(v) for v in value]

    atts = [
        Att(
            source=normalise(text, frags(a.get("source"))),
            cue=normalise(text, frags(a.get("cue"))),
            content=normalise(text, frags(a.get("content"))),
        )
        for a in record.get("attributions", [])
    ]
    return [a for a in atts if a.source or a.cue or a.content]


# ------------------------------------------------------------------- scoring


@dataclass
class Counts:
    """Numerators and denominators of one metric row, summed over documents."""

    p_num: float = 0
    p_den: float = 0
    r_num: float = 0
    r_den: float = 0

    def add(self, p_num: float, p_den: float, r_num: float, r_den: float) -> None:
        self.p_num += p_num
        self.p_den += p_den
        self.r_num += r_num
        self.r_den += r_den

    def prf(self) -> dict[str, float]:
        p = self.p_num / self.p_den if self.p_den else 0.0
        r = self.r_num / self.r_den if self.r_den else 0.0
        return {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def _exact(role: str, pred: list[Att], gold: list[Att]) -> tuple[int, int, int, int]:
    def same(p: Att, g: Att) -> bool:
        if role == "all":
            return bool(p.cue) and (p.cue, p.source, p.content) == (g.cue, g.source, g.content)
        if role == "cue":
            return p.cue == g.cue
        return _overlap(p.cue, g.cue) and p.role(role) == g.role(role)

    ps = pred if role == "all" else [p for p in pred if p.role(role)]
    gs = gold if role == "all" else [g for g in gold if g.role(role)]
    found_p = sum(any(same(p, g) for g in gs) for p in ps)
    found_g = sum(any(same(p, g) for p in ps) for g in gs)
    return found_p, len(ps), found_g, len(gs)


def _token_ids(text: str) -> list[Frag]:
    return [m.span() for m in _TOKEN.finditer(text)]


def _touched(tokens: list[Frag], starts: list[int], frags: Spans) -> set[int]:
    """Indices of the tokens that the fragments share a character with."""
    out: set[int] = set()
    for s, e in frags:
        lo = max(bisect_right(starts, s) - 1, 0)
        out.update(i for i in range(lo, bisect_left(starts, e)) if s < tokens[i][1])
    return out


def _tokens(role: str, text: str, pred: list[Att], gold: list[Att]) -> tuple[int, int, int, int]:
    """Token overlap sums: each span's tokens against the union of the other side's."""
    tokens = _token_ids(text)
    starts = [t[0] for t in tokens]
    p_sets = [_touched(tokens, starts, a.role(role)) for a in pred if a.role(role)]
    g_sets = [_touched(tokens, starts, a.role(role)) for a in gold if a.role(role)]
    p_all, g_all = set().union(*p_sets), set().union(*g_sets)
    return (
        sum(len(s & g_all) for s in p_sets),
        sum(map(len, p_sets)),
        sum(len(s & p_all) for s in g_sets),
        sum(map(len, g_sets)),
    )


def _matching(pred: list[Att], gold: list[Att]) -> int:
    """Size of a maximum one-to-one matching between predictions and gold."""

    def match(p: Att, g: Att) -> bool:
        sources = (
            _overlap(p.source, g.source) if p.source and g.source else not (p.source or g.source)
        )
        return _overlap(p.content, g.content) and sources

    edges = [[j for j, g in enumerate(gold) if match(p, g)] for p in pred]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j not in seen:
                seen.add(j)
                if j not in owner or augment(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    return sum(augment(i, set()) for i in range(len(pred)))


@dataclass
class Scores:
    """Every metric row, summed over the documents scored."""

    exact: dict[str, Counts] = field(default_factory=lambda: {r: Counts() for r in (*ROLES, "all")})
    overlap: dict[str, Counts] = field(
        default_factory=lambda: {r: Counts() for r in (*ROLES, "all")}
    )
    attribution: Counts = field(default_factory=Counts)
    docs: int = 0
    gold: int = 0
    predicted: int = 0

    def add_document(self, text: str, pred: list[Att], gold: list[Att]) -> None:
        self.docs += 1
        self.gold += len(gold)
        self.predicted += len(pred)
        for role in (*ROLES, "all"):
            self.exact[role].add(*_exact(role, pred, gold))
        for role in ROLES:
            counts = _tokens(role, text, pred, gold)
            self.overlap[role].add(*counts)
            self.overlap["all"].add(*counts)
        matched = _matching(pred, gold)
        self.attribution.add(matched, len(pred), matched, len(gold))

    def as_dict(self) -> dict[str, Any]:
        return {
            "documents": self.docs,
            "gold": self.gold,
            "predicted": self.predicted,
            "exact": {r: c.prf() for r, c in self.exact.items()},
            "overlap": {r: c.prf() for r, c in self.overlap.items()},
            "attribution": self.attribution.prf(),
        }

    def table(self) -> str:
        rows = ["role      exact P  exact R  exact F1  overlap P  overlap R  overlap F1"]
        for role in (*ROLES, "all"):
            e, o = self.exact[role].prf(), self.overlap[role].prf()
            rows.append(
                f"{role:<8} {e['p']:8.1%} {e['r']:8.1%} {e['f1']:9.1%} "
                f"{o['p']:10.1%} {o['r']:10.1%} {o['f1']:11.1%}"
            )
        a = self.attribution.prf()
        rows.append(
            f"attribution (one-to-one, source and content overlap): P {a['p']:.1%}  "
            f"R {a['r']:.1%}  F1 {a['f1']:.1%}   ({self.predicted} predicted, {self.gold} gold, "
            f"{self.docs} documents)"
        )
        return "\n".join(rows)


def errors(text: str, pred: list[Att], gold: list[Att]) -> tuple[list[Att], list[Att]]:
    """Gold attributions no prediction matches (misses) and the reverse (false alarms)."""

    def match(p: Att, g: Att) -> bool:
        return _overlap(p.content, g.content) and (
            _overlap(p.source, g.source) if p.source and g.source else not (p.source or g.source)
        )

    misses = [g for g in gold if not any(match(p, g) for p in pred)]
    alarms = [p for p in pred if not any(match(p, g) for g in gold)]
    return misses, alarms


def sentence_of(text: str, att: Att) -> str:
    """Source and cue, then the line around the attribution, for error listings."""
    frags = [f for r in ROLES for f in att.role(r)]
    if not frags:
        return ""
    start = text.rfind("\n", 0, min(s for s, _ in frags)) + 1
    end = text.find("\n", max(e for _, e in frags))
    roles = " | ".join(
        " ".join(text[s:e] for s, e in att.role(r)) or "-" for r in ("source", "cue")
    )
    return f"[{roles}] " + " ".join(text[start : end if end != -1 else len(text)].split())
