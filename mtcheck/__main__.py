"""Run mtcheck as ``python -m mtcheck``."""
from .cli import main

main()
