extensions = ["myst_parser", "sphinxblog"]
myst_title_to_header = True
exclude_patterns = ["_build"]
html_theme = "basic"
html_static_path = []
