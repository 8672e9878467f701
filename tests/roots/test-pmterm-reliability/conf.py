project = "Test Glossary"
extensions = ["myst_parser", "pmterm"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]
nitpicky = True
latex_documents = [("index", "glossary.tex", "Glossary", "Authors", "manual")]
pmterm_categories = [
    {"slug": "roles", "name": "Roles & People", "description": "Who does the work."},
    {"slug": "methods", "name": "Methods", "description": "How the work gets done."},
]
html_theme = "basic"
