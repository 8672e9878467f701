"""Sphinx configuration of the product-management glossary."""

from __future__ import annotations

import os
import sys
import tomllib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "_ext"))

project = "Product Management Glossary"
author = "The PM Glossary authors"
copyright = "2026, The PM Glossary authors"  # noqa: A001 (Sphinx's name)
# One version for the site and the package: pyproject.toml's.
with (Path(__file__).parent / "pyproject.toml").open("rb") as _file:
    release = tomllib.load(_file)["project"]["version"]
version = ".".join(release.split(".")[:2])

extensions = ["myst_parser", "sphinx_design", "pmterm"]

root_doc = "index"
exclude_patterns = [
    "_build",
    ".venv",
    "tests",
    "README.md",
    ".ci",
    ".*",
    "**/.*",
]
nitpicky = True

myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

# Read the Docs provides the canonical address; absolute URLs in structured data
# and social previews need it. Local builds fall back to relative URLs.
html_baseurl = os.environ.get("READTHEDOCS_CANONICAL_URL", "")

# The PDF (make latexpdf, and Read the Docs' download) uses Sphinx's default
# engine, pdflatex, like Read the Docs; references print their page numbers.
latex_show_pagerefs = True

html_theme = "furo"
html_title = "Product Management Glossary"
html_static_path = ["_static"]
html_css_files = ["site.css"]

# Pages about the site, not the glossary: not listed as backlinks, ranked last by
# the search.
pmterm_maintainer_pages = ["about/*"]

# The categories of the glossary, declared once. Category pages are generated
# from this list into ``pmterm_category_dir``.
pmterm_categories = [
    {
        "slug": "core-concepts",
        "name": "Core Concepts",
        "description": "The basic vocabulary of the job: what product management is, "
        "who does it, and the documents every product team shares.",
    },
    {
        "slug": "strategy-vision",
        "name": "Strategy & Vision",
        "description": "Where the product is going and why: vision, strategy, "
        "positioning and the bets that follow from them.",
    },
    {
        "slug": "research-discovery",
        "name": "Research & Discovery",
        "description": "How teams learn what customers need before building: "
        "interviews, experiments, prototypes and synthesis.",
    },
    {
        "slug": "prioritization-frameworks",
        "name": "Prioritization & Frameworks",
        "description": "Scoring models and decision tools for choosing what to "
        "build next and what to drop.",
    },
    {
        "slug": "planning-roadmapping",
        "name": "Planning & Roadmapping",
        "description": "Turning strategy into sequenced plans: roadmaps, goals, "
        "releases and the rituals around them.",
    },
    {
        "slug": "agile-delivery",
        "name": "Agile & Delivery",
        "description": "How software actually ships: iterative methods, backlogs, "
        "ceremonies and the artefacts engineering teams work from.",
    },
    {
        "slug": "metrics-analytics",
        "name": "Metrics & Analytics",
        "description": "The numbers product teams watch, how each is computed, "
        "and the traps in reading them.",
    },
    {
        "slug": "growth-go-to-market",
        "name": "Growth & Go-to-Market",
        "description": "Bringing a product to buyers and keeping them: launches, "
        "pricing, funnels and growth loops.",
    },
    {
        "slug": "ai-technical",
        "name": "AI & Technical Fluency",
        "description": "The engineering and machine-learning concepts a PM needs "
        "to hold a credible conversation with builders.",
    },
    {
        "slug": "career-growth",
        "name": "Career & Growth",
        "description": "Roles, levels and leadership paths in product management, "
        "from first PM job to the executive team.",
    },
]
