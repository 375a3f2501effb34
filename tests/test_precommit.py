"""The pre-commit hook, installed by pre-commit itself and run on a sample repository.

Slow (about a minute): pre-commit builds the hook's own environment, torch included.
"""
import os
import shutil
import subprocess
import sys

import pytest

from .conftest import ROOT

pytestmark = [
    pytest.mark.model,
    pytest.mark.slow,
    pytest.mark.network,
    pytest.mark.skipif(shutil.which("git") is None, reason="needs git"),
]


def test_hook_fails_a_batch_with_a_garble(tmp_path):
    pytest.importorskip("pre_commit")
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "good.jsonl").write_text(
        '{"id": "g1", "hypothesis": "The weather is fine today.", "reference": "The weather is fine today."}\n')
    (repo / "bad.jsonl").write_text(
        '{"id": "b1", "hypothesis": "Then Ilon Musk spoke to reporters.", '
        '"reference": "Then Elon Musk spoke to reporters."}\n')
    git = ["git", "-c", "user.email=t@example.com", "-c", "user.name=t"]
    for args in (["init", "-q"], ["add", "."], ["commit", "-qm", "sample"]):
        subprocess.run(git + args, cwd=repo, check=True)
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache")}
    result = subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "mtcheck",
         "--files", "good.jsonl", "bad.jsonl"],
        cwd=repo, env=env, capture_output=True, text=True, timeout=900)
    out = result.stdout + result.stderr
    assert result.returncode == 1, out
    assert "mtcheck (machine translation check)" in out and "Failed" in out
    assert 'bad.jsonl:1 [b1] at 5: major name-mismatch: "Ilon" -> "Elon"' in out
    assert "good.jsonl:1" not in out.split("Flags, worst first:")[1]
