"""Sentence similarity: the cosine of sentence vectors, rescaled against unrelated sentences.

0 means "as similar as unrelated sentences", 1 identical. ``python -m mtcheck.similarity``
prints the default model's baselines afresh, as data/baselines.json holds them.
"""
from __future__ import annotations

import json
from importlib import resources
from typing import Mapping, Sequence

import numpy as np

from .embed.base import Embedder, Encoding

# a further reference's best window must be at least this close to be its counterpart at all
EXTRA_REFERENCE_SIMILARITY = 0.3


def best_cosine(hyp: Encoding, refs: Sequence[Encoding]) -> float:
    """Return the cosine of a translation's sentence vector with the closest of its references'."""
    return max(float(hyp.sentence @ r.sentence) for r in refs)


def best_counterpart(text: str, options: Sequence[str], vectors: Mapping[str, np.ndarray]) -> str:
    """Return the option closest to a text, or '' if none is close enough."""
    if not options:
        return ""
    sims = [float(vectors[text] @ vectors[o]) for o in options]
    best = int(np.argmax(sims))
    return options[best] if sims[best] >= EXTRA_REFERENCE_SIMILARITY else ""


def baseline_sentences() -> list[str]:
    """Return the packaged unrelated sentences that define similarity 0."""
    text = resources.files("mtcheck").joinpath("data/baseline_sentences.txt").read_text("utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def packaged_baselines() -> dict[str, float]:
    """Return the shipped similarity baselines, by embedder name."""
    text = resources.files("mtcheck").joinpath("data/baselines.json").read_text("utf-8")
    return {k: v for k, v in json.loads(text).items() if not k.startswith("_")}


def similarity_baseline(embedder: Embedder, packaged: bool = True) -> float:
    """Return the mean cosine between the packaged unrelated sentences, all pairs.

    As BERTScore does with its baseline, similarities are rescaled as (cos - b) / (1 - b), so
    that 0 means "as similar as unrelated sentences" and 1 means identical. The default
    model's baselines ship with the package (as bert-score ships its own), which spares every
    run an encoding; other models get theirs computed.
    """
    if packaged and embedder.name in (known := packaged_baselines()):
        return known[embedder.name]
    vectors = np.stack([e.sentence for e in embedder.encode(baseline_sentences())])
    sims = vectors @ vectors.T
    n = len(vectors)
    return float((sims.sum() - np.trace(sims)) / (n * (n - 1)))


def rescale(cosine: float, baseline: float) -> float:
    """Rescale a cosine against the unrelated-pairs baseline (0 unrelated, 1 identical)."""
    return (cosine - baseline) / (1 - baseline)


def main() -> None:
    """Print the default model's baselines, computed afresh, as data/baselines.json wants them."""
    from .embed import load_model

    for backend in ("torch", "onnx"):
        embedder = load_model(backend=backend)
        print(f'  "{embedder.name}": {similarity_baseline(embedder, packaged=False)!r},')


if __name__ == "__main__":
    main()
