"""Translation file formats: units read through translate-toolkit (and srt), flags on the right unit."""
from pathlib import Path

import pytest

from mtcheck.errors import InputError, UsageError
from mtcheck.run import check

DATA = Path(__file__).parent / "data" / "formats"

# file pair, the unit id that holds "Ilon", and the notes the reader must give
CASES = [
    ("xliff 1.2, inline <g> and <x/>, untranslated and needs-review units", "hyp.xlf", "ref.xlf",
     "news.txt::t1", ["1 unit(s) without a translation skipped", "1 fuzzy unit(s) checked and marked fuzzy"]),
    ("xliff 2.0, inline <pc>, untranslated unit", "hyp2.xlf", "ref2.xlf", "u1",
     ["1 unit(s) without a translation skipped"]),
    ("tmx with bpt/ept tags and a note, by tuid", "hyp.tmx", "ref.tmx", "2", []),
    ("po with context, plural forms, fuzzy and untranslated", "hyp.po", "ref.po",
     "%d fichier de Elon[1]", ["1 unit(s) without a translation skipped", "1 fuzzy unit(s) checked and marked fuzzy"]),
    ("srt with markup, by subtitle index", "hyp.srt", "ref.srt", "2", []),
]


@pytest.mark.parametrize("name,hyp,ref,unit_id,notes", CASES, ids=[c[0] for c in CASES])
def test_flag_lands_on_the_unit_and_offset(fake_embedder, name, hyp, ref, unit_id, notes):
    run = check(DATA / hyp, [DATA / ref], embedder=fake_embedder)
    doc = run.documents[0]
    assert doc.mode == "units" and list(doc.notes) == notes
    flagged = [(s.id, f.text, s.hypothesis[f.start:f.end]) for s in doc.segments for f in s.flags]
    assert flagged == [(unit_id, "Ilon", "Ilon")]


@pytest.mark.parametrize("hyp,ref,line", [("hyp.po", "ref.po", 18), ("hyp.srt", "ref.srt", 7)])
def test_po_and_srt_flags_are_on_the_line_of_their_translation(fake_embedder, hyp, ref, line):
    """The msgstr (of a plural form, msgstr[1]) or the subtitle's text line: in JSON and annotations."""
    from mtcheck.report.annotations import render_github_annotations

    run = check(DATA / hyp, [DATA / ref], embedder=fake_embedder)
    [segment] = [s for s in run.segments if s.flags]
    assert segment.line == line and segment.to_dict()["line"] == line
    assert f",line={line}," in render_github_annotations(run)


def test_xliff_units_keep_source_notes_and_lines(fake_embedder):
    doc = check(DATA / "hyp.xlf", [DATA / "ref.xlf"], embedder=fake_embedder).documents[0]
    first, second = doc.segments
    assert (first.hypothesis, first.source, first.line) == ("Then Ilon Musk spoke.", "Puis Elon Musk a parlé.", 5)
    assert first.extra == {"notes": "headline"}
    assert second.extra == {"fuzzy": True}


def test_tsv_batch(fake_embedder):
    doc = check(DATA / "batch.tsv", embedder=fake_embedder).documents[0]
    assert doc.mode == "batch"
    assert [(s.id, s.line, [f.text for f in s.flags], s.extra) for s in doc.segments] == [
        ("a", 2, ["Ilon"], {"system": "S1"}), ("b", 3, [], {"system": "S1"})]


@pytest.mark.parametrize("text,line,message", [
    ("hyp\treference\nx\ty\n", 1, "the header has no 'hypothesis' column"),
    ("hypothesis\treference\nx\ty\tz\n", 2, "has 3 columns but the header has 2 (hypothesis, "
     "reference); separate the columns with one tab each"),
    ("hypothesis\tref\nx\ty\n", 1, "the header has no 'reference' column; name one 'reference'"),
])
def test_bad_tsv(tmp_path, fake_embedder, text, line, message):
    path = tmp_path / "b.tsv"
    path.write_text(text)
    with pytest.raises(InputError) as err:
        check(path, embedder=fake_embedder)
    assert (err.value.line, err.value.message.startswith(message)) == (line, True)


def test_broken_xliff_is_an_input_error_at_its_line(tmp_path, fake_embedder):
    bad = tmp_path / "bad.xlf"
    bad.write_text("<xliff version='1.2'>\n<file><body>\n<trans-unit id='1'><target>x</trans-unit>\n")
    with pytest.raises(InputError, match="cannot read as XLIFF") as err:
        check(bad, [DATA / "ref.xlf"], embedder=fake_embedder)
    assert err.value.line == 3


def test_broken_po_is_an_input_error_at_its_line(tmp_path, fake_embedder):
    bad = tmp_path / "bad.po"
    bad.write_text('msgid "a"\nmsgstr "b"\n\nmsgid "c"\nmsgstr "d\n')
    with pytest.raises(InputError, match="cannot read as PO") as err:
        check(bad, [bad], embedder=fake_embedder)
    assert err.value.line == 5


def test_broken_srt_names_the_line_of_the_bad_subtitle(tmp_path, fake_embedder):
    bad = tmp_path / "bad.srt"
    bad.write_text("1\n00:00:01,000 --> 00:00:02,000\nHello\n\n2\n00:00:0x --> soon\nWorld\n")
    with pytest.raises(InputError) as err:
        check(bad, [bad], embedder=fake_embedder)
    assert (err.value.line, err.value.message.split(";")[0]) == (5, "cannot read as SRT: this subtitle is malformed")


def test_directory_of_translations_with_directory_of_references(tmp_path, fake_embedder):
    (tmp_path / "mt").mkdir()
    (tmp_path / "ref").mkdir()
    for name, hyp, ref in [("a.txt", "Then Ilon Musk spoke.", "Then Elon Musk spoke."),
                           ("b.txt", "All is well.", "All is well.")]:
        (tmp_path / "mt" / name).write_text(hyp)
        (tmp_path / "ref" / name).write_text(ref)
    run = check(tmp_path / "mt", [tmp_path / "ref"], embedder=fake_embedder)
    assert [(Path(d.path).name, len(d.segments), sum(d.flag_counts.values())) for d in run.documents] == [
        ("a.txt", 1, 1), ("b.txt", 1, 0)]
    glob_run = check(tmp_path / "mt" / "*.txt", [tmp_path / "ref"], embedder=fake_embedder)
    assert [d.path for d in glob_run.documents] == [d.path for d in run.documents]


def test_directory_needs_reference_directory(tmp_path, fake_embedder):
    (tmp_path / "mt").mkdir()
    (tmp_path / "mt" / "a.txt").write_text("x")
    with pytest.raises(UsageError, match="--reference must be a directory"):
        check(tmp_path / "mt", [DATA / "ref.srt"], embedder=fake_embedder)
    (tmp_path / "refs").mkdir()
    with pytest.raises(InputError, match="has no reference"):
        check(tmp_path / "mt", [tmp_path / "refs"], embedder=fake_embedder)
