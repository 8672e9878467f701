project = "Test Glossary"
extensions = ["myst_parser", "pmterm"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]
nitpicky = True
pmterm_categories = [
    {"slug": "roles", "name": "Roles", "description": "Who does the work."},
    {"name": "A category without a slug"},
    # An author's own file sits where this category's page would be generated.
    {"slug": "kept", "name": "Kept", "description": "Its page is the author's."},
]
html_theme = "basic"
