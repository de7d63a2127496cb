"""Lexicon loading: the one-regex form of a pattern list finds what its lines find."""

from __future__ import annotations

import pytest

from attribution import lexicon

LINES = [
    "Jana Holm is a freelance writer based in Tallinn.",
    "Follow us on the usual channels",
    "Sign-up for the morning briefing",
    "Read more: the council's budget vote",
    "Written by Pieter Vos",
    "[VIDEO]",
    "The mayor said the bridge would reopen in spring.",
    "She has bylines in several regional papers.",
    "Officials who subscribe to that view were not named.",
    "A resident, who asked not to be named, said the water was brown.",
    "",
]


def test_boilerplate_regex_matches_exactly_the_lines_its_patterns_match() -> None:
    combined = lexicon.load_any("boilerplate.txt")
    patterns = lexicon.load_patterns("boilerplate.txt")
    for line in LINES:
        expected = any(p.search(line) for p in patterns)
        assert bool(combined.search(line)) == expected, line
    assert sum(bool(combined.search(line)) for line in LINES) >= 6


def test_an_anchor_before_a_top_level_bar_stays_with_its_own_branch(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(lexicon, "_lines", lambda name: ["^watch|live blog", r"\bsubscribe\b"])
    combined = lexicon.load_any.__wrapped__("test")
    assert combined.search("Follow our live blog")  # "live blog" is not anchored
    assert combined.search("Watch: the launch")
    assert not combined.search("We watch the launch")
    assert combined.search("Please subscribe now")
    assert not combined.search("subscribers")


@pytest.mark.parametrize(
    ("pattern", "bar"),
    [
        ("^a|b", True),
        ("^(a|b)", False),
        (r"^\|a", False),
        ("^[|]a", False),
        (r"\b(x|y) z\b", False),
        ("a(b)|c", True),
    ],
)
def test_top_level_bar_is_found_outside_groups_classes_and_escapes(pattern: str, bar: bool) -> None:
    assert lexicon._has_top_level_bar(pattern) is bar
