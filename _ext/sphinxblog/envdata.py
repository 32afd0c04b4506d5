"""Per-document data kept in the build environment, cleared and merged by docname."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sphinx.environment.collectors import EnvironmentCollector

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


def env_dict(env: BuildEnvironment, name: str) -> dict[str, Any]:
    """The dict ``env.<name>``, created empty in a new environment."""
    if not hasattr(env, name):
        setattr(env, name, {})
    return getattr(env, name)


class PerDocumentCollector(EnvironmentCollector):
    """Keeps ``env.<attribute>``, a dict by docname, in step with the documents read.

    Its entries go with their document when it is purged, and come back from
    the worker that read it in a parallel build.
    """

    attribute: str

    def clear_doc(self, app: Sphinx, env: BuildEnvironment, docname: str) -> None:
        env_dict(env, self.attribute).pop(docname, None)

    def merge_other(
        self, app: Sphinx, env: BuildEnvironment, docnames: set[str], other: BuildEnvironment
    ) -> None:
        ours, theirs = env_dict(env, self.attribute), env_dict(other, self.attribute)
        for docname in docnames & theirs.keys():
            ours[docname] = theirs[docname]

    def process_doc(self, app: Sphinx, doctree: nodes.document) -> None:
        pass
