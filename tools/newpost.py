"""Scaffold a post: ``python tools/newpost.py --title "..." --tags "a, b"``.

Writes ``posts/YYYY-MM-DD-<slug>.md`` with today's date and valid front
matter, and refuses to overwrite a post that exists.  ``make post`` runs it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

import yaml

from sphinxblog.core.slugs import slugify
from sphinxblog.core.values import parse_tags


def post_text(title: str, day: dt.date, tags: tuple[str, ...]) -> str:
    front_matter = {"title": title, "date": day.isoformat(), "tags": list(tags)}
    dumped = yaml.safe_dump(front_matter, allow_unicode=True, sort_keys=False)
    return f"---\n{dumped}---\n\nThe first paragraph is the summary in listings.\n"


def new_post(folder: Path, title: str, tags: str, day: dt.date) -> Path:
    """Write the post and return its path; ``FileExistsError`` if it exists."""
    title = " ".join(title.split())
    if not title:
        raise ValueError('a post needs a title: make post TITLE="..."')
    names, problems = parse_tags(tags) if tags.strip() else ((), [])
    if problems:
        raise ValueError("; ".join(problem.message for problem in problems))
    path = folder / f"{day.isoformat()}-{slugify(title)}.md"
    folder.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as file:  # "x": never overwrite
        file.write(post_text(title, day, names))
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--title", required=True)
    parser.add_argument("--tags", default="", help="comma-separated")
    parser.add_argument("--folder", type=Path, default=Path("posts"))
    parser.add_argument("--date", type=dt.date.fromisoformat, default=dt.date.today())
    args = parser.parse_args(argv)
    try:
        path = new_post(args.folder, args.title, args.tags, args.date)
    except FileExistsError as exc:
        print(f"not overwriting {exc.filename}: that post exists", file=sys.stderr)
        return 1
    except ValueError as exc:
        print(exc, file=sys.stderr)
        return 2
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
