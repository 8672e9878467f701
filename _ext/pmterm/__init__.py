"""pmterm: a Sphinx extension for structured product-management glossary terms."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import config, healthpage, home, labels, neighbourhood, nodes, termnav, translated
from .assets import STATIC_DIR as STATIC_DIR  # re-exported: where the CSS and JS live
from .assets import add_assets
from .captions import PRIORITY as CAPTIONS_PRIORITY
from .captions import add_caption_levels
from .checks import check_consistency, report_unlinked_mentions
from .directives import (
    AzBarDirective,
    AzDirective,
    CategoriesDirective,
    CategoryDirective,
    PartDirective,
    PmTermDirective,
    WarningsDirective,
)
from .docs import OptionsDirective
from .domain import PmTermDomain, freeze
from .encoding import normalise_line_breaks, use_tolerant_codec, warn_undecodable
from .export import write_glossary_json
from .incremental import pages_changed_by_others
from .latex import add_labels, declare_symbols, replace_untypesettable
from .navigation import PRIORITY as SIDEBAR_PRIORITY
from .navigation import limit_sidebar
from .pages import write_generated_pages
from .placement import check_placement
from .previews import add_preview_data, add_previews
from .prose import collect_prose
from .references import collect_references
from .render import FaqDetailsTransform, resolve_placeholders
from .search import add_search_data, install_scorer, merge_search_entries
from .singlepage import fix_single_page_links, fix_single_page_toc
from .stdterms import check_clashes, register_terms, resolve_missing_term
from .structured_data import add_structured_data

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.util.typing import ExtensionMetadata

__version__ = "0.1.0"

#: Bump whenever the shape of the data kept on the environment changes, or what the
#: directives put in a doctree (a new part, a new placeholder): Sphinx then re-reads
#: every page instead of writing new output from old doctrees. 6: the diagram.
ENV_VERSION = 6

PART_NAMES = ("why", "practice", "pitfalls", "related", "faq")


def add_static_path(app: Sphinx, config: Config) -> None:
    """Ship the extension's CSS with it, so other projects get it without copying.

    Done on ``config-inited``, before Sphinx compares the configuration with the
    last build's, so the added path never counts as a configuration change."""
    if str(STATIC_DIR) not in config.html_static_path:
        config.html_static_path.append(str(STATIC_DIR))


def setup(app: Sphinx) -> ExtensionMetadata:
    config.register(app)
    nodes.register(app)
    healthpage.register(app)
    labels.register(app)
    translated.register(app)
    app.add_domain(PmTermDomain)
    app.add_directive("pmterm", PmTermDirective)
    for part in PART_NAMES:
        app.add_directive(part, PartDirective)
    app.add_directive("pmterm-category", CategoryDirective)
    app.add_directive("pmterm-categories", CategoriesDirective)
    app.add_directive("pmterm-az", AzDirective)
    app.add_directive("pmterm-az-bar", AzBarDirective)
    home.register(app)
    termnav.register(app)
    neighbourhood.register(app)
    app.add_directive("pmterm-warnings", WarningsDirective)
    app.add_directive("pmterm-options", OptionsDirective)
    app.add_post_transform(FaqDetailsTransform)
    # In the order Sphinx emits the events.
    app.connect("config-inited", add_static_path)
    app.connect("config-inited", declare_symbols)
    app.connect("config-inited", install_scorer)
    app.connect("builder-inited", write_generated_pages)
    app.connect("builder-inited", add_assets)
    app.connect("env-before-read-docs", use_tolerant_codec)
    app.connect("source-read", warn_undecodable)
    app.connect("source-read", normalise_line_breaks)
    app.connect("doctree-read", check_placement)
    app.connect("doctree-read", collect_references)
    app.connect("doctree-read", collect_prose)
    app.connect("env-updated", freeze)  # the model first: the handlers below read it
    app.connect("env-updated", register_terms)
    app.connect("env-get-updated", pages_changed_by_others)
    app.connect("env-check-consistency", check_consistency)
    app.connect("env-check-consistency", check_clashes)
    app.connect("env-check-consistency", report_unlinked_mentions)
    app.connect("missing-reference", resolve_missing_term)
    app.connect("doctree-resolved", resolve_placeholders)
    app.connect("doctree-resolved", healthpage.resolve_health)
    app.connect("doctree-resolved", add_previews)
    app.connect("doctree-resolved", merge_search_entries)
    app.connect("doctree-resolved", fix_single_page_links, priority=900)
    app.connect("doctree-resolved", replace_untypesettable, priority=950)
    app.connect("doctree-resolved", add_labels, priority=950)
    app.connect("html-page-context", limit_sidebar, priority=SIDEBAR_PRIORITY)
    app.connect("html-page-context", add_caption_levels, priority=CAPTIONS_PRIORITY)
    app.connect("html-page-context", add_structured_data)
    app.connect("html-page-context", add_preview_data)
    app.connect("html-page-context", add_search_data)
    app.connect("html-page-context", fix_single_page_toc)
    app.connect("build-finished", write_glossary_json)
    app.connect("build-finished", healthpage.write_health_json)
    return {
        "version": __version__,
        "env_version": ENV_VERSION,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
