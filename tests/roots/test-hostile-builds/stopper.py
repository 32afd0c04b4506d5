"""Test-only: end the build as a kill would, at the event named in ``STOP_AT``.

``STOP_AT=html-page-context:3`` ends it while the third page is rendered,
``STOP_AT=build-finished`` as the handlers after the build begin.  ``os._exit``
skips every ``finally`` and handler after it, as a killed process would.
``PAUSE_AT=build-finished`` waits two seconds there instead, for a build that
another one should find running.
"""

import os
import time


def setup(app):
    event, _, count = os.environ.get("STOP_AT", "").partition(":")
    if event:
        calls = []

        def stop(*args):
            calls.append(args)
            if len(calls) >= int(count or 1):
                os._exit(9)

        # first among the handlers of its event: none of the blog's has run
        app.connect(event, stop, priority=1)
    if os.environ.get("PAUSE_AT"):
        app.connect(os.environ["PAUSE_AT"], lambda *args: time.sleep(2), priority=1)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
