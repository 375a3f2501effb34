"""Give the heap's freed memory back to the system after each chunk of work.

glibc's allocator keeps the pages of freed blocks for reuse, and the encoder's tensors of
varying sizes leave them too scattered to reuse: a long run's resident memory grew by hundreds
of megabytes that nothing used (benchmarks/README.md, "scale.py"). malloc_trim returns them, in
a few milliseconds; elsewhere (macOS, musl) there is nothing to call and nothing is done.
"""
from __future__ import annotations

import ctypes
import functools


@functools.cache
def _malloc_trim():
    """Return glibc's malloc_trim, or None where the C library has none."""
    try:
        return getattr(ctypes.CDLL(None), "malloc_trim", None)
    except OSError:
        return None


def release() -> bool:
    """Return freed heap pages to the system; return whether the C library could."""
    trim = _malloc_trim()
    if trim is None:
        return False
    trim(0)
    return True
