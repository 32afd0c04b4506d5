"""Output a clean build would not have: of removed documents, tags, aliases and listings.

Sphinx never deletes the output of a document whose source is gone, nor any
file an extension wrote, so a reader (or a search engine) would still reach a
deleted post, its copy under ``_sources``, its redirects, the page and feed of
a tag no post carries any more.  After every build the output folder is made
to hold only what the build wants, whatever earlier builds left there or
were stopped before removing:

- the output of every document Sphinx once wrote here and that is gone (a
  file beside the doctrees remembers them until their output is deleted);
- in html and dirhtml, every file the blog alone writes into the tag folder,
  of later listing pages (``…/page/2.html``), of redirects (the redirect
  marker), of the site's feeds, the authors' feeds and the sitemap, and under
  ``_sources``, ``_images`` and ``_downloads``, that this build does not want:
  that is not among the files it writes (:mod:`sphinxblog.outputs.sitefiles`, the list
  redirects are checked against) or its redirects;
- MyST-NB's style sheet in ``_static``, once the site has no notebook, and
  Mermaid's script, once no page has a diagram.
"""

from __future__ import annotations

import json
import os
import posixpath
import re
from pathlib import Path
from typing import TYPE_CHECKING, cast

from sphinxblog.core.files import replace_if_changed
from sphinxblog.outputs import redirects
from sphinxblog.outputs.sitefiles import of_blog_kind, site_outputs
from sphinxblog.reading.diagrams import MERMAID_SCRIPT
from sphinxblog.reading.output import output_of
from sphinxblog.reading.sources import source_copy
from sphinxblog.reading.store import blog_data, catalog_of, state_file

if TYPE_CHECKING:
    from collections.abc import Iterable

    from sphinx.application import Sphinx
    from sphinx.builders.html import StandaloneHTMLBuilder
    from sphinx.environment import BuildEnvironment


_NOTEBOOK_STYLE = re.compile(r"^mystnb\.[0-9a-f]+\.css$")


def _known_documents(app: Sphinx) -> set[str]:
    try:
        return set(json.loads(state_file(app, "documents", ".json").read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        return set()


def _save_known_documents(app: Sphinx, docnames: Iterable[str]) -> None:
    path = state_file(app, "documents", ".json")
    replace_if_changed(path, json.dumps(sorted(docnames), ensure_ascii=False).encode("utf-8"))


def note_documents(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """``env-get-outdated``: remember, before anything is written, every document
    whose output may be in the output folder, the removed ones too."""
    if not output_of(app.builder).html_files:
        return []
    known = _known_documents(app)
    everything = known | env.found_docs | removed
    if everything != known:
        _save_known_documents(app, everything)
    return []


def remove_stale_output(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: delete what a clean build would not have written."""
    output = output_of(app.builder)
    if exception is not None or not output.html_files:
        return
    builder = cast("StandaloneHTMLBuilder", app.builder)
    outdir = Path(app.outdir)
    env = app.env
    pages = {_relative(builder.get_outfilename(name), outdir) for name in env.found_docs}
    aliases = _wanted_aliases(app)
    stale = []
    for docname in _known_documents(app) - env.found_docs:
        path = Path(builder.get_outfilename(docname))
        relative = _relative(path, outdir)
        if relative in pages:
            continue  # dirhtml: `blog.md` gone, `blog/index.md` new, one page
        # a renamed post whose old path became its alias: the redirect stays
        if relative not in aliases or not _is_redirect(path):
            stale.append(path)
    if output.site:
        stale += _stale_web_output(app, builder, aliases)
    for path in stale:
        _remove(path, outdir)
    _save_known_documents(app, env.found_docs)


def _relative(path: str | Path, outdir: Path) -> str:
    """*path* from *outdir*, with slashes; empty outside it (cheap: it runs for every page)."""
    text, prefix = os.fspath(path), os.path.join(outdir, "")
    return text[len(prefix) :].replace(os.sep, "/") if text.startswith(prefix) else ""


def _is_redirect(path: Path) -> bool:
    try:
        return redirects.MARKER in path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False


def _wanted_aliases(app: Sphinx) -> set[str]:
    """The redirect pages the build wants, from the output folder."""
    return {
        posixpath.normpath(redirects.alias_file(alias))
        for post in catalog_of(app.env).posts
        for alias in post.aliases
    }


def _stale_web_output(app: Sphinx, builder: StandaloneHTMLBuilder, aliases: set[str]) -> list[Path]:
    """The files of the kinds listed in the module's docstring that the build does
    not want: those not among the files it writes (:mod:`sphinxblog.outputs.sitefiles`)."""
    config, env = app.config, app.env
    outdir = Path(app.outdir)
    outputs = site_outputs(app, builder)
    sources = set()
    if getattr(builder, "copysource", False) and config.html_copy_source:
        suffix = config.html_sourcelink_suffix
        for docname in env.found_docs:
            path = env.doc2path(docname, False).as_posix()
            sources.add(f"_sources/{source_copy(docname, path, suffix)}")
    images = {f"{builder.imagedir}/{name}" for _docnames, name in env.images.values()}
    downloads = {f"_downloads/{name}" for _docnames, name in env.dlfiles.values()}
    blog_kind = of_blog_kind(app)

    stale = []
    if "myst_nb" not in app.extensions:
        # MyST-NB's style sheet, copied into _static while the site had notebooks
        styles = outdir.glob("_static/mystnb.*.css")
        stale += [path for path in styles if _NOTEBOOK_STYLE.match(path.name)]
    mermaid = outdir / "_static" / MERMAID_SCRIPT
    if not any(blog_data(env).diagrams.values()) and mermaid.is_file():
        stale.append(mermaid)  # copied while a page had a diagram
    for file in _files(outdir):
        if outputs.holds(file):
            continue
        if file in aliases and outputs.clash(file) is None:
            continue  # a redirect that is not one yet is the redirects' to warn of
        # (an alias that clashes is refused: a redirect of an earlier build there goes)
        if file.startswith("_sources/"):
            wanted = file in sources
        elif file.startswith(f"{builder.imagedir}/") and "/" not in file.partition("/")[2]:
            wanted = file in images  # not the subfolders of other extensions (imgmath)
        elif file.startswith("_downloads/"):
            wanted = file in downloads
        elif blog_kind(file):
            wanted = False
        elif file.endswith((".html", ".htm")):
            wanted = not _is_redirect(outdir / file)
        else:
            wanted = True
        if not wanted:
            stale.append(outdir / file)
    return stale


def _files(outdir: Path) -> list[str]:
    """Every file of the output folder, as a path from it; not Sphinx's own folders."""
    found = []
    for folder, subfolders, files in os.walk(outdir):
        if folder == str(outdir):
            # the theme's assets, and the doctrees where a build keeps them in the output
            subfolders[:] = [name for name in subfolders if name not in ("_static", ".doctrees")]
        relative = Path(folder).relative_to(outdir).as_posix()
        found += [name if relative == "." else f"{relative}/{name}" for name in files]
    return found


def _remove(path: Path, outdir: Path) -> None:
    """Delete *path*, then the folders it leaves empty (dirhtml's ``<page>/index.html``)."""
    path.unlink(missing_ok=True)
    folder = path.parent
    while folder != outdir and folder.is_relative_to(outdir) and folder.is_dir():
        if any(folder.iterdir()):
            break
        folder.rmdir()
        folder = folder.parent
