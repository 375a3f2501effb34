"""Alignment: a document's sentences with its references' (document.py), the sentences inside a
segment with its references' (pairs.py), both by the monotonic n:m aligner of dp.py."""
