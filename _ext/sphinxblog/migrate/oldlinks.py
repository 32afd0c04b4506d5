"""Links written for the old site: its site-absolute URLs lead to the posts here.

A blog moved from Jekyll, Hugo, Pelican, Docusaurus, MkDocs Material, Gatsby or
ABlog links its posts by the URLs that site gave them (``/2019/06/18/slug/``,
``/posts/slug/``, ``/blog/2013/05/07/slug.html``, ``/blog/slug``). MyST takes
such a link for a cross-reference it cannot find and would write ``#/2019/…``.
Here the post is found by its slug (the file name without a ``YYYY-MM-DD-``
date) and, where the URL holds one, its date; the link then goes to the post,
and to the heading its ``#fragment`` names, in every builder. A link that
matches nothing goes to the old site (``blog_old_site_url``), or stays text
with a warning.

Headings get the ids the old site gave them (GitHub-style slugs, through
MyST's ``myst_heading_anchors``), so ``#fragment`` links keep working.
"""

from __future__ import annotations

import datetime as dt
import re
import urllib.parse
from dataclasses import dataclass
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging

from sphinxblog.core.dates import date_from_path
from sphinxblog.core.files import safe_docname
from sphinxblog.reading.addresses import book_start
from sphinxblog.reading.collector import is_old_link
from sphinxblog.reading.output import output_in
from sphinxblog.reading.store import blog_data

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

    from sphinxblog.core.posts import Post

logger = logging.getLogger(__name__)

#: the heading levels that get GitHub-style ids when the site sets none
HEADING_ANCHORS = 6


def set_heading_anchors(app: Sphinx, config: Config) -> None:
    """``config-inited``: headings get the ids other generators give them, unless the
    site chose a depth itself."""
    if "myst_heading_anchors" in config and not config.myst_heading_anchors:
        config.myst_heading_anchors = HEADING_ANCHORS


@dataclass(frozen=True)
class OldUrl:
    """What an old site-absolute URL says about the page it meant."""

    #: the path's segments, without ``index.html`` and file suffixes
    segments: tuple[str, ...]
    #: the last segment, without a date prefix, in lower case
    slug: str
    #: (year, month, day) as far as the URL gives them
    date: tuple[int, ...] = ()
    fragment: str = ""


_SUFFIX = re.compile(r"\.(?:html?|md|markdown|mdx|php)$", re.IGNORECASE)
_INDEX = re.compile(r"^index(?:\.(?:html?|md|markdown|mdx|php))?$", re.IGNORECASE)
_DATED_NAME = re.compile(r"^(\d{4})-(\d{2})-(\d{2})[-_](.+)$")  # Jekyll -, Zola _
_YEAR, _PART = re.compile(r"^\d{4}$"), re.compile(r"^\d{1,2}$")


def parse_old_url(url: str) -> OldUrl | None:
    """Split a site-absolute URL (``/2019/06/18/slug/#part``) into what matching needs;
    ``None`` where it names no page (``/``)."""
    path, _, fragment = url.partition("#")
    path = urllib.parse.unquote(path.partition("?")[0])
    segments = [segment for segment in path.split("/") if segment]
    if segments and _INDEX.match(segments[-1]):
        segments.pop()
    if not segments:
        return None
    segments[-1] = _SUFFIX.sub("", segments[-1])
    name, date = segments[-1], _date_of(segments[:-1])
    if match := _DATED_NAME.match(name):
        name, date = match[4], tuple(int(part) for part in match.groups()[:3])
    # a post whose file name holds spaces is published under its safe name
    slug = safe_docname(name).casefold()
    return OldUrl(tuple(segments), slug, date, urllib.parse.unquote(fragment))


def _date_of(segments: list[str]) -> tuple[int, ...]:
    """The ``YYYY/MM/DD`` (or ``YYYY/MM``, ``YYYY``) run of folders in a path."""
    for start, segment in enumerate(segments):
        if _YEAR.match(segment):
            date = [int(segment)]
            for part in segments[start + 1 : start + 3]:
                if not _PART.match(part):
                    break
                date.append(int(part))
            return tuple(date)
    return ()


def post_slug(docname: str) -> str:
    """A post's slug: its file name (or page-bundle folder) without a date prefix."""
    parts = docname.split("/")
    name = parts[-2] if parts[-1] == "index" and len(parts) > 1 else parts[-1]
    match = _DATED_NAME.match(name)
    return (match[4] if match else name).casefold()


def _slugs_of(post: Post) -> set[str]:
    """The post's slug, and the last part of each old path it is known by (a ``slug:``
    that differs from the file name, a ``permalink``)."""
    slugs = {post_slug(post.docname)}
    for alias in post.aliases:
        if url := parse_old_url("/" + alias):
            slugs.add(url.slug)
    return slugs


def _post_day(post: Post) -> dt.date | None:
    return post.day or date_from_path(post.docname)


def _folded_slug(slug: str) -> str:
    """A slug as generators that slugify file names write it: Zola's ``my_post.md`` is
    ``/my-post/``."""
    return slug.replace("_", "-")


def match_post(url: OldUrl, posts: list[Post]) -> list[Post]:
    """The posts whose slug is the URL's (``_`` and ``-`` alike) and whose date agrees
    with the URL's date."""
    found = []
    wanted = _folded_slug(url.slug)
    for post in posts:
        if wanted not in {_folded_slug(slug) for slug in _slugs_of(post)}:
            continue
        day = _post_day(post)
        written = (day.year, day.month, day.day) if day else ()
        if url.date and written[: len(url.date)] != url.date:
            continue
        found.append(post)
    return found


def _alias_key(path: str) -> str:
    """An alias or a URL path as a comparable string: no slashes at the ends, no index page."""
    parts = [part for part in urllib.parse.unquote(path).split("/") if part]
    if parts and _INDEX.match(parts[-1]):
        parts.pop()
    return "/".join(parts).casefold()


def find_document(
    target: str, posts: dict[str, Post], found_docs: set[str]
) -> tuple[str | None, list[str]]:
    """The document an old URL means, else ``None`` and the posts it could mean."""
    url = parse_old_url(target)
    if url is None:
        return None, []
    path = _alias_key(target.partition("#")[0].partition("?")[0])
    for post in posts.values():
        if any(_alias_key(alias) == path for alias in post.aliases):
            return post.docname, []
    matches = match_post(url, list(posts.values()))
    if len(matches) == 1:
        return matches[0].docname, []
    if matches:
        return None, sorted(post.docname for post in matches)
    # a page of this site by its path (``/archive/``, ``/tags/python.html``)
    docname = "/".join(url.segments)
    for candidate in (docname, f"{docname}/index"):
        if candidate in found_docs:
            return candidate, []
    return None, []


def document_of(
    target: str, posts: dict[str, Post], found_docs: set[str]
) -> tuple[str | None, list[str]]:
    """The document a link MyST found no file for means (a relative one: the post of
    its file's name), else ``None`` and the posts it could mean."""
    if not target.startswith("/"):  # a file beside the post there: a post by its name
        return find_document("/" + target.rpartition("/")[2], posts, set())
    return find_document(target, posts, found_docs)


def leads_nowhere(target: str, posts: dict[str, Post], found_docs: set[str], old_site: str) -> bool:
    """Whether a link MyST found no file for stays text, with a ``blog.link`` warning."""
    if target.startswith("/") and parse_old_url(target) is None:
        return False  # the old home page: this one's
    docname, several = document_of(target, posts, found_docs)
    if docname is not None:
        return False
    return bool(several) or not old_site or not target.startswith("/")


#: an id in raw HTML: ``<a id="intro">``
_RAW_ID = re.compile(r"""\bid\s*=\s*["']?([^"'\s>]+)""")


class ResolveOldLinks(SphinxPostTransform):
    """Turn links by old site-absolute URL into links to the documents they mean, and
    relative links to files the site lacks into links to the post of that name, or text.

    Runs before MyST's resolver (priority 9), which then links the document
    and the heading as for a relative ``.md`` link, in every builder.
    """

    default_priority = 8

    def run(self, **kwargs: object) -> None:
        posts = blog_data(self.env).posts
        for node in list(self.document.findall(addnodes.pending_xref)):
            if not is_old_link(node):
                self._heading_of_another_spelling(node)
                continue
            target = node["reftarget"]
            docname: str | None
            several: list[str] = []
            if target.startswith("/") and parse_old_url(target) is None:
                docname = self._home()  # the old site's home page: this one's
            else:
                docname, several = document_of(target, posts, self.env.found_docs)
            if docname is not None:
                node["refdomain"] = "doc"
                node["reftarget"] = docname
                node["reftargetid"] = urllib.parse.unquote(target.partition("#")[2]) or None
                continue
            node.replace_self(self._unresolved(node, target, several))

    def _heading_of_another_spelling(self, node: addnodes.pending_xref) -> None:
        """A link to a heading of this page by the id another generator gave it
        (Hexo keeps the case: ``#Reverse-a-Linked-List``) goes to the heading whose id
        is that one spelled as MyST spells it, where no label has it as written."""
        target = node.get("reftarget", "")
        if node.get("reftype") != "myst" or node.get("refdomain") or not target:
            return
        if target in self.document.ids or target in self.env.domains.standard_domain.labels:
            return
        wanted = urllib.parse.unquote(target).casefold().replace(" ", "-")
        found = next((id_ for id_ in self.document.ids if id_.casefold() == wanted), None)
        raw_id = found is None and target in self._raw_html_ids()
        if raw_id and output_in(self.env).latex:  # the PDF has no raw HTML, nor its ids
            node.replace_self(nodes.inline("", "", *node.children))
            return
        if node.get("refdoc") != self.env.docname:
            return
        if raw_id:
            found = target  # an id raw HTML gives: ``## <a id="intro">Intro</a>``
        if found is not None:
            reference = nodes.reference("", "", refid=found, internal=True)
            reference += node.children
            node.replace_self(reference)

    def _raw_html_ids(self) -> set[str]:
        """The ids that the page's raw HTML gives its elements."""
        return {
            found
            for raw in self.document.findall(nodes.raw)
            if "html" in raw.get("format", "").split()
            for found in _RAW_ID.findall(raw.astext())
        }

    def _home(self) -> str:
        """The home page; in an ePub that leaves it out (it starts at the book), the book's."""
        home: str = self.config.root_doc
        if f"{home}.xhtml" in self.config.epub_exclude_files:
            return book_start(self.config, self.env)
        return home

    def _unresolved(
        self, node: addnodes.pending_xref, target: str, several: list[str]
    ) -> nodes.Node:
        """A link to the old site where it is named, else the link's text and a warning."""
        text = node[0].deepcopy() if node.children else nodes.inline()
        if not text.astext():
            text = nodes.literal(target, target)
        old_site = self.config.blog_old_site_url
        relative = not target.startswith("/")
        if old_site and not several and not relative:
            link = nodes.reference("", "", refuri=old_site.rstrip("/") + target)
            link += text
            return link
        if several:
            problem = f"matches several posts ({', '.join(several)}); link the file instead"
        elif relative:
            problem = (
                "names no file of this site and no post: its text is kept (bring the file "
                "into the site, or link the page by its full URL)"
            )
        else:
            problem = "matches no post or page; set blog_old_site_url to link the old site"
        logger.warning("link to %r %s", target, problem, location=node, type="blog", subtype="link")
        return text
