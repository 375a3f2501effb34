"""Measure the glossary detector on the wire stories, with a glossary made from their references.

    python -m benchmarks.glossary_wire ../shared/data/wire_stories

No labelled set comes with a newsroom's glossary, so each story gets the one a style book would
hold for it: the names in its reference (runs of capitalised words that do not start a
sentence, and are not common words). The stories are then checked against that glossary alone
(no reference) and with the reference too. Scored by the set's rule: a gold span is found when
a house-style flag overlaps it on its line; a flag is right when it overlaps a gold span; a
flag on an ok paraphrase is a false alarm (the gold is exhaustive: a flag on no gold span is
wrong too).
"""
from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

COMMON_ZIPF = 4.5  # a capitalised word this common is a sentence's or a title's, not a name


def names_of(reference: str) -> list[str]:
    """Return the names a style book would list for a reference: runs of capitalised words."""
    from mtcheck.words import tokenize, zipf

    names: dict[str, None] = {}
    for line in reference.splitlines():
        words = tokenize(line)
        run: list = []
        for i, w in enumerate(list(words) + [None]):
            name = (w is not None and w.is_capitalized and not w.is_number and i > 0
                    and zipf(w.norm, "en") < COMMON_ZIPF)
            if name:
                run.append(w)
                continue
            if run:
                names[line[run[0].start:run[-1].end]] = None
            run = []
    return list(names)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("stories", type=Path)
    args = parser.parse_args()

    import mtcheck
    from mtcheck.embed.load import load_model
    from mtcheck.settings import Settings
    from mtcheck.words import load_frequencies

    load_frequencies("en")
    gold = json.loads((args.stories / "gold.json").read_text(encoding="utf-8"))
    embedder = load_model()
    totals = {mode: {"flags": 0, "right": 0, "on_ok": 0, "found": 0, "names_found": 0} for mode in ("alone", "with")}
    spans = names = oks = entries = 0
    with tempfile.TemporaryDirectory() as tmp:
        for story in gold["stories"]:
            mt, ref = args.stories / story["mt"], args.stories / story["ref"]
            glossary = Path(tmp) / (story["mt"] + ".tsv")
            found_names = names_of(ref.read_text(encoding="utf-8"))
            entries += len(found_names)
            glossary.write_text("term\n" + "\n".join(found_names) + "\n", encoding="utf-8")
            lines = mt.read_text(encoding="utf-8").splitlines()
            gold_spans = [(s["line"], *_where(lines, s["line"], s["text"]), s["category"]) for s in story["spans"]]
            ok_spans = [(o["line"], *_where(lines, o["line"], o["text"])) for o in story["ok_paraphrases"]]
            spans += len(gold_spans)
            names += sum(c == "name" for *_, c in gold_spans)
            oks += len(ok_spans)
            settings = Settings(glossaries=(str(glossary),), line_aligned=True)
            for mode, refs in (("alone", []), ("with", [ref])):
                run = mtcheck.check(mt, refs, settings=settings, embedder=embedder)
                flags = [(seg.position(f)[0], seg.position(f)[1] - 1, f) for d in run.documents
                         for seg in d.segments for f in seg.flags if f.kind == "house-style"]
                t = totals[mode]
                for line, col, f in flags:
                    end = col + len(f.text)
                    t["flags"] += 1
                    t["right"] += any(g[0] == line and g[1] < end and col < g[2] for g in gold_spans)
                    t["on_ok"] += any(o[0] == line and o[1] < end and col < o[2] for o in ok_spans)
                    if mode == "alone":
                        print(f"  {story['mt']}:{line}: {f.severity.value} \"{f.text}\" -> \"{f.suggestion}\"")
                hit = [g for g in gold_spans if any(line == g[0] and g[1] < col + len(f.text) and col < g[2]
                                                    for line, col, f in flags)]
                t["found"] += len(hit)
                t["names_found"] += sum(g[3] == "name" for g in hit)
    print(f"{len(gold['stories'])} stories, {entries} glossary entries from their references, {spans} gold spans "
          f"({names} of them names), {oks} ok paraphrases")
    for mode, t in totals.items():
        label = "glossary alone" if mode == "alone" else "with the reference"
        print(f"{label:<20} house-style flags {t['flags']:3} | right {t['right']:3} | on ok paraphrases "
              f"{t['on_ok']:2} | gold spans found {t['found']:3} (names {t['names_found']}/{names})")


def _where(lines: list[str], line: int, text: str) -> tuple[int, int]:
    """Return the 0-based columns [start, end) of a gold text on its line."""
    start = lines[line - 1].find(text)
    return (start, start + len(text)) if start >= 0 else (0, len(lines[line - 1]))


if __name__ == "__main__":
    main()
