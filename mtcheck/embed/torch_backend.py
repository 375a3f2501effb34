"""The torch backend: a sentence-transformers model giving token and sentence vectors in one pass.

torch and sentence-transformers are imported only when a model is loaded, so that the CLI
starts instantly and unit tests can run with a small fake embedder.
"""
from __future__ import annotations

from typing import Sequence

import numpy as np

from ..errors import ModelError
from ..heap import release
from .base import Encoding, unit


class SentenceTransformerEmbedder:
    """Encode with a sentence-transformers model: token and sentence vectors in one pass."""

    def __init__(self, model, name: str, batch_size: int = 32):
        self.model = model
        self.name = name
        self.model_name = name
        self.backend = "torch"
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
        since_release = 0
        with torch.inference_mode():
            for batch in batches(order, [len(t) for t in texts], self.batch_size):
                since_release += sum(len(texts[i]) for i in batch)
                if since_release > RELEASE_CHARS:  # a few milliseconds every second or so
                    release()
                    since_release = 0
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
                sentence=unit(sentence),
                tokens=unit(vectors[keep]) if keep else np.zeros((0, vectors.shape[1])),
                offsets=tuple(tuple(offsets[k]) for k in keep)))
        return encodings


# Padded characters a batch may hold: the model's working memory grows with the batch's size
# times its longest text. Encoding 1,500 long texts peaked at 800 MB in batches of 32 and at 659
# MB in batches sized so (32 texts of 75 characters, 16 of 150, 4 of 600), in the same time
BATCH_CHARS = 2400


# Characters encoded between two hand-backs of freed memory to the system (heap.py): the forward
# pass frees tensors of many sizes, and one call of 200 long texts grew the heap by 90 MB,
# 25 MB of it freed pages that this gives back
RELEASE_CHARS = 25_000


def batches(order: Sequence[int], lengths: Sequence[int], size: int, chars: int = BATCH_CHARS) -> list[list[int]]:
    """Split texts, longest first, into batches of at most ``size`` texts and about ``chars``
    padded characters (the batch's count times its longest text's length)."""
    out, at = [], 0
    while at < len(order):
        take = min(size, max(1, chars // max(1, lengths[order[at]])))
        out.append(list(order[at:at + take]))
        at += take
    return out


def _takes_tokenizer_arguments(model) -> bool:
    """Return True if the model's first module tokenizes with per-call arguments (offsets)."""
    import inspect

    preprocess = getattr(model[0], "preprocess", None) if len(model) else None
    try:
        return (preprocess is not None and hasattr(model, "preprocess")
                and "processing_kwargs" in inspect.signature(preprocess).parameters)
    except (TypeError, ValueError):
        return False
