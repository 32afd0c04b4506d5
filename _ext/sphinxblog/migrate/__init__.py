"""Migrating: other generators' posts read as this blog's (their body markup, directives and
links by old URL); a wing that nothing below depends on.
"""
