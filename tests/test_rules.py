"""Unit tests of the extraction rules on parses written by hand.

Each sentence comes with its parse as a table (tests/handmade.py), so these
tests say what a rule does with a given parse and do not move when the spaCy
model does. The end-to-end tests through the model are in test_extract.py.
"""

from __future__ import annotations

import pytest
from handmade import extract_doc, hand, table_of
from spacy.tokens import Doc

from attribution.extract import Citation, Extraction
from attribution.extract.quotes import find_quotes
from attribution.extract.rules import RULES, Context, may_fire


def cited(ex: Extraction, cue: str) -> Citation:
    """The one citation whose cue reads ``cue``."""
    (c,) = [c for c in ex.citations if c.cue_text == cue]
    return c


def source_of(c: Citation) -> tuple[str, str, str]:
    """What a reader sees of the source: (as written, name, kind)."""
    assert c.source is not None
    return c.source.text, c.source.name, c.source.kind


def written(ex: Extraction, c: Citation, doc: Doc) -> str:
    """The source's whole noun phrase as written."""
    assert c.source is not None
    start, end = c.source.written
    return doc.text[start:end]


# --- the helper itself ------------------------------------------------------------


def test_hand_rebuilds_the_text_tags_and_tree():
    doc = hand(
        "Lind said so.\n\nIt rained.",
        """
        1 Lind   Lind   NNP PROPN 2 nsubj PERSON
        2 said   say    VBD VERB  0 ROOT
        3 so     so     RB  ADV   2 advmod
        4 .      .      .   PUNCT 2 punct
        5 It     it     PRP PRON  6 nsubj
        6 rained rain   VBD VERB  0 ROOT
        7 .      .      .   PUNCT 6 punct
        """,
    )
    assert doc.text == "Lind said so.\n\nIt rained."
    assert [s.text.strip() for s in doc.sents] == ["Lind said so.", "It rained."]
    assert [(e.text, e.label_) for e in doc.ents] == [("Lind", "PERSON")]
    said = doc[1]
    assert (said.lemma_, said.tag_, said.pos_, said.dep_) == ("say", "VBD", "VERB", "ROOT")
    assert [t.text for t in said.children] == ["Lind", "so", "."]
    assert doc[4].is_space and doc[0].is_stop is False and doc[5].is_stop


def test_table_of_reads_back_into_the_same_doc():
    doc = hand(
        "Ana Lind and Ole Dahl left.",
        """
        1 Ana  Ana  NNP PROPN 2 compound PERSON
        2 Lind Lind NNP PROPN 6 nsubj    PERSON
        3 and  and  CC  CCONJ 2 cc
        4 Ole  Ole  NNP PROPN 5 compound B-PERSON
        5 Dahl Dahl NNP PROPN 2 conj     PERSON
        6 left leave VBD VERB 0 ROOT
        7 .    .    .   PUNCT 6 punct
        """,
    )
    assert [e.text for e in doc.ents] == ["Ana Lind", "Ole Dahl"]
    again = hand(doc.text, table_of(doc))
    assert again.to_json() == doc.to_json()


def test_a_table_that_does_not_spell_the_text_is_refused():
    with pytest.raises(ValueError, match="malformed"):
        hand("Lind left.", "1 Lind Lind NNP PROPN 0")
    with pytest.raises(ValueError):
        hand("Lind left.", "1 Dahl Dahl NNP PROPN 2 nsubj\n2 left leave VBD VERB 0 ROOT")


# --- reporting verbs ----------------------------------------------------------------

SAID_THAT = hand(
    "Mayor Ana Lind said that the ferry would stop in May.",
    """
    1  Mayor Mayor NNP PROPN 3  compound
    2  Ana   Ana   NNP PROPN 3  compound PERSON
    3  Lind  Lind  NNP PROPN 4  nsubj    PERSON
    4  said  say   VBD VERB  0  ROOT
    5  that  that  IN  SCONJ 9  mark
    6  the   the   DT  DET   7  det
    7  ferry ferry NN  NOUN  9  nsubj
    8  would would MD  AUX   9  aux
    9  stop  stop  VB  VERB  4  ccomp
    10 in    in    IN  ADP   9  prep
    11 May   May   NNP PROPN 10 pobj     DATE
    12 .     .     .   PUNCT 4  punct
    """,
)


def test_said_that_cites_the_subject_for_the_clause():
    c = cited(extract_doc(SAID_THAT), "said")
    assert source_of(c) == ("Mayor Ana Lind", "Ana Lind", "person")
    assert (c.kind, c.medium, c.lemma) == ("indirect", "speech", "say")
    # The complementiser belongs to the cue, not to what was said.
    assert c.content_text == "the ferry would stop in May"
    assert c.citer is None


QUOTE_BEFORE = hand(
    "“The road is closed,” Lind said.",
    """
    1  “      "     ``  PUNCT 9 punct
    2  The    the   DT  DET   3 det
    3  road   road  NN  NOUN  4 nsubj
    4  is     be    VBZ AUX   9 ccomp
    5  closed close VBN VERB  4 acomp
    6  ,      ,     ,   PUNCT 9 punct
    7  ”      "     ''  PUNCT 9 punct
    8  Lind   Lind  NNP PROPN 9 nsubj  PERSON
    9  said   say   VBD VERB  0 ROOT
    10 .      .     .   PUNCT 9 punct
    """,
)


def test_a_quote_before_said_is_the_content_without_its_closing_comma():
    c = cited(extract_doc(QUOTE_BEFORE), "said")
    assert source_of(c) == ("Lind", "Lind", "person")
    assert c.kind == "direct"
    assert c.content_text == "The road is closed"


SAID_INVERTED = hand(
    "“The water is rising,” said Ole Dahl, a fisherman.",
    """
    1  “         "         ``  PUNCT 8  punct
    2  The       the       DT  DET   3  det
    3  water     water     NN  NOUN  5  nsubj
    4  is        be        VBZ AUX   5  aux
    5  rising    rise      VBG VERB  8  ccomp
    6  ,         ,         ,   PUNCT 8  punct
    7  ”         "         ''  PUNCT 8  punct
    8  said      say       VBD VERB  0  ROOT
    9  Ole       Ole       NNP PROPN 10 compound PERSON
    10 Dahl      Dahl      NNP PROPN 8  nsubj    PERSON
    11 ,         ,         ,   PUNCT 10 punct
    12 a         a         DT  DET   13 det
    13 fisherman fisherman NN  NOUN  10 appos
    14 .         .         .   PUNCT 8  punct
    """,
)


def test_said_before_its_subject_after_a_quote():
    ex = extract_doc(SAID_INVERTED)
    c = cited(ex, "said")
    assert source_of(c) == ("Ole Dahl", "Ole Dahl", "person")
    assert written(ex, c, SAID_INVERTED) == "Ole Dahl, a fisherman"
    assert (c.kind, c.content_text) == ("direct", "The water is rising")


# A mis-parse seen in real text: the opening mark hangs on the quoted verb and the
# quote's first phrase on "said", so the quoted clause starts outside the quote and
# leaves out part of it. The quote just before the reporting clause is the content.
QUOTE_SPLIT_BY_THE_PARSE = hand(
    "“In the morning, the road is closed,” the mayor said.",
    """
    1  “       "       ``  PUNCT 9  punct
    2  In      in      IN  ADP   14 prep
    3  the     the     DT  DET   4  det
    4  morning morning NN  NOUN  2  pobj    TIME
    5  ,       ,       ,   PUNCT 9  punct
    6  the     the     DT  DET   7  det
    7  road    road    NN  NOUN  9  nsubjpass
    8  is      be      VBZ AUX   9  auxpass
    9  closed  close   VBN VERB  14 ccomp
    10 ,       ,       ,   PUNCT 14 punct
    11 ”       "       ''  PUNCT 14 punct
    12 the     the     DT  DET   13 det
    13 mayor   mayor   NN  NOUN  14 nsubj
    14 said    say     VBD VERB  0  ROOT
    15 .       .       .   PUNCT 14 punct
    """,
)


def test_the_quote_just_before_the_reporting_clause_is_the_content_whatever_the_parse():
    c = cited(extract_doc(QUOTE_SPLIT_BY_THE_PARSE), "said")
    assert source_of(c) == ("the mayor", "the mayor", "anonymous")
    assert (c.kind, c.content_text) == ("direct", "In the morning, the road is closed")


MIXED_QUOTE = hand(
    "Bush called the plan “a mess,” Lind said.",
    """
    1  Bush   Bush   NNP PROPN 2  nsubj PERSON
    2  called call   VBD VERB  11 ccomp
    3  the    the    DT  DET   4  det
    4  plan   plan   NN  NOUN  2  dobj
    5  “      "      ``  PUNCT 7  punct
    6  a      a      DT  DET   7  det
    7  mess   mess   NN  NOUN  2  oprd
    8  ,      ,      ,   PUNCT 11 punct
    9  ”      "      ''  PUNCT 11 punct
    10 Lind   Lind   NNP PROPN 11 nsubj PERSON
    11 said   say    VBD VERB  0  ROOT
    12 .      .      .   PUNCT 11 punct
    """,
)


def test_a_clause_that_only_ends_in_a_quote_is_the_content_whole():
    c = cited(extract_doc(MIXED_QUOTE), "said")
    assert source_of(c) == ("Lind", "Lind", "person")
    assert c.content_text.startswith("Bush called the plan “a mess")


QUOTE_AFTER_COLON = hand(
    "Lind said: “The road is closed.”",
    """
    1  Lind   Lind  NNP PROPN 2 nsubj     PERSON
    2  said   say   VBD VERB  0 ROOT
    3  :      :     :   PUNCT 2 punct
    4  “      "     ``  PUNCT 2 punct
    5  The    the   DT  DET   6 det
    6  road   road  NN  NOUN  8 nsubjpass
    7  is     be    VBZ AUX   8 auxpass
    8  closed close VBN VERB  2 ccomp
    9  .      .     .   PUNCT 2 punct
    10 ”      "     ''  PUNCT 2 punct
    """,
)
QUOTE_AFTER_COMMA = hand(
    "Lind said, “The road is closed.”",
    """
    1  Lind   Lind  NNP PROPN 2 nsubj     PERSON
    2  said   say   VBD VERB  0 ROOT
    3  ,      ,     ,   PUNCT 2 punct
    4  “      "     ``  PUNCT 2 punct
    5  The    the   DT  DET   6 det
    6  road   road  NN  NOUN  8 nsubjpass
    7  is     be    VBZ AUX   8 auxpass
    8  closed close VBN VERB  2 ccomp
    9  .      .     .   PUNCT 2 punct
    10 ”      "     ''  PUNCT 2 punct
    """,
)


@pytest.mark.parametrize("doc", [QUOTE_AFTER_COLON, QUOTE_AFTER_COMMA], ids=["colon", "comma"])
def test_a_quote_after_said_is_the_content_whole(doc):
    c = cited(extract_doc(doc), "said")
    assert source_of(c) == ("Lind", "Lind", "person")
    assert (c.kind, c.content_text) == ("direct", "The road is closed.")


COLON_PARAGRAPH = hand(
    "Lund added: And from the council, nothing.",
    """
    1  Lund    Lund    NNP PROPN 2 nsubj     PERSON
    2  added   add     VBD VERB  0 ROOT
    3  :       :       :   PUNCT 2 punct
    4  And     and     CC  CCONJ 5 cc
    5  from    from    IN  ADP   2 prep
    6  the     the     DT  DET   7 det
    7  council council NN  NOUN  5 pobj
    8  ,       ,       ,   PUNCT 2 punct
    9  nothing nothing NN  PRON  2 dobj
    10 .       .       .   PUNCT 2 punct
    """,
)


def test_words_after_a_colon_with_no_clause_run_to_the_end_of_the_paragraph():
    c = cited(extract_doc(COLON_PARAGRAPH), "added")
    assert source_of(c) == ("Lund", "Lund", "person")
    assert c.content_text == "And from the council, nothing"


BETWEEN_COMMAS = hand(
    "The new bridge, Lund said, will open in the spring.",
    """
    1  The    the    DT  DET   3  det
    2  new    new    JJ  ADJ   3  amod
    3  bridge bridge NN  NOUN  9  nsubj
    4  ,      ,      ,   PUNCT 6  punct
    5  Lund   Lund   NNP PROPN 6  nsubj     PERSON
    6  said   say    VBD VERB  9  parataxis
    7  ,      ,      ,   PUNCT 6  punct
    8  will   will   MD  AUX   9  aux
    9  open   open   VB  VERB  0  ROOT
    10 in     in     IN  ADP   9  prep
    11 the    the    DT  DET   12 det       DATE
    12 spring spring NN  NOUN  10 pobj      DATE
    13 .      .      .   PUNCT 9  punct
    """,
)


def test_a_reporting_clause_between_commas_reports_its_host_in_two_parts():
    c = cited(extract_doc(BETWEEN_COMMAS), "said")
    assert source_of(c) == ("Lund", "Lund", "person")
    assert [BETWEEN_COMMAS.text[a:b] for a, b in c.content] == [
        "The new bridge",
        "will open in the spring",
    ]


TRAILING_REPORTER = hand(
    "The Ministry of Transport confirmed that the tunnel would reopen, the BBC reported.",
    """
    1  The       the       DT  DET   2  det      ORG
    2  Ministry  Ministry  NNP PROPN 5  nsubj    ORG
    3  of        of        IN  ADP   2  prep     ORG
    4  Transport Transport NNP PROPN 3  pobj     ORG
    5  confirmed confirm   VBD VERB  14 ccomp
    6  that      that      IN  SCONJ 10 mark
    7  the       the       DT  DET   8  det
    8  tunnel    tunnel    NN  NOUN  10 nsubj
    9  would     would     MD  AUX   10 aux
    10 reopen    reopen    VB  VERB  5  ccomp
    11 ,         ,         ,   PUNCT 14 punct
    12 the       the       DT  DET   13 det
    13 BBC       BBC       NNP PROPN 14 nsubj    ORG
    14 reported  report    VBD VERB  0  ROOT
    15 .         .         .   PUNCT 14 punct
    """,
)


def test_a_trailing_reporter_reports_the_clause_before_it_and_cites_its_source():
    ex = extract_doc(TRAILING_REPORTER)
    bbc, ministry = cited(ex, "reported"), cited(ex, "confirmed")
    assert source_of(bbc) == ("the BBC", "BBC", "outlet")
    assert bbc.content_text == "The Ministry of Transport confirmed that the tunnel would reopen"
    assert source_of(ministry) == (
        "The Ministry of Transport",
        "Ministry of Transport",
        "organisation",
    )
    assert ministry.content_text == "the tunnel would reopen"
    assert ministry.citer == bbc.source and ministry.nested


AS_REPORTED = hand(
    "The clip was filmed at dawn, but as Reuters reported Monday, it has spread widely.",
    """
    1  The      the     DT  DET   2  det
    2  clip     clip    NN  NOUN  4  nsubjpass
    3  was      be      VBD AUX   4  auxpass
    4  filmed   film    VBN VERB  0  ROOT
    5  at       at      IN  ADP   4  prep
    6  dawn     dawn    NN  NOUN  5  pobj      TIME
    7  ,        ,       ,   PUNCT 4  punct
    8  but      but     CC  CCONJ 4  cc
    9  as       as      IN  SCONJ 11 mark
    10 Reuters  Reuters NNP PROPN 11 nsubj     ORG
    11 reported report  VBD VERB  16 advcl
    12 Monday   Monday  NNP PROPN 11 npadvmod  DATE
    13 ,        ,       ,   PUNCT 16 punct
    14 it       it      PRP PRON  16 nsubj
    15 has      have    VBZ AUX   16 aux
    16 spread   spread  VBN VERB  4  conj
    17 widely   widely  RB  ADV   16 advmod
    18 .        .       .   PUNCT 16 punct
    """,
)


def test_as_x_reported_reports_the_clause_it_hangs_on():
    c = cited(extract_doc(AS_REPORTED), "reported")
    assert source_of(c) == ("Reuters", "Reuters", "outlet")
    assert c.content_text == "it has spread widely"


OFFICIALS = hand(
    "Officials said the dam was safe.",
    """
    1 Officials official NNS NOUN  2 nsubj
    2 said      say      VBD VERB  0 ROOT
    3 the       the      DT  DET   4 det
    4 dam       dam      NN  NOUN  5 nsubj
    5 was       be       VBD AUX   2 ccomp
    6 safe      safe     JJ  ADJ   5 acomp
    7 .         .        .   PUNCT 2 punct
    """,
)


def test_unnamed_officials_are_an_anonymous_source():
    c = cited(extract_doc(OFFICIALS), "said")
    assert source_of(c)[2] == "anonymous"
    assert c.source.text == "Officials" and c.content_text == "the dam was safe"


NOTHING_SAID = hand(
    "Nothing more was said about the ferry.",
    """
    1 Nothing nothing NN  PRON  4 nsubjpass
    2 more    more    RBR ADV   1 amod
    3 was     be      VBD AUX   4 auxpass
    4 said    say     VBN VERB  0 ROOT
    5 about   about   IN  ADP   4 prep
    6 the     the     DT  DET   7 det
    7 ferry   ferry   NN  NOUN  5 pobj
    8 .       .       .   PUNCT 4 punct
    """,
)


def test_said_with_nothing_reported_is_no_citation():
    assert extract_doc(NOTHING_SAID).citations == ()


# --- told, hearers and venues -----------------------------------------------------

TOLD_THAT = hand(
    "Local farmer Ivo Brandt told The Herald that the barn had burned down.",
    """
    1  Local  local  JJ  ADJ   2  amod
    2  farmer farmer NN  NOUN  4  compound
    3  Ivo    Ivo    NNP PROPN 4  compound PERSON
    4  Brandt Brandt NNP PROPN 5  nsubj    PERSON
    5  told   tell   VBD VERB  0  ROOT
    6  The    the    DT  DET   7  det      ORG
    7  Herald Herald NNP PROPN 5  dobj     ORG
    8  that   that   IN  SCONJ 12 mark
    9  the    the    DT  DET   10 det
    10 barn   barn   NN  NOUN  12 nsubj
    11 had    have   VBD AUX   12 aux
    12 burned burn   VBN VERB  5  ccomp
    13 down   down   RP  ADP   12 prt
    14 .      .      .   PUNCT 5  punct
    """,
)


def test_x_told_an_outlet_makes_the_outlet_the_citer():
    c = cited(extract_doc(TOLD_THAT), "told")
    assert source_of(c) == ("Local farmer Ivo Brandt", "Ivo Brandt", "person")
    assert c.citer is not None and (c.citer.name, c.citer.kind) == ("Herald", "outlet")
    assert c.content_text == "the barn had burned down"


TOLD_QUOTE = hand(
    "“We lost everything,” Brandt told the Herald.",
    """
    1  “          "          ``  PUNCT 8  punct
    2  We         we         PRP PRON  3  nsubj
    3  lost       lose       VBD VERB  8  ccomp
    4  everything everything NN  PRON  3  dobj
    5  ,          ,          ,   PUNCT 8  punct
    6  ”          "          ''  PUNCT 8  punct
    7  Brandt     Brandt     NNP PROPN 8  nsubj PERSON
    8  told       tell       VBD VERB  0  ROOT
    9  the        the        DT  DET   10 det   ORG
    10 Herald     Herald     NNP PROPN 8  dobj  ORG
    11 .          .          .   PUNCT 8  punct
    """,
)


def test_a_quote_told_to_an_outlet():
    c = cited(extract_doc(TOLD_QUOTE), "told")
    assert source_of(c) == ("Brandt", "Brandt", "person")
    assert c.citer is not None and c.citer.name == "Herald"
    assert (c.kind, c.content_text) == ("direct", "We lost everything")


TOLD_REPORTERS = hand(
    "Hale told reporters that the plan was dead.",
    """
    1 Hale      Hale     NNP PROPN 2 nsubj PERSON
    2 told      tell     VBD VERB  0 ROOT
    3 reporters reporter NNS NOUN  2 dobj
    4 that      that     IN  SCONJ 7 mark
    5 the       the      DT  DET   6 det
    6 plan      plan     NN  NOUN  7 nsubj
    7 was       be       VBD AUX   2 ccomp
    8 dead      dead     JJ  ADJ   7 acomp
    9 .         .        .   PUNCT 2 punct
    """,
)


def test_told_reporters_names_no_citer():
    c = cited(extract_doc(TOLD_REPORTERS), "told")
    assert source_of(c) == ("Hale", "Hale", "person")
    assert c.citer is None and c.content_text == "the plan was dead"


SAID_IN_AN_INTERVIEW = hand(
    "The mayor said in an interview with CNN that the ferry would run again.",
    """
    1  The       the       DT  DET   2  det
    2  mayor     mayor     NN  NOUN  3  nsubj
    3  said      say       VBD VERB  0  ROOT
    4  in        in        IN  ADP   3  prep
    5  an        an        DT  DET   6  det
    6  interview interview NN  NOUN  4  pobj
    7  with      with      IN  ADP   6  prep
    8  CNN       CNN       NNP PROPN 7  pobj   ORG
    9  that      that      IN  SCONJ 13 mark
    10 the       the       DT  DET   11 det
    11 ferry     ferry     NN  NOUN  13 nsubj
    12 would     would     MD  AUX   13 aux
    13 run       run       VB  VERB  3  ccomp
    14 again     again     RB  ADV   13 advmod
    15 .         .         .   PUNCT 3  punct
    """,
)


def test_said_in_an_interview_with_an_outlet_makes_the_outlet_the_citer():
    c = cited(extract_doc(SAID_IN_AN_INTERVIEW), "said")
    assert source_of(c) == ("The mayor", "the mayor", "anonymous")
    assert c.citer is not None and (c.citer.name, c.citer.kind) == ("CNN", "outlet")
    assert c.content_text == "the ferry would run again"


CITING = hand(
    "The Harbor Gazette, citing two officials, reported that the mill would close.",
    """
    1  The       the      DT  DET   3  det      ORG
    2  Harbor    Harbor   NNP PROPN 3  compound ORG
    3  Gazette   Gazette  NNP PROPN 9  nsubj    ORG
    4  ,         ,        ,   PUNCT 9  punct
    5  citing    cite     VBG VERB  9  advcl
    6  two       two      CD  NUM   7  nummod   CARDINAL
    7  officials official NNS NOUN  5  dobj
    8  ,         ,        ,   PUNCT 9  punct
    9  reported  report   VBD VERB  0  ROOT
    10 that      that     IN  SCONJ 14 mark
    11 the       the      DT  DET   12 det
    12 mill      mill     NN  NOUN  14 nsubj
    13 would     would    MD  AUX   14 aux
    14 close     close    VB  VERB  9  ccomp
    15 .         .        .   PUNCT 9  punct
    """,
)


def test_citing_sources_does_not_make_them_a_second_report():
    ex = extract_doc(CITING)
    (c,) = ex.citations
    assert c.cue_text == "reported"
    assert source_of(c) == ("The Harbor Gazette", "Harbor Gazette", "outlet")
    assert c.content_text == "the mill would close"


# --- according to, noun cues and posts ----------------------------------------------

ACCORDING_TO = hand(
    "The bridge will stay shut until May, according to the Coast Herald.",
    """
    1  The       the    DT  DET   2  det
    2  bridge    bridge NN  NOUN  4  nsubj
    3  will      will   MD  AUX   4  aux
    4  stay      stay   VB  VERB  0  ROOT
    5  shut      shut   JJ  ADJ   4  acomp
    6  until     until  IN  ADP   4  prep
    7  May       May    NNP PROPN 6  pobj     DATE
    8  ,         ,      ,   PUNCT 4  punct
    9  according accord VBG VERB  4  prep
    10 to        to     IN  ADP   9  prep
    11 the       the    DT  DET   13 det      ORG
    12 Coast     Coast  NNP PROPN 13 compound ORG
    13 Herald    Herald NNP PROPN 10 pobj     ORG
    14 .         .      .   PUNCT 4  punct
    """,
)


def test_according_to_an_outlet_attributes_the_host_clause():
    c = cited(extract_doc(ACCORDING_TO), "according to")
    assert source_of(c) == ("the Coast Herald", "Coast Herald", "outlet")
    assert (c.kind, c.lemma) == ("according-to", "according to")
    assert c.content_text == "The bridge will stay shut until May"


ACCORDING_TO_OFFICIALS = hand(
    "Two ferries were cancelled, according to officials.",
    """
    1 Two       two      CD  NUM   2 nummod    CARDINAL
    2 ferries   ferry    NNS NOUN  4 nsubjpass
    3 were      be       VBD AUX   4 auxpass
    4 cancelled cancel   VBN VERB  0 ROOT
    5 ,         ,        ,   PUNCT 4 punct
    6 according accord   VBG VERB  4 prep
    7 to        to       IN  ADP   6 prep
    8 officials official NNS NOUN  7 pobj
    9 .         .        .   PUNCT 4 punct
    """,
)


def test_according_to_officials_is_an_anonymous_source():
    c = cited(extract_doc(ACCORDING_TO_OFFICIALS), "according to")
    assert source_of(c) == ("officials", "officials", "anonymous")
    assert c.content_text == "Two ferries were cancelled"


IN_A_TWEET_BY = hand(
    "In a tweet by Hanna Ruud, the ferries were said to be full.",
    """
    1  In      in    IN  ADP   11 prep
    2  a       a     DT  DET   3  det
    3  tweet   tweet NN  NOUN  1  pobj
    4  by      by    IN  ADP   3  prep
    5  Hanna   Hanna NNP PROPN 6  compound  PERSON
    6  Ruud    Ruud  NNP PROPN 4  pobj      PERSON
    7  ,       ,     ,   PUNCT 11 punct
    8  the     the   DT  DET   9  det
    9  ferries ferry NNS NOUN  11 nsubjpass
    10 were    be    VBD AUX   11 auxpass
    11 said    say   VBN VERB  0  ROOT
    12 to      to    TO  PART  13 aux
    13 be      be    VB  AUX   11 xcomp
    14 full    full  JJ  ADJ   13 acomp
    15 .       .     .   PUNCT 11 punct
    """,
)


def test_in_a_tweet_by_x_makes_x_the_source_of_the_sentence():
    c = cited(extract_doc(IN_A_TWEET_BY), "tweet")
    assert source_of(c) == ("Hanna Ruud", "Hanna Ruud", "person")
    assert (c.kind, c.medium) == ("noun-cue", "tweet")
    assert c.content_text == "the ferries were said to be full"


THE_TWEET_READ = hand(
    "Hanna Ruud tweeted that the storm was near.\n\nThe tweet read: “Stay inside tonight.”",
    """
    1  Hanna   Hanna   NNP PROPN 2  compound PERSON
    2  Ruud    Ruud    NNP PROPN 3  nsubj    PERSON
    3  tweeted tweet   VBD VERB  0  ROOT
    4  that    that    IN  SCONJ 7  mark
    5  the     the     DT  DET   6  det
    6  storm   storm   NN  NOUN  7  nsubj
    7  was     be      VBD AUX   3  ccomp
    8  near    near    JJ  ADJ   7  acomp
    9  .       .       .   PUNCT 3  punct
    10 The     the     DT  DET   11 det
    11 tweet   tweet   NN  NOUN  12 nsubj
    12 read    read    VBD VERB  0  ROOT
    13 :       :       :   PUNCT 12 punct
    14 “       "       ``  PUNCT 12 punct
    15 Stay    stay    VB  VERB  12 ccomp
    16 inside  inside  RB  ADV   15 advmod
    17 tonight tonight NN  NOUN  15 npadvmod TIME
    18 .       .       .   PUNCT 12 punct
    19 ”       "       ''  PUNCT 12 punct
    """,
)


def test_the_tweet_read_quotes_the_author_of_the_tweet_before_it():
    ex = extract_doc(THE_TWEET_READ)
    tweeted, read = cited(ex, "tweeted"), cited(ex, "read")
    assert (tweeted.medium, tweeted.content_text) == ("tweet", "the storm was near")
    assert source_of(read) == ("The tweet", "Hanna Ruud", "person")
    assert (read.kind, read.content_text) == ("direct", "Stay inside tonight.")
    assert read.medium == "tweet"


# --- who the source is: appositions, datelines, pronouns --------------------------

APPOSITION = hand(
    "Petra Lind, the head of the ferry board, said the boats were old.",
    """
    1  Petra Petra NNP PROPN 2  compound PERSON
    2  Lind  Lind  NNP PROPN 11 nsubj    PERSON
    3  ,     ,     ,   PUNCT 2  punct
    4  the   the   DT  DET   5  det
    5  head  head  NN  NOUN  2  appos
    6  of    of    IN  ADP   5  prep
    7  the   the   DT  DET   9  det
    8  ferry ferry NN  NOUN  9  compound
    9  board board NN  NOUN  6  pobj
    10 ,     ,     ,   PUNCT 2  punct
    11 said  say   VBD VERB  0  ROOT
    12 the   the   DT  DET   13 det
    13 boats boat  NNS NOUN  14 nsubj
    14 were  be    VBD AUX   11 ccomp
    15 old   old   JJ  ADJ   14 acomp
    16 .     .     .   PUNCT 11 punct
    """,
)


def test_an_apposition_stays_in_the_written_source_not_in_its_name():
    ex = extract_doc(APPOSITION)
    c = cited(ex, "said")
    assert source_of(c) == ("Petra Lind", "Petra Lind", "person")
    assert written(ex, c, APPOSITION) == "Petra Lind, the head of the ferry board"
    assert c.content_text == "the boats were old"


DATELINE = hand(
    "HARBORTON (AP) — Mayor Ann Ray said the road was closed.",
    """
    1  HARBORTON HARBORTON NNP   PROPN 0  ROOT      GPE
    2  (         (         -LRB- PUNCT 1  punct
    3  AP        AP        NNP   PROPN 1  appos     ORG
    4  )         )         -RRB- PUNCT 1  punct
    5  —         —         :     PUNCT 1  punct
    6  Mayor     Mayor     NNP   PROPN 8  compound
    7  Ann       Ann       NNP   PROPN 8  compound  PERSON
    8  Ray       Ray       NNP   PROPN 9  nsubj     PERSON
    9  said      say       VBD   VERB  0  ROOT
    10 the       the       DT    DET   11 det
    11 road      road      NN    NOUN  13 nsubjpass
    12 was       be        VBD   AUX   13 auxpass
    13 closed    close     VBN   VERB  9  ccomp
    14 .         .         .     PUNCT 9  punct
    """,
)


def test_a_dateline_is_neither_source_nor_citer():
    (c,) = extract_doc(DATELINE).citations
    assert source_of(c) == ("Mayor Ann Ray", "Ann Ray", "person")
    assert c.citer is None and c.content_text == "the road was closed"


# The parser sometimes makes the dateline's place the subject and the speaker its
# apposition; the speaker is what is left of the phrase after the dateline.
DATELINE_AS_SUBJECT = hand(
    "HARBORTON (AP) — Mayor Ann Ray said the road was closed.",
    """
    1  HARBORTON HARBORTON NNP   PROPN 9  nsubj     GPE
    2  (         (         -LRB- PUNCT 1  punct
    3  AP        AP        NNP   PROPN 1  appos     ORG
    4  )         )         -RRB- PUNCT 1  punct
    5  —         —         :     PUNCT 1  punct
    6  Mayor     Mayor     NNP   PROPN 8  compound
    7  Ann       Ann       NNP   PROPN 8  compound  PERSON
    8  Ray       Ray       NNP   PROPN 1  appos     PERSON
    9  said      say       VBD   VERB  0  ROOT
    10 the       the       DT    DET   11 det
    11 road      road      NN    NOUN  13 nsubjpass
    12 was       be        VBD   AUX   13 auxpass
    13 closed    close     VBN   VERB  9  ccomp
    14 .         .         .     PUNCT 9  punct
    """,
)


def test_a_speaker_parsed_as_the_datelines_apposition_is_still_the_source():
    (c,) = extract_doc(DATELINE_AS_SUBJECT).citations
    assert c.source is not None and c.source.text == "Mayor Ann Ray"
    assert "HARBORTON" not in c.source.name and "AP" not in c.source.name


PRONOUN = hand(
    "Ana Lind runs the harbour.\n\nShe said the boats were old.",
    """
    1  Ana     Ana     NNP PROPN 2  compound PERSON
    2  Lind    Lind    NNP PROPN 3  nsubj    PERSON
    3  runs    run     VBZ VERB  0  ROOT
    4  the     the     DT  DET   5  det
    5  harbour harbour NN  NOUN  3  dobj
    6  .       .       .   PUNCT 3  punct
    7  She     she     PRP PRON  8  nsubj
    8  said    say     VBD VERB  0  ROOT
    9  the     the     DT  DET   10 det
    10 boats   boat    NNS NOUN  11 nsubj
    11 were    be      VBD AUX   8  ccomp
    12 old     old     JJ  ADJ   11 acomp
    13 .       .       .   PUNCT 8  punct
    """,
)


def test_a_pronoun_source_is_the_person_named_before():
    c = cited(extract_doc(PRONOUN), "said")
    assert source_of(c) == ("She", "Ana Lind", "person")


PRONOUN_WITHOUT_ANTECEDENT = hand(
    "He said the boats were old.",
    """
    1 He    he   PRP PRON  2 nsubj
    2 said  say  VBD VERB  0 ROOT
    3 the   the  DT  DET   4 det
    4 boats boat NNS NOUN  5 nsubj
    5 were  be   VBD AUX   2 ccomp
    6 old   old  JJ  ADJ   5 acomp
    7 .     .    .   PUNCT 2 punct
    """,
)


def test_a_pronoun_with_no_one_before_it_is_no_source():
    assert extract_doc(PRONOUN_WITHOUT_ANTECEDENT).citations == ()


# --- claims with no source, and stances --------------------------------------------

IT_WAS_REPORTED = hand(
    "It was reported that the dam had cracked.",
    """
    1 It       it     PRP PRON  3 nsubjpass
    2 was      be     VBD AUX   3 auxpass
    3 reported report VBN VERB  0 ROOT
    4 that     that   IN  SCONJ 8 mark
    5 the      the    DT  DET   6 det
    6 dam      dam    NN  NOUN  8 nsubj
    7 had      have   VBD AUX   8 aux
    8 cracked  crack  VBN VERB  3 ccomp
    9 .        .      .   PUNCT 3 punct
    """,
)
SAID_TO_BE = hand(
    "The ferry company is said to be close to collapse.",
    """
    1  The      the      DT  DET   3  det
    2  ferry    ferry    NN  NOUN  3  compound
    3  company  company  NN  NOUN  5  nsubjpass
    4  is       be       VBZ AUX   5  auxpass
    5  said     say      VBN VERB  0  ROOT
    6  to       to       TO  PART  7  aux
    7  be       be       VB  AUX   5  xcomp
    8  close    close    JJ  ADJ   7  acomp
    9  to       to       TO  PART  10 aux
    10 collapse collapse VB  VERB  8  xcomp
    11 .        .        .   PUNCT 5  punct
    """,
)
REPORTEDLY = hand(
    "The pumping station was reportedly shut down.",
    """
    1 The        the        DT  DET   3 det
    2 pumping    pumping    NN  NOUN  3 compound
    3 station    station    NN  NOUN  6 nsubjpass
    4 was        be         VBD AUX   6 auxpass
    5 reportedly reportedly RB  ADV   6 advmod
    6 shut       shut       VBN VERB  0 ROOT
    7 down       down       RP  ADP   6 prt
    8 .          .          .   PUNCT 6 punct
    """,
)


@pytest.mark.parametrize(
    ("doc", "cue", "content"),
    [
        (IT_WAS_REPORTED, "reported", "the dam had cracked"),
        (SAID_TO_BE, "said", "The ferry company … to be close to collapse"),
        (REPORTEDLY, "reportedly", "The pumping station was … shut down"),
    ],
    ids=["it-was-reported", "is-said-to", "reportedly"],
)
def test_a_claim_passed_on_without_a_source(doc, cue, content):
    (c,) = extract_doc(doc).citations
    assert (c.source, c.kind, c.cue_text, c.content_text) == (None, "no-source", cue, content)


BY_AGENT = hand(
    "It was reported by the Coast Herald that the dam had cracked.",
    """
    1  It       it     PRP PRON  3  nsubjpass
    2  was      be     VBD AUX   3  auxpass
    3  reported report VBN VERB  0  ROOT
    4  by       by     IN  ADP   3  agent
    5  the      the    DT  DET   7  det      ORG
    6  Coast    Coast  NNP PROPN 7  compound ORG
    7  Herald   Herald NNP PROPN 4  pobj     ORG
    8  that     that   IN  SCONJ 12 mark
    9  the      the    DT  DET   10 det
    10 dam      dam    NN  NOUN  12 nsubj
    11 had      have   VBD AUX   12 aux
    12 cracked  crack  VBN VERB  3  ccomp
    13 .        .      .   PUNCT 3  punct
    """,
)


def test_a_passive_report_by_an_agent_cites_the_agent():
    (c,) = extract_doc(BY_AGENT).citations
    assert source_of(c) == ("the Coast Herald", "Coast Herald", "outlet")
    assert (c.kind, c.content_text) == ("indirect", "the dam had cracked")


STANCE = hand(
    "Senator Ola Dahl rejected the proposal.",
    """
    1 Senator  Senator  NNP PROPN 3 compound
    2 Ola      Ola      NNP PROPN 3 compound PERSON
    3 Dahl     Dahl     NNP PROPN 4 nsubj    PERSON
    4 rejected reject   VBD VERB  0 ROOT
    5 the      the      DT  DET   6 det
    6 proposal proposal NN  NOUN  4 dobj
    7 .        .        .   PUNCT 4 punct
    """,
)


def test_a_stance_is_kept_apart_with_low_confidence():
    (c,) = extract_doc(STANCE).citations
    assert source_of(c) == ("Senator Ola Dahl", "Ola Dahl", "person")
    assert (c.kind, c.cue_text, c.content_text) == ("stance", "rejected", "the proposal")
    assert c.confidence < 0.5


# --- quotes and lines ------------------------------------------------------------

QUOTED_CITATION = hand(
    "“The mayor told us the road was safe,” Ruiz said.",
    """
    1  “     "     ``  PUNCT 13 punct
    2  The   the   DT  DET   3  det
    3  mayor mayor NN  NOUN  4  nsubj
    4  told  tell  VBD VERB  13 ccomp
    5  us    we    PRP PRON  4  dative
    6  the   the   DT  DET   7  det
    7  road  road  NN  NOUN  8  nsubj
    8  was   be    VBD AUX   4  ccomp
    9  safe  safe  JJ  ADJ   8  acomp
    10 ,     ,     ,   PUNCT 13 punct
    11 ”     "     ''  PUNCT 13 punct
    12 Ruiz  Ruiz  NNP PROPN 13 nsubj  PERSON
    13 said  say   VBD VERB  0  ROOT
    14 .     .     .   PUNCT 13 punct
    """,
)


def test_a_citation_inside_a_quote_is_cited_by_the_speaker():
    ex = extract_doc(QUOTED_CITATION)
    said, told = cited(ex, "said"), cited(ex, "told")
    assert said.content_text == "The mayor told us the road was safe"
    assert source_of(told) == ("The mayor", "the mayor", "anonymous")
    assert (told.kind, told.content_text) == ("quoted", "the road was safe")
    assert told.citer == said.source and told.nested


SPEAKER_LINE = hand(
    "LUND: It will run if the wind drops.",
    """
    1  LUND  LUND NNP PROPN 0 ROOT   PERSON
    2  :     :    :   PUNCT 1 punct
    3  It    it   PRP PRON  5 nsubj
    4  will  will MD  AUX   5 aux
    5  run   run  VB  VERB  1 ccomp
    6  if    if   IN  SCONJ 9 mark
    7  the   the  DT  DET   8 det
    8  wind  wind NN  NOUN  9 nsubj
    9  drops drop VBZ VERB  5 advcl
    10 .     .    .   PUNCT 1 punct
    """,
)


def test_a_transcript_line_cites_the_speaker_in_capitals():
    (c,) = extract_doc(SPEAKER_LINE).citations
    assert source_of(c) == ("LUND", "LUND", "person")
    assert (c.cue_text, c.kind, c.content_text) == (":", "direct", "It will run if the wind drops.")


NEGATED = hand(
    "Lind did not say whether the ferry would run.",
    """
    1  Lind    Lind    NNP PROPN 4 nsubj PERSON
    2  did     do      VBD AUX   4 aux
    3  not     not     RB  PART  4 neg
    4  say     say     VB  VERB  0 ROOT
    5  whether whether IN  SCONJ 9 mark
    6  the     the     DT  DET   7 det
    7  ferry   ferry   NN  NOUN  9 nsubj
    8  would   would   MD  AUX   9 aux
    9  run     run     VB  VERB  4 ccomp
    10 .       .       .   PUNCT 4 punct
    """,
)


def test_a_negated_cue_is_still_an_attribution_of_the_question_left_open():
    # PolNeAR annotates "would not say whether ..." as an attribution, the question its content.
    c = cited(extract_doc(NEGATED), "say")
    assert source_of(c) == ("Lind", "Lind", "person")
    assert c.content_text == "whether the ferry would run"


# --- every Doc above --------------------------------------------------------------

HAND_DOCS = {name: doc for name, doc in globals().items() if isinstance(doc, Doc)}


@pytest.mark.parametrize("name", sorted(HAND_DOCS))
def test_every_token_a_rule_fires_on_is_in_the_may_fire_mask(name):
    doc = HAND_DOCS[name]
    ctx = Context(tuple(find_quotes(doc.text)), doc.text)
    mask = may_fire(doc)
    fired = [tok.i for tok in doc for rule in RULES if rule(tok, ctx) is not None]
    assert all(mask[i] for i in fired)


# --- a cue verb carried by another verb ---------------------------------------------

BEGAN_BY_SAYING = hand(
    "Lind appeared on CNN and began by saying the ferry would stop.",
    """
    1  Lind     Lind   NNP PROPN 2  nsubj PERSON
    2  appeared appear VBD VERB  0  ROOT
    3  on       on     IN  ADP   2  prep
    4  CNN      CNN    NNP PROPN 3  pobj  ORG
    5  and      and    CC  CCONJ 2  cc
    6  began    begin  VBD VERB  2  conj
    7  by       by     IN  ADP   6  prep
    8  saying   say    VBG VERB  7  pcomp
    9  the      the    DT  DET   10 det
    10 ferry    ferry  NN  NOUN  12 nsubj
    11 would    would  MD  AUX   12 aux
    12 stop     stop   VB  VERB  8  ccomp
    13 .        .      .   PUNCT 2  punct
    """,
)


def test_began_by_saying_is_said_by_the_subject_through_the_show_it_appeared_on():
    c = cited(extract_doc(BEGAN_BY_SAYING), "saying")
    assert source_of(c) == ("Lind", "Lind", "person")
    assert (c.kind, c.lemma, c.content_text) == ("indirect", "say", "the ferry would stop")
    assert c.citer is not None and (c.citer.name, c.citer.kind) == ("CNN", "outlet")


CONTINUES_TO_INSIST = hand(
    "Lind continues to insist, in an interview with CNN, that the ferry would stop.",
    """
    1  Lind      Lind      NNP PROPN 2  nsubj PERSON
    2  continues continue  VBZ VERB  0  ROOT
    3  to        to        TO  PART  4  aux
    4  insist    insist    VB  VERB  2  xcomp
    5  ,         ,         ,   PUNCT 4  punct
    6  in        in        IN  ADP   4  prep
    7  an        an        DT  DET   8  det
    8  interview interview NN  NOUN  6  pobj
    9  with      with      IN  ADP   8  prep
    10 CNN       CNN       NNP PROPN 9  pobj  ORG
    11 ,         ,         ,   PUNCT 16 punct
    12 that      that      IN  SCONJ 16 mark
    13 the       the       DT  DET   14 det
    14 ferry     ferry     NN  NOUN  16 nsubj
    15 would     would     MD  AUX   16 aux
    16 stop      stop      VB  VERB  2  ccomp
    17 .         .         .   PUNCT 2  punct
    """,
)


def test_continues_to_insist_is_an_insisting_with_the_clause_of_the_outer_verb():
    ex = extract_doc(CONTINUES_TO_INSIST)
    assert [c.cue_text for c in ex.citations] == ["insist"]
    c = ex.citations[0]
    assert source_of(c) == ("Lind", "Lind", "person")
    assert (c.lemma, c.content_text) == ("insist", "the ferry would stop")
    assert c.citer is not None and c.citer.name == "CNN"


# The parse hangs "added" on the first clause and gives it only the second as content.
CLOSING_ADDED = hand(
    "Ruiz had asked the police for no escort, but the guard overruled that request, the source added.",
    """
    1  Ruiz      Ruiz     NNP PROPN 3  nsubj PERSON
    2  had       have     VBD AUX   3  aux
    3  asked     ask      VBN VERB  0  ROOT
    4  the       the      DT  DET   5  det
    5  police    police   NNS NOUN  3  dobj
    6  for       for      IN  ADP   3  prep
    7  no        no       DT  DET   8  det
    8  escort    escort   NN  NOUN  6  pobj
    9  ,         ,        ,   PUNCT 3  punct
    10 but       but      CC  CCONJ 3  cc
    11 the       the      DT  DET   12 det
    12 guard     guard    NN  NOUN  13 nsubj
    13 overruled overrule VBD VERB  19 ccomp
    14 that      that     DT  DET   15 det
    15 request   request  NN  NOUN  13 dobj
    16 ,         ,        ,   PUNCT 19 punct
    17 the       the      DT  DET   18 det
    18 source    source   NN  NOUN  19 nsubj
    19 added     add      VBD VERB  3  conj
    20 .         .        .   PUNCT 19 punct
    """,
)


def test_a_closing_reporting_clause_reports_the_whole_sentence_before_it():
    c = cited(extract_doc(CLOSING_ADDED), "added")
    assert c.content_text == (
        "Ruiz had asked the police for no escort, but the guard overruled that request"
    )


# A participle the parse hung on the clause after it, whose subject it then borrows.
GOING_ON = hand(
    "Lind said, going on to say that fares rose, riders do not care.",
    """
    1  Lind   Lind  NNP PROPN 2  nsubj PERSON
    2  said   say   VBD VERB  15 parataxis
    3  ,      ,     ,   PUNCT 2  punct
    4  going  go    VBG VERB  15 advcl
    5  on     on    RP  ADP   4  prt
    6  to     to    TO  PART  7  aux
    7  say    say   VB  VERB  4  xcomp
    8  that   that  IN  SCONJ 10 mark
    9  fares  fare  NNS NOUN  10 nsubj
    10 rose   rise  VBD VERB  7  ccomp
    11 ,      ,     ,   PUNCT 15 punct
    12 riders rider NNS NOUN  15 nsubj
    13 do     do    VBP AUX   15 aux
    14 not    not   RB  PART  15 neg
    15 care   care  VB  VERB  0  ROOT
    16 .      .     .   PUNCT 15 punct
    """,
)


def test_a_carried_cue_never_borrows_a_subject_from_the_clause_after_it():
    ex = extract_doc(GOING_ON)
    assert all(c.source is None or c.source.text != "riders" for c in ex.citations)
