"""Settings of a run and thresholds of its gate, as frozen dataclasses validated once; config files."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import UsageError
from .results import Severity

DEFAULT_MODEL = "all-MiniLM-L6-v2"


@dataclass(frozen=True)
class Settings:
    """What a check does: model, language, alignment mode and optional metrics."""

    model: str = DEFAULT_MODEL
    lang: str = "en"
    line_aligned: bool = False
    ter: bool = False
    batch_size: int = 32
    backend: str = "torch"  # or "onnx": int8 ONNX Runtime (pip install 'mtcheck[onnx]')
    disk_cache: bool = False  # keep encodings in $MTCHECK_CACHE/embeddings.sqlite across runs
    calibration: str | None = None  # a calibration file, or a packaged one's name; None for the default
    decisions: str | None = None  # path of an editor's decisions file (exported by the report)
    glossaries: tuple[str, ...] = ()  # paths of house-style glossaries (TSV, CSV, TBX)
    syntax: bool = False  # parse translation and reference (pip install 'mtcheck[syntax]')
    hints: bool = False  # show weak evidence (minor mistranslations and name spellings) as flags; scored either way

    def __post_init__(self) -> None:
        if self.batch_size < 1:
            raise UsageError(f"batch size must be at least 1, got {self.batch_size}")
        if not self.lang or not self.lang.isalpha():
            raise UsageError(f"language must be a code such as 'en', got {self.lang!r}")


@dataclass(frozen=True)
class Thresholds:
    """What a run must satisfy; None switches a check off."""

    fail_on: Severity | None = None      # any flag at or above this severity fails
    max_flags: int | None = None         # more flags than this (any severity) fails
    min_chrf: float | None = None        # corpus chrF below this fails (0-100)
    min_similarity: float | None = None  # mean rescaled similarity below this fails
    min_quality: float | None = None     # mean segment quality below this fails (0-100)
    min_segment_quality: float | None = None  # any segment of quality below this fails (0-100)

    def __post_init__(self) -> None:
        if self.max_flags is not None and self.max_flags < 0:
            raise UsageError(f"max-flags must be 0 or more, got {self.max_flags}")
        if self.min_chrf is not None and not 0 <= self.min_chrf <= 100:
            raise UsageError(f"min-chrf must be between 0 and 100, got {self.min_chrf}")
        if self.min_similarity is not None and not -1 <= self.min_similarity <= 1:
            raise UsageError(f"min-similarity must be between -1 and 1, got {self.min_similarity}")
        for name, value in (("min-quality", self.min_quality), ("min-segment-quality", self.min_segment_quality)):
            if value is not None and not 0 <= value <= 100:
                raise UsageError(f"{name} must be between 0 and 100, got {value}")

    @property
    def active(self) -> bool:
        """Return True if any check is switched on."""
        return any(v is not None for v in (self.fail_on, self.max_flags, self.min_chrf, self.min_similarity,
                                           self.min_quality, self.min_segment_quality))

    @property
    def score_options(self) -> list[str]:
        """Return the options set that compare with a reference (and cannot judge without one)."""
        return [name for name, limit in (("--min-chrf", self.min_chrf), ("--min-similarity", self.min_similarity),
                                         ("--min-quality", self.min_quality),
                                         ("--min-segment-quality", self.min_segment_quality)) if limit is not None]

    def needing_a_reference(self) -> str:
        """Return 'OPTION needs a reference' (or 'A and B need'), naming the score options set."""
        names = self.score_options
        return f"{' and '.join(names)} need{'s' * (len(names) == 1)} a reference to compare with"


# Keys of [tool.mtcheck] / mtcheck.toml, with their types; "fail-on" and "fail_on" are the same key.
CONFIG_KEYS: dict[str, type] = {
    "fail_on": str, "max_flags": int, "min_chrf": float, "min_similarity": float, "min_quality": float,
    "min_segment_quality": float,
    "model": str, "lang": str, "calibration": str, "line_aligned": bool, "ter": bool, "glossary": list,
    "syntax": bool, "hints": bool,
}
CONFIG_FILES = ("mtcheck.toml", "pyproject.toml")


def find_config(directory: Path) -> Path | None:
    """Return mtcheck.toml, else a pyproject.toml with a [tool.mtcheck] table, in a directory."""
    for name in CONFIG_FILES:
        path = directory / name
        if path.is_file() and (name == "mtcheck.toml" or "[tool.mtcheck]" in path.read_text("utf-8")):
            return path
    return None


def load_config(path: Path) -> dict[str, Any]:
    """Return the validated settings of a config file, keys in snake_case."""
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib
    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read config: {exc}", str(path)) from None
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"invalid TOML: {exc}", str(path)) from None
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        data = tool.get("mtcheck", {}) if isinstance(tool, dict) else None
        if not isinstance(data, dict):
            raise UsageError("[tool.mtcheck] must be a table of settings", str(path), _line_of(text, "tool"))
    config: dict[str, Any] = {}
    for key, value in data.items():
        name = key.replace("-", "_")
        if name not in CONFIG_KEYS:
            known = ", ".join(sorted(k.replace("_", "-") for k in CONFIG_KEYS))
            raise UsageError(f"unknown setting {key!r}; known settings: {known}", str(path),
                             _line_of(text, key))
        want = CONFIG_KEYS[name]
        if name == "glossary" and isinstance(value, str):  # one file, or a list of them
            value = [value]
        ok = isinstance(value, want) and not (want is int and isinstance(value, bool))
        if want is float and isinstance(value, int) and not isinstance(value, bool):
            value, ok = float(value), True
        if want is list and ok and not all(isinstance(v, str) for v in value):
            ok = False
        if not ok:
            raise UsageError(f"setting {key!r} must be {TYPE_NAMES[want]}, got {value!r}",
                             str(path), _line_of(text, key))
        if name == "calibration":
            from .calibration.file import is_packaged  # deferred: it loads the word lists

            if not is_packaged(value):  # a file, relative to the config file, not to where mtcheck runs
                value = str((path.parent / value).resolve())
        if name == "glossary":
            value = [str((path.parent / v).resolve()) for v in value]
        config[name] = value
    _check_gate_values(config, path, text)
    return config


TYPE_NAMES = {str: "a string", int: "a whole number", float: "a number", bool: "true or false",
              list: "a path or a list of paths"}


def _check_gate_values(config: dict[str, Any], path: Path, text: str) -> None:
    """Raise a UsageError that names the file and line of a gate setting out of its range."""
    fail_on = config.get("fail_on")
    choices = [s.value for s in Severity]
    if fail_on is not None and fail_on not in choices:
        raise UsageError(f"fail-on must be one of {', '.join(choices)}, got {fail_on!r}",
                         str(path), _line_of(text, "fail_on"))
    for key in ("max_flags", "min_chrf", "min_similarity", "min_quality", "min_segment_quality"):
        try:  # Thresholds owns the ranges; only the place of the error is added here
            Thresholds(**{key: config.get(key)})
        except UsageError as exc:
            raise UsageError(exc.message, str(path), _line_of(text, key)) from None


def _line_of(text: str, key: str) -> int | None:
    """Return the line number of a key's assignment in mtcheck's table, in either spelling."""
    spellings = {key, key.replace("_", "-"), key.replace("-", "_")}
    lines = text.splitlines()
    # in a pyproject.toml, mtcheck's keys are those after its table's header
    start = next((k + 1 for k, line in enumerate(lines) if line.strip() == "[tool.mtcheck]"), 0)
    for number, line in enumerate(lines[start:], start + 1):
        name = line.split("=", 1)[0].strip().strip("\"'")
        if "=" in line and name in spellings:
            return number
    return None
