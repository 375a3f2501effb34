"""Readers for each input format; all of them raise InputError naming file and line."""
from .jsonl import Record, read_jsonl
from .text import read_lines, read_text

__all__ = ["Record", "read_jsonl", "read_lines", "read_text"]
