"""The pipeline with a fake embedder: alignment of documents, unmatched sentences, references."""
import pytest

from mtcheck.run import check
from mtcheck.settings import Settings


def files(tmp_path, **texts):
    paths = {}
    for name, text in texts.items():
        paths[name] = tmp_path / f"{name}.txt"
        paths[name].write_text(text, encoding="utf-8")
    return paths


def test_untranslated_reference_sentence_is_an_omission(tmp_path, fake_embedder):
    p = files(tmp_path,
              hyp="Alpha beta gamma delta. Kappa lambda mu nu.",
              ref="Alpha beta gamma delta. Omicron pi rho sigma tau. Kappa lambda mu nu.")
    run = check(p["hyp"], [p["ref"]], embedder=fake_embedder)
    segs = run.segments
    assert [s.alignment for s in segs] == ["1-1", "0-1", "1-1"]
    omission = segs[1].flags[0]
    assert (omission.kind, omission.start, omission.end) == ("omission", 0, 0)
    assert omission.suggestion == "Omicron pi rho sigma tau."
    assert segs[0].flags == () and segs[2].flags == ()


def test_added_translation_sentence_is_unaligned(tmp_path, fake_embedder):
    p = files(tmp_path, hyp="Alpha beta gamma. Zeta eta theta iota. Kappa lambda mu.",
              ref="Alpha beta gamma. Kappa lambda mu.")
    segs = check(p["hyp"], [p["ref"]], embedder=fake_embedder).segments
    assert [(s.alignment, [f.kind for f in s.flags]) for s in segs] == [
        ("1-1", []), ("1-0", ["unaligned"]), ("1-1", [])]
    assert segs[1].flags[0].text == "Zeta eta theta iota."


def test_second_reference_is_aligned_and_used(tmp_path, fake_embedder):
    p = files(tmp_path, hyp="Then Ilon Musk spoke. The weather is fine.",
              ref="Then someone spoke. The weather is fine.",
              ref2="The weather is fine. Then Elon Musk spoke.")
    segs = check(p["hyp"], [p["ref"], p["ref2"]], embedder=fake_embedder).segments
    assert [s.references for s in segs] == [
        ("Then someone spoke.", "Then Elon Musk spoke."),
        ("The weather is fine.", "The weather is fine.")]
    assert [(f.text, f.suggestion) for f in segs[0].flags] == [("Ilon", "Elon")]


def test_ter_only_on_request(tmp_path, fake_embedder):
    p = files(tmp_path, hyp="Alpha beta.", ref="Alpha beta.")
    assert check(p["hyp"], [p["ref"]], embedder=fake_embedder).corpus.ter is None
    run = check(p["hyp"], [p["ref"]], embedder=fake_embedder, settings=Settings(ter=True))
    assert run.corpus.ter == pytest.approx(0.0) and "ter" in run.meta["sacrebleu"]


def test_each_distinct_text_is_encoded_once(tmp_path, fake_embedder):
    p = files(tmp_path, hyp="Same words here.\nSame words here.", ref="Same words here.\nSame words here.")
    check(p["hyp"], [p["ref"]], embedder=fake_embedder, settings=Settings(line_aligned=True))
    encoded = [t for call in fake_embedder.calls for t in call]
    assert encoded.count("Same words here.") == 1


def test_document_source_is_vocabulary_not_a_column(tmp_path, fake_embedder):
    p = files(tmp_path, hyp="The kwazle arrived. All is well.", ref="The visitor arrived. All is well.",
              src="Der kwazle kam. Alles gut.")
    run = check(p["hyp"], [p["ref"]], source=p["src"], embedder=fake_embedder)
    assert all(s.source is None for s in run.segments)
    kinds = [f.kind for s in run.segments for f in s.flags]
    assert "non-word" not in kinds and kinds == ["mistranslation"]


@pytest.mark.parametrize("lengths,size,chars,expected", [
    ([10, 10, 10], 2, 1000, [2, 1]),          # by count
    ([10, 10, 10], 10, 25, [2, 1]),           # by characters
    ([50, 10, 10], 10, 25, [1, 2]),           # a unit longer than the budget goes alone
    ([], 10, 25, []),
])
def test_chunks_are_bounded_by_count_and_characters(lengths, size, chars, expected):
    from mtcheck.chunks import chunks
    from mtcheck.sentences import Segment

    units = [Segment(str(k), "h" * (n // 2), ("r" * (n - n // 2),), 0, 1, 1, "1-1") for k, n in enumerate(lengths)]
    got = list(chunks(iter(units), size, chars))
    assert [len(c) for c in got] == expected
    assert [u for c in got for u in c] == units


@pytest.mark.parametrize("enabled_before", [True, False])
def test_collector_paused_during_a_chunk_and_restored_after(fake_embedder, enabled_before):
    import gc

    from mtcheck.io import Record
    from mtcheck.run import check_records

    seen = []
    encode = fake_embedder.encode
    fake_embedder.encode = lambda texts: (seen.append(gc.isenabled()), encode(texts))[1]
    (gc.enable if enabled_before else gc.disable)()
    try:
        check_records([Record("1", "A cat sat.", ("A cat sat.",), line=1)], embedder=fake_embedder)
        assert gc.isenabled() is enabled_before
    finally:
        gc.enable()
    assert seen[1:] == [False]  # the first call encodes the similarity baseline's sentences
