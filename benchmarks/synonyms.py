"""Measure WordNet synonyms as paraphrase knowledge: the figures with each rule for synonym flags.

    python -m benchmarks.synonyms ../shared/data --rule none|matched|anywhere [--cap]
    python -m benchmarks.synonyms ../shared/data/mqm_zhen_dev.jsonl --benchmark accuracy --rule none \\
        --sample 100000 --unit document

The similarity detector ("matches nothing in the reference well") raises most false alarms. A
word that shares a WordNet 3.0 synset with its reference counterpart (mtcheck/lexicon.py) says
what the reference says. ``matched`` (shipped) looks at the reference word the word alignment
matched; ``anywhere`` at every word of the references; ``none`` flags synonyms as before. A
synonym's finding is dropped, or with ``--cap`` shown as minor at most. Then the editor
benchmark (benchmarks/editor.py) or the MQM span benchmark (benchmarks/accuracy.py) runs as
usual with its own options, so the figures compare with theirs. See benchmarks/README.md,
"editor.py".
"""
from __future__ import annotations

import argparse
from dataclasses import replace


def install(rule: str, cap: bool) -> None:
    """Make the similarity detector treat synonyms of the reference by a rule, dropped or capped at minor."""
    from mtcheck.detect import unmatched
    from mtcheck.lexicon import synonyms
    from mtcheck.results import Severity

    def is_synonym(view, norm, m) -> bool:
        if rule == "none" or view.lang != "en":
            return False
        if rule == "matched":
            return synonyms(norm, view.ref_words[m.ref][m.word].norm)
        return any(synonyms(norm, r.norm) for words in view.ref_words for r in words)

    unmatched._synonym_of_match = (lambda view, norm, m: False) if cap else is_synonym
    find = unmatched.find_unmatched_words

    def capped(view):
        return [replace(f, severity=Severity.MINOR)
                if is_synonym(view, view.hyp_words[f.first].norm, view.matches[f.first]) else f
                for f in find(view)]

    if cap:
        # the Detector is frozen and declared once; a benchmark may swap its function for a run
        object.__setattr__(unmatched.UNMATCHED, "find", capped)


def main(argv=None) -> None:
    """Run the chosen benchmark with the synonym rule in place."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", help="the shared data folder (editor) or an MQM JSONL file (accuracy)")
    parser.add_argument("--benchmark", choices=("editor", "accuracy"), default="editor",
                        help="which benchmark to run with the rule in place; other options go to it")
    parser.add_argument("--rule", choices=("none", "matched", "anywhere"), default="matched")
    parser.add_argument("--cap", action="store_true", help="show synonyms as minor instead of dropping them")
    args, rest = parser.parse_known_args(argv)
    install(args.rule, args.cap)
    if args.benchmark == "editor":
        from .editor import main as run
    else:
        from .accuracy import main as run
    run([args.data, *rest])


if __name__ == "__main__":
    main()
