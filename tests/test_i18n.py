"""Translation: the extension's labels and the project's own text.

* The extension's labels come from its own message domain, ``pmterm``, with
  catalogs for German and French shipped in the package; the catalogs hold every
  label the code marks and are compiled from their ``.po`` files.
* ``-b gettext`` extracts every string a reader sees on a term page.
* In a translated build (``test-pmterm-i18n``: ``language = "de"`` and a catalog
  for the project's text) every place a term's text is reused shows the
  translation, and references to the translated and to the original names resolve.
"""

# BeautifulSoup lookups return Optional; a None fails the test anyway.
# mypy: disable-error-code="union-attr,index"

from __future__ import annotations

import ast
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup

from conftest import PROJECT, build_root, parse_warnings

if TYPE_CHECKING:
    from sphinx.testing.util import SphinxTestApp

LOCALE = PROJECT / "_ext" / "pmterm" / "locale"
LANGUAGES = ("de", "fr")


def text(node: Any) -> str:
    return " ".join(node.get_text(" ", strip=True).replace("¶", "").split())


def soup(app: SphinxTestApp, docname: str) -> BeautifulSoup:
    return BeautifulSoup((app.outdir / f"{docname}.html").read_text("utf-8"), "html.parser")


# -- the extension's catalogs ---------------------------------------------------------


def marked_labels() -> set[Any]:
    """Every message the code marks (``_``, ``N_``, ``ngettext``), as Babel extracts it."""
    found = extract_from_dir(str(PROJECT / "_ext" / "pmterm"))
    return {message for _file, _line, message, _comments, _context in found}


def test_the_template_holds_every_label_the_code_marks() -> None:
    with (LOCALE / "pmterm.pot").open("rb") as file:
        template = set(entries(read_po(file)))
    assert template == marked_labels()
    assert {"Why it matters", "Linked from", "Also known as:", "A to Z"} <= template


def called_labels() -> set[Any]:
    """Every literal passed to ``_``, ``N_`` or ``ngettext``, found in the syntax tree,
    so also inside f-strings, where Babel's extractor does not look."""
    found: set[Any] = set()
    for path in (PROJECT / "_ext" / "pmterm").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            texts = [a.value for a in node.args if isinstance(a, ast.Constant)]
            if node.func.id in ("_", "N_") and texts:
                found.add(texts[0])
            elif node.func.id == "ngettext" and len(texts) >= 2:
                found.add((texts[0], texts[1]))
    return found


def test_babel_sees_every_label_even_in_f_strings() -> None:
    assert called_labels() <= marked_labels()


def as_key(value: Any) -> Any:
    """A message id or string; plural forms as a tuple."""
    return value if isinstance(value, str) else tuple(value)


def entries(catalog: Any) -> dict[Any, Any]:
    """A catalog as {id: string}."""
    return {as_key(m.id): as_key(m.string) for m in catalog if m.id}


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_catalog_translates_every_label_and_is_compiled(language: str) -> None:
    folder = LOCALE / language / "LC_MESSAGES"
    with (folder / "pmterm.po").open("rb") as file:
        po = read_po(file)
    with (folder / "pmterm.mo").open("rb") as file:
        mo = read_mo(file)
    assert entries(po).keys() == marked_labels()
    untranslated = [
        m.id
        for m in po
        if m.id
        and (m.fuzzy or not all((m.string,) if isinstance(m.string, str) else m.string or ()))
    ]
    assert untranslated == []
    assert entries(mo) == entries(po), "pmterm.mo is older than pmterm.po: run make catalogs"


def test_labels_follow_the_projects_language(tmp_path_factory: pytest.TempPathFactory) -> None:
    app, warnings = build_root("pmterm-basic", tmp_path_factory, language="fr")
    assert parse_warnings(warnings) == []
    term = soup(app, "glossary/alpha").select_one("section.pmterm")
    assert [text(h) for h in term.find_all("h2")] == [
        "Définition",
        "Pourquoi c’est important",
        "En pratique",
        "Pièges courants",
        "Termes associés",
        "Questions fréquentes",
        "Ses liens",
        "Liens vers ce terme",
    ]
    # The diagram's title, captions and text alternative are labels too.
    diagram = term.select_one("figure.pmterm-map svg")
    assert text(diagram.title) == "Les liens entre Alpha Role et les autres termes"
    assert "Termes associés" in [text(t) for t in diagram.select("text.pmterm-map-caption")]
    assert " cite comme termes liés : " in text(diagram.desc)
    assert [text(s) for s in term.select("p.pmterm-meta .pmterm-label")] == [
        "Catégorie :",
        "Aussi appelé :",
    ]
    assert text(term.select_one("p.pmterm-back")) == "Retour au glossaire"
    # Ids stay those of the English labels, so links into a page hold in every language.
    assert term.select_one("section.pmterm-why")["id"] == "alpha-why-it-matters"
    home = soup(app, "index")
    assert "(2 termes)" in text(home.select_one("ul.pmterm-category-list"))
    assert text(soup(app, "glossary/a-z").h1) == "De A à Z"
    # Where the term sits: the breadcrumb and the pager are labelled in French too.
    beta = soup(app, "glossary/beta")
    crumbs = beta.select_one("nav.pmterm-breadcrumb")
    assert crumbs["aria-label"] == "Fil d’Ariane"
    assert text(crumbs.a) == "Glossaire"
    pager = beta.select_one("nav.pmterm-pager")
    assert pager["aria-label"] == "Termes de la catégorie Methods"
    labels = [text(s) for s in pager.select(".pmterm-pager-label")]
    assert labels == ["Précédent dans Methods", "Suivant dans Methods"]


# -- extraction -----------------------------------------------------------------------


def test_gettext_extracts_everything_a_reader_sees_on_a_term_page(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    app, warnings = build_root("pmterm-i18n", tmp_path_factory, "gettext", language="en")
    assert parse_warnings(warnings) == []
    messages: set[str] = set()
    for pot in app.outdir.glob("*.pot"):
        with pot.open("rb") as file:
            messages |= {m.id for m in read_po(file) if isinstance(m.id, str) and m.id}
    expected = {
        "Alpha Role",  # the name
        "AR",  # aliases
        "First Role",
        "The alpha role owns what gets built. It answers to the board.",  # definition
        "It decides what the team builds.",  # a part
        "the method this role runs",  # a related note
        "Is the alpha role *senior*?",  # an FAQ question, with its markup
        "Yes, it reports to the board.",  # its answer
        "Roles & People",  # a category's name and description
        "Who does the work.",
    }
    assert expected - messages == set()
    # The extension's own labels are its catalog's, not the project's.
    assert {"Why it matters", "A to Z", "Linked from"} & messages == set()


# -- a translated build ---------------------------------------------------------------


@pytest.fixture(scope="module")
def german(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    app, warnings = build_root("pmterm-i18n", tmp_path_factory)
    assert parse_warnings(warnings) == [], warnings
    return app


SUMMARY = "Die Alpha-Rolle verantwortet, was gebaut wird."
PREVIEW = f"Alpha-Rolle (Rollen & Menschen) — {SUMMARY}"


def test_the_term_page_is_german_labels_and_text(german: SphinxTestApp) -> None:
    term = soup(german, "glossary/alpha").select_one("section.pmterm")
    assert text(term.h1) == "Alpha-Rolle"
    assert term["id"] == "term-Alpha-Role"  # the address does not move
    assert [text(h) for h in term.find_all("h2")] == [
        "Definition",
        "Warum es wichtig ist",
        "Verwandte Begriffe",
        "Häufig gestellte Fragen",
        "Wie der Begriff zusammenhängt",
        "Verlinkt von",
    ]
    # The diagram names the term as the page does, in the reader's language.
    diagram = term.select_one("figure.pmterm-map svg")
    assert text(diagram.title) == "Wie Alpha-Rolle mit anderen Begriffen zusammenhängt"
    meta = term.select_one("p.pmterm-meta")
    assert text(meta.select_one(".pmterm-category a")) == "Rollen & Menschen"
    assert [text(a) for a in meta.select(".pmterm-alias")] == ["AR", "Erste Rolle"]
    related = term.select_one("ul.pmterm-related-list li")
    assert text(related) == "Beta-Methode — die Methode, nach der diese Rolle arbeitet"
    faq = term.select_one("details.pmterm-faq")
    assert text(faq.summary.em) == "leitend"
    assert text(faq.select_one(".pmterm-faq-answer")) == "Ja, sie berichtet an den Vorstand."
    beta = soup(german, "glossary/beta")
    assert text(beta.select_one(".pmterm-backlink-kind")) == "Begriffe, die ihn als verwandt nennen"


def test_meta_tags_and_json_ld_are_translated(german: SphinxTestApp) -> None:
    page = soup(german, "glossary/alpha")
    assert page.find("meta", attrs={"name": "description"})["content"] == SUMMARY
    assert page.find("meta", property="og:title")["content"] == "Alpha-Rolle"
    assert page.find("meta", property="og:description")["content"] == SUMMARY
    data = [json.loads(str(s.string)) for s in page.find_all("script", type="application/ld+json")]
    term = next(d for d in data if d["@type"] == "DefinedTerm")
    assert (term["name"], term["description"]) == ("Alpha-Rolle", SUMMARY)
    assert term["alternateName"] == ["AR", "Erste Rolle"]
    faq = next(d for d in data if d["@type"] == "FAQPage")
    assert faq["mainEntity"][0]["name"] == "Ist die Alpha-Rolle leitend?"


def test_references_to_translated_and_original_names_resolve_with_previews(
    german: SphinxTestApp,
) -> None:
    page = soup(german, "page")
    links = page.select("a.pmterm-preview")
    assert [text(a) for a in links] == ["Alpha-Rolle", "Alpha Role", "First Role"]
    assert {a["href"] for a in links} == {"glossary/alpha.html#term-Alpha-Role"}
    assert {a["title"] for a in links} == {PREVIEW}
    previews = json.loads(str(page.find(id="pmterm-previews").string))
    assert previews["glossary/alpha.html#term-Alpha-Role"] == {
        "name": "Alpha-Rolle",
        "category": "Rollen & Menschen",
        "summary": SUMMARY,
    }
    assert german.env.domains.standard_domain.objects.keys() >= {
        ("term", "Alpha-Rolle"),
        ("term", "Alpha Role"),
        ("term", "First Role"),
        ("term", "Erste Rolle"),
    }


def test_lists_and_the_a_to_z_are_translated(german: SphinxTestApp) -> None:
    roles = soup(german, "glossary/categories/roles")
    assert text(roles.h1) == "Rollen & Menschen"
    assert text(roles.select_one(".pmterm-category-description")) == "Wer die Arbeit macht."
    assert [text(li) for li in roles.select("ul.pmterm-term-list li")] == [
        f"Alpha-Rolle — {SUMMARY}"
    ]
    home = soup(german, "index")
    assert [text(li) for li in home.select("ul.pmterm-category-list li")] == [
        "Rollen & Menschen (1 Begriff) — Wer die Arbeit macht.",
        "Methoden (1 Begriff) — Wie die Arbeit erledigt wird.",
    ]
    az = soup(german, "glossary/a-z")
    assert text(az.h1) == "A bis Z"
    assert [text(li) for li in az.select(".pmterm-az-list li")] == [
        "Alpha-Rolle",
        "AR (siehe Alpha-Rolle)",
        "Beta-Methode",
        "Erste Rolle (siehe Alpha-Rolle)",
    ]


def test_glossary_json_is_translated(german: SphinxTestApp) -> None:
    data = json.loads((german.outdir / "glossary.json").read_text("utf-8"))
    assert [(c["name"], c["description"]) for c in data["categories"]] == [
        ("Rollen & Menschen", "Wer die Arbeit macht."),
        ("Methoden", "Wie die Arbeit erledigt wird."),
    ]
    alpha = data["terms"][0]
    assert alpha["name"] == "Alpha-Rolle"
    assert alpha["summary"] == SUMMARY
    assert alpha["why"] == ["Sie entscheidet, was das Team baut."]
    assert alpha["related"][0]["note"] == "die Methode, nach der diese Rolle arbeitet"
    assert alpha["faqs"] == [
        {"question": "Ist die Alpha-Rolle leitend?", "answer": "Ja, sie berichtet an den Vorstand."}
    ]
    assert alpha["category"] == {"slug": "roles", "name": "Rollen & Menschen"}
    assert data["aliases"] == {"AR": "Alpha-Rolle", "Erste Rolle": "Alpha-Rolle"}


def test_the_search_index_has_the_translated_names(german: SphinxTestApp) -> None:
    script = (german.outdir / "searchindex.js").read_text("utf-8")
    index = json.loads(script[script.index("(") + 1 : script.rindex(")")])
    assert {"alpha-rolle", "erste rolle"} <= index["indexentries"].keys()
    assert Path(german.srcdir, "glossary", "alpha.md").is_file()
