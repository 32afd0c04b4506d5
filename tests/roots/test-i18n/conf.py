import os

extensions = ["myst_parser", "sphinxblog", "sphinx_kazakh"]
myst_title_to_header = True
exclude_patterns = ["_build"]
html_theme = "basic"
# sphinx-design appends to this list: give each test app its own
html_static_path = []
language = "kk"
locale_dirs = [os.path.join(os.path.dirname(__file__), "locales")]
