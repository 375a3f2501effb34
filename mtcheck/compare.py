"""Compare two runs on the same input: metric deltas with paired-bootstrap intervals, flags new and fixed.

BLEU and chrF are resampled on sacrebleu's sufficient statistics, the way sacrebleu's own
paired bootstrap test does; quality, similarity and penalty are resampled with the same indices.
"""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError, UsageError
from .io.text import read_text

SUPPORTED_SCHEMA = "1."


@dataclass(frozen=True)
class MetricDelta:
    """One metric of both runs, the change, its 95% interval and the bootstrap p-value."""

    name: str
    baseline: float
    current: float
    delta: float
    ci_low: float
    ci_high: float
    p_value: float
    higher_is_better: bool

    @property
    def regressed_by(self) -> float:
        """Return how much worse the current run is (0 if it is not worse)."""
        worse = -self.delta if self.higher_is_better else self.delta
        return max(worse, 0.0)


@dataclass(frozen=True)
class FlagChange:
    """A flag present in one run and not in the other, on the same segment."""

    document: str
    segment: str
    text: str
    kind: str
    severity: str


@dataclass(frozen=True)
class Comparison:
    """What changed between a baseline run and a current run."""

    segments: int
    metrics: tuple[MetricDelta, ...]
    new_flags: tuple[FlagChange, ...]
    fixed_flags: tuple[FlagChange, ...]
    caveats: tuple[str, ...] = ()  # how the runs' set-ups differ, which changes figures by itself

    def to_dict(self) -> dict:
        """Return the comparison as a JSON-ready dictionary."""
        return {"segments": self.segments, "caveats": list(self.caveats),
                "metrics": [m.__dict__ | {"regressed_by": m.regressed_by} for m in self.metrics],
                "new_flags": [f.__dict__ for f in self.new_flags],
                "fixed_flags": [f.__dict__ for f in self.fixed_flags]}


def load_result(path: str | Path) -> dict:
    """Read an mtcheck JSON result, or raise InputError saying why it cannot be compared."""
    try:
        data = json.loads(read_text(path))
    except json.JSONDecodeError as exc:
        raise InputError(f"not JSON (line {exc.lineno}): {exc.msg}; give an mtcheck --json result",
                         str(path), exc.lineno) from None
    except (ValueError, RecursionError):
        raise InputError("JSON that cannot be read; give an mtcheck --json result", str(path)) from None
    version = str(data.get("schema_version", "")) if isinstance(data, dict) else ""
    if not version.startswith(SUPPORTED_SCHEMA):
        raise InputError(f"not an mtcheck result of schema 1.x (schema_version {version or 'missing'})", str(path))
    if not _well_formed(data):
        raise InputError("an mtcheck result needs its 'meta', 'corpus' and 'documents' with their segments, "
                         "as --json writes them; give an unedited --json result", str(path))
    return data


def _well_formed(data: dict) -> bool:
    """Return True if a result has what compare reads: meta, corpus scores, documents of segments."""
    documents = data.get("documents")
    return (isinstance(data.get("meta"), dict) and isinstance(data.get("corpus"), dict)
            and isinstance(documents, list)
            and all(isinstance(d, dict) and isinstance(d.get("segments"), list)
                    and all(isinstance(s, dict) and "id" in s and isinstance(s.get("scores"), dict)
                            and isinstance(s.get("flags"), list) for s in d["segments"]) for d in documents))


def _segments(data: dict) -> dict[tuple[int, str], dict]:
    """Return segments keyed by (document position, segment id)."""
    return {(k, s["id"]): s for k, d in enumerate(data["documents"]) for s in d["segments"]}


# what the runs' meta records, and which figures change with it regardless of the translations
SETUP = (("signature", "set-up (model, language, alignment)", "quality, similarity, penalty and flags"),
         ("calibration", "calibration", "quality, penalty and flags"))


def setup_caveats(baseline: dict, current: dict) -> tuple[str, ...]:
    """Return a sentence for each part of the set-up in which the two runs differ."""
    caveats = []
    for key, what, figures in SETUP:
        before, after = (run.get("meta", {}).get(key) for run in (baseline, current))
        if before != after:
            caveats.append(f"the runs differ in {what}: {before} (baseline) against {after} (current); "
                           f"{figures} change with it, not only with the translations")
    return tuple(caveats)


def load_pair(baseline: str | Path, current: str | Path | None, systems: tuple[str, str] | None) -> tuple[dict, dict]:
    """Return the two results to compare: two files, or two MT systems of one batch's result."""
    if systems and current is not None:
        raise UsageError("--systems compares two MT systems of one result: give that result alone")
    if systems:
        return split_systems(load_result(baseline), *systems)
    if current is None:
        raise UsageError("give two results to compare, or one result and --systems A B")
    return load_result(baseline), load_result(current)


def split_systems(data: dict, baseline: str, current: str) -> tuple[dict, dict]:
    """Return two results made of one batch's records of two MT systems, for compare().

    Records of the two systems are paired by what they translate (their references and source,
    in order of appearance when these repeat), so that each pair is one source segment; records
    that only one of them translated are left out. A pair takes the baseline record's id.
    """
    found = {_system_of(s) for d in data["documents"] for s in d["segments"]}
    missing = [name for name in (baseline, current) if name not in found]
    if missing:
        raise UsageError(f"no records of system {', '.join(missing)} in the result; it has "
                         f"{', '.join(sorted(n for n in found if n)) or 'no system field'}")
    runs: list[dict] = [{**data, "documents": []}, {**data, "documents": []}]
    for d in data["documents"]:
        keyed = [_by_source(d["segments"], name) for name in (baseline, current)]
        shared = [k for k in keyed[0] if k in keyed[1]]
        for run, segments in zip(runs, keyed):
            run["documents"].append({**d, "segments": [{**segments[k], "id": keyed[0][k]["id"]} for k in shared]})
    return runs[0], runs[1]


def _system_of(segment: dict) -> str:
    """Return the MT system that a batch record names ("" for none)."""
    return str(segment.get("extra", {}).get("system", ""))


def _by_source(segments: list[dict], system: str) -> dict[tuple, dict]:
    """Return one system's segments keyed by what they translate (and the occurrence of that)."""
    out: dict[tuple, dict] = {}
    seen: Counter = Counter()
    for s in segments:
        if _system_of(s) == system:
            what = (tuple(s.get("references") or ()), s.get("source"))
            seen[what] += 1
            out[(what, seen[what])] = s
    return out


def compare(baseline: dict, current: dict, n_samples: int = 1000, seed: int = 12345) -> Comparison:
    """Compare two runs segment by segment; the references are the baseline's."""
    import numpy as np
    from sacrebleu.metrics import BLEU, CHRF

    base, cur = _segments(baseline), _segments(current)
    if base.keys() != cur.keys():
        missing = sorted(set(base) ^ set(cur))[:3]
        raise UsageError(
            f"the runs do not cover the same segments (e.g. {', '.join(s for _, s in missing)}); "
            "compare two runs on the same input")
    keys = list(base)
    if not keys:
        raise UsageError("the runs have no segments to compare")
    refs = [base[k]["references"] or [""] for k in keys]
    width = max(len(r) for r in refs)
    streams = [[r[i] if i < len(r) else None for r in refs] for i in range(width)]
    rng = np.random.default_rng(seed)
    idx = rng.choice(len(keys), size=(n_samples, len(keys)), replace=True)

    metrics = []
    qualities = [[s[k]["scores"].get("quality") for k in keys] for s in (base, cur)]
    if all(q is not None for run in qualities for q in run):  # runs without a quality model have none
        values = [np.array(q, float) for q in qualities]
        metrics.append(_delta("quality", [float(v.mean()) for v in values], [v[idx].mean(axis=1) for v in values],
                              higher_is_better=True))
    for name, metric in (("BLEU", BLEU()), ("chrF", CHRF())):
        stats = [np.array(metric._extract_corpus_statistics([s[k]["hypothesis"] for k in keys], streams),
                          dtype="float64") for s in (base, cur)]
        real = [metric._compute_score_from_stats(st.sum(0)).score for st in stats]
        samples = [np.array([metric._compute_score_from_stats(st[i].sum(0)).score for i in idx]) for st in stats]
        metrics.append(_delta(name, real, samples, higher_is_better=True))
    for name, field, better in (("similarity", "similarity", True), ("penalty", "penalty", False)):
        values = [np.array([s[k]["scores"].get(field, 0.0) for k in keys]) for s in (base, cur)]
        samples = [v[idx].mean(axis=1) for v in values]
        metrics.append(_delta(name, [float(v.mean()) for v in values], samples, higher_is_better=better))

    new, fixed = [], []
    for doc_pos, seg_id in keys:
        before = Counter((f["text"], f["kind"], f["severity"]) for f in base[(doc_pos, seg_id)]["flags"])
        after = Counter((f["text"], f["kind"], f["severity"]) for f in cur[(doc_pos, seg_id)]["flags"])
        new_doc = current["documents"][doc_pos]["path"]
        old_doc = baseline["documents"][doc_pos]["path"]
        new += [FlagChange(new_doc, seg_id, *key) for key in (after - before).elements()]
        fixed += [FlagChange(old_doc, seg_id, *key) for key in (before - after).elements()]
    return Comparison(len(keys), tuple(metrics), tuple(new), tuple(fixed), setup_caveats(baseline, current))


def _delta(name: str, real: list[float], samples, higher_is_better: bool) -> MetricDelta:
    """Return a MetricDelta from the real scores and the paired resampled scores of both runs."""
    import numpy as np

    diffs = samples[1] - samples[0]
    delta = real[1] - real[0]
    low, high = np.percentile(diffs, [2.5, 97.5])
    # sacrebleu's p-value: how often a resampled difference, centred, is as large as the real one
    centred = np.abs(diffs) - np.abs(diffs).mean()
    p_value = float((np.sum(centred >= abs(delta)) + 1) / (len(diffs) + 1))
    return MetricDelta(name, round(real[0], 4), round(real[1], 4), round(delta, 4),
                       round(float(low), 4), round(float(high), 4), round(p_value, 4), higher_is_better)


def regressions(comparison: Comparison, max_regression: float) -> list[str]:
    """Return why the current run is worse than allowed: quality, BLEU or chrF (each 0-100) down by
    more than the points given."""
    return [f"{m.name} fell by {m.regressed_by:.2f} points, more than the {max_regression:g} allowed "
            f"(95% interval of the change {m.ci_low:+.2f} to {m.ci_high:+.2f})"
            for m in comparison.metrics if m.name in ("quality", "BLEU", "chrF") and m.regressed_by > max_regression]


def render_comparison(comparison: Comparison, limit: int = 20) -> str:
    """Return the comparison as text for the terminal."""
    lines = [f"{comparison.segments} segments compared (paired bootstrap, 95% intervals)"]
    lines += [f"Note: {c}" for c in comparison.caveats] + [""]
    lines.append(f"{'metric':<11}{'baseline':>10}{'current':>10}{'change':>10}   interval          p")
    for m in comparison.metrics:
        lines.append(f"{m.name:<11}{m.baseline:>10.3f}{m.current:>10.3f}{m.delta:>+10.3f}   "
                     f"[{m.ci_low:+.3f}, {m.ci_high:+.3f}]  {m.p_value:.3f}")
    for title, flags in (("New flags", comparison.new_flags), ("Fixed flags", comparison.fixed_flags)):
        lines.append("")
        lines.append(f"{title}: {len(flags)}")
        lines += [f"  {f.document} [{f.segment}] {f.severity} {f.kind}: \"{f.text}\"" for f in flags[:limit]]
        if len(flags) > limit:
            lines.append(f"  ... and {len(flags) - limit} more")
    return "\n".join(lines) + "\n"
