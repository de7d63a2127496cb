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
