"""A fast CPU backend: the model exported locally to ONNX, its feed-forward layers quantised to
int8 per channel, run by ONNX Runtime.

The export runs once per machine from the weights already on disk (no download), into
$MTCHECK_CACHE or ~/.cache/mtcheck, and is written atomically. After that, encoding needs only
onnxruntime and the tokenizers library: torch is not even imported.
"""
from __future__ import annotations

import contextlib
import hashlib
import io
import sys
import warnings
import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Sequence

import numpy as np

from ..errors import ModelError
from .base import Encoding, unit
from .cache import cache_dir


def _pooling_is_mean(model_dir: Path) -> bool:
    """Return True if the sentence-transformers model pools token vectors by their mean."""
    config = model_dir / "1_Pooling" / "config.json"
    if not config.exists():
        return True
    return bool(json.loads(config.read_text()).get("pooling_mode_mean_tokens", True))


def export(model_dir: Path, target: Path) -> None:
    """Export a BERT-like model to ONNX and quantise its weights to int8, per channel."""
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from transformers import AutoModel, AutoTokenizer

    work = Path(tempfile.mkdtemp(dir=target.parent, prefix=".export-"))
    try:
        # eager attention: its masking is tensor arithmetic that tracing keeps; the default (SDPA)
        # builds the mask with Python logic that tracing froze, so padding leaked into the result
        model = AutoModel.from_pretrained(model_dir, attn_implementation="eager").eval()
        tokenizer = AutoTokenizer.from_pretrained(model_dir)
        sample = tokenizer(["An example sentence.", "Two"], padding=True, return_tensors="pt")
        names = [n for n in ("input_ids", "attention_mask", "token_type_ids") if n in sample]
        axes = {n: {0: "batch", 1: "tokens"} for n in names}
        axes["last_hidden_state"] = {0: "batch", 1: "tokens"}
        class Encoder(torch.nn.Module):
            """Call the model by keyword: its forward() takes other arguments in between."""

            def __init__(self, inner):
                super().__init__()
                self.inner = inner

            def forward(self, *tensors):
                return self.inner(**dict(zip(names, tensors))).last_hidden_state

        with torch.no_grad():
            torch.onnx.export(Encoder(model), tuple(sample[n] for n in names), str(work / "model.onnx"),
                              input_names=names, output_names=["last_hidden_state"],
                              dynamic_axes=axes, opset_version=17, dynamo=False)
        # Only the feed-forward layers become int8; attention stays in float. Quantising the
        # attention projections too moved word similarities by up to 0.04 (a flag on the seed
        # changed); feed-forward only keeps them within 0.001 and still runs about 2x faster.
        import onnx

        graph = onnx.load(str(work / "model.onnx")).graph
        keep_float = [n.name for n in graph.node if "attention" in n.name]
        quantize_dynamic(str(work / "model.onnx"), str(work / "model-int8.onnx"),
                         per_channel=True, weight_type=QuantType.QInt8, nodes_to_exclude=keep_float)
        (work / "model.onnx").unlink()
        shutil.copy(model_dir / "tokenizer.json", work / "tokenizer.json")
        (work / "meta.json").write_text(json.dumps({"inputs": names, "mean_pooling": _pooling_is_mean(model_dir)}))
        os.replace(work, target)  # another process may have finished first: then ours is dropped
    except OSError:
        if not target.exists():
            raise
    finally:
        shutil.rmtree(work, ignore_errors=True)


class OnnxEmbedder:
    """Encode with ONNX Runtime, one text per run: token and sentence vectors from one pass.

    Texts are not batched. Dynamic int8 quantisation scales activations by each run's whole
    input, so padding next to longer texts would change a text's vectors (by up to 0.03): one
    text per run makes them depend on the text alone. A run on one short text keeps two cores
    poorly busy, so each core runs its own texts on a single-threaded session (ONNX Runtime
    releases the GIL while it runs): 1.3 times the throughput of one two-threaded session here.
    """

    def __init__(self, directory: Path, name: str, max_length: int, workers: int | None = None):
        import onnxruntime
        from tokenizers import Tokenizer

        self.workers = max(1, workers or os.cpu_count() or 1)
        options = onnxruntime.SessionOptions()
        options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
        options.intra_op_num_threads = 1 if self.workers > 1 else 0
        options.inter_op_num_threads = 1
        self.session = onnxruntime.InferenceSession(str(directory / "model-int8.onnx"), options,
                                                    providers=["CPUExecutionProvider"])
        self.tokenizer = Tokenizer.from_file(str(directory / "tokenizer.json"))
        self.tokenizer.enable_truncation(max_length=max_length)
        self.tokenizer.no_padding()
        self.inputs = json.loads((directory / "meta.json").read_text())["inputs"]
        self.name = name  # the model's label and "+onnx-int8": encodings differ from torch's
        self.model_name = name
        self.backend = "onnx"

    def encode(self, texts: Sequence[str]) -> list[Encoding]:
        """Return one Encoding per text, in order."""
        tokenized = self.tokenizer.encode_batch(list(texts))
        if self.workers == 1 or len(tokenized) < 2 * self.workers:
            return [self._encode_one(e) for e in tokenized]
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(self.workers) as pool:
            # map keeps the input order; a session may be run from several threads at once
            return list(pool.map(self._encode_one, tokenized))

    def _encode_one(self, e) -> Encoding:
        """Run the model on one tokenized text."""
        feeds = {"input_ids": np.array([e.ids], dtype=np.int64),
                 "attention_mask": np.array([e.attention_mask], dtype=np.int64),
                 "token_type_ids": np.array([e.type_ids], dtype=np.int64)}
        hidden = self.session.run(None, {k: feeds[k] for k in self.inputs})[0][0]
        keep = [t for t, (s, end) in enumerate(e.offsets) if end > s]
        return Encoding(unit(hidden.mean(axis=0)),
                        unit(hidden[keep]) if keep else np.zeros((0, hidden.shape[1])),
                        tuple(tuple(e.offsets[t]) for t in keep))


@contextlib.contextmanager
def _quiet_stderr():
    """Keep what the exporting libraries print on stderr; show it only if the export fails."""
    kept = io.StringIO()
    try:
        with contextlib.redirect_stderr(kept):
            yield
    except Exception:
        sys.stderr.write(kept.getvalue()[-2000:])
        raise


def load_onnx(model_path: str, label: str) -> OnnxEmbedder:
    """Return the ONNX embedder of a model directory, exporting it into the cache the first time."""
    try:
        import onnxruntime  # noqa: F401
    except ImportError:
        raise ModelError("the onnx backend needs onnxruntime; run: pip install 'mtcheck[onnx]'") from None
    model_dir = Path(model_path)
    if not (model_dir / "tokenizer.json").exists():
        raise ModelError(f"the onnx backend needs a local model directory with tokenizer.json, not {model_path!r}")
    digest = hashlib.sha1(str(model_dir.resolve()).encode() + (model_dir / "config.json").read_bytes()).hexdigest()[:12]
    target = cache_dir() / f"onnx-int8-{digest}"
    if not (target / "model-int8.onnx").exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            # the exporter warns about tracing details that say nothing to a user, on stderr
            # even under --quiet: the export either works, or fails with one line below
            with warnings.catch_warnings(), _quiet_stderr():
                warnings.simplefilter("ignore")
                export(model_dir, target)
        except Exception as exc:  # the exporter fails in many ways; the user needs one line
            raise ModelError(f"cannot export {label} to ONNX: {str(exc).splitlines()[0][:200]}") from None
    config = json.loads((model_dir / "sentence_bert_config.json").read_text()) \
        if (model_dir / "sentence_bert_config.json").exists() else {}
    if not json.loads((target / "meta.json").read_text()).get("mean_pooling", True):
        raise ModelError(f"the onnx backend supports mean-pooling models only; {label} pools otherwise")
    embedder = OnnxEmbedder(target, f"{label}+onnx-int8", int(config.get("max_seq_length", 256)))
    embedder.model_name = label
    return embedder
