"""The second and later pages of long listings (HTML only).

The first page is the document itself; the others are rendered from its
listing's placeholder into the theme's ``page.html``, at ``html-collect-pages``:
after the documents, when Sphinx has prepared writing, whatever the last build
left.  They are looked at again only when their document was written (its
listing changed), and rendered only when what they list changed (a file beside
the doctrees keeps a digest of each), the site's settings, templates or sidebar
changed, or a page is missing.  A retagged post thus rewrites the later pages of
its tags from its own position on, and a rebuild that changed nothing leaves
them alone.  A build stopped before its end makes the next one render every
page again (:func:`forget_pages`).
"""

from __future__ import annotations

import html
import json
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.locale import get_translation
from sphinx.util.docutils import new_document
from sphinx.util.nodes import clean_astext
from sphinx.util.osutil import relative_uri

from sphinxblog.catalog import catalog_of
from sphinxblog.files import replace_if_changed
from sphinxblog.listings import (
    Page,
    listing_pages_of,
    listing_posts,
    page_count,
    page_name,
    page_size,
    render_listing,
)
from sphinxblog.updates import digest, sidebar_digest

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder

    from sphinxblog.catalog import Catalog

_ = get_translation("sphinxblog")


def _paginated(doctree: nodes.document, catalog: Catalog) -> nodes.Element | None:
    return next(
        (
            node
            for node in doctree.findall(nodes.Element)
            if listing_posts(node, catalog) is not None
        ),
        None,
    )


def _state_file(app: Sphinx) -> Path:
    return Path(app.doctreedir, f"blog-listing-pages-{app.builder.name}.json")


def forget_pages(app: Sphinx) -> None:
    """Make the next :func:`write_pages` render and compare every later page."""
    _state_file(app).unlink(missing_ok=True)


def later_pages(app: Sphinx) -> set[str]:
    """The page names of the later pages this build wrote or kept (after :func:`write_pages`)."""
    if not page_size(app.builder):
        return set()
    try:
        state = json.loads(_state_file(app).read_text(encoding="utf-8"))
        if state["outdir"] != str(app.outdir):
            return set()
        return {page for entry in state["documents"].values() for page in entry["pages"]}
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return set()


def write_pages(app: Sphinx) -> list[tuple[str, dict[str, Any], str]]:
    """``html-collect-pages``: pages 2 and on of every listing longer than a page.

    They are written here rather than handed back to Sphinx, so that a page is
    replaced only when its text changes and its ``html-page-context`` handlers
    get the page's doctree.
    """
    builder, env = app.builder, app.env
    size = page_size(builder)
    if not size:
        return []
    catalog = catalog_of(env)
    state_file = _state_file(app)
    shell = _shell_digest(app)
    previous = _load_state(state_file, app.outdir, shell)
    documents: dict[str, dict[str, Any]] = {}
    for docname in sorted(listing_pages_of(env)):
        if docname not in env.found_docs:
            continue
        document = Path(builder.get_outfilename(docname))
        mtime = document.stat().st_mtime_ns if document.exists() else None
        known = previous.get(docname)
        if (
            known is not None
            and mtime is not None
            and known["mtime"] == mtime
            and all(Path(builder.get_outfilename(name)).exists() for name in known["pages"])
        ):
            # its document was not written in this build: the listing did not change
            documents[docname] = known
            continue
        old_pages = known["pages"] if known is not None else {}
        pages = _write_later_pages(app, docname, catalog, size, old_pages)
        documents[docname] = {"mtime": mtime, "pages": pages}
    _save_state(state_file, {"outdir": str(app.outdir), "shell": shell, "documents": documents})
    return []


def _write_later_pages(
    app: Sphinx, docname: str, catalog: Catalog, size: int, old_pages: dict[str, str]
) -> dict[str, str]:
    """Render the later pages of *docname*'s listing whose content changed;
    their digests by page name."""
    builder, env = app.builder, app.env
    node = _paginated(env.get_doctree(docname), catalog)
    posts = listing_posts(node, catalog) if node is not None else ()
    count = page_count(posts, size)
    _remove_pages_after(builder, docname, count)
    pages: dict[str, str] = {}
    for number in range(2, count + 1):
        pagename = page_name(docname, number)
        target = Path(builder.get_outfilename(pagename))
        title = _("%s (page %d of %d)") % (clean_astext(env.titles[docname]), number, count)
        # a section, so that the title is the page's h1 and the archive's years h2
        section = nodes.section(ids=[f"page-{number}"])
        section += nodes.title(title, title)
        page = Page(docname, number, count)
        section += render_listing(node.deepcopy(), catalog, builder, pagename, page)
        pages[pagename] = digest(section.pformat()).hex()
        if target.exists() and old_pages.get(pagename) == pages[pagename]:
            continue  # it shows what it showed: a retagged post moves only the pages after it
        _prepare_page(builder, docname, pagename)
        body = builder.render_partial(section)["fragment"]
        document = new_document(pagename, env.get_doctree(docname).settings)
        document += section
        context = {
            "title": html.escape(title),  # HTML, as Sphinx gives every page's title
            "pagetitle": title,  # text, as sphinx-book-theme gives it
            "body": body,
            "meta": None,
            "metatags": "",
        }
        _write_page(builder, pagename, context, target, document)
    return pages


def _prepare_page(builder: Builder, docname: str, pagename: str) -> None:
    """What Sphinx sets before it renders each document (``write_doc``), for this page.

    Sphinx sets none of it in a build that writes no document, and otherwise
    leaves the last document's, whose figure numbers and image paths are not ours.
    """
    uri = builder.get_target_uri(pagename)
    builder.secnumbers = builder.env.toc_secnumbers.get(docname, {})
    builder.fignumbers = builder.env.toc_fignumbers.get(docname, {})
    builder.imgpath = relative_uri(uri, builder.imagedir)
    builder.dlpath = relative_uri(uri, "_downloads")
    builder.current_docname = docname


def _shell_digest(app: Sphinx) -> str:
    """What every page shows around its listing: the settings, the templates and
    the sidebar's recent posts; when these change, every later page is rendered."""
    builder = app.builder
    build_info = getattr(builder, "build_info", None)
    return digest((
        getattr(build_info, "config_hash", ""),
        getattr(build_info, "tags_hash", ""),
        builder.templates.newest_template_mtime(),
        sidebar_digest(app.env, builder.name),
    )).hex()  # fmt: skip


def _load_state(path: Path, outdir: Path, shell: str) -> dict[str, dict[str, Any]]:
    """What the last build wrote, by document; nothing if it wrote elsewhere or differently."""
    try:
        state = json.loads(path.read_text(encoding="utf-8"))
        if state["outdir"] != str(outdir) or state["shell"] != shell:
            return {}
        return {
            docname: {"mtime": entry["mtime"], "pages": dict(entry["pages"])}
            for docname, entry in state["documents"].items()
        }
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return {}  # a first build, or a damaged file: every page is checked


def _save_state(path: Path, state: dict[str, Any]) -> None:
    replace_if_changed(path, json.dumps(state, sort_keys=True).encode("utf-8"))


def _write_page(
    builder: Builder,
    pagename: str,
    context: dict[str, Any],
    target: Path,
    document: nodes.document,
) -> None:
    """Render through the theme into a scratch file; replace *target* only if it differs.

    *document* goes to ``html-page-context`` handlers as the page's doctree, so
    that the page gets its description and social-card tags as others do.
    """
    with tempfile.TemporaryDirectory() as scratch:
        rendered = Path(scratch, "page.html")
        builder.handle_page(
            pagename, context, "page.html", outfilename=rendered, event_arg=document
        )
        data = rendered.read_bytes()
    replace_if_changed(target, data)


def _remove_pages_after(builder: Builder, docname: str, count: int) -> None:
    """Delete the pages past *count* left by a longer listing."""
    number = count + 1
    while (path := Path(builder.get_outfilename(page_name(docname, number)))).exists():
        path.unlink()
        if path.name == "index.html" and not any(path.parent.iterdir()):
            path.parent.rmdir()
        number += 1
