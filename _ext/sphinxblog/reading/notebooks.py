"""Notebooks as posts, read by MyST-NB where a site has any.

MyST-NB takes half a second to load (its execution cache brings a database
library), so it is loaded only for a site with a notebook (an ``.ipynb``
document, or a MyST text notebook): a blog of Markdown posts builds as fast as
before.  It is then named among the site's extensions, so that Sphinx reads
every document again when the first notebook comes or the last one goes.

Notebooks are not executed unless the site asks (``nb_execution_mode``): their
stored outputs are shown.  MyST-NB's files go beside the doctrees, not beside
the output folder.  Widgets and scripts, which need code from another host,
are left out with a warning; the post is read as a Markdown post is (its
front matter by :mod:`sphinxblog.core.notebooks`).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from myst_parser.parsers.sphinx_ import MystParser
from sphinx.locale import get_translation
from sphinx.transforms import SphinxTransform
from sphinx.util import logging

from sphinxblog.core.notebooks import (
    NOTEBOOK_SUFFIX,
    is_notebook,
    is_text_notebook,
    notebook_for_myst,
    text_notebook_for_myst,
    text_notebook_head,
)
from sphinxblog.reading.sources import MARKDOWN_SUFFIXES, document_paths, not_sources
from sphinxblog.reading.store import front_matter_of

if TYPE_CHECKING:
    from docutils.nodes import document
    from sphinx.application import Sphinx
    from sphinx.config import Config

logger = logging.getLogger(__name__)
_ = get_translation("sphinxblog")

MYST_NB = "myst_nb"
#: outputs that need code from another host to show anything
_LIVE_OUTPUTS = {
    "application/vnd.jupyter.widget-view+json": "a widget",
    "application/javascript": "a script",
}
_SCOPED_STYLE = re.compile(r"<style\s+scoped(?:=[\"']?scoped[\"']?)?\s*>", re.IGNORECASE)
_REPR = re.compile(r"^<[^<>]*>$")
#: how far into a Markdown file its header is looked for
_HEAD_BYTES = 4096


def _head(path: Path) -> str:
    try:
        with path.open("rb") as file:
            return file.read(_HEAD_BYTES).decode("utf-8", errors="replace")
    except OSError:
        return ""


def site_notebooks(app: Sphinx) -> bool:
    """Whether the site has a notebook: an ``.ipynb`` document, or a Markdown
    document with a text notebook's header.

    It is asked before the symbolic links that loop are excluded: links are not
    followed (what a link within the source folder leads to is found where it is)."""
    config = app.config
    suffixes = (NOTEBOOK_SUFFIX, *MARKDOWN_SUFFIXES)
    srcdir = Path(app.srcdir)
    for path in document_paths(srcdir, suffixes, not_sources(app, config), followlinks=False):
        if path.endswith(NOTEBOOK_SUFFIX) or text_notebook_head(_head(srcdir / path)):
            return True
    return False


def load_myst_nb(app: Sphinx) -> None:
    """In ``setup()``: load MyST-NB for a site with notebooks."""
    if MYST_NB in app.extensions or site_notebooks(app):
        app.setup_extension(MYST_NB)
        if MYST_NB not in app.config.extensions:
            app.config.extensions.append(MYST_NB)


def _set_by_site(config: Config, name: str) -> bool:
    """Whether conf.py or the command line (``-D``) sets *name*: Sphinx keeps both,
    and has no public way to tell a value set from its default."""
    return name in config._raw_config or name in config._overrides


def read_notebooks_as_posts(app: Sphinx, config: Config) -> None:
    """``config-inited``: notebooks as posts, not executed unless the site asks,
    and nothing of them loaded from another host."""
    if MYST_NB not in app.extensions:
        return
    # Sphinx adds MyST-NB's suffixes to this mapping in place: where conf.py sets
    # none, that is Sphinx's default, which later applications would share
    if isinstance(config.source_suffix, dict):
        config.source_suffix = dict(config.source_suffix)
    # Sphinx keeps the values conf.py sets; MyST-NB's own default executes a
    # notebook that has no outputs stored
    if not _set_by_site(config, "nb_execution_mode"):
        config.nb_execution_mode = "off"
    # MyST-NB's widgets load their code from other hosts
    config.nb_ipywidgets_js = {}


def keep_files_with_doctrees(app: Sphinx) -> None:
    """``builder-inited``, after MyST-NB: its output files and execution cache
    beside the doctrees (MyST-NB puts them beside the output folder)."""
    env = app.env
    nb_config = getattr(env, "mystnb_config", None)
    if nb_config is None:
        return
    doctrees = Path(app.doctreedir)
    cache = nb_config.execution_cache_path
    if not _set_by_site(app.config, "nb_execution_cache_path"):
        cache = str(doctrees / "notebook-cache")
    env.mystnb_config = nb_config.copy(  # type: ignore[attr-defined]
        output_folder=str(doctrees / "notebook-files"), execution_cache_path=cache
    )


def notebook_for_myst_nb(app: Sphinx, docname: str, source: list[str]) -> None:
    """``source-read``: a notebook as MyST-NB reads it, its front matter as the
    blog read it; a text notebook with a kernel named as MyST-NB recognises it."""
    if MYST_NB not in app.extensions:
        return
    front_matter = front_matter_of(app.env, docname)
    if is_notebook(app.env.doc2path(docname)):
        source[0] = notebook_for_myst(source[0], front_matter)
    elif is_text_notebook(front_matter.data):
        source[0] = text_notebook_for_myst(source[0], front_matter)


class PostParser(MystParser):
    """MyST-Parser for Markdown, MyST-NB for a text notebook.

    MyST-NB would read every Markdown file, loading each header once more to
    see whether it is a notebook's: the blog has read the headers already."""

    supported: ClassVar[tuple[str, ...]] = ("markdown",)  # type: ignore[misc]

    def parse(self, inputstring: str, document: document) -> None:
        env = document.settings.env
        if not is_text_notebook(front_matter_of(env, env.docname).data):
            super().parse(inputstring, document)
            return
        from myst_nb.sphinx_ import Parser

        notebook_parser = Parser()
        notebook_parser._config, notebook_parser._env = self._config, self._env
        notebook_parser.parse(inputstring, document)


def read_text_notebooks(app: Sphinx) -> None:
    """In ``setup()``, after MyST-NB: Markdown files read by :class:`PostParser`."""
    if MYST_NB in app.extensions:
        app.add_source_parser(PostParser, override=True)


class NotebookOutputs(SphinxTransform):
    """A notebook's outputs as every output can show them.

    Widgets and scripts are left out, with a warning: they need code from
    another host, and a book cannot run them; their text, where the output has
    one, is shown instead.  A picture is described by the output's text, or
    as the output of the code above it: MyST-NB gives it its file's path."""

    default_priority = 200

    def apply(self, **kwargs: Any) -> None:
        for bundle in list(self.document.findall(nodes.container)):
            if bundle.get("nb_element") != "mime_bundle":
                continue
            for output in _outputs(bundle):
                kind = _LIVE_OUTPUTS.get(output.get("mime_type", ""))
                if kind is None:
                    continue
                bundle.remove(output)
                logger.warning(
                    "a notebook output is %s, which needs code from another host: left out%s",
                    kind, "; its text is shown" if bundle.children else "",
                    location=bundle, type="blog", subtype="notebook",
                )  # fmt: skip
            _describe_pictures(bundle)
            for raw in bundle.findall(nodes.raw):
                # pandas' tables: no browser has scoped styles, and checkers refuse them
                raw[:] = [nodes.Text(_SCOPED_STYLE.sub("<style>", raw.astext()))]


def _outputs(bundle: nodes.Element) -> list[nodes.Element]:
    """The outputs of a MyST-NB bundle, one a kind of data."""
    return [output for output in bundle.children if isinstance(output, nodes.Element)]


def _describe_pictures(bundle: nodes.Element) -> None:
    texts = (o.astext().strip() for o in _outputs(bundle) if o.get("mime_type") == "text/plain")
    text = next(texts, "")
    # Python's text for an object that has none (<Figure size 640x480 with 1 Axes>)
    described = text if text and not _REPR.match(text) else _("Output of the code above")
    for image in bundle.findall(nodes.image):
        if image.get("alt") in {None, "", image.get("uri")}:
            image["alt"] = described


def copy_notebook_style(app: Sphinx) -> None:
    """``builder-inited``: MyST-NB's style sheet in the output folder before any page
    links it.  MyST-NB copies it once the build has finished: Sphinx links a file
    it finds with a checksum, so a rebuild's pages would differ from a clean
    build's, and an ePub is packed before then."""
    if MYST_NB in app.extensions and app.builder.format == "html":
        from myst_nb.sphinx_ext import add_global_html_resources

        Path(app.outdir, "_static").mkdir(parents=True, exist_ok=True)
        add_global_html_resources(app, None)
