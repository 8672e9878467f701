# A project that is not the glossary site: it installs pmterm like any other
# extension (no sys.path line), uses alabaster, and writes its terms and nothing else.
project = "Kitchen Words"
extensions = ["myst_parser", "pmterm"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]
html_theme = "alabaster"
pmterm_categories = [
    {"slug": "techniques", "name": "Techniques", "description": "What cooks do at the stove."},
    {"slug": "sauces", "name": "Sauces", "description": "What goes on the plate last."},
]
