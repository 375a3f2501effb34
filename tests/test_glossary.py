"""The house-style glossary: reading files, finding terms, the detector and its precedence."""
from __future__ import annotations

import pytest

from mtcheck.detect import build_view, detect
from mtcheck.errors import InputError
from mtcheck.glossary import Entry, Glossary, find_terms, missing_terms, read_glossary
from mtcheck.glossary.entry import checked
from mtcheck.results import Severity
from mtcheck.words import tokenize

ENTRIES = (
    Entry("Steve Witkoff", note="US special envoy"),
    Entry("Volodymyr Zelensky"),
    Entry("Kirill Dmitriev", sources=("Кирилл Дмитриев", "基里尔·德米特里耶夫")),
    Entry("Elon Musk"),
    Entry("Keith Kellogg"),
    Entry("Russian Direct Investment Fund"),
    Entry("special envoy", forbidden=("special messenger",)),
    Entry("Kyiv", sources=("Киев",), forbidden=("Kiev",), note="since 2019"),
    Entry("Bosnia-Herzegovina"),
    Entry("Kubeš"),
    Entry("agency"),
)
GLOSSARY = checked(Glossary(ENTRIES))


def found(text, attested=frozenset()):
    """Return (how, words found, suggestion) of every term found in a text but correct ones."""
    words = tokenize(text)
    return [(h.how, text[words[h.first].start:words[h.last].end], h.suggestion)
            for h in find_terms(text, words, GLOSSARY.index, attested) if h.how != "correct"]


MATCHING = [
    ("a correct rendering", "Steve Witkoff met Volodymyr Zelensky in Kyiv.", []),
    ("a possessive is the name", "Zelensky's aides and Steve Witkoff’s plane", []),
    ("a plural of a glossary term", "two special envoys and several agencies", []),
    ("a name split by a line break", "said Steve\nWitkoff on Monday", []),
    ("an added capital (a headline, a sentence start)", "Special Envoy Steve Witkoff", []),
    ("an all-capitals name", "STEVE WITKOFF arrived", []),
    ("a surname alone, correct", "Witkoff arrived; Dmitriev spoke.", []),
    ("a first name misspelt next to its surname", "Kiril Dmitriev spoke", [("near", "Kiril Dmitriev", "Kirill Dmitriev")]),
    ("both names misspelt", "President Volodimir Zelenski fears", [("near", "Volodimir Zelenski", "Volodymyr Zelensky")]),
    ("another first name, misspelt surname", "stated Stephen Whitkof, at a time",
     [("near", "Stephen Whitkof", "Steve Witkoff")]),
    ("a misspelt first name of a well-known name", "Ilon Musk wants Mars", [("near", "Ilon Musk", "Elon Musk")]),
    ("a misspelt surname alone", "The close to Trump Whitkoff said", [("partial", "Whitkoff", "Witkoff")]),
    ("a misspelt surname keeps its possessive", "Whitkoff's plane", [("partial", "Whitkoff's", "Witkoff's")]),
    ("a misspelt name keeps its possessive", "Kiril Dmitriev’s visit", [("near", "Kiril Dmitriev’s", "Kirill Dmitriev’s")]),
    ("a misspelt surname inside a hyphenated word", "the Whitkoff-Dmitriev talks",
     [("partial", "Whitkoff-Dmitriev", "Witkoff-Dmitriev")]),
    ("another person of the same first name", "Keith Keller and Steve Jobs", []),
    ("a common word is no misspelt name", "Steven Spielberg and Kelly", []),
    ("a name that the reference writes so is another name", "Keith Kellog", [], ),
    ("a forbidden variant", "talks in Kiev on Monday", [("forbidden", "Kiev", "Kyiv")]),
    ("a forbidden variant, possessive", "Kiev's mayor", [("forbidden", "Kiev's", "Kyiv's")]),
    ("a forbidden phrase, any case", "Trump's Special Messenger said", [("forbidden", "Special Messenger", "special envoy")]),
    ("a forbidden phrase across a line break", "the special\nmessenger said", [("forbidden", "special\nmessenger", "special envoy")]),
    ("words apart are no phrase", "special. Messenger", []),
    ("an invented word in place of a term's piece", "Trump's special prutestry said",
     [("garbled", "special prutestry", "special envoy")]),
    ("a real word in place of a term's piece is another term", "the special prosecutor said", []),
    ("a capital dropped", "the Russian direct investment fund said",
     [("style", "Russian direct investment fund", "Russian Direct Investment Fund")]),
    ("an accent dropped", "Kubes said", [("style", "Kubes", "Kubeš")]),
    ("a hyphen written as a space", "Bosnia Herzegovina voted", [("style", "Bosnia Herzegovina", "Bosnia-Herzegovina")]),
    ("a hyphen kept", "Bosnia-Herzegovina voted", []),
]


@pytest.mark.parametrize("name,text,expected", MATCHING, ids=[c[0] for c in MATCHING])
def test_finding_terms(name, text, expected):
    attested = frozenset({"kellog"}) if "reference writes" in name else frozenset()
    assert found(text, attested) == expected


def test_without_the_attested_spelling_the_same_name_is_a_near_miss():
    assert found("Keith Kellog") == [("near", "Keith Kellog", "Keith Kellogg")]


SOURCES = [
    ("a source term in another case", "Вчера КИРИЛЛ ДМИТРИЕВ сказал", {2: ("КИРИЛЛ ДМИТРИЕВ", 6)}),
    ("a source term in an unspaced script", "基里尔·德米特里耶夫表示", {2: ("基里尔·德米特里耶夫", 0)}),
    ("a word that merely contains a source term", "Киевский вокзал", {}),
    ("two source terms", "Киев и Кирилл Дмитриев", {7: ("Киев", 0), 2: ("Кирилл Дмитриев", 7)}),
]


@pytest.mark.parametrize("name,source,expected", SOURCES, ids=[c[0] for c in SOURCES])
def test_source_terms_in_a_source(name, source, expected):
    assert GLOSSARY.index.sources_in(source) == expected


MISSING = [
    ("rendered", "Kirill Dmitriev spoke.", []),
    ("misspelt: flagged where it stands instead", "Kiril Dmitriev spoke.", []),
    ("not rendered", "The head of the fund spoke.", [(2, "Кирилл Дмитриев", 0)]),
]


@pytest.mark.parametrize("name,text,expected", MISSING, ids=[c[0] for c in MISSING])
def test_missing_renderings(name, text, expected):
    assert missing_terms(text, tokenize(text), "Кирилл Дмитриев выступил.", GLOSSARY.index) == expected


def test_the_detector_flags_house_style_with_the_glossary_rendering(fake_embedder):
    hyp = "Trump's special messenger Stephen Whitkof met Kiril Dmitriev."
    ref = "Trump's special envoy Steve Witkoff met Kirill Dmitriev."
    encs = fake_embedder.encode([hyp, ref])
    flags = detect(build_view(hyp, (ref,), encs[0], encs[1:], glossary=GLOSSARY))
    assert [(f.text, f.severity, f.kind, f.suggestion, f.detector) for f in flags] == [
        ("special messenger", Severity.MAJOR, "house-style", "special envoy", "glossary"),
        ("Stephen Whitkof", Severity.MAJOR, "house-style", "Steve Witkoff", "glossary"),
        ("Kiril Dmitriev", Severity.MAJOR, "house-style", "Kirill Dmitriev", "glossary"),
    ]
    assert flags[1].message == ('"Stephen Whitkof" is a misspelling of "Steve Witkoff", as the house style writes it '
                                '(US special envoy)')
    for f in flags:
        assert hyp[f.start:f.end] == f.text


def test_without_a_glossary_the_names_detector_speaks(fake_embedder):
    hyp, ref = "Stephen Whitkof met Kiril Dmitriev.", "Steve Witkoff met Kirill Dmitriev."
    encs = fake_embedder.encode([hyp, ref])
    kinds = {f.kind for f in detect(build_view(hyp, (ref,), encs[0], encs[1:]))}
    assert "name-mismatch" in kinds and "house-style" not in kinds


def test_a_note_with_braces_is_shown_as_written(fake_embedder):
    glossary = Glossary((Entry("Kyiv", forbidden=("Kiev",), note="{not a field}"),))
    hyp, ref = "In Kiev.", "In Kyiv."
    encs = fake_embedder.encode([hyp, ref])
    [flag] = detect(build_view(hyp, (ref,), encs[0], encs[1:], glossary=glossary))
    assert flag.message == 'the house style writes "Kyiv", not "Kiev" ({not a field})'


TSV = "term\tsource\tforbidden\tnote\n# a comment\nKyiv\tКиев|Київ\tKiev\tsince 2019\n\nSteve Witkoff\t\t\tenvoy\n"
CSV = 'Term,Forbidden,Note\nKyiv,Kiev,"since 2019, by law"\n"Witkoff, Steve",,\n'


def test_reading_a_tsv_glossary(tmp_path):
    path = tmp_path / "house.tsv"
    path.write_text(TSV, encoding="utf-8")
    g = read_glossary(path)
    assert [(e.rendering, e.sources, e.forbidden, e.note, e.line) for e in g.entries] == [
        ("Kyiv", ("Киев", "Київ"), ("Kiev",), "since 2019", 3),
        ("Steve Witkoff", (), (), "envoy", 5),
    ]
    assert g.digest.startswith("house.tsv@") and len(g.digest) == len("house.tsv@") + 12


def test_reading_a_csv_glossary_with_quoted_commas(tmp_path):
    path = tmp_path / "house.csv"
    path.write_text(CSV, encoding="utf-8")
    assert [(e.rendering, e.forbidden, e.note) for e in read_glossary(path).entries] == [
        ("Kyiv", ("Kiev",), "since 2019, by law"), ("Witkoff, Steve", (), "")]


def _tbx(entries) -> bytes:
    """Return a TBX file written by translate-toolkit from entries, deprecated terms for forbidden ones."""
    from translate.storage import tbx

    store = tbx.tbxfile(sourcelanguage="ru", targetlanguage="en")
    for e in entries:
        unit = store.addsourceunit(e.sources[0] if e.sources else "")
        unit.set_source_terms(list(e.sources), "ru")
        unit.set_target_terms([e.rendering, *e.forbidden], "en")
        if e.note:
            unit.set_common_note(e.note, source=True)
    data = bytes(store)
    for f in (f for e in entries for f in e.forbidden):  # mark the forbidden variants deprecated
        data = data.replace(f"<term>{f}</term>".encode(), f'<term>{f}</term><termNote type="administrativeStatus">'
                            "deprecatedTerm-admn-sts</termNote>".encode())
    return data


def test_a_glossary_round_trips_through_tbx(tmp_path):
    tsv = tmp_path / "house.tsv"
    tsv.write_text(TSV, encoding="utf-8")
    entries = read_glossary(tsv).entries
    tbx = tmp_path / "house.tbx"
    tbx.write_bytes(_tbx(entries))
    again = read_glossary(tbx).entries
    assert [(e.rendering, e.sources, e.forbidden, e.note) for e in again] == \
        [(e.rendering, e.sources, e.forbidden, e.note) for e in entries]
    assert all(e.line for e in again)  # each concept knows its line


TBX_IN_ANOTHER_LANGUAGE = b"""<?xml version="1.0"?><martif type="TBX"><text><body>
<termEntry><langSet xml:lang="fr"><tig><term>Kiev</term></tig></langSet></termEntry>
</body></text></martif>"""

MALFORMED = [
    ("no term column", "house.tsv", "source\tnote\nКиев\tx\n", 1, "the header has no 'term' column"),
    ("an unknown column", "house.tsv", "term\tforbiden\nKyiv\tKiev\n", 1, "unknown column 'forbiden' in the header"),
    ("a row without a term", "house.tsv", "term\tnote\nKyiv\t\n\tjust a note\n", 3, "has no term"),
    ("more cells than columns", "house.tsv", "term\tnote\nKyiv\tx\ty\n", 2, "has 3 columns but the header has 2"),
    ("a term that forbids itself", "house.tsv", "term\tforbidden\nKyiv\tkyiv\n", 2, "forbids its own term 'Kyiv'"),
    ("a term without letters", "house.tsv", "term\n---\n", 2, "term '---' has no letters or digits"),
    ("a term far too long", "house.tsv", "term\n" + "a" * 201 + "\n", 2, "has a term of 201 characters"),
    ("entries that contradict each other", "house.tsv", "term\tforbidden\nKiev\t\nKyiv\tKiev\n", 3,
     'is forbidden here but required by the entry at'),
    ("a header and nothing more", "house.tsv", "term\tnote\n", None, "holds no glossary entries"),
    ("an unclosed CSV quote", "house.csv", 'term,note\nKyiv,"since\n', None, "cannot read as CSV"),
    ("broken TBX", "house.tbx", "<martif><text><body><termEntry>", 1, "cannot read as TBX"),
    ("TBX without the translation's language", "house.tbx", TBX_IN_ANOTHER_LANGUAGE.decode(), None,
     "holds no glossary entries"),
]


@pytest.mark.parametrize("name,filename,content,line,message", MALFORMED, ids=[c[0] for c in MALFORMED])
def test_malformed_glossaries_are_refused_with_their_line(tmp_path, name, filename, content, line, message):
    path = tmp_path / filename
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_glossary(path)
    assert err.value.path == str(path) and err.value.line == line
    assert message in err.value.message, err.value.message


def test_a_missing_glossary_is_refused(tmp_path):
    with pytest.raises(InputError, match="glossary not found"):
        read_glossary(tmp_path / "nope.tsv")


@pytest.mark.parametrize("term", ["O'Brien's", "Zelensky’s aides", "Bosnia-Herzegovina", "3.5 million", "Đorđević",
                                  "Straße", "Kubeš", "U.S. envoy", "Steve  Witkoff", "İstanbul", "Trump's", "co-chair"])
def test_the_quick_keys_of_a_term_are_its_pieces_keys(term):
    from mtcheck.glossary.terms import term_keys, term_pieces

    assert [k for k, _ in term_keys(term)] == [p.key for p in term_pieces(term)]
    assert [c for _, c in term_keys(term)] == [p.text[:1].isupper() for p in term_pieces(term)]


def test_a_glossary_changed_on_disk_is_read_again(tmp_path):
    path = tmp_path / "house.tsv"
    path.write_text("term\nKyiv\n", encoding="utf-8")
    first = read_glossary(path)
    assert read_glossary(path) is first  # read once per process while it is the same
    path.write_text("term\nKharkiv\n", encoding="utf-8")
    assert [e.rendering for e in read_glossary(path).entries] == ["Kharkiv"]


def test_an_unrelated_translation_keeps_its_house_style_flags(fake_embedder):
    hyp, ref = "The cat sat on the mat with Ilon Musk.", "Stocks fell sharply in Tokyo today."
    encs = fake_embedder.encode([hyp, ref])
    flags = detect(build_view(hyp, (ref,), encs[0], encs[1:], similarity=0.02, glossary=GLOSSARY))
    assert [(f.text, f.kind, f.suggestion) for f in flags] == [
        ("The cat sat on the mat with Ilon Musk", "unrelated", "Stocks fell sharply in Tokyo today"),
        ("Ilon Musk", "house-style", "Elon Musk")]
