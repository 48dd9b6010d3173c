"""The one way the export commands write a file (a module starting with _ is no command)."""

import os
from contextlib import contextmanager

from django.core.management.base import CommandError


@contextmanager
def whole_file(path):
    """An open text file that appears under `path` only once the block ends without an
    error: the rows go to PATH.partial first, so an export that fails or is stopped half way
    leaves no file that looks done (a killed one leaves the .partial, named for what it is)."""
    if not path.parent.is_dir():
        raise CommandError(f"folder does not exist: {path.parent}")
    partial = path.with_name(path.name + ".partial")
    try:
        with partial.open("w", encoding="utf-8", newline="") as out:
            yield out
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
