"""Join source mentions into canonical entities, within and across articles.

Outlets go through an alias table ("the FT" = Financial Times, "Express UK" =
Express); a short form an article uses after the full name ("The Post" after
"The Washington Post") joins that name. People join on full name; a surname or
a near-miss spelling ("Mauratova" for "Mouratova") joins a full name the same
article uses. Unnamed sources stay per article: two articles' "experts" are
not the same experts.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from rapidfuzz import fuzz

from attribution.errors import AliasError
from attribution.extract.citation import Mention
from attribution.lexicon import load_table, load_words
from attribution.vocab import SourceKind

# Surname spellings at least this similar (rapidfuzz ratio, 0-100) are one
# person within an article: "Mauratova"/"Mouratova" scores 88.9, while
# different surnames of the seed and sample articles score below 70.
SURNAME_SIMILARITY = 80
_COUNTRY_PREFIX = re.compile(r"^(u\.?k\.?|u\.?s\.?|british|american|uk|us)\s+", re.I)
_COUNTRY_SUFFIX = re.compile(r"\s+(uk|u\.k\.|us|online)$", re.I)


@dataclass(frozen=True)
class Entity:
    """A canonical source: outlet, person, organisation, post, anonymous or article."""

    id: str
    name: str
    kind: SourceKind
    aliases: tuple[str, ...] = ()
    author: str | None = None  # for a post: the entity that posted it


def slug(text: str) -> str:
    """A stable, readable id fragment: "The U.K. Telegraph" -> "the-u-k-telegraph"."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9@_]+", "-", text.lower()).strip("-") or "x"


_WEB_SUFFIX = re.compile(r"(?<=\w)\.(?:com|co\.uk|org|net)$", re.I)


def outlet_name(name: str) -> str:
    """The canonical outlet name for a surface form, via the alias table.

    A site name from HTML metadata keeps its brand: "DW.COM" is DW, "Salon.com" Salon.
    """
    name = _WEB_SUFFIX.sub("", name.strip())
    key = _outlet_key(name)
    return load_table("outlet_aliases.tsv").get(key, _strip_the(name))


def _outlet_key(name: str) -> str:
    key = _strip_the(" ".join(name.replace("’", "'").split())).lower()
    key = _COUNTRY_SUFFIX.sub("", _COUNTRY_PREFIX.sub("", key))
    return _strip_the(key).lower()


def _strip_the(name: str) -> str:
    name = name.strip()
    return name[4:] if name.lower().startswith("the ") else name


def alias_key(name: str) -> str:
    """How a surface form is looked up in an alias table: "The  FT" -> "ft"."""
    return _strip_the(" ".join(name.replace("’", "'").split())).lower()


def read_aliases(path: Path) -> dict[str, str]:
    """A user's alias file: ``alias<TAB>canonical name`` per line, ``#`` comments.

    Raises :class:`~attribution.errors.AliasError` when the file cannot be read
    or a line has no tab (the message names the file and the line).
    """
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise AliasError(f"{path}: cannot read the alias file ({err.strerror or err})") from err
    except UnicodeDecodeError as err:
        raise AliasError(f"{path}: {err}") from err
    return parse_aliases(text, str(path))


def parse_aliases(text: str, where: str = "aliases") -> dict[str, str]:
    """An alias table from its text (``alias<TAB>canonical name`` lines); ``where`` names it."""
    table = {}
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        alias, tab, canonical = line.partition("\t")
        if not tab or not alias.strip() or not canonical.strip():
            raise AliasError(f"{where}: line {n}: expected 'alias<TAB>canonical name'")
        table[alias_key(alias)] = canonical.strip()
    return table


def person_name(name: str) -> str:
    """A person's name without titles or possessives: "President Volodymyr Zelenskyy's"."""
    name = re.sub(r"['’]s$", "", name.strip())
    words = name.split()
    titles = load_words("titles.txt")
    while len(words) > 1 and words[0].lower() in titles:
        words = words[1:]
    return " ".join(words)


@dataclass
class EntityIndex:
    """Grows as articles stream in; assigns every mention an entity id.

    ``aliases`` is the user's table (:func:`read_aliases`): surface form ->
    canonical name, consulted before any built-in rule. When every article is
    in, :meth:`merge` joins what only the whole corpus can tell.
    """

    entities: dict[str, Entity] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)
    mentions: dict[str, int] = field(default_factory=dict)

    def article_node(self, article_id: str, title: str | None, outlet: str | None) -> str:
        """The node that cites on an article's behalf: its outlet, or the article."""
        if outlet:
            return self.outlet(outlet)
        return self._add(
            "article", title or article_id, article_id, ident=f"article:{slug(article_id)}"
        )

    def resolve_article(
        self,
        article_id: str,
        mentions: list[Mention],
        people: list[str],
        outlet: str | None = None,
    ) -> dict[Mention, str]:
        """Entity ids for the mentions of one article.

        ``people`` are the full names the article uses (from NER), which
        surnames and misspellings in the same article are joined to;
        ``outlet`` is its publisher, which "The Post" may be short for.
        """
        named = [*people, *(m.name for m in mentions if m.kind == "person")]
        full_names = sorted({person_name(p) for p in named if len(person_name(p).split()) > 1})
        outlets_seen: list[str] = [outlet_name(outlet)] if outlet else []
        ids = {}
        for m in sorted(set(mentions), key=lambda m: m.span):
            ids[m] = self._resolve_one(article_id, m, full_names, outlets_seen)
        return ids

    def _resolve_one(
        self, article_id: str, m: Mention, full_names: list[str], outlets: list[str]
    ) -> str:
        m = self._user_alias(m)
        if m.kind == "outlet":
            name = _short_form(outlet_name(m.name), outlets) or outlet_name(m.name)
            outlets.append(name)
            return self._add("outlet", name, _alias(m))
        if m.kind == "person" or (m.kind == "organisation" and _full_name_for(m.name, full_names)):
            # A one-word "organisation" that is a surname of the article's people
            # is that person: the small model often tags lone surnames as ORG.
            return self._person(article_id, person_name(m.name), full_names, _alias(m))
        if m.kind == "anonymous":
            name = " ".join(m.name.lower().split())
            return self._add(
                "anonymous", name, _alias(m), ident=f"anonymous:{slug(article_id)}:{slug(name)}"
            )
        return self._add(
            m.kind if m.kind != "pronoun" else "organisation", _strip_the(m.name), m.text
        )

    def outlet(self, name: str) -> str:
        """The node of an outlet named in metadata: a publisher, or a wire credit."""
        return self._add("outlet", outlet_name(name), name)

    def post(self, article_id: str, author: str, medium: str) -> str:
        """The node for what ``author`` posted in one article: "tweet by Taras Kuzio".

        One node per author, medium and article: an article quoting three of
        Kuzio's tweets cites one thread of posts, not three sources.
        """
        by = self.entities[author]
        ident = f"post:{slug(article_id)}:{slug(medium)}:{author.partition(':')[2]}"
        self._add("post", f"{medium} by {by.name}", "", ident=ident)
        self.entities[ident] = replace(self.entities[ident], author=author)
        return ident

    def _user_alias(self, m: Mention) -> Mention:
        canonical = self.aliases.get(alias_key(m.name))
        return replace(m, name=canonical) if canonical else m

    def _person(self, article_id: str, name: str, full_names: list[str], surface: str) -> str:
        if len(name.split()) > 1:
            return self._add("person", name, surface, ident=f"person:{slug(name)}")
        if _ambiguous(name, full_names):
            # "Smith" in an article that names John Smith and Jane Smith: neither.
            ident = f"person:{slug(article_id)}:{slug(name)}"
            return self._add("person", name, surface, ident=ident)
        full = _full_name_for(name, full_names) or name
        return self._add("person", full, surface, ident=f"person:{slug(full)}")

    def _add(self, kind: SourceKind, name: str, alias: str, ident: str | None = None) -> str:
        ident = ident or f"{kind}:{slug(name)}"
        old = self.entities.get(ident)
        aliases = set(old.aliases if old else ()) | {alias.strip(), name}
        label = old.name if old else name
        self.entities[ident] = Entity(ident, label, kind, tuple(sorted(a for a in aliases if a)))
        self.mentions[ident] = self.mentions.get(ident, 0) + 1
        return ident

    def merge(self) -> dict[str, str]:
        """Join entities only the whole corpus can tell apart; return ``{old: kept}`` ids.

        Full names that differ by a near-miss surname and share a first name
        ("Volodymyr Zelensky"/"Volodymyr Zelenskyy") join, then a lone surname
        joins the one full name the corpus has with it, and an @handle the
        person or organisation whose name it spells ("@TarasKuzio").
        """
        moves: dict[str, str] = {}
        for old, new in [*_spelling_variants(self._unmoved("person", moves), self.mentions)]:
            moves[old] = new
        by_surname: dict[str, set[str]] = {}
        for e in self.entities.values():
            if e.kind == "person" and _surname(e.name):
                by_surname.setdefault(_surname(e.name), set()).add(_final(e.id, moves))
        for e in sorted(self.entities.values(), key=lambda e: e.id):
            lone = e.kind == "person" and len(e.name.split()) == 1 and e.id.count(":") == 1
            targets = by_surname.get(e.name.lower(), set()) if lone else set()
            if len(targets) == 1:
                moves[e.id] = next(iter(targets))
        named = [e for e in self.entities.values() if e.id not in moves and e.kind != "anonymous"]
        for e in named:
            if e.name.startswith("@"):
                target = _unique(
                    f for f in named if f is not e and _letters(f.name) == _letters(e.name)
                )
                if target is not None:
                    moves[e.id] = target.id
        for old, new in sorted(moves.items()):
            self._absorb(old, _final(new, moves))
        for ident, e in list(self.entities.items()):
            if e.author in moves:
                self.entities[ident] = replace(e, author=_final(e.author, moves))
        return {old: _final(new, moves) for old, new in sorted(moves.items())}

    def _unmoved(self, kind: str, moves: dict[str, str]) -> list[Entity]:
        return sorted(
            (e for e in self.entities.values() if e.kind == kind and e.id not in moves),
            key=lambda e: e.id,
        )

    def _absorb(self, old: str, new: str) -> None:
        gone, kept = self.entities.pop(old), self.entities[new]
        aliases = tuple(sorted({*kept.aliases, *gone.aliases}))
        self.entities[new] = replace(kept, aliases=aliases)
        self.mentions[new] = self.mentions.get(new, 0) + self.mentions.pop(old, 0)


def _short_form(name: str, earlier: list[str]) -> str | None:
    """ "Post" after "The Washington Post" in the same article is that outlet."""
    if len(name.split()) != 1:
        return None
    return next(
        (e for e in reversed(earlier) if e != name and e.lower().endswith(" " + name.lower())), None
    )


def _ambiguous(surname: str, full_names: list[str]) -> bool:
    """Does the article name two different people with this surname?"""
    return len({f for f in full_names if _surname(f) == surname.lower()}) > 1


_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})


def _surname(name: str) -> str:
    """The last word of a full name that is not a suffix ("Harris" in "Harry B. Harris Jr.")."""
    words = [w for w in name.split() if w.lower().rstrip(",") not in _SUFFIXES]
    return words[-1].lower().rstrip(",") if len(words) > 1 else ""


def _letters(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


def _unique(entities: Iterable[Entity]) -> Entity | None:
    found = list(entities)
    return found[0] if len(found) == 1 else None


def _final(ident: str, moves: dict[str, str]) -> str:
    while ident in moves:
        ident = moves[ident]
    return ident


def _spelling_variants(people: list[Entity], mentions: dict[str, int]) -> list[tuple[str, str]]:
    """``(variant, kept)`` id pairs: same first name, surnames SURNAME_SIMILARITY alike.

    The spelling kept is the one the corpus uses most (then the first by id).
    """
    by_first: dict[str, list[Entity]] = {}
    for e in people:
        words = e.name.split()
        if len(words) > 1:
            by_first.setdefault(words[0].lower(), []).append(e)
    moves: dict[str, str] = {}
    for group in by_first.values():
        group.sort(key=lambda e: (-mentions.get(e.id, 0), e.id))
        for n, e in enumerate(group):
            kept = next((k for k in group[:n] if k.id not in moves and _near(k.name, e.name)), None)
            if kept is not None:
                moves[e.id] = kept.id
    return sorted(moves.items())


def _near(a: str, b: str) -> bool:
    sa, sb = _surname(a), _surname(b)
    return min(len(sa), len(sb)) >= 5 and fuzz.ratio(sa, sb) >= SURNAME_SIMILARITY


def _full_name_for(surname: str, full_names: list[str]) -> str | None:
    """The article's full name whose last word is, or nearly is, ``surname``."""
    exact = [f for f in full_names if _surname(f) == surname.lower()]
    if exact:
        return exact[0]
    scored = [(fuzz.ratio(surname.lower(), _surname(f)), f) for f in full_names if _surname(f)]
    scored = [(s, f) for s, f in scored if s >= SURNAME_SIMILARITY and len(surname) >= 5]
    return max(scored)[1] if scored else None


def _alias(m: Mention) -> str:
    """The surface form to keep as an alias: never a pronoun or "the newspaper"."""
    return "" if m.text.lower() in load_table("pronouns.tsv") else m.text
