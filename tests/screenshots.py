"""Screenshots of the built site, to compare a change by eye (``make screenshots``).

Usage: ``python tests/screenshots.py [SITE] [OUT]`` (defaults ``_build/html`` and
``_build/screenshots``). Writes the home page, a category page and a term page at
1280 and 390 pixels wide, in light and dark mode: ``<page>-<width>-<scheme>.png``,
each the whole page, and ``…-first-screen.png`` for what a reader sees before
scrolling. The site is served on the loopback interface, as a reader gets it.
Uses the system's Chromium, like the browser tests.
"""

from __future__ import annotations

import sys
from pathlib import Path

from browsing import ARGS, chromium, served

PAGES = {
    "home": "index",
    "category": "glossary/categories/metrics-analytics",
    "term": "glossary/north-star-metric",
}
VIEWPORTS = {1280: 900, 390: 844}
SCHEMES = ("light", "dark")


def main(site: Path, out: Path) -> int:
    browser_path = chromium()
    if not browser_path:
        print("Chromium not found: install it (Debian: apt-get install chromium)")
        return 1
    if not (site / "index.html").exists():
        print(f"no built site in {site}: run make html first")
        return 1
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    with served(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=browser_path, args=ARGS)
        for width, height in VIEWPORTS.items():
            for scheme in SCHEMES:
                context = browser.new_context(
                    viewport={"width": width, "height": height},
                    color_scheme=scheme,  # type: ignore[arg-type]
                    is_mobile=width < 500,
                    has_touch=width < 500,
                )
                page = context.new_page()
                for name, docname in PAGES.items():
                    page.goto(f"{base}{docname}.html")
                    stem = out / f"{name}-{width}-{scheme}"
                    page.screenshot(path=f"{stem}-first-screen.png")
                    page.screenshot(path=f"{stem}.png", full_page=True)
                    print(f"{stem}.png")
                context.close()
        browser.close()
    return 0


if __name__ == "__main__":
    args = sys.argv[1:]
    sys.exit(
        main(
            Path(args[0] if args else "_build/html"),
            Path(args[1] if len(args) > 1 else "_build/screenshots"),
        )
    )
