extensions = ["myst_parser", "sphinx_copybutton", "sphinxblog"]
copybutton_prompt_text = r"\$ |>>> |\.\.\. |In \[\d*\]: | {2,5}\.\.\.: "
copybutton_prompt_is_regexp = True
copybutton_exclude = ".linenos, .gp, .go"
myst_enable_extensions = [
    "colon_fence",
    "deflist",
    "strikethrough",
    "tasklist",
    "linkify",
    "dollarmath",
    "amsmath",
]
myst_linkify_fuzzy_links = False
myst_title_to_header = True
exclude_patterns = ["_build"]
html_theme = "sphinx_book_theme"
# sphinx-design appends to this list: give each test app its own
html_static_path = []
# an ePub without them is not valid EPUB 3
version = "1"
copyright = "2024, Blog Author"
