"""What the search index holds: every page readers may find, and nothing else.

Sphinx indexes every document it writes, keeping at least the name and title
even of a ``nosearch`` one, so drafts and held future posts would be found by
their titles and paths; they are taken out before the index is written.  So
are they from Sphinx's inventory (``objects.inv``, which other sites'
intersphinx reads), which names every document and label.

Sphinx's index is incremental: a build loads the last one and adds the pages
it writes.  After a build stopped halfway (or an index from elsewhere), pages
that no build writes again would be missing for good; each build compares the
index with the pages it should hold and writes the missing ones again.
"""

from __future__ import annotations

import re
import zlib
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from sphinx.util import logging

from sphinxblog.core.files import replace_if_changed
from sphinxblog.outputs.sitefiles import hidden_pages
from sphinxblog.reading.output import output_of

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders.html import StandaloneHTMLBuilder
    from sphinx.environment import BuildEnvironment

logger = logging.getLogger(__name__)


def searchable_pages(env: BuildEnvironment) -> set[str]:
    """The documents the index should hold: Sphinx indexes the pages with a title."""
    hidden = hidden_pages(env)
    return {
        docname
        for docname in env.found_docs - hidden
        if (title := env.longtitles.get(docname)) is not None and title.astext()
    }


def _indexed_pages(app: Sphinx, builder: StandaloneHTMLBuilder) -> set[str] | None:
    """The documents of the index the last build wrote; ``None`` if there is none to use."""
    path = Path(app.outdir, builder.searchindex_filename)
    unicode = builder.indexer_dumps_unicode
    try:
        with path.open("r" if unicode else "rb", encoding="utf-8" if unicode else None) as stream:
            frozen: Any = builder.indexer_format.load(stream)
        if frozen.get("envversion") != app.env.version:
            return None  # Sphinx drops an index of another version
        return set(frozen["docnames"])
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None


def repair_search_index(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-get-updated``: write again the pages missing from the search index."""
    if not output_of(app.builder).search:
        return []
    builder = cast("StandaloneHTMLBuilder", app.builder)
    indexed = _indexed_pages(app, builder)
    wanted = searchable_pages(env)
    if indexed is None:
        return sorted(wanted)  # no index to add to: a clean build's, from every page
    missing = wanted - indexed
    if missing:
        logger.info("the search index lacks %d pages: writing them again", len(missing))
    return sorted(missing)


def prune_search_index(app: Sphinx) -> list[tuple[str, dict[str, Any], str]]:
    """``html-collect-pages`` (just before Sphinx writes the index): drafts and held
    future posts out of it, and the words no page holds any more."""
    indexer = getattr(app.builder, "indexer", None)
    if indexer is None:
        return []
    hidden = hidden_pages(app.env)
    indexer.prune(set(app.env.all_docs) - hidden)
    # Sphinx's pruning keeps a word whose last page went (so that an index
    # built bit by bit differs from a clean build's), and the index entries of
    # pruned pages, which it could not write
    for mapping in (getattr(indexer, "_mapping", {}), getattr(indexer, "_title_mapping", {})):
        for word in [word for word, docnames in mapping.items() if not docnames]:
            del mapping[word]
    entries = getattr(indexer, "_index_entries", {})
    for docname in hidden & entries.keys():
        del entries[docname]
    return []


INVENTORY = "objects.inv"
#: an entry of an inventory: name, domain:role, priority, then the URI and the display
#: name, which Sphinx writes as they are (a page name's spaces too), with a space between
_INVENTORY_ENTRY = re.compile(r"(.+?)\s+(\S+:\S+)\s+(-?\d+)\s+(.*)")
_INVENTORY_HEADER_LINES = 4


def inventory_without(inventory: bytes, uris: set[str]) -> bytes:
    """*inventory* (an ``objects.inv`` of version 2) without the entries that lead
    to a page at one of *uris* (as ``builder.get_target_uri`` gives them), or to
    a place in one; as it is if it has none (or is no such inventory)."""
    lines = inventory.split(b"\n", _INVENTORY_HEADER_LINES)
    if len(lines) <= _INVENTORY_HEADER_LINES or lines[0] != b"# Sphinx inventory version 2":
        return inventory
    try:
        entries = zlib.decompress(lines[-1]).decode("utf-8").splitlines(keepends=True)
    except (zlib.error, UnicodeDecodeError):
        return inventory
    kept = [entry for entry in entries if not _leads_to(entry, uris)]
    if len(kept) == len(entries):
        return inventory
    body = zlib.compress("".join(kept).encode("utf-8"), 9)
    return b"\n".join(lines[:_INVENTORY_HEADER_LINES]) + b"\n" + body


def _leads_to(entry: str, uris: set[str]) -> bool:
    match = _INVENTORY_ENTRY.fullmatch(entry.rstrip("\n"))
    if match is None:
        return False
    rest = match[4]
    return any(rest.startswith((f"{page} ", f"{page}#")) for page in uris)


def prune_inventory(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: drafts and held future posts out of ``objects.inv``."""
    builder = app.builder
    if exception is not None or not output_of(builder).html_files:
        return
    hidden = {builder.get_target_uri(docname) for docname in hidden_pages(app.env)}
    path = Path(app.outdir, INVENTORY)
    if not hidden or not path.is_file():
        return
    inventory = path.read_bytes()
    pruned = inventory_without(inventory, hidden)
    if pruned is not inventory:
        replace_if_changed(path, pruned)
