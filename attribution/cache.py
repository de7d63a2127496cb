"""A persistent cache of extractions: an unchanged article is never parsed twice.

One SQLite file holds one row per article and pipeline. The key hashes the
article's text and the metadata extraction reads (id, title, outlet, credit,
boilerplate lines), the spaCy model's name and version and the spaCy release
(:func:`attribution.nlp.model_key`), and ``EXTRACTOR_VERSION``. Values are
compressed JSON, never pickles, so a foreign file cannot run code. A file
that is not one of ours, or is damaged, is reported, moved aside (``.unusable``)
and rebuilt; a row that
does not decode is reported, parsed again and replaced.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import zlib
from collections.abc import Callable
from dataclasses import fields, is_dataclass
from pathlib import Path
from typing import Any

from attribution.corpus import Article
from attribution.errors import CacheError
from attribution.extract import EXTRACTOR_VERSION, Citation, Extraction, Mention

# PRAGMA application_id marks the file as ours ("ATTR"); user_version is the schema.
APPLICATION_ID = 0x41545452
SCHEMA = 1
COMMIT_EVERY = 256  # rows per transaction: one commit per article is the slow part

Warn = Callable[[str], None]


def default_path() -> Path:
    """``$ATTRIBUTION_CACHE``, else ``attribution/extractions.sqlite`` in the user's cache folder."""
    if env := os.environ.get("ATTRIBUTION_CACHE"):
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "attribution" / "extractions.sqlite"


class Cache:
    """Extractions by article, for one pipeline (``model``) and extractor version."""

    def __init__(self, path: Path, model: str, warn: Warn) -> None:
        self.path, self.model, self.warn = path, model, warn
        self._pending = 0
        self._readonly = False
        self._db = self._open()

    def _open(self) -> sqlite3.Connection:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            return _checked(self.path)
        except OSError as err:
            raise CacheError(f"{self.path}: cannot use the cache ({err})") from err
        except CacheError as err:
            if not self.path.exists():
                message = f"{self.path}: cannot use the cache ({err})"
                raise CacheError(message) from err
            aside = self.path.with_name(self.path.name + ".unusable")
            self.warn(f"{self.path}: {err}; moved it to {aside.name} and started a new cache")
        os.replace(self.path, aside)
        for suffix in ("-journal", "-wal", "-shm"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)
        return _checked(self.path)

    def key(self, article: Article) -> str:
        """The row key of ``article`` under this pipeline and extractor."""
        meta = [article.id, article.title, article.outlet, article.credit, article.boilerplate]
        return hashlib.sha256(
            "\x1f".join([article.digest, json.dumps(meta), self.model, EXTRACTOR_VERSION]).encode()
        ).hexdigest()

    def get(self, article: Article) -> Extraction | None:
        """The cached extraction of ``article``, or None when it must be parsed."""
        key = self.key(article)
        row = self._db.execute("SELECT value FROM extractions WHERE key = ?", (key,)).fetchone()
        if row is None:
            return None
        try:
            extraction = from_json(json.loads(zlib.decompress(row[0])))
        except (zlib.error, ValueError, TypeError, KeyError) as err:
            self.warn(f"{self.path}: entry for {article.path} is unreadable ({err}); parsing again")
            return None
        return extraction

    def put(self, article: Article, extraction: Extraction) -> None:
        """Remember ``extraction`` for ``article`` (a cache that cannot be written is skipped)."""
        if self._readonly:
            return
        value = zlib.compress(json.dumps(to_json(extraction), ensure_ascii=False).encode(), 6)
        try:
            self._db.execute(
                "INSERT OR REPLACE INTO extractions (key, model, extractor, value)"
                " VALUES (?, ?, ?, ?)",
                (self.key(article), self.model, EXTRACTOR_VERSION, value),
            )
            self._pending += 1
            if self._pending >= COMMIT_EVERY:
                self._db.commit()
                self._pending = 0
        except sqlite3.Error as err:
            self.warn(f"{self.path}: cannot write to the cache ({err}); going on without it")
            self._readonly = True

    def close(self) -> None:
        """Write what is pending and close the file."""
        try:
            if not self._readonly:
                self._db.commit()
        except sqlite3.Error as err:
            self.warn(f"{self.path}: cannot write to the cache ({err})")
        finally:
            self._db.close()


def _checked(path: Path) -> sqlite3.Connection:
    """Open ``path``, creating the schema in a new file; CacheError if it is not ours."""
    db = sqlite3.connect(path, timeout=30)
    try:
        app, schema = _stamp(db)
        if (app, schema) == (0, 0) and not _tables(db):
            db.executescript(
                f"PRAGMA application_id = {APPLICATION_ID}; PRAGMA user_version = {SCHEMA};"
                "CREATE TABLE extractions (key TEXT PRIMARY KEY, model TEXT NOT NULL,"
                " extractor TEXT NOT NULL, value BLOB NOT NULL);"
            )
        elif app != APPLICATION_ID:
            raise CacheError("not an attribution cache (foreign SQLite file)")
        elif schema != SCHEMA:
            raise CacheError(f"cache schema {schema}, this version reads {SCHEMA}")
        elif db.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise CacheError("the file is damaged")
    except sqlite3.DatabaseError as err:
        db.close()
        raise CacheError(f"not a readable SQLite file ({err})") from err
    except CacheError:
        db.close()
        raise
    return db


def _stamp(db: sqlite3.Connection) -> tuple[int, int]:
    app = db.execute("PRAGMA application_id").fetchone()[0]
    return app, db.execute("PRAGMA user_version").fetchone()[0]


def _tables(db: sqlite3.Connection) -> list[str]:
    return [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]


def to_json(extraction: Extraction) -> dict[str, Any]:
    """``extraction`` as plain JSON data, every field kept: what ``dataclasses.asdict`` gives.

    ``asdict`` deep-copies every span and term on the way, which made writing
    the cache cost more than compressing it; nothing here is mutable.
    """
    plain: dict[str, Any] = _plain(extraction)
    return plain


def _plain(obj: Any) -> Any:
    if isinstance(obj, tuple):
        return tuple(_plain(item) for item in obj) if obj and is_dataclass(obj[0]) else obj
    if not is_dataclass(obj):
        return obj
    return {f.name: _plain(getattr(obj, f.name)) for f in fields(obj)}


def from_json(data: dict[str, Any]) -> Extraction:
    """The Extraction that :func:`to_json` gave ``data`` for (TypeError/KeyError if not one)."""
    return Extraction(
        article=data["article"],
        citations=tuple(_citation(c) for c in data["citations"]),
        people=tuple(data["people"]),
    )


def _citation(d: dict[str, Any]) -> Citation:
    return Citation(
        **{
            **d,
            "source": _mention(d["source"]),
            "citer": _mention(d["citer"]),
            "cue": _span(d["cue"]),
            "content": tuple(_span(s) for s in d["content"]),
            "sentence": _span(d["sentence"]),
            "terms": tuple(tuple(t) for t in d["terms"]),
        }
    )


def _mention(d: dict[str, Any] | None) -> Mention | None:
    if d is None:
        return None
    return Mention(**{**d, "span": _span(d["span"]), "phrase": _span(d["phrase"])})


def _span(pair: list[int] | None) -> tuple[int, int] | None:
    return None if pair is None else (int(pair[0]), int(pair[1]))
