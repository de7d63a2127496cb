"""How well claim grouping agrees with hand labels, at a range of thresholds.

    python benchmarks/tune_claims.py [../shared]

Builds PolNeAR dev and the seed articles in memory, scores every labelled pair
of benchmarks/claim_pairs.tsv (labelled by reading both texts, blind to any
score) and prints precision, recall and F1 of "same claim" for thresholds
around the one in use, within one article and across articles. Skips with a
message when ../shared is absent.
"""

from __future__ import annotations

import sys
from pathlib import Path

from attribution import claims as cl
from attribution.pipeline import collect

HERE = Path(__file__).parent


def main(shared: Path) -> int:
    corpora = [shared / "polnear" / "dev" / "text", shared / "seeds"]
    if not all(p.is_dir() for p in corpora):
        print(f"skipped: {shared} has no polnear/dev/text or seeds")
        return 0
    labels = _labels(HERE / "claim_pairs.tsv")
    scored = []  # (score, shared terms, same article, label)
    for corpus in corpora:
        _, _, claims = collect([str(corpus)], report=lambda line: None)
        for _, _, score, terms, within, same in labelled_pairs(claims, labels):
            scored.append((score, terms, within, same))
    print(f"{len(scored)} of {len(labels)} labelled pairs found; {sum(s[3] for s in scored)} same")
    for within, least in ((True, cl.MIN_SHARED_TERMS), (False, cl.MIN_SHARED_ACROSS)):
        rows = [s for s in scored if s[2] == within]
        print(
            f"{'within one article' if within else 'across articles'} "
            f"({len(rows)} pairs, at least {least} shared terms):"
        )
        for threshold in (0.2, 0.25, 0.3, 0.33, 0.35, 0.37, 0.4, 0.45):
            hit = [(s[0] >= threshold and s[1] >= least, s[3]) for s in rows]
            tp = sum(h and y for h, y in hit)
            fp = sum(h and not y for h, y in hit)
            fn = sum(y and not h for h, y in hit)
            p = tp / (tp + fp) if tp + fp else 0.0
            r = tp / (tp + fn) if tp + fn else 0.0
            f1 = 2 * p * r / (p + r) if p + r else 0.0
            mark = "  <- in use" if threshold == cl.SIMILARITY else ""
            print(
                f"  {threshold:.2f}  P {p:.2f}  R {r:.2f}  F1 {f1:.2f}  (tp {tp} fp {fp} fn {fn}){mark}"
            )
    return 0


def labelled_pairs(
    claims: list[cl.Claim], labels: dict[tuple[str, str], str]
) -> list[tuple[int, int, float, int, bool, bool]]:
    """Labelled pairs found among ``claims``: (i, j, IDF score, shared terms, same
    article, labelled same), i < j being indexes into ``claims``."""
    at = {c.id: n for n, c in enumerate(claims)}
    pairs = cl.similar_pairs(claims, threshold=0.0, least=(1, 1))
    found = []
    for (a, b), label in labels.items():
        if a in at and b in at:
            i, j = sorted((at[a], at[b]))
            score, terms = pairs.get((i, j), (0.0, ()))
            within = claims[i].article == claims[j].article
            found.append((i, j, score, len(terms), within, label == "same"))
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
