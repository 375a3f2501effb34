"""mtcheck: find garbled phrases in machine-translated text."""
__version__ = "0.1.0"
