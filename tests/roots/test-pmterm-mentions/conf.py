project = "Mentions"
extensions = ["myst_parser", "pmterm"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]
nitpicky = True
pmterm_categories = [
    {"slug": "roles", "name": "Roles & People", "description": "Who does the work."},
    {"slug": "methods", "name": "Methods", "description": "How the work gets done."},
    {"slug": "unused", "name": "Unused", "description": "No term yet."},
]
html_theme = "basic"
