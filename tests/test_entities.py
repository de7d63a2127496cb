"""Entity resolution: outlet aliases, surnames and typos joined, unnamed sources kept apart."""

from __future__ import annotations

from attribution.entities import EntityIndex, outlet_name, person_name
from attribution.extract.citation import Mention


def m(text: str, kind: str, start: int, name: str | None = None) -> Mention:
    return Mention((start, start + len(text)), text, name or text, kind)


def test_outlet_aliases_and_country_prefixes():
    assert outlet_name("the FT") == "Financial Times"
    assert outlet_name("Express UK") == "Express"
    assert outlet_name("U.K. Telegraph") == "The Telegraph"
    assert outlet_name("The Daily Clarion") == "Daily Clarion"


def test_titles_are_not_name_parts():
    assert person_name("President Ana Lindqvist") == "Ana Lindqvist"
    assert person_name("Colonel Jon Berg's") == "Jon Berg"


def test_short_outlet_name_joins_the_full_name_used_earlier_in_the_article():
    index = EntityIndex()
    ids = index.resolve_article(
        "a1",
        [
            m("The Washington Post", "outlet", 0, "Washington Post"),
            m("The Post", "outlet", 50, "Post"),
        ],
        [],
    )
    assert len(set(ids.values())) == 1


def test_surname_and_typo_join_the_full_name_in_the_same_article():
    index = EntityIndex()
    mentions = [
        m("Milena Radovska", "person", 0),
        m("Radowska", "person", 40),
        m("Radovska", "person", 80),
    ]
    ids = index.resolve_article("a1", mentions, ["Milena Radovska"])
    assert set(ids.values()) == {"person:milena-radovska"}


def test_different_surnames_stay_apart():
    index = EntityIndex()
    mentions = [m("Milena Radovska", "person", 0), m("Berg", "person", 40)]
    ids = index.resolve_article("a1", mentions, ["Milena Radovska"])
    assert len(set(ids.values())) == 2


def test_people_join_across_articles_on_full_name():
    index = EntityIndex()
    one = index.resolve_article("a1", [m("Olek Varga", "person", 0)], [])
    two = index.resolve_article("a2", [m("Olek Varga", "person", 10)], [])
    assert set(one.values()) == set(two.values())


def test_unnamed_sources_are_never_merged_across_articles():
    index = EntityIndex()
    one = index.resolve_article("a1", [m("experts", "anonymous", 0)], [])
    two = index.resolve_article("a2", [m("experts", "anonymous", 0)], [])
    assert set(one.values()) != set(two.values())
    assert all(index.entities[i].kind == "anonymous" for i in [*one.values(), *two.values()])


def test_a_lone_surname_tagged_as_organisation_is_the_person():
    index = EntityIndex()
    ids = index.resolve_article("a1", [m("Varga", "organisation", 40)], ["Olek Varga"])
    assert set(ids.values()) == {"person:olek-varga"}


def test_pronouns_are_not_kept_as_aliases():
    index = EntityIndex()
    index.resolve_article(
        "a1", [m("Olek Varga", "person", 0), m("he", "person", 30, "Olek Varga")], []
    )
    assert "he" not in index.entities["person:olek-varga"].aliases


# --- joins only the whole corpus can make ---------------------------------------------------------


def merged(index: EntityIndex, ident: str) -> str:
    return index.merge().get(ident, ident)


def test_spelling_variants_of_a_full_name_join_across_articles():
    index = EntityIndex()
    index.resolve_article("a1", [m("Volodymyr Zelenskyy", "person", 0)], [])
    index.resolve_article("a2", [m("Volodymyr Zelenskyy", "person", 0)], [])
    index.resolve_article("a3", [m("Volodymyr Zelensky", "person", 0)], [])
    moves = index.merge()
    assert moves == {"person:volodymyr-zelensky": "person:volodymyr-zelenskyy"}
    assert "Volodymyr Zelensky" in index.entities["person:volodymyr-zelenskyy"].aliases


def test_two_different_smiths_never_join():
    index = EntityIndex()
    index.resolve_article("a1", [m("John Smith", "person", 0)], [])
    index.resolve_article("a2", [m("Jane Smith", "person", 0)], [])
    index.resolve_article("a3", [m("Smith", "person", 0)], [])
    assert index.merge() == {}
    assert {"person:john-smith", "person:jane-smith", "person:smith"} <= set(index.entities)


def test_a_lone_surname_in_an_article_naming_two_smiths_joins_neither():
    index = EntityIndex()
    mentions = [
        m("John Smith", "person", 0),
        m("Jane Smith", "person", 20),
        m("Smith", "person", 40),
    ]
    ids = index.resolve_article("a1", mentions, ["John Smith", "Jane Smith"])
    assert ids[mentions[2]] == "person:a1:smith"
    assert merged(index, "person:a1:smith") == "person:a1:smith"


def test_a_lone_surname_joins_the_one_full_name_the_corpus_has():
    index = EntityIndex()
    index.resolve_article("a1", [m("Kuzio", "person", 0)], [])
    index.resolve_article("a2", [m("Taras Kuzio", "person", 0)], [])
    assert merged(index, "person:kuzio") == "person:taras-kuzio"
    assert "Kuzio" in index.entities["person:taras-kuzio"].aliases


def test_an_outlet_named_like_a_person_stays_an_outlet():
    index = EntityIndex()
    one = index.resolve_article("a1", [m("Bloomberg", "outlet", 0)], [])
    two = index.resolve_article("a2", [m("Michael Bloomberg", "person", 0)], ["Michael Bloomberg"])
    index.merge()
    assert set(one.values()) == {"outlet:bloomberg"}
    assert set(two.values()) == {"person:michael-bloomberg"}
    assert index.entities["outlet:bloomberg"].kind == "outlet"


def test_a_handle_joins_the_name_it_spells():
    index = EntityIndex()
    index.resolve_article("a1", [m("@TarasKuzio", "organisation", 0)], [])
    index.resolve_article("a2", [m("Taras Kuzio", "person", 0)], [])
    assert merged(index, "organisation:@taraskuzio") == "person:taras-kuzio"


def test_user_aliases_come_before_the_built_in_rules(tmp_path):
    from attribution.entities import read_aliases

    path = tmp_path / "aliases.tsv"
    path.write_text("# mine\nKH\tKelmarsk Herald\nthe Herald\tKelmarsk Herald\n", encoding="utf-8")
    index = EntityIndex(aliases=read_aliases(path))
    ids = index.resolve_article("a1", [m("KH", "outlet", 0), m("the Herald", "outlet", 10)], [])
    assert set(ids.values()) == {"outlet:kelmarsk-herald"}


def test_a_bad_alias_line_is_reported_with_its_number(tmp_path):
    import pytest

    from attribution.entities import read_aliases

    path = tmp_path / "aliases.tsv"
    path.write_text("KH\tKelmarsk Herald\nno tab here\n", encoding="utf-8")
    with pytest.raises(ValueError, match="line 2"):
        read_aliases(path)


def test_a_site_name_from_metadata_keeps_its_brand():
    assert outlet_name("KX.COM") == "KX"
    assert outlet_name("Harborline.com") == "Harborline"
    index = EntityIndex()
    assert index.outlet("Harborline.com") == index.outlet("Harborline")


def test_two_people_of_one_surname_in_two_articles_stay_two():
    import attribution

    result = attribution.build_graph(
        [
            "Union news.\n\nUnion president Mary Kay Henry said the strike would go on.\n\n"
            "Henry said members were ready.",
            "Campaign news.\n\nHarbour Radio's Ed Henry reported that the rally was off.\n\n"
            "Henry said aides were angry about the decision.",
        ]
    )
    by_article = {(c.article, c.text): c.source for c in result.claims}
    assert by_article[("text-1", "members were ready")] == "person:mary-kay-henry"
    assert by_article[("text-2", "aides were angry about the decision")] == "person:ed-henry"
