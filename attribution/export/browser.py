"""Headless Chromium for pages we wrote: screenshots, and the browser tests and benchmark.

Optional: needs the ``browser`` extra (Playwright for Python) and a Chromium on the
machine (Debian's ``/usr/bin/chromium``; Playwright's own browser download is not used).
Every request that is not the page's own file is refused, so a screenshot also proves
the page needs no network.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from attribution.errors import BrowserError

__all__ = ["BrowserError", "find_chromium", "load", "open_page", "screenshot"]

# Without the background-networking flags Chromium keeps dialling Google's hosts.
CHROMIUM_FLAGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
READY_TIMEOUT_MS = 60_000


def find_chromium() -> str | None:
    """Path of a Chromium: ``$ATTRIBUTION_CHROMIUM``, else the first one on PATH."""
    chosen = os.environ.get("ATTRIBUTION_CHROMIUM")
    if chosen:
        return chosen if Path(chosen).is_file() else None
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


@contextmanager
def open_page(
    html: Path, width: int = 1400, height: int = 900, blocked: list[str] | None = None
) -> Iterator[Any]:
    """A Playwright page showing ``html`` once its graph is drawn (``window.graphReady``).

    Requests for anything but ``html`` itself are aborted and their URLs appended to
    ``blocked``. Raises :class:`BrowserError` when no browser can be started.
    """
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError as err:
        raise BrowserError(
            "Playwright is not installed (pip install 'attribution[browser]')"
        ) from err
    executable = find_chromium()
    if executable is None:
        raise BrowserError(
            "no Chromium found (install Debian's chromium or set ATTRIBUTION_CHROMIUM)"
        )
    url = html.resolve().as_uri()
    refused = blocked if blocked is not None else []

    def guard(route: Any) -> None:
        if route.request.url == url:
            route.continue_()
        else:
            refused.append(route.request.url)
            route.abort()

    with sync_playwright() as pw:
        try:
            browser = pw.chromium.launch(executable_path=executable, args=list(CHROMIUM_FLAGS))
        except Error as err:
            raise BrowserError(
                f"{executable}: cannot start ({err.message.splitlines()[0]})"
            ) from err
        try:
            context = browser.new_context(viewport={"width": width, "height": height})
            context.route("**/*", guard)
            page = context.new_page()
            yield page, url
        finally:
            browser.close()


def load(page: Any, url: str) -> None:
    """Navigate and wait until the page says its graph is drawn."""
    page.goto(url)
    page.wait_for_function("window.graphReady === true", timeout=READY_TIMEOUT_MS)


def screenshot(html: Path, png: Path, width: int = 1400, height: int = 900) -> None:
    """Save a PNG of the page at ``html`` as a reader first sees it."""
    with open_page(html, width, height) as (page, url):
        load(page, url)
        png.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(png))
