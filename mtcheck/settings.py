"""Settings of a run, as one frozen dataclass with validation."""
from __future__ import annotations

from dataclasses import dataclass

from .errors import UsageError

DEFAULT_MODEL = "all-MiniLM-L6-v2"


@dataclass(frozen=True)
class Settings:
    """What a check does: model, language, alignment mode and optional metrics."""

    model: str = DEFAULT_MODEL
    lang: str = "en"
    line_aligned: bool = False
    ter: bool = False
    batch_size: int = 32
    calibration: str | None = None  # path of a calibration file; None for the packaged one

    def __post_init__(self) -> None:
        if self.batch_size < 1:
            raise UsageError(f"batch size must be at least 1, got {self.batch_size}")
        if not self.lang or not self.lang.isalpha():
            raise UsageError(f"language must be a code such as 'en', got {self.lang!r}")
