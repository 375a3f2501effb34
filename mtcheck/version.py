"""mtcheck's version: one place, read by the package, the signature and the packaging."""
__version__ = "0.1.0"
