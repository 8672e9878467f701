"""What readers see, checked in a real headless Chromium driven by Playwright.

Uses the system's Chromium (Debian's ``chromium`` package), never a downloaded
browser. Locally, without Chromium, these tests skip and say how to install it;
in CI (``CI`` set) a missing Chromium is an error, so they cannot silently skip.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from pathlib import Path

    from playwright.sync_api import Browser, Page
    from sphinx.testing.util import SphinxTestApp

    from conftest import Installed

from browsing import require_chromium

require_chromium()  # skips this module without Chromium (fails in CI)

from axe_playwright_python.sync_playwright import Axe  # noqa: E402


@pytest.fixture(scope="module")
def site(real_site: SphinxTestApp) -> Path:
    return real_site.outdir


def open_page(browser: Browser, site: Path, docname: str, **context: Any) -> Page:
    page = browser.new_context(viewport={"width": 1280, "height": 900}, **context).new_page()
    page.goto((site / f"{docname}.html").as_uri())
    return page


def is_open(page: Page) -> bool:
    return bool(page.locator("details.pmterm-faq").first.evaluate("d => d.open"))


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_faq_opens_and_closes_by_click_and_keyboard(
    browser: Browser, site: Path, javascript: bool
) -> None:
    page = open_page(browser, site, "glossary/head-of-product", java_script_enabled=javascript)
    summary = page.locator("details.pmterm-faq > summary").first
    answer = page.locator("details.pmterm-faq .pmterm-faq-answer").first
    assert not is_open(page) and not answer.is_visible()
    summary.click()
    assert is_open(page) and answer.is_visible()
    summary.click()
    assert not is_open(page)
    summary.focus()
    page.keyboard.press("Enter")
    assert is_open(page)
    page.keyboard.press(" ")
    assert not is_open(page)


def test_preview_opens_on_hover_and_focus_and_closes_on_escape(
    browser: Browser, site: Path
) -> None:
    page = open_page(browser, site, "glossary/head-of-product")  # a file:// page
    link = page.locator(
        "section.pmterm-definition a.pmterm-preview", has_text="Chief Product Officer"
    )
    tooltip = page.locator("#pmterm-tooltip")
    link.hover()
    tooltip.wait_for(state="visible")
    assert tooltip.get_attribute("role") == "tooltip"
    assert tooltip.locator(".pmterm-tooltip-name").inner_text() == "Chief Product Officer"
    assert tooltip.locator(".pmterm-tooltip-category").inner_text() == "Career & Growth"
    assert (
        tooltip.locator(".pmterm-tooltip-text")
        .inner_text()
        .startswith("A Chief Product Officer is")
    )
    assert link.get_attribute("aria-describedby") == "pmterm-tooltip"
    page.keyboard.press("Escape")
    tooltip.wait_for(state="hidden")
    assert str(link.get_attribute("title", timeout=1000)).startswith(
        "Chief Product Officer (Career & Growth) — "
    )
    page.mouse.move(0, 0)
    link.focus()
    tooltip.wait_for(state="visible")
    page.keyboard.press("Escape")
    tooltip.wait_for(state="hidden")
    assert link.get_attribute("aria-describedby") is None


def test_a_to_z_letter_bar_jumps_to_its_letter(browser: Browser, site: Path) -> None:
    page = open_page(browser, site, "glossary/a-z")
    page.locator(".pmterm-az-bar a", has_text="P").click()
    assert page.url.endswith("#az-p")
    # furo scrolls smoothly: wait until the section reaches the top of the viewport.
    page.wait_for_function(
        "() => { const t = document.getElementById('az-p').getBoundingClientRect().top;"
        " return t >= 0 && t < 100; }",
        timeout=5000,
    )
    assert page.locator("section#az-p a", has_text="Product Roadmap").is_visible()


def test_search_finds_a_term_by_its_alias(browser: Browser, site: Path) -> None:
    page = open_page(browser, site, "search")
    page.goto((site / "search.html").as_uri() + "?q=CPO")
    result = page.locator("#search-results a[href*='chief-product-officer']").first
    result.wait_for(timeout=15000)
    assert result.is_visible()


CONTRAST = """
el => {
  const rgba = s => (s.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => {
    const c = [r, g, b].map(v => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  };
  let node = el, bg = null;
  while (node && node.nodeType === 1) {
    const c = rgba(getComputedStyle(node).backgroundColor);
    if (c.length === 3 || (c.length === 4 && c[3] > 0.5)) { bg = c; break; }
    node = node.parentElement;
  }
  bg = bg || [255, 255, 255];
  const fg = rgba(getComputedStyle(el).color);
  const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
  return { ratio: (a + 0.05) / (b + 0.05), background: lum(bg) };
}
"""

# The glossary's own elements: (page, selector)
OWN_ELEMENTS = [
    ("glossary/head-of-product", ".pmterm-meta .pmterm-label"),
    ("glossary/head-of-product", ".pmterm-meta .pmterm-category a"),
    ("glossary/head-of-product", ".pmterm-alias"),
    ("glossary/head-of-product", "details.pmterm-faq > summary"),
    ("glossary/head-of-product", ".pmterm-related-list a"),
    ("glossary/head-of-product", ".pmterm-backlink-kind"),
    ("glossary/head-of-product", ".pmterm-back a"),
    ("glossary/a-z", ".pmterm-az-bar a"),
    ("glossary/a-z", ".pmterm-az-bar .pmterm-az-empty p"),
    ("glossary/categories/career-growth", ".pmterm-term-list a"),
]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_glossary_elements_are_legible(
    browser: Browser, site: Path, scheme: str, tmp_path: Path
) -> None:
    pages: dict[str, Page] = {}
    for docname, selector in OWN_ELEMENTS:
        if docname not in pages:
            pages[docname] = open_page(browser, site, docname, color_scheme=scheme)
            pages[docname].screenshot(
                path=str(tmp_path / f"{docname.replace('/', '_')}-{scheme}.png")
            )
        found = pages[docname].locator(selector).first.evaluate(CONTRAST)
        assert found["ratio"] >= 4.5, (
            f"{selector} on {docname} in {scheme} mode: {found['ratio']:.2f}"
        )
    body = pages["glossary/head-of-product"].locator("body").evaluate(CONTRAST)
    assert (body["background"] < 0.1) if scheme == "dark" else (body["background"] > 0.8)
    page = pages["glossary/head-of-product"]
    page.locator("a.pmterm-preview").first.hover()
    tooltip = page.locator("#pmterm-tooltip .pmterm-tooltip-text")
    tooltip.wait_for(state="visible")
    assert tooltip.evaluate(CONTRAST)["ratio"] >= 4.5


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_health_chart_reads_in_light_and_dark_mode(
    browser: Browser, site: Path, scheme: str
) -> None:
    """The chart's labels and values are text (4.5:1), its bars graphics (3:1)."""
    page = open_page(browser, site, "about/health", color_scheme=scheme)
    # SVG paints with "fill", not "color".
    fill = CONTRAST.replace("getComputedStyle(el).color", "getComputedStyle(el).fill")
    for selector in ("text.pmterm-chart-label", "text.pmterm-chart-value"):
        found = page.locator(f"svg.pmterm-chart {selector}").first.evaluate(fill)
        assert found["ratio"] >= 4.5, f"{selector} in {scheme} mode: {found['ratio']:.2f}"
    bar = page.locator("svg.pmterm-chart rect.pmterm-chart-bar").first.evaluate(fill)
    assert bar["ratio"] >= 3, f"bars in {scheme} mode: {bar['ratio']:.2f}"


@pytest.mark.parametrize(
    "docname",
    [
        "index",
        "glossary/categories/career-growth",
        "glossary/a-z",
        "glossary/head-of-product",
        "about/health",
    ],
)
def test_no_serious_accessibility_violations(browser: Browser, site: Path, docname: str) -> None:
    page = open_page(browser, site, docname)
    results = Axe().run(page)
    serious = [
        f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes, e.g. {v['nodes'][0]['target']})"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == []


def test_print_shows_every_faq_answer_and_no_sidebar(browser: Browser, site: Path) -> None:
    page = open_page(browser, site, "glossary/head-of-product")
    answers = page.locator("details.pmterm-faq > .pmterm-faq-answer")
    assert answers.count() >= 2
    assert not answers.first.is_visible()  # on screen, closed FAQs hide their answers
    page.emulate_media(media="print")
    for i in range(answers.count()):
        assert answers.nth(i).is_visible(), f"FAQ answer {i} hidden in print"
    assert not page.locator(".sidebar-drawer").is_visible()
    assert not page.locator("p.pmterm-back").is_visible()
    # Nothing the reader needs is cut: the page still shows the term's parts.
    assert page.locator("section.pmterm h1").is_visible()


@pytest.fixture(scope="module")
def reliability(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from conftest import build_root

    app, _ = build_root("pmterm-reliability", tmp_path_factory)
    return app.outdir


def test_preview_of_a_name_with_dashes_reads_structured_data(
    browser: Browser, reliability: Path
) -> None:
    """The name "Build — Measure — Learn" holds the " — " that separates name and
    summary in the title; the script reads the page's JSON map, not the title."""
    page = open_page(browser, reliability, "page")
    link = page.locator("a.pmterm-preview", has_text="Build — Measure — Learn")
    tooltip = page.locator("#pmterm-tooltip")
    link.hover()
    tooltip.wait_for(state="visible")
    assert tooltip.locator(".pmterm-tooltip-name").inner_text() == "Build — Measure — Learn"
    assert tooltip.locator(".pmterm-tooltip-category").inner_text() == "Methods"
    assert tooltip.locator(".pmterm-tooltip-text").inner_text() == (
        "Build — Measure — Learn is the loop at the heart of lean startup."
    )


@pytest.mark.package
def test_previews_run_in_a_project_that_installed_the_wheel(
    browser: Browser, installed: Installed
) -> None:
    """The demo project (alabaster, its own categories) uses the installed package only:
    every file the page asks for loads, and the preview script shows its tooltip."""
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    failed: list[str] = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto((installed.demo / "glossary" / "mise-en-place.html").as_uri())
    link = page.locator("section.pmterm-why a.pmterm-preview", has_text="Roux")
    tooltip = page.locator("#pmterm-tooltip")
    link.hover()
    tooltip.wait_for(state="visible")
    assert tooltip.locator(".pmterm-tooltip-name").inner_text() == "Roux"
    assert tooltip.locator(".pmterm-tooltip-category").inner_text() == "Techniques"
    assert tooltip.locator(".pmterm-tooltip-text").inner_text().startswith("A roux is flour")
    assert failed == [] and errors == []
