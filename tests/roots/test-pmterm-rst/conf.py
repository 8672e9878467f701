# A reStructuredText-only project: no MyST-Parser in extensions.
project = "Test Glossary in rST"
extensions = ["pmterm"]
exclude_patterns = ["_build"]
nitpicky = True
pmterm_categories = [
    {"slug": "roles", "name": "Roles & People", "description": "Who does the work."},
    {"slug": "methods", "name": "Methods", "description": "How the work gets done."},
]
html_theme = "basic"
