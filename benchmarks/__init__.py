"""Benchmarks: MQM-specific measurements over the mtcheck library, run as modules.

    python -m benchmarks.accuracy ../shared/data/mqm_zhen_dev.jsonl

Each prints its figures; benchmarks/README.md records them with the machine they ran on.
"""
