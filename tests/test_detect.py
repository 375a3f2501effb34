"""Detectors, as a table of (translation, reference, expected flags), with a fake embedder.

The fake embedder gives the same word similarity 1 and different words about 0, so these cases
test the detectors' logic, not the model's judgement.
"""
import pytest

from mtcheck.detect import build_view, detect
from mtcheck.results import Severity

C, M, m = Severity.CRITICAL, Severity.MAJOR, Severity.MINOR

CASES = [
    ("identical sentence is clean",
     "Opponents fear a common language.", "Opponents fear a common language.", None, []),
    ("invented word, suggestion from its neighbours",
     "Trump's special prutestry said hello.", "Trump's special envoy said hello.", None,
     [("prutestry", C, "non-word", "envoy")]),
    ("a rare word made from a known one is no non-word, though it may be a mistranslation",
     "The zipper is unsmooth.", "The zipper is stiff.", None,
     [("unsmooth", M, "mistranslation", "stiff")]),
    ("a word of the reference is never a non-word",
     "The zorblax arrived today.", "The zorblax arrived today.", None, []),
    ("a word of the source is never a non-word",
     "The kwazle arrived today.", "The visitor arrived today.", "Der kwazle kam heute.",
     [("kwazle", M, "mistranslation", "visitor")]),
    ("mangled name",
     "Then Ilon Musk spoke.", "Then Elon Musk spoke.", None,
     [("Ilon", M, "name-mismatch", "Elon")]),
    ("adjacent mangled names are one flag",
     "It was said by Stephen Whitkof today.", "It was said by Steve Witkoff today.", None,
     [("Stephen Whitkof", M, "name-mismatch", "Steve Witkoff")]),
    ("a pronoun is not a name", "Then I left it.", "Then It left it.", None, []),
    ("another form of a common word is not a misspelt name",
     "He was born in China.", "He was born Chinese.", None, [("China", M, "mistranslation", "Chinese")]),
    ("a name the reference gives in another form is not likened to another name there",
     "The Iranian agency IRNA reported it.", "Iran's agency IRNA reported it.", None,
     [("Iranian", M, "mistranslation", "Iran's")]),
    ("a name with one letter less is another transliteration of a little-known name: minor",
     "Then Kiril spoke.", "Then Kirill spoke.", None, [("Kiril", m, "name-mismatch", "Kirill")]),
    ("a well-known name misspelt is major, though the change is one vowel",
     "Then Ilon spoke.", "Then Elon spoke.", None, [("Ilon", M, "name-mismatch", "Elon")]),
    ("a name without its accents is the same name", "Minister Kubes resigned.", "Minister Kubeš resigned.", None, []),
    ("a letter without a combining mark, written plain", "Coach Djordjevic left.", "Coach Đorđević left.", None, []),
    ("a case ending left on a name is major", "Then Bojana spoke.", "Then Bojan spoke.", None,
     [("Bojana", M, "name-mismatch", "Bojan")]),
    ("typographic and straight apostrophes are one word", "So I’ll go.", "So I'll go.", None, []),
    ("a common word starting a sentence is not a name",
     "Opponents fear change.", "Opponent fears change.", None,
     [("Opponents", M, "mistranslation", "fears")]),
    ("number that the reference does not have",
     "He paid 12,000 dollars in 2021.", "He paid 12000 dollars in 2022.", None,
     [("2021", M, "number-mismatch", "2022")]),
    ("a single digit, as frequent as 'the', is still what the reference has for a number",
     "The economy grew by 5 percent.", "The economy grew by 3 percent.", None,
     [("5", M, "number-mismatch", "3")]),
    ("a number spelled out in the reference", "He called at 7 pm.", "He called at seven pm.", None, []),
    ("an ordinal and a numeral with a unit say the same number",
     "It came on the 3rd for 200rmb.", "It came on March 3 for 200 rmb.", None,
     []),
    ("a scaled number compares by value", "DNA with 3 billion pairs.", "DNA with three billion pairs.",
     None, []),
    ("a different scale is a different number", "They lost 3 million.", "They lost 3 billion.", None,
     [("3 million", M, "number-mismatch", "3 billion")]),
    ("the same amount in other words is still checked by value",
     "Some 189 million people.", "Some 0.192 billion people.", None,
     [("189 million", M, "number-mismatch", "0.192 billion")]),
    ("a thousands comma followed by a space still writes one number",
     "Between 100, 000 and 110, 000 enter daily.", "Between 100,000 and 110,000 enter daily.", None, []),
    ("two words swapped alone: minor",
     "He drew himself criticism.", "He drew criticism himself.", None,
     [("himself criticism", m, "word-order", "criticism himself")]),
    ("a day may stand on either side of its month",
     "The meeting is set for 8 July.", "The meeting is set for July 8.", None, []),
    ("a repeated word aligned to its other occurrence is no swap",
     "It appeared in the journal European Journal of Cardiology.",
     "It appeared in the European Journal of Cardiology.", None, []),
    ("the doer after its verb, in the source's order",
     "The declaration on the Baltic Sea signed both presidents.",
     "The two presidents signed a declaration on the Baltic Sea.", None,
     [("signed both presidents", M, "word-order", "presidents signed")]),
    ("a phrase before the name it describes, in the source's order",
     "The close to Trump Witkoff spoke today.", "Witkoff, who is close to Trump, spoke today.", None,
     [("close to Trump", M, "word-order", "Witkoff, who is close to Trump")]),
    ("a title before a name is English, though the reference says it after",
     "The former minister Novak spoke today.", "Novak, who was former minister, spoke today.", None, []),
    ("a phrase before another name than the one it describes",
     "The close to Trump Novak spoke today.", "Witkoff, who is close to Trump, spoke today.", None,
     [("Novak", M, "mistranslation", None)]),
    ("another name inside a possessive's phrase",
     "He compared Joe Biden's Trump administration today.",
     "He compared Joe Biden's administration with Trump's today.", None,
     [("Joe Biden's Trump administration", M, "word-order", "Joe Biden's administration with Trump's")]),
    ("a garbled span suggests the reference words of all it merged",
     "He opposed Joe Biden's Trump administration today.",
     "He contrasted Joe Biden's administration with Trump's today.", None,
     [("opposed Joe Biden's Trump administration", M, "garbled", "contrasted Joe Biden's administration with Trump's")]),
    ("a name of the noun inside a possessive's phrase is English",
     "Iran's IRNA news agency reported it.", "Iran's news agency IRNA reported it.", None, []),
    ("a doer after its verb is English after a quotation",
     '"We will win," said the coach.', '"We will win," the coach said.', None, []),
    ("the reference's noun before the verb is its object in a relative clause",
     "I bought a piano a month ago.", "The piano I bought a month ago is broken.", None, []),
    ("the reference's verb with an agent is a passive",
     "The committee approved the plan.", "The plan approved by the committee.", None, []),
    ("the reference's verb before a noun modifies it",
     "It uses advanced international equipment.", "It uses international advanced equipment.", None,
     [("advanced international", m, "word-order", "international advanced")]),
    ("a past fact where the reference has a modal",
     "The ministry said a new package was presented in June.",
     "The ministry said a new package would be presented in June.", None,
     [("was presented", M, "tense-modal", "would be presented")]),
    ("a relative clause with its doer after the verb, where the reference has it as the agent",
     "The party won, show the results, which on Sunday published the statistics office.",
     "The party won, according to results published by the statistics office on Sunday.", None,
     [("published the statistics", M, "word-order", "published by the statistics")]),
    ("a relative clause with its own subject before the verb is English",
     "The party won, show the results which the statistics office published.",
     "The party won, according to results published by the statistics office.", None, []),
    ("a relative clause whose object follows its verb, as in the reference",
     "It is the company which last year acquired the rival firm.",
     "It is the company which acquired the rival firm last year.", None, []),
    ("a deadline turned into a duration", "The plant will close until the end of March.",
     "The plant will close by the end of March.", None, [("until the end", M, "preposition", "by the end")]),
    ("a duration in both", "The line will remain closed until Friday.", "The line will remain closed until Friday.",
     None, []),
    ("'by' before other words is no deadline of the same time", "The plant will close until the end of March.",
     "The plant will close by the close of March.", None, []),
    ("'should' where the reference has a schedule", "Talks should start on Monday.",
     "Talks are due to start on Monday.", None, [("should start", m, "tense-modal", "due to start")]),
    ("'should' where the reference has it too", "Talks should start on Monday.", "Talks should start on Monday.",
     None, []),
    ("a time in the past said in the source's words", "He left before two years.", "He left two years ago.", None,
     [("before two years", m, "grammar", "two years ago")]),
    ("'before' a time that the reference has too", "He left before two years passed.",
     "He left before two years passed.", None, []),
    ("a share said in the source's words", "The party won ten from thirteen regions.",
     "The party won ten of thirteen regions.", None, [("ten from thirteen", m, "preposition", "ten of thirteen")]),
    ("a range is no share", "Prices rose from 10 to 13 percent.", "Prices rose from 10 to 13 percent.", None, []),
    ("a duration said in the source's words", "Heating was off on two days.", "Heating was off for two days.",
     None, [("on two days", m, "preposition", "for two days")]),
    ("'which' for a person", "The professor, which led the study, spoke.",
     "The professor, who led the study, spoke.", None, [("which", m, "pronoun", "who")]),
    ("'which' for a thing", "The study, which he led, ended.", "The study, which he led, ended.", None, []),
    ("a perfect where the reference has an obligation",
     "The changes have already been signed by the president.",
     "The changes still have to be signed by the president.", None,
     [("have already been signed", M, "tense-modal", "have to be signed")]),
    ("a perfect where the reference has a modal", "The results have been published.",
     "The results will be published.", None, [("have been published", M, "tense-modal", "will be published")]),
    ("a perfect under a modal keeps it", "The pollen would have been spread.", "The pollen would be spread.",
     None, []),
    ("a perfect where the reference has one too", "The law has been signed.", "The law has been signed.",
     None, []),
    ("a present may say what is generally so", "The path of light is bent.", "The path of light will be bent.",
     None, []),
    ("a hedge in the translation keeps the modal", "Maybe the plan was approved.",
     "Maybe the plan will be approved.", None, []),
    ("an adverb of manner may stand on either side",
     "Prices are rapidly increasing.", "Prices are increasing rapidly.", None, []),
    ("words in different phrases are not swapped",
     "It is fresh, mineral-rich water.", "It is mineral-rich fresh water.", None, []),
    ("clause turned inside out",
     "Witkoff called himself criticism for comments.", "Witkoff drew criticism himself for comments.",
     None, [("called himself criticism", M, "garbled", "drew criticism himself")]),
    ("function words alone are not flagged",
     "He went to the market.", "He went into a market.", None, []),
    ("doubled word: minor repetition, nothing to suggest",
     "He said the the envoy left.", "He said the envoy left.", None,
     [("the", m, "repetition", None)]),
    ("a doubled word that the reference has too",
     "He had had enough of it.", "He had had enough of it.", None, []),
    ("a grammatical doubled word",
     "She said that that plan failed.", "She said the plan failed.", None, []),
    ("a reduplicated name is no repetition",
     "Tian Tian spoke today.", "Tian Tian spoke today.", None, []),
    ("a loop: every copy after the first is one major flag",
     "No one called me no one called me no one called me today.", "Nobody called me today.", None,
     [("no one called me no one called me", M, "repetition", None)]),
    ("a short repetition set off by punctuation is left alone",
     "Go on, go on now.", "Continue now.", None, []),
    ("source script left in the translation",
     "The 小王子 is a book.", "The Little Prince is a book.", None,
     [("小王子", M, "untranslated", None)]),
    ("a whole translation in the source script",
     "小王子是一本书", "The Little Prince is a book.", "小王子是一本书",
     [("小王子是一本书", C, "untranslated", "The Little Prince is a book")]),
    ("source text in the reference's script, copied word for word",
     "On Tuesday the finance minister told reporters in Paris that le gouvernement va augmenter les impôts.",
     "On Tuesday the finance minister told reporters in Paris that the government will raise taxes.",
     "Mardi, le ministre a déclaré à Paris que le gouvernement va augmenter les impôts.",
     [("le gouvernement va augmenter les impôts", M, "untranslated", "the government will raise taxes")]),
    ("a whole translation copied from the source",
     "Le gouvernement va augmenter les impôts.", "The government will raise taxes.",
     "Le gouvernement va augmenter les impôts.",
     [("Le gouvernement va augmenter les impôts", C, "untranslated", "The government will raise taxes")]),
    ("two words shared with the source are a name or a title, not copied text",
     "He reads Le Monde daily.", "He reads the paper daily.", "Il lit Le Monde tous les jours.",
     [("Le Monde", M, "mistranslation", None)]),
    ("words the reference has are not copied, though the source has them too",
     "The Paris Saint-Germain coach left.", "The Paris Saint-Germain coach left.",
     "L'entraîneur du Paris Saint-Germain est parti.", []),
    ("a script that the reference uses too",
     "He wrote 小王子 in 1943.", "He wrote 小王子 in 1943.", None, []),
    ("the translation stops early",
     "Dmitriev said the talks had opened", 
     "Dmitriev said the talks had opened the prospect of discussing a way out of the war.", None,
     [("opened", M, "truncation", "the prospect of discussing a way out of the war")]),
    ("a short ending that the reference adds is no truncation",
     "He left early", "He left early, as ever.", None, []),
    ("a translation that ends its sentence was not cut off",
     "Dmitriev said the talks had opened.",
     "Dmitriev said the talks had opened the prospect of discussing a way out of the war.", None, []),
    ("a sentence ended before a stray symbol was not cut off",
     "And what is best to do? •", "And what is recommended to do?", None, []),
    ("a quote closed after the end of the sentence",
     'He said: "We opened."', 'He said: "We opened the talks."', None, []),
    ("a stray symbol does not end a sentence",
     "Dmitriev said the talks had opened •",
     "Dmitriev said the talks had opened the prospect of discussing a way out of the war.", None,
     [("opened", M, "truncation", "the prospect of discussing a way out of the war")]),
    ("a reference without an end gives no measure of truncation",
     "Dmitriev said the talks had opened",
     "Dmitriev said the talks had opened the prospect of discussing a way out of the war", None, []),
]


@pytest.mark.parametrize("name,hyp,ref,source,expected", CASES, ids=[c[0] for c in CASES])
def test_detect_table(fake_embedder, name, hyp, ref, source, expected):
    hyp_enc, ref_enc = fake_embedder.encode([hyp, ref])
    view = build_view(hyp, (ref,), hyp_enc, [ref_enc], source)
    flags = detect(view)
    # every flag's suggestion is part of the case: None says the flag suggests nothing
    assert [(f.text, f.severity, f.kind, f.suggestion) for f in flags] == expected
    for f in flags:
        assert hyp[f.start:f.end] == f.text  # offsets, not searching
        assert 0 < f.confidence <= 1
        assert f.message and "{" not in f.message


def test_untranslated_text_says_it_is_copied_from_the_source(fake_embedder):
    hyp, ref, src = "The 小王子 is a book.", "The Little Prince is a book.", "小王子是一本书"
    encs = fake_embedder.encode([hyp, ref])
    [flag] = detect(build_view(hyp, (ref,), encs[0], encs[1:], src))
    assert flag.kind == "untranslated" and "copied from the source" in flag.message


@pytest.mark.parametrize("similarity,expected", [
    (0.02, [("The cat sat on the mat with Ilon", C, "unrelated", "Stocks fell sharply in Tokyo today")]),
    (-0.3, [("The cat sat on the mat with Ilon", C, "unrelated", "Stocks fell sharply in Tokyo today")]),
    (0.5, [("cat sat", M, "mistranslation", "Stocks fell sharply"), ("mat", M, "mistranslation", "Tokyo"),
           ("Ilon", M, "mistranslation", "Tokyo")]),
    (None, [("cat sat", M, "mistranslation", "Stocks fell sharply"), ("mat", M, "mistranslation", "Tokyo"),
            ("Ilon", M, "mistranslation", "Tokyo")]),
])
def test_an_unrelated_translation_is_one_critical_flag(fake_embedder, similarity, expected):
    hyp, ref = "The cat sat on the mat with Ilon.", "Stocks fell sharply in Tokyo today."
    encs = fake_embedder.encode([hyp, ref])
    flags = detect(build_view(hyp, (ref,), encs[0], encs[1:], similarity=similarity))
    assert [(f.text, f.severity, f.kind, f.suggestion) for f in flags] == expected


def test_untranslated_text_is_said_untranslated_rather_than_unrelated(fake_embedder):
    hyp, ref = "小王子是一本书", "The Little Prince is a book."
    encs = fake_embedder.encode([hyp, ref])
    flags = detect(build_view(hyp, (ref,), encs[0], encs[1:], similarity=-0.05))
    assert [(f.kind, f.severity) for f in flags] == [("untranslated", C)]


def test_best_match_across_references(fake_embedder):
    hyp = "Then Ilon Musk spoke."
    refs = ("Then someone spoke.", "Then Elon Musk spoke.")
    encs = fake_embedder.encode([hyp, *refs])
    flags = detect(build_view(hyp, refs, encs[0], encs[1:]))
    assert [(f.text, f.suggestion) for f in flags] == [("Ilon", "Elon")]


def test_words_beyond_the_model_limit_are_not_flagged(fake_embedder):
    hyp = "Alpha beta gamma delta epsilon."
    ref = "Alpha zeta eta theta iota."
    hyp_enc, ref_enc = fake_embedder.encode([hyp, ref])
    # keep only the first token, as a model that truncates after one token would
    truncated = type(hyp_enc)(hyp_enc.sentence, hyp_enc.tokens[:1], hyp_enc.offsets[:1])
    view = build_view(hyp, (ref,), truncated, [ref_enc])
    assert view.matches[1:] == (None,) * 4
    assert detect(view) == ()


@pytest.mark.parametrize("text,offsets,expected", [
    ("Trump's envoy", [(0, 5), (5, 6), (6, 7), (8, 13)], [[0, 1, 2], [3]]),   # pieces of one word
    ("« Hi »", [(0, 1), (2, 4), (5, 6)], [[1]]),                                # punctuation is no word
    ("a bc", [(0, 1)], [[0], []]),                                              # truncated: no token
])
def test_pool_averages_the_pieces_of_each_word(text, offsets, expected):
    import numpy as np

    from mtcheck.words import pool, tokenize

    rng = np.random.default_rng(0)
    tokens = rng.standard_normal((len(offsets), 8)).astype(np.float32)
    got = pool(tokenize(text), tuple(offsets), tokens)
    for row, pieces in zip(got, expected):
        if not pieces:
            assert not row.any()
            continue
        mean = tokens[pieces].mean(axis=0)
        assert np.allclose(row, mean / np.linalg.norm(mean), atol=1e-6)


@pytest.mark.parametrize("word,expected", [
    ("envoy", "LATIN"), ("Señor", "LATIN"), ("小王子", "CJK"), ("Путин", "CYRILLIC"),
    ("한국", "HANGUL"), ("αβ", "GREEK"), ("2022", None), ("µm", None), ("Ａ", None),
])
def test_script_of_a_word(word, expected):
    from mtcheck.detect.untranslated import script

    assert script(word) == expected


@pytest.mark.parametrize("hyp,ref,matches,expected", [
    # "JEEP" aligned with the first of the reference's two: swapped, but the reference has the
    # pair in the translation's order too
    ("FANDUN JEEP clothing", "JEEP (FANDUN JEEP) clothing", [(0, 1), (0, 0), (0, 3)], []),
    ("FANDUN JEEP clothing", "JEEP FANDUN clothing", [(0, 1), (0, 0), (0, 2)], [(0, 1)]),
])
def test_inversions_need_a_swap_that_no_reference_has(hyp, ref, matches, expected):
    from mtcheck.detect.base import SegmentView
    from mtcheck.detect.order import find_inversions
    from mtcheck.detect.wordalign import Match
    from mtcheck.words import tokenize

    view = SegmentView(hyp, (ref,), tokenize(hyp), (tokenize(ref),),
                       tuple(Match(k, j, 1.0, True) for k, j in matches))
    assert [(f.first, f.last) for f in find_inversions(view)] == expected


@pytest.mark.parametrize("case,hyp,ref,pairs,expected", [
    ("a name after the verb, where the reference's name is its doer before a relative clause",
     "The talks, also said Steve Witkoff, were useful.",
     "Steve Witkoff, who led the talks, said they were useful.", {}, ["said Steve Witkoff"]),
    ("a verb's synonym in the past, a name spelt otherwise: the verb alone, the name has its own flag",
     "The talks, also stated Stephen Whitkof, were useful.",
     "Steve Witkoff, who led the talks, said they were useful.",
     {"stated": "said", "Stephen": "Steve", "Whitkof": "Witkoff"}, ["stated"]),
    ("a name the alignment left unmatched is found by its spelling",
     "The talks, also stated Stephen Whitkof, were useful.",
     "Steve Witkoff, who led the talks, said they were useful.", {"stated": "said"}, ["stated"]),
    ("a verb that is no synonym is another statement",
     "The talks, also denied Steve Witkoff, were useful.",
     "Steve Witkoff, who led the talks, said they were useful.", {"denied": "said"}, []),
    ("a name in another sentence is no doer of the verb",
     "The talks, also said Steve Witkoff, were useful.",
     "Steve Witkoff led the talks. The minister said they were useful.", {}, []),
    ("after a quotation the order is English",
     '"It went well," said Steve Witkoff.', 'Steve Witkoff, who led the talks, said "it went well."', {}, []),
])
def test_a_name_after_its_verb(case, hyp, ref, pairs, expected):
    from mtcheck.detect.base import SegmentView
    from mtcheck.detect.inversion import find_inversions
    from mtcheck.detect.wordalign import Match
    from mtcheck.words import tokenize

    hyp_words, ref_words = tokenize(hyp), tokenize(ref)
    index = {w.text: j for j, w in reversed(list(enumerate(ref_words)))}  # a word's first place
    # each word matched to the same word of the reference, or to the one the case pairs it with
    matches = tuple(Match(0, index[pairs.get(w.text, w.text)], 0.8, w.text in index) if pairs.get(w.text, w.text) in index
                    else None for w in hyp_words)
    view = SegmentView(hyp, (ref,), hyp_words, (ref_words,), matches)
    assert [hyp[hyp_words[f.first].start:hyp_words[f.last].end] for f in find_inversions(view)] == expected


@pytest.mark.parametrize("case,hyp,ref,matches,expected", [
    ("a passive where the reference is active, the words in one order",
     "Croatia defeated by Denmark", "Croatia beat Denmark", [(0, 1), (1, 0), None, (2, 1)],
     ["Croatia defeated by Denmark"]),
    ("with its auxiliary", "Croatia was defeated by Denmark", "Croatia beat Denmark",
     [(0, 1), None, (1, 0), None, (2, 1)], ["Croatia was defeated by Denmark"]),
    ("a passive for an active the other way round keeps the roles",
     "Denmark was defeated by Croatia", "Croatia beat Denmark", [(2, 1), None, (1, 0), None, (0, 1)], []),
    ("an object relative in the reference keeps the roles",
     "the level advocated by TED", "the level that TED advocates", [(0, 1), (1, 1), (4, 0), None, (3, 1)], []),
    ("the reference's verb elsewhere", "Croatia defeated by Denmark", "Croatia fans Denmark beat",
     [(0, 1), (3, 0), None, (2, 1)], []),
    ("a relative pronoun in the reference between the two", "Croatia defeated by Denmark",
     "Croatia who beat Denmark", [(0, 1), (2, 0), None, (3, 1)], []),
])
def test_a_passive_for_an_active_turns_the_roles(case, hyp, ref, matches, expected):
    from mtcheck.detect.base import SegmentView
    from mtcheck.detect.voice import find_voice_flips
    from mtcheck.detect.wordalign import Match
    from mtcheck.words import tokenize

    view = SegmentView(hyp, (ref,), tokenize(hyp), (tokenize(ref),),
                       tuple(Match(0, m[0], 0.9, bool(m[1])) if m else None for m in matches))
    words = view.hyp_words
    assert [hyp[words[f.first].start:words[f.last].end] for f in find_voice_flips(view)] == expected


SWAP_HYP = "The Polish president said that Germany will help the Polish brigade."
SWAP_REF = "The Polish president said Poland would help the German brigade."
# (ref word, same form) for each translation word; "that" matches nothing
SWAP_MATCHES = [(0, 1), (1, 1), (2, 1), (3, 1), None, (8, 0), (5, 0), (6, 1), (7, 1), (1, 1), (9, 1)]


@pytest.mark.parametrize("case,ref,matches,expected", [
    ("a name matched in its other form elsewhere, another name in its place", SWAP_REF, SWAP_MATCHES,
     [("Germany", "Poland")]),
    ("the other name is matched by a word of the translation", SWAP_REF,
     SWAP_MATCHES[:9] + [(4, 0)] + SWAP_MATCHES[10:], []),
    ("the name in its place is another spelling of this one",
     "The Polish president said Germani would help the German brigade.", SWAP_MATCHES, []),
    ("the word's own match stands in the place", "The Polish president said German Poles would help the Polish brigade.",
     [(0, 1), (1, 1), (2, 1), (3, 1), None, (4, 0), (6, 0), (7, 1), (8, 1), (9, 1), (10, 1)], []),
])
def test_a_name_in_another_names_place(case, ref, matches, expected):
    from mtcheck.detect.base import SegmentView
    from mtcheck.detect.entities import find_entity_swaps
    from mtcheck.detect.wordalign import Match
    from mtcheck.words import tokenize

    view = SegmentView(SWAP_HYP, (ref,), tokenize(SWAP_HYP), (tokenize(ref),),
                       tuple(Match(0, m[0], 0.9, bool(m[1])) if m else None for m in matches))
    ref_words = view.ref_words[0]
    assert [(view.hyp_words[f.first].text, " ".join(w.text for w in ref_words[f.ref_span[1]:f.ref_span[2] + 1]))
            for f in find_entity_swaps(view)] == expected


@pytest.mark.parametrize("word,lang,expected", [
    ("seven", "en", 7.0), ("twenty-five", "en", 25.0), ("dozen", "en", 12.0), ("ninety", "en", 90.0),
    ("fifty-fifty", "en", None), ("seven-up", "en", None), ("envoy", "en", None), ("sieben", "de", None),
])
def test_number_words_have_values(word, lang, expected):
    from mtcheck.detect.numbers import _spelled

    assert _spelled(word, lang) == expected


@pytest.mark.parametrize("word,expected", [
    ("unsmooth", True), ("blowable", True), ("dignifiedly", True), ("happily", True),
    ("prutestry", False), ("playqq", False), ("unxq", False), ("sly", False),
])
def test_derived_words_are_known_words_with_an_affix(word, expected):
    from mtcheck.detect.nonwords import _derived

    assert _derived(word, "en") is expected


@pytest.mark.parametrize("length,word,near,far,expected", [
    # a sentence: a rival 12 words off costs 0.09, more than its 0.08 lead
    (20, 2, 3, 14, 3),
    # a sentence, a rival 2 words off costs 0.015 and wins on its lead
    (20, 2, 3, 4, 4),
    # a paragraph: a rival 60 words off, in another sentence, costs the full 0.15
    (200, 10, 11, 70, 11),
    # a paragraph, a rival 5 words off costs as much as in a 40-word sentence and wins
    (200, 10, 11, 15, 15),
])
def test_distortion_is_counted_in_words_up_to_a_sentence(length, word, near, far, expected):
    """A match far from the diagonal costs as much in a paragraph as in a sentence."""
    import numpy as np

    from mtcheck.detect.wordalign import align_words
    from mtcheck.words import tokenize

    hyp = tokenize(" ".join(f"h{i}" for i in range(length)))
    ref = tokenize(" ".join(f"r{j}" for j in range(length)))
    sims = np.zeros((length, length))
    sims[word, near], sims[word, far] = 0.30, 0.38
    # identity rows for the translation make each product row the designed similarities
    matches = align_words(hyp, np.eye(length), (ref,), (sims.T.copy(),))
    assert matches[word].word == expected


@pytest.mark.parametrize("hyp,ref,expected", [
    ("serhii", "serhiy", True),     # the official Ukrainian romanisation and the older one
    ("shapira", "shapiro", True),   # one vowel changed
    ("haim", "chaim", True),        # ch for h at the start
    ("assaf", "asaf", True),        # a doubled letter
    ("yonatan", "jonathan", True),  # j for y, th for t
    ("yannis", "giannis", True),
    ("binyamin", "benjamin", True),
    ("sofi", "sophie", True),       # ph for f, a vowel left out at the end of the reference's
    ("kalish", "kalisch", True),
    ("ilon", "elon", True),         # a transliteration, but of a well-known name (see _severity)
    ("whitkoff", "witkoff", False),  # an added consonant is a misspelling
    ("zupana", "zupan", False),     # a case ending
    ("tamme", "tamm", False),
    ("pavel", "pavlo", False),      # the Russian form for the Ukrainian one
    ("artyomov", "artemov", False),
    ("volodimir", "volodymyr", False),  # two letters changed
    ("kelloge", "kellogg", False),
    ("yiftah", "yiftach", True),    # ch for h inside the name too (Hebrew chet)
    ("yeftah", "yiftach", True),
    ("sophie", "sofi", False),      # a vowel added at the end: a case ending, unless...
    ("hatzala", "hazalah", True),   # tz for z, and a final h after a
    ("sara", "sarah", True),
    ("hanah", "hanan", False),    # ... which is no other consonant
    ("barlev", "bar-lev", True),    # written joined or hyphenated
    ("o'neil", "oneil", True),
    ("bar-leva", "barlev", False),  # ... a case ending added still one
])
def test_transliterated(hyp, ref, expected):
    from mtcheck.detect.names import transliterated

    assert transliterated(hyp, ref) is expected


@pytest.mark.parametrize("hyp,ref,expected", [
    ("sophie", "sofi", True),   # ... the translation's spelling is a well-known name itself
    ("marie", "mari", True),    # (the caller decides that: _severity asks for zipf 3 or more)
    ("ali", "al", False),       # a two-letter name with a vowel added is another name
])
def test_a_well_known_spelling_may_add_a_final_vowel(hyp, ref, expected):
    from mtcheck.detect.names import transliterated

    assert transliterated(hyp, ref, attested=True) is expected


@pytest.mark.parametrize("hyp,ref,unknown", [
    ("at 9:30 p.m. and at 8 pm", "at 21:30 and at 20:00", []),   # a 12-hour clock after noon
    ("at 9:30 p.m.", "at 20:30", ["9"]),                          # ... the hour must be the same
    ("at 9:30 a.m.", "at 21:30", ["9"]),                          # a morning hour stays as it is
    ("at 12:15 p.m.", "at 12:15", []),
    ("at 21:30", "at 9:30 pm", []),                               # both ways round
    ("at 9:30", "at 21:30", ["9"]),                               # no clock said
    ("100, 000 and 110, 000", "100,000 and 110,000", []),         # a space after a thousands comma
    ("1, 200, 000 people", "1200000 people", []),
    ("100, 500 people", "100,000 people", ["100", "500"]),        # ... but not another number
    ("rooms 101, 102", "rooms 101 and 102", []),                  # a list stays a list
    ("100,000 people", "100, 000 people", []),                    # ... in the reference too
])
def test_numbers_read_by_what_they_say(hyp, ref, unknown):
    from mtcheck.detect.numbers import _groups, _is_known, _numbers_in
    from mtcheck.words import tokenize

    words, ref_words = tokenize(hyp), tokenize(ref)
    keys, values = _numbers_in(ref_words, "en", ref)
    groups = _groups(words, hyp)
    assert [w.text for i, w in enumerate(words)
            if w.is_number and not _is_known(words, i, "en", keys, values, groups.get(i))] == unknown


@pytest.mark.parametrize("hyp,ref,severity", [
    ("Sophie", "Sofi", "minor"),   # "Sophie" is a well-known name: another transliteration
    ("Tamme", "Tamm", "major"),    # "Tamme" is rare: a case ending left on
    ("Ilon", "Elon", "major"),
    ("Yiftah", "Yiftach", "minor"),
    ("Barlev", "Bar-Lev", "minor"),  # a name in parts is as little known as the whole, not as "bar"
])
def test_name_severity(hyp, ref, severity):
    from mtcheck.detect.names import _severity
    from mtcheck.words import tokenize

    assert _severity(tokenize(hyp)[0], tokenize(ref)[0], "en").value == severity


def test_word_alignment_in_blocks_matches_it_whole(monkeypatch):
    """A paragraph of thousands of words is aligned a block of rows at a time, with the same matches."""
    import numpy as np

    import mtcheck.detect.wordalign as wordalign
    from mtcheck.words import tokenize

    hyp = tokenize(" ".join(f"w{k % 37}" for k in range(300)))
    ref = tokenize(" ".join(f"w{k % 41}" for k in range(280)))
    rng = np.random.default_rng(1)
    hv, rv = rng.standard_normal((len(hyp), 16)), rng.standard_normal((len(ref), 16))
    whole = wordalign.align_words(hyp, hv, (ref,), (rv,))
    monkeypatch.setattr(wordalign, "BLOCK_CELLS", 500)  # two rows at a time
    blocked = wordalign.align_words(hyp, hv, (ref,), (rv,))
    assert [(m.word, m.same_form) for m in blocked] == [(m.word, m.same_form) for m in whole]
    assert np.allclose([m.similarity for m in blocked], [m.similarity for m in whole])


@pytest.mark.parametrize("hyp,similarity,unrelated", [
    ("The effect is okay.", 0.17, False),   # five words: a short text's vector is less sure
    ("The effect is okay.", 0.12, True),
    ("The effect of the new drug is okay.", 0.17, True),
])
def test_a_short_text_is_held_to_a_lower_cut_off_for_unrelated(fake_embedder, hyp, similarity, unrelated):
    ref = "The outcome is not poor."
    encs = fake_embedder.encode([hyp, ref])
    flags = detect(build_view(hyp, (ref,), encs[0], encs[1:], similarity=similarity))
    assert any(f.kind == "unrelated" for f in flags) is unrelated


@pytest.mark.parametrize("hyp,ref", [
    ("He compared Joe Biden's Trump administration today.", "He compared Joe Biden's administration with Trump's today."),
    ("The close to Trump Witkoff spoke today.", "Witkoff, who is close to Trump, spoke today."),
])
def test_the_english_structure_rules_leave_other_languages_alone(fake_embedder, hyp, ref):
    hyp_enc, ref_enc = fake_embedder.encode([hyp, ref])
    view = build_view(hyp, (ref,), hyp_enc, [ref_enc], lang="de")
    assert not any(f.kind == "word-order" for f in detect(view))
