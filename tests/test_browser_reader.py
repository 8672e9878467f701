"""The reader's site in Chromium: search order, navigation, home page, term pages,
previews and the neighbourhood diagram.

The site is served over HTTP on the loopback interface, as a reader gets it:
Sphinx's search fetches pages for its snippets, which browsers refuse on
``file://``. Chromium, its skip rules and the server are in ``browsing``.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import pytest
from browsing import require_chromium
from browsing import served as serving

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from playwright.sync_api import Browser, Page
    from sphinx.testing.util import SphinxTestApp


require_chromium()  # skips this module without Chromium (fails in CI)

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture(scope="module")
def site(real_site: SphinxTestApp) -> Path:
    return real_site.outdir


@pytest.fixture(scope="module")
def served(site: Path) -> Iterator[str]:
    """The built site on http://127.0.0.1:<free port>/ for the module's tests."""
    with serving(site) as url:
        yield url


@pytest.fixture(scope="module")
def exported(site: Path) -> dict[str, Any]:
    """The glossary as data (the export), to compare what pages show with."""
    data: dict[str, Any] = json.loads((site / "glossary.json").read_text("utf-8"))
    return data


def visit(browser: Browser, url: str, viewport: dict[str, int] = DESKTOP, **context: Any) -> Page:
    page = browser.new_context(viewport=viewport, **context).new_page()  # type: ignore[arg-type]
    page.goto(url)
    return page


# -- search ---------------------------------------------------------------------


def search(browser: Browser, served: str, query: str) -> list[tuple[str, str]]:
    """Each result of the site's search as (href, snippet), best first."""
    page = visit(browser, f"{served}search.html?q={query}")
    page.locator("#search-results p.search-summary:not(:empty)").wait_for(timeout=15000)
    items = page.locator("#search-results ul.search > li")
    # Snippets arrive as each result's page is fetched: wait for all of them.
    page.wait_for_function(
        "() => [...document.querySelectorAll('#search-results ul.search > li')]"
        ".every(li => li.querySelector('p.context'))",
        timeout=15000,
    )
    found = [
        (
            str(items.nth(i).locator("a").first.get_attribute("href")),
            " ".join(items.nth(i).locator("p.context").inner_text().split()),
        )
        for i in range(items.count())
    ]
    page.context.close()
    return found


def summary_of(exported: dict[str, Any], docname: str) -> str:
    term = next(t for t in exported["terms"] if t["url"].split("#")[0] == f"{docname}.html")
    return str(term["summary"])


@pytest.mark.parametrize(
    ("query", "docname"),
    [
        ("North Star Metric", "glossary/north-star-metric"),  # the name
        ("north star", "glossary/north-star-metric"),  # part of it
        ("HoP", "glossary/head-of-product"),  # an alias that other pages mention
        ("CPO", "glossary/chief-product-officer"),  # an alias, on the home page too
    ],
)
def test_search_gives_the_term_first_once_with_its_summary(
    browser: Browser, served: str, exported: dict[str, Any], query: str, docname: str
) -> None:
    results = search(browser, served, query)
    assert results, f"no result for {query!r}"
    first, snippet = results[0]
    assert first == f"{docname}.html"
    assert snippet == summary_of(exported, docname)
    pages = [href.split("#")[0] for href, _ in results]
    assert len(pages) == len(set(pages)), f"a page listed twice: {pages}"


def test_search_snippets_never_show_source_and_maintainer_pages_come_last(
    browser: Browser, served: str
) -> None:
    # The authoring guide shows "Head of Product" as a complete MyST entry.
    results = search(browser, served, "Head of Product")
    pages = [href.split("#")[0] for href, _ in results]
    assert "about/authoring.html" in pages
    maintainer = [i for i, p in enumerate(pages) if p.startswith("about/")]
    glossary = [i for i, p in enumerate(pages) if not p.startswith("about/")]
    assert min(maintainer) > max(glossary), pages
    for href, snippet in results:
        assert ":::" not in snippet and "{pmterm}" not in snippet, (href, snippet)
        assert ":category:" not in snippet, (href, snippet)


# -- the home page ----------------------------------------------------------------


def in_first_screen(page: Page, selector: str) -> bool:
    """Whether the element is wholly visible without scrolling."""
    return bool(
        page.locator(selector).first.evaluate(
            "el => { const r = el.getBoundingClientRect();"
            " return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0; }"
        )
    )


def test_home_first_phone_screen_shows_the_search_box_and_the_first_categories(
    browser: Browser, served: str
) -> None:
    page = visit(browser, f"{served}index.html", PHONE, is_mobile=True, has_touch=True)
    assert in_first_screen(page, "form.pmterm-search input[name=q]")
    assert in_first_screen(page, "form.pmterm-search button")
    cards = page.locator(".pmterm-category-card")
    assert cards.count() == 10
    for i in range(2):
        assert cards.nth(i).evaluate(
            "el => el.getBoundingClientRect().bottom <= window.innerHeight"
        ), f"card {i} below the first screen"
    # Nothing is wider than the phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_home_search_box_finds_an_alias(browser: Browser, served: str) -> None:
    page = visit(browser, f"{served}index.html")
    page.locator("form.pmterm-search input[name=q]").fill("CPO")
    page.locator("form.pmterm-search button").click()
    page.wait_for_url("**/search.html?q=CPO*")
    first = page.locator("#search-results ul.search > li a").first
    first.wait_for(timeout=15000)
    assert first.get_attribute("href") == "glossary/chief-product-officer.html"


def test_home_category_card_is_one_link_to_its_page(browser: Browser, served: str) -> None:
    page = visit(browser, f"{served}index.html")
    card = page.locator(".pmterm-category-card", has_text="Career & Growth")
    # Anywhere on the card, not only its title: a click on its description.
    card.scroll_into_view_if_needed()
    box = card.locator(".sd-card-text").first.bounding_box()
    assert box is not None
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_url("**/glossary/categories/career-growth.html")
    listed = page.locator("ul.pmterm-term-list > li").count()
    page.go_back()
    count = card.locator(".pmterm-category-count").inner_text()
    assert count == f"{listed} terms"
    # Keyboard: the card's link is reachable and says where it goes.
    link = card.locator("a.sd-stretched-link")
    assert link.evaluate("a => a.textContent.trim()") == "Career & Growth"


def test_home_letter_bar_leads_to_its_letter(browser: Browser, served: str) -> None:
    page = visit(browser, f"{served}index.html", PHONE)
    bar = page.locator("ul.pmterm-az-compact")
    assert bar.evaluate("el => el.getBoundingClientRect().height") < 90  # two rows
    bar.locator("a", has_text="P").click()
    page.wait_for_url("**/glossary/a-z.html#az-p")


# -- term pages -------------------------------------------------------------------


def font_size(page: Page, selector: str) -> float:
    return float(
        page.locator(selector).first.evaluate("el => parseFloat(getComputedStyle(el).fontSize)")
    )


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_term_page_parts_are_subordinate_to_the_name(
    browser: Browser, served: str, viewport: dict[str, int]
) -> None:
    page = visit(browser, f"{served}glossary/north-star-metric.html", viewport)
    name = font_size(page, "section.pmterm > h1")
    body = font_size(page, "section.pmterm-definition p")
    for part in ("definition", "why", "practice", "pitfalls", "related", "faqs", "backlinks"):
        heading = font_size(page, f"section.pmterm-{part} > h2")
        assert heading <= 0.7 * name, (part, heading, name)
        assert body < heading <= 1.4 * body, (part, heading, body)
    # On a phone the first screen shows where the term sits, its name and its definition.
    if viewport is PHONE:
        for selector in ("nav.pmterm-breadcrumb", "section.pmterm > h1"):
            assert in_first_screen(page, selector), selector
        assert page.locator("section.pmterm-definition p").first.evaluate(
            "el => el.getBoundingClientRect().top < window.innerHeight / 2"
        )


def test_term_page_leads_to_its_category_and_neighbours(browser: Browser, served: str) -> None:
    page = visit(browser, f"{served}glossary/north-star-metric.html")
    page.locator("nav.pmterm-pager .pmterm-pager-next a").click()
    page.wait_for_url("**/glossary/*.html#term-*")
    assert page.locator("nav.pmterm-breadcrumb a").nth(1).inner_text() == "Metrics & Analytics"
    page.locator("nav.pmterm-pager .pmterm-pager-previous a").click()
    page.wait_for_url("**/glossary/north-star-metric.html#term-North-Star-Metric")
    page.locator("nav.pmterm-breadcrumb a", has_text="Metrics & Analytics").click()
    page.wait_for_url("**/glossary/categories/metrics-analytics.html")


# -- previews -------------------------------------------------------------------

BOX = "el => { const r = el.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; }"


def box(page: Page, selector: str) -> list[float]:
    return list(page.locator(selector).first.evaluate(BOX))


def hover_preview(page: Page, link: Any) -> list[float]:
    page.mouse.move(0, 0)
    link.hover()
    tooltip = page.locator("#pmterm-tooltip")
    tooltip.wait_for(state="visible")
    return box(page, "#pmterm-tooltip")


def test_preview_opens_above_a_link_at_the_bottom_of_the_window(
    browser: Browser, served: str
) -> None:
    page = visit(browser, f"{served}glossary/head-of-product.html")
    link = page.locator("section.pmterm-related a.pmterm-preview").first
    # Scroll until the link sits just above the bottom edge of the window.
    page.evaluate(
        "el => window.scrollBy(0, el.getBoundingClientRect().bottom - window.innerHeight + 12)",
        link.element_handle(),
    )
    _, top, _, bottom = box(page, "section.pmterm-related a.pmterm-preview")
    assert DESKTOP["height"] - 30 < bottom <= DESKTOP["height"]
    tip = hover_preview(page, link)
    assert tip[3] <= top, "the preview is not above its link"
    assert tip[1] >= 0 and tip[3] <= DESKTOP["height"], tip
    assert page.locator("#pmterm-tooltip").get_attribute("data-placement") == "above"
    # Scrolled back, with room below, it opens below again.
    page.evaluate("el => el.scrollIntoView({block: 'center'})", link.element_handle())
    tip = hover_preview(page, link)
    _, top, _, bottom = box(page, "section.pmterm-related a.pmterm-preview")
    assert tip[1] >= bottom and tip[3] <= DESKTOP["height"]


def test_preview_keeps_a_margin_on_both_sides_of_a_phone(browser: Browser, served: str) -> None:
    page = visit(browser, f"{served}glossary/head-of-product.html", PHONE)
    links = page.locator("section.pmterm a.pmterm-preview")
    assert links.count() >= 6
    for i in range(min(links.count(), 12)):  # one after another: each placed afresh
        link = links.nth(i)
        link.scroll_into_view_if_needed()
        page.evaluate("el => el.scrollIntoView({block: 'center'})", link.element_handle())
        left, top, right, bottom = hover_preview(page, link)
        assert left >= 8 and right <= PHONE["width"] - 8, (i, left, right)
        assert top >= 0 and bottom <= PHONE["height"], (i, top, bottom)


def test_a_tap_on_a_touch_screen_follows_the_link(browser: Browser, served: str) -> None:
    page = visit(
        browser, f"{served}glossary/head-of-product.html", PHONE, is_mobile=True, has_touch=True
    )
    link = page.locator("section.pmterm-related a.pmterm-preview").first
    href = str(link.get_attribute("href"))
    # First without leaving the page: the tap opens no preview.
    page.evaluate(
        "el => el.addEventListener('click', e => e.preventDefault())", link.element_handle()
    )
    link.tap()
    page.wait_for_timeout(300)
    assert not page.locator("#pmterm-tooltip").is_visible()
    assert link.get_attribute("aria-describedby") is None
    # Then a plain tap goes to the term.
    page.reload()
    page.locator("section.pmterm-related a.pmterm-preview").first.tap()
    page.wait_for_url(f"**/glossary/{href.split('#')[0]}*")


# -- the neighbourhood diagram -----------------------------------------------------------

#: The rendered boxes of a diagram: each label's, its box's, and the figure's.
DIAGRAM_BOXES = """
figure => {
  const rect = el => { const r = el.getBoundingClientRect();
                       return [r.left, r.top, r.right, r.bottom]; };
  const boxes = [...figure.querySelectorAll('rect.pmterm-map-box')].map(r => ({
    box: rect(r), label: rect(r.parentNode.querySelector('text.pmterm-map-label')),
  }));
  const captions = [...figure.querySelectorAll('text.pmterm-map-caption, text.pmterm-map-more')]
    .map(rect);
  return {boxes, captions, figure: rect(figure), width: window.innerWidth};
}
"""

#: Terms whose diagrams are the fullest, have the longest name, and have few links.
DIAGRAM_PAGES = [
    "glossary/retention-rate",
    "glossary/api",  # Application Programming Interface
    "glossary/north-star-metric",
]


def overlap(a: list[float], b: list[float]) -> bool:
    return a[0] < b[2] - 0.5 and b[0] < a[2] - 0.5 and a[1] < b[3] - 0.5 and b[1] < a[3] - 0.5


def inside(inner: list[float], outer: list[float]) -> bool:
    return (
        inner[0] >= outer[0] - 0.5
        and inner[1] >= outer[1] - 0.5
        and inner[2] <= outer[2] + 0.5
        and inner[3] <= outer[3] + 0.5
    )


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("docname", DIAGRAM_PAGES)
def test_diagram_labels_fit_their_boxes_and_never_overlap(
    browser: Browser, served: str, docname: str, viewport: dict[str, int]
) -> None:
    page = visit(browser, f"{served}{docname}.html", viewport)
    found = page.locator("figure.pmterm-map").evaluate(DIAGRAM_BOXES)
    boxes = found["boxes"]
    assert len(boxes) >= 2
    assert found["figure"][2] <= found["width"], "the diagram is wider than the window"
    for i, a in enumerate(boxes):
        assert inside(a["label"], a["box"]), (docname, i, a)
        for b in boxes[i + 1 :]:
            assert not overlap(a["box"], b["box"]), (docname, a, b)
            assert not overlap(a["label"], b["label"]), (docname, a, b)
        for caption in found["captions"]:
            assert not overlap(caption, a["box"]), (docname, caption, a)
    # Readable on a phone: labels at least 12 px high as drawn.
    size = page.locator("figure.pmterm-map text.pmterm-map-label").first.evaluate(
        "t => t.getBoundingClientRect().height / t.querySelectorAll('tspan').length"
    )
    assert size >= 12


def test_diagram_boxes_are_links_with_previews(browser: Browser, served: str) -> None:
    page = visit(browser, f"{served}glossary/north-star-metric.html")
    link = page.locator("figure.pmterm-map svg a").first
    name = str(link.get_attribute("aria-label"))
    link.scroll_into_view_if_needed()
    link.hover()
    tooltip = page.locator("#pmterm-tooltip")
    tooltip.wait_for(state="visible")
    assert tooltip.locator(".pmterm-tooltip-name").inner_text() == name
    href = str(link.get_attribute("href"))
    link.click()
    page.wait_for_url(f"**/glossary/{href}")
    assert page.locator("section.pmterm > h1").inner_text().rstrip("¶").strip() == name
    # Keyboard: the boxes are in the tab order and open their previews on focus.
    page.go_back()
    page.mouse.move(0, 0)
    page.locator("figure.pmterm-map svg a").nth(1).focus()
    tooltip.wait_for(state="visible")


FILLS = """
svg => {
  const rgb = s => (s.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => {
    const c = [r, g, b].map(v => { v /= 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
                            return (x + 0.05) / (y + 0.05); };
  const page = rgb(getComputedStyle(document.body).backgroundColor);
  return [...svg.querySelectorAll('rect.pmterm-map-box')].map(r => {
    const text = r.parentNode.querySelector('text');
    return ratio(rgb(getComputedStyle(text).fill), rgb(getComputedStyle(r).fill));
  }).concat([...svg.querySelectorAll('text.pmterm-map-caption')].map(
    t => ratio(rgb(getComputedStyle(t).fill), page)));
}
"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_diagram_is_legible_in_both_colour_schemes(
    browser: Browser, served: str, scheme: str
) -> None:
    page = visit(browser, f"{served}glossary/retention-rate.html", color_scheme=scheme)
    ratios = page.locator("figure.pmterm-map svg").evaluate(FILLS)
    assert ratios and min(ratios) >= 4.5, ratios
    line = page.locator("figure.pmterm-map line").first.evaluate("l => getComputedStyle(l).stroke")
    background = page.locator("body").evaluate("b => getComputedStyle(b).backgroundColor")
    assert line != background


# -- accessibility ----------------------------------------------------------------


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("docname", ["index", "glossary/north-star-metric"])
def test_no_serious_accessibility_violations_in_either_colour_scheme(
    browser: Browser, served: str, docname: str, viewport: dict[str, int], scheme: str
) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page = visit(browser, f"{served}{docname}.html", viewport, color_scheme=scheme)
    results = Axe().run(page)
    serious = [
        f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes, e.g. {v['nodes'][0]['target']})"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == []
