"""Pages: what a page shows of other posts, as views made from the catalog, and the renderers
that draw them.
"""
