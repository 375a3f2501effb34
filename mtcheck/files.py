"""Writing files safely: atomic replacement, and never over one of the inputs."""
from __future__ import annotations

import hashlib
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable

from .errors import InputError, UsageError


def write_atomic(path: str | Path, text: str) -> None:
    """Write text to path so that readers see the old file or the whole new one, never a part."""
    with atomic_file(path) as fh:
        try:
            fh.write(text)
        except OSError as exc:
            raise _cannot_write(path, exc) from None


def _cannot_write(path: str | Path, exc: OSError) -> UsageError:
    """Return the error a user sees when an output cannot be written."""
    return UsageError(f"cannot write here: {exc.strerror or exc}; choose another output path", str(path))


@contextmanager
def atomic_file(path: str | Path):
    """Yield a text file that replaces path when the block ends, and vanishes if it fails.

    An output that cannot be written (a read-only folder, a file where a folder should be) is a
    UsageError naming it.
    """
    target = Path(path)
    if any(parent.is_file() for parent in target.parents):
        raise UsageError("cannot write here: a folder on its path is a file; choose another output path", str(path))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise _cannot_write(path, exc) from None
    try:
        # mkstemp makes the file private (0600); a report gets the mode of the file it replaces,
        # or the usual mode for new files under the user's umask
        os.chmod(tmp, target.stat().st_mode & 0o777 if target.exists() else 0o666 & ~_umask())
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            yield fh
            try:
                fh.flush()
                os.fsync(fh.fileno())
            except OSError as exc:
                raise _cannot_write(path, exc) from None
        try:
            os.replace(tmp, target)
        except OSError as exc:
            raise _cannot_write(path, exc) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    """Return the process's umask (reading it means setting it, so set it straight back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def resolved(path: Path) -> Path:
    """Return a path with its links followed, or raise InputError for a loop of symbolic links."""
    try:
        return Path(path).resolve()
    except (RuntimeError, OSError):  # "Symlink loop from ...": Python 3.11 raises RuntimeError
        raise InputError("is a loop of symbolic links; give the file itself", str(path)) from None


def refuse_to_overwrite_inputs(outputs: Iterable[Path], inputs: Iterable[Path]) -> None:
    """Raise UsageError if an output path is one of the input files (links followed), or an
    output is named twice."""
    read = {resolved(p) for p in inputs}
    written: set[Path] = set()
    for out in outputs:
        target = resolved(out)
        if target in read:
            raise UsageError(f"output {out} is one of the input files; choose another path")
        if target in written:
            raise UsageError(f"output {out} is named twice; give each report its own path")
        written.add(target)


@contextmanager
def output_lock(paths: Iterable[str | Path]):
    """Hold a lock on a set of outputs while they are written, so that two runs writing the same
    reports at once leave one run's reports, all of them, not the JSON of one and the HTML of the other.

    The lock is an advisory lock (flock) on a file in the system's temporary folder named after
    the outputs' folders; where flock does not exist, the block runs unlocked.
    """
    try:
        import fcntl
    except ImportError:  # not POSIX
        yield
        return
    folders = sorted({str(Path(p).resolve().parent) for p in paths})
    name = hashlib.sha1("\n".join(folders).encode("utf-8")).hexdigest()[:16]
    with open(Path(tempfile.gettempdir()) / f"mtcheck-reports-{name}.lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
