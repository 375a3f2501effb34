"""Detectors: pure functions from a SegmentView to Findings, merged into Flags.

Every detector sees the same view of one aligned segment (words, their best reference matches,
the reference and source vocabulary) and returns Findings over translation word indices. Each
module declares its Detector once (name, kinds, role); DETECTORS lists them in the order they
run. Arbitration (arbitrate.py) decides which finding wins by role, the findings are merged
where they overlap (merge.py) and turned into Flags with character offsets taken from the word
tokens, never by searching the text again.
"""
from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from ..calibration.confidence import calibrate_flags
from .antonyms import ANTONYMS
from .arbitrate import arbitrate
from .calques import CALQUES
from .compounds import COMPOUNDS
from .deadline import DEADLINE_DETECTOR
from .base import Detector, Finding, SegmentView, Source, build_view
from .entities import ENTITIES
from .false_friends import FALSE_FRIENDS
from .glossary import GLOSSARY
from .inversion import INVERSION
from .merge import to_flags
from .modality import MODALITY
from .names import NAMES
from .negation import NEGATION
from .nonwords import NONWORDS
from .numbers import NUMBERS
from .omission import OMISSION
from .possessive import POSSESSIVE
from .preposed import PREPOSED
from .pronouns import PRONOUNS_DETECTOR
from .relative_pronouns import WHICH_FOR_WHO
from .order import ORDER
from .repetition import REPETITION
from .roles import ROLES
from .syntax_roles import SYNTAX_ROLES
from .truncation import TRUNCATION
from .units import UNITS
from .unmatched import UNMATCHED
from .unrelated import UNRELATED
from .untranslated import COPIED_SOURCE, UNTRANSLATED
from .voice import VOICE
from .wordrisk import WORDRISK

DETECTORS: tuple[Detector, ...] = (
    GLOSSARY, NONWORDS, NAMES, ENTITIES, NUMBERS, UNITS, NEGATION, ANTONYMS, FALSE_FRIENDS, DEADLINE_DETECTOR, COMPOUNDS, ROLES, VOICE, INVERSION, PREPOSED, POSSESSIVE, OMISSION, SYNTAX_ROLES, PRONOUNS_DETECTOR, WHICH_FOR_WHO, CALQUES, MODALITY, UNMATCHED, ORDER, WORDRISK,
    UNRELATED, UNTRANSLATED, COPIED_SOURCE, REPETITION, TRUNCATION,
)
# what checks a translation without a reference: a glossary, the word list, the source
REFERENCE_FREE = tuple(d for d in DETECTORS if not d.needs_reference)

__all__ = ["DETECTORS", "REFERENCE_FREE", "Detector", "Finding", "SegmentView", "Source", "build_view", "detect"]


@lru_cache(maxsize=16)
def _kinds(detectors: tuple[Detector, ...], *roles: str) -> frozenset[str]:
    """Return the kinds raised by the detectors of some roles."""
    return frozenset(k for d in detectors if d.role in roles for k in d.kinds)


def detect(view: SegmentView, detectors: tuple[Detector, ...] = DETECTORS):
    """Run the detectors on one segment and return its merged flags, in text order."""
    findings = [replace(f, detector=d.name) for d in detectors for f in d.find(view)]
    kept = arbitrate(view, findings, _kinds(detectors, "overriding"), _kinds(detectors, "overriding", "precise"),
                     _kinds(detectors, "wording"), GLOSSARY.kinds)
    return calibrate_flags(to_flags(view, kept), view.calibration.confidence_maps)
