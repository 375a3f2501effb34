"""Embeddings: one forward pass per distinct text gives its sentence vector and token vectors.

base.py defines the Encoding and the Embedder protocol; torch_backend.py and onnx_backend.py run
the model; windows.py reads texts beyond its length limit; cache.py keeps encodings; load.py
picks a backend. Heavy libraries load only with a model.
"""
from .base import Embedder, Encoding
from .cache import CachingEmbedder
from .load import default_model_path, load_model

__all__ = ["CachingEmbedder", "Embedder", "Encoding", "default_model_path", "load_model"]
