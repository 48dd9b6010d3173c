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
    if path.is_dir():  # else found only at the rename, after the whole export
        raise CommandError(f"is a folder, not a file: {path}")
    partial = path.with_name(path.name + ".partial")
    try:
        try:
            out = partial.open("w", encoding="utf-8", newline="")
        except OSError as error:
            raise CommandError(f"cannot write {partial}: {error.strerror}") from None
        with out:
            yield out
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
