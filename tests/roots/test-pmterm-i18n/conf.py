# A project translated into German: the extension's labels come from pmterm's own
# catalog, the project's text from locales/de (compiled to .mo by Sphinx itself).
project = "Test Glossary"
extensions = ["myst_parser", "pmterm"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]
nitpicky = True
language = "de"
locale_dirs = ["locales"]
pmterm_categories = [
    {"slug": "roles", "name": "Roles & People", "description": "Who does the work."},
    {"slug": "methods", "name": "Methods", "description": "How the work gets done."},
]
html_theme = "basic"
