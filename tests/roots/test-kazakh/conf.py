# a plain Sphinx site in Kazakh: reStructuredText, no blog
extensions = ["sphinx_kazakh"]
project = "Қазақша"
language = "kk"
html_theme = "basic"
exclude_patterns = ["_build"]
# an ePub without them is not valid EPUB 3
version = "1"
copyright = "2024, Әлия Серікқызы"
