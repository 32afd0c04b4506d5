extensions = ["myst_parser", "sphinxblog"]
myst_title_to_header = True
exclude_patterns = ["_build"]
html_theme = "basic"
# sphinx-design appends to this list: give each test app its own
html_static_path = []
html_baseurl = "https://blog.example.org/"
# a template that shows what templates get of a post (tests/test_generators.py)
templates_path = ["_templates"]
