"""Calibration: the fitted cut-offs, word model and confidence maps, and the code that fits them.

A leaf of the package: it imports nothing from the detectors or the pipeline, which read it.
"""
from ..words import flag_words
from .file import FORMAT_VERSION, PACKAGED, Calibration, default_calibration, load_calibration, read_calibration

__all__ = ["FORMAT_VERSION", "PACKAGED", "Calibration", "default_calibration", "flag_words", "load_calibration",
           "read_calibration"]
