"""Reading: the settings, the store in the environment, the posts scanned and collected as
Sphinx reads them, the generated tag and author pages, and what the output can do.
"""
