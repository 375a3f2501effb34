"""The int8 ONNX backend: exported from the packaged weights, agrees with torch, same seed flags."""
import numpy as np
import pytest

import mtcheck

from .conftest import SEED, SEED_REF

pytestmark = pytest.mark.model
pytest.importorskip("onnxruntime")


@pytest.fixture(scope="module")
def onnx_embedder(tmp_path_factory):
    mp = pytest.MonkeyPatch()
    mp.setenv("MTCHECK_CACHE", str(tmp_path_factory.mktemp("cache")))
    from mtcheck.embed import load_model

    yield load_model(backend="onnx")
    mp.undo()


def test_agrees_with_torch_on_the_seed(onnx_embedder, real_embedder):
    lines = SEED.read_text(encoding="utf-8").splitlines()
    for a, b in zip(real_embedder.encode(lines), onnx_embedder.encode(lines)):
        assert a.offsets == b.offsets
        assert float(a.sentence @ b.sentence) >= 0.98
        assert float(np.mean(np.sum(a.tokens * b.tokens, axis=1))) >= 0.98


def test_same_flags_on_the_seed(onnx_embedder, real_embedder):
    def flags(embedder):
        run = mtcheck.check(SEED, [SEED_REF], embedder=embedder)
        return [(s.line, f.start, f.end, f.kind, f.severity, f.suggestion) for s in run.segments for f in s.flags]
    assert flags(onnx_embedder) == flags(real_embedder)


def test_a_text_encodes_the_same_whatever_its_neighbours(onnx_embedder):
    text = "They behave with great respect, ask many questions."
    alone = onnx_embedder.encode([text])[0]
    among = onnx_embedder.encode(["A much longer sentence that would pad the batch " * 5, text])[1]
    assert np.array_equal(alone.tokens, among.tokens)


def test_name_says_backend(onnx_embedder):
    assert onnx_embedder.name.endswith("+onnx-int8")


def test_shipped_baseline_equals_a_fresh_computation(onnx_embedder):
    from mtcheck.similarity import packaged_baselines, similarity_baseline

    fresh = similarity_baseline(onnx_embedder, packaged=False)
    assert packaged_baselines()[onnx_embedder.name] == pytest.approx(fresh, abs=1e-6), \
        "refresh mtcheck/data/baselines.json with: python -m mtcheck.similarity"


def test_the_first_onnx_run_is_quiet_under_quiet(tmp_path, monkeypatch):
    """The export prints its tracing warnings nowhere: -q means nothing but errors."""
    import subprocess
    import sys

    monkeypatch.setenv("MTCHECK_CACHE", str(tmp_path / "fresh-cache"))
    out = subprocess.run([sys.executable, "-m", "mtcheck", "check", str(SEED), "-r", str(SEED_REF), "--backend",
                          "onnx", "-q", "--no-html"], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stderr == "" and out.stdout == ""
    assert list((tmp_path / "fresh-cache").glob("onnx-int8-*/model-int8.onnx"))
