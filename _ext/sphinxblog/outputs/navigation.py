"""The site's navigation, made once per place in the site instead of once per page.

The theme asks Sphinx for the site's table of contents on every page it writes
(``toctree()`` in the page's context), and Sphinx resolves every toctree of the
site and renders it again each time. What comes back depends on the page in two
ways only: the entries marked as current (the page and its ancestors, which
exist only for a page that some toctree names) and the folder its relative
links start from. A blog's posts and the later pages of its listings are in no
toctree, so every post of one folder is shown the same navigation: it is made
for the first of them and given to the others. A page that a toctree names
keeps a navigation of its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sphinxblog.reading.output import output_of
from sphinxblog.reading.store import blog_data

if TYPE_CHECKING:
    from collections.abc import Callable, Hashable

    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment


def documents_in_toctrees(env: BuildEnvironment) -> frozenset[str]:
    """The documents whose navigation can mark something as current: the root
    and every document a toctree includes."""
    named = {child for children in env.toctree_includes.values() for child in children}
    return frozenset(named | {env.config.root_doc})


def place_of(pagename: str, target_uri: str, named: frozenset[str]) -> Hashable:
    """What a page's navigation depends on: the page itself where a toctree names
    it, else the folder its links are relative to (the folders of its address,
    as :func:`sphinx.util.osutil.relative_uri` reads them)."""
    if pagename in named:
        return ("page", pagename)
    return ("folder", tuple(target_uri.split("#")[0].split("/")[:-1]))


def _shared(builder: Builder, pagename: str, toctree: Callable[..., str], **options: Any) -> str:
    data = blog_data(builder.env)
    if data.in_toctrees is None:
        data.in_toctrees = documents_in_toctrees(builder.env)
    place = place_of(pagename, builder.get_target_uri(pagename), data.in_toctrees)
    key = (place, tuple(sorted((name, repr(value)) for name, value in options.items())))
    if key not in data.navigations:
        data.navigations[key] = toctree(**options)
    return data.navigations[key]


def share_navigation(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """``html-page-context``, before the theme renders anything: the page's
    ``toctree()`` answers from what pages of the same place were given."""
    toctree = context.get("toctree")
    if toctree is None or not output_of(app.builder).site:
        return

    def shared_toctree(**options: Any) -> str:
        return _shared(app.builder, pagename, toctree, **options)

    context["toctree"] = shared_toctree


def forget_navigation(app: Sphinx, env: BuildEnvironment) -> None:
    """``env-updated``: each build resolves the navigation from what it read (one
    application may build more than once, as tests and servers do)."""
    data = blog_data(env)
    data.navigations, data.in_toctrees = {}, None
