"""How well claim grouping agrees with hand labels, at a range of thresholds.

    python benchmarks/tune_claims.py [../shared]

Builds PolNeAR dev and the seed articles in memory, groups their claims at each
similarity threshold around the one in use (repeated wording,
attribution/overlap.py, counts at every threshold), and prints precision,
recall and F1 of "same claim" on the labelled pairs of
benchmarks/claim_pairs.tsv (labelled by reading both texts, blind to any
score), within one article and across articles.

The pairs are split by article: a third of the articles (or pairs of articles)
are held out, and the rules were tuned on the other two thirds only; both are
printed, so that a rule fitted to the labelled pairs shows as a gap. Skips with
a message when ../shared is absent.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

from attribution import claims as cl
from attribution.pipeline import collect

HERE = Path(__file__).parent
THRESHOLDS = (0.2, 0.25, 0.3, 0.33, 0.35, 0.37, 0.4, 0.45)


def main(shared: Path) -> int:
    corpora = [shared / "polnear" / "dev" / "text", shared / "seeds"]
    if not all(p.is_dir() for p in corpora):
        print(f"skipped: {shared} has no polnear/dev/text or seeds")
        return 0
    labels = _labels(HERE / "claim_pairs.tsv")
    scored = []  # (hits by threshold, same article, held out, label)
    for corpus in corpora:
        _, _, claims = collect([str(corpus)], report=lambda line: None)
        grouped = {t: cl.similar_pairs(claims, threshold=t) for t in THRESHOLDS}
        for i, j, same in labelled_pairs(claims, labels):
            a, b = claims[i].article, claims[j].article
            hits = tuple((i, j) in grouped[t] for t in THRESHOLDS)
            scored.append((hits, a == b, held_out(a, b), same))
    print(f"{len(scored)} of {len(labels)} labelled pairs found; {sum(s[3] for s in scored)} same")
    for within in (True, False):
        rows = [s for s in scored if s[1] == within]
        print(f"{'within one article' if within else 'across articles'} ({len(rows)} pairs):")
        for k, threshold in enumerate(THRESHOLDS):
            parts = [
                _figures([(s[0][k], s[3]) for s in rows if s[2] == held]) for held in (False, True)
            ]
            mark = "  <- in use" if threshold == cl.SIMILARITY else ""
            print(f"  {threshold:.2f}  tuned on: {parts[0]}  held out: {parts[1]}{mark}")
    return 0


def _figures(hit: list[tuple[bool, bool]]) -> str:
    """Precision, recall and F1 of ``(grouped, labelled same)`` pairs."""
    tp = sum(h and y for h, y in hit)
    fp = sum(h and not y for h, y in hit)
    fn = sum(y and not h for h, y in hit)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return f"P {p:.2f} R {r:.2f} F1 {f1:.2f} (tp {tp} fp {fp} fn {fn})"


def held_out(a: str, b: str) -> bool:
    """Is the pair of articles ``a``, ``b`` (the same one, or two) in the held-out third?

    By article, not by pair: pairs of one article share claims, and a rule
    tuned on one of them would be judged on its twin.
    """
    key = "|".join(sorted({a, b}))
    return int(hashlib.sha1(key.encode()).hexdigest(), 16) % 3 == 0


def labelled_pairs(
    claims: list[cl.Claim], labels: dict[tuple[str, str], str]
) -> list[tuple[int, int, bool]]:
    """Labelled pairs found among ``claims``: (i, j, labelled same), i < j being
    indexes into ``claims``."""
    at = {c.id: n for n, c in enumerate(claims)}
    found = []
    for (a, b), label in labels.items():
        if a in at and b in at:
            i, j = sorted((at[a], at[b]))
            found.append((i, j, label == "same"))
    return found


def _labels(path: Path) -> dict[tuple[str, str], str]:
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            a, b, label = line.split("\t")
            if label != "unsure":
                out[a, b] = label
    return out


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared")))
