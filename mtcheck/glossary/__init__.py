"""House-style glossaries: reading them (TSV, CSV, TBX) and finding their terms in a translation.

A leaf of the package like calibration/: the detector (detect/glossary.py) and the run read it.
"""
from .entry import Entry, Glossary, merged
from .match import Hit, find_terms, missing_terms
from .read import read_glossaries, read_glossary

__all__ = ["Entry", "Glossary", "Hit", "find_terms", "merged", "missing_terms", "read_glossaries", "read_glossary"]
