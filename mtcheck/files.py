"""Writing files safely: atomic replacement, and never over one of the inputs."""
from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable

from .errors import UsageError


def write_atomic(path: str | Path, text: str) -> None:
    """Write text to path so that readers see the old file or the whole new one, never a part."""
    with atomic_file(path) as fh:
        fh.write(text)


@contextmanager
def atomic_file(path: str | Path):
    """Yield a text file that replaces path when the block ends, and vanishes if it fails."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        # mkstemp makes the file private (0600); a report gets the mode of the file it replaces,
        # or the usual mode for new files under the user's umask
        os.chmod(tmp, target.stat().st_mode & 0o777 if target.exists() else 0o666 & ~_umask())
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    """Return the process's umask (reading it means setting it, so set it straight back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def refuse_to_overwrite_inputs(outputs: Iterable[Path], inputs: Iterable[Path]) -> None:
    """Raise UsageError if an output path is one of the input files."""
    resolved = {p.resolve() for p in inputs}
    for out in outputs:
        if out.resolve() in resolved:
            raise UsageError(f"output {out} is one of the input files; choose another path")
