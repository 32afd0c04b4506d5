"""Files and folders that are not documents, as the locations of warnings."""

from __future__ import annotations

from pathlib import Path


class FileLocation(str):
    """A path as a warning's location: ``/site/tags: WARNING: …``.

    Sphinx reads a location without a colon as a document name and adds a
    source suffix to it (``tags.rst``); a symbolic link, a folder or a file
    that is no document is shown as it is written instead.
    """

    __slots__ = ()

    def __contains__(self, text: object) -> bool:
        # Sphinx leaves a location holding a colon as it is
        return text == ":" or super().__contains__(text)  # type: ignore[operator]


def file_location(path: str | Path) -> FileLocation:
    return FileLocation(path)
