"""The package's shape: imports run one way, down the layers, and never in a cycle.

Every import of an mtcheck module, at the top of a file or inside a function, counts. A module
may import modules of its own layer or of a lower one; the test also fails on any cycle.
"""
import ast
from pathlib import Path

import pytest

from .conftest import ROOT

PACKAGE = ROOT / "mtcheck"

# Lowest first. A module's layer is that of the longest prefix listed for it.
LAYERS = [
    # foundations: no mtcheck imports but each other's
    ["mtcheck.version", "mtcheck.errors", "mtcheck.escape", "mtcheck.heap", "mtcheck.sentences", "mtcheck.metrics", "mtcheck.words", "mtcheck.lexicon",
     "mtcheck.align.dp", "mtcheck.embed.base", "mtcheck.calibration.logistic",
     "mtcheck.calibration.labelled"],
    # data and what reads it: results, settings, inputs, the calibration file, the model
    ["mtcheck.flags", "mtcheck.results", "mtcheck.settings", "mtcheck.files", "mtcheck.io", "mtcheck.decisions",
     "mtcheck.calibration", "mtcheck.embed", "mtcheck.glossary",
     "mtcheck.syntax"],
    # comparing a translation with its references
    ["mtcheck.similarity", "mtcheck.align", "mtcheck.detect"],
    # one segment, one chunk, sums, the gate
    ["mtcheck.segment_check", "mtcheck.chunks", "mtcheck.tally", "mtcheck.signature", "mtcheck.gate"],
    # a whole run, and what works over runs
    ["mtcheck.run", "mtcheck.stream", "mtcheck.distributed", "mtcheck.refit", "mtcheck.refit_quality",
     "mtcheck.compare"],
    ["mtcheck.report"],
    ["mtcheck.cli_options", "mtcheck.cli", "mtcheck.__main__", "mtcheck"],
]


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in PACKAGE.rglob("*.py")}


def layer(module: str) -> int:
    best = None
    for k, names in enumerate(LAYERS):
        for name in names:
            if (module == name or module.startswith(name + ".")) and (best is None or len(name) > len(best[1])):
                best = (k, name)
    assert best is not None, f"{module} has no layer in tests/test_layers.py; give it one"
    return best[0]


def imports(module: str) -> set[str]:
    """Return the mtcheck modules that a module imports (submodules named in 'from x import y' too)."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[:len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            for alias in node.names:
                if f"{target}.{alias.name}" in MODULES:
                    found.add(f"{target}.{alias.name}")
                elif target in MODULES:
                    found.add(target)
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name in MODULES}
    found.discard(module)
    return found


GRAPH = {m: imports(m) for m in MODULES}


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_run_down_the_layers(module):
    upward = sorted(t for t in GRAPH[module] if layer(t) > layer(module) and not module.startswith(t + "."))
    assert not upward, f"{module} (layer {layer(module)}) imports from above it: {upward}"


def test_no_import_cycle():
    # a package's __init__ may import its own modules, which import their siblings: that is
    # no cycle at run time unless the modules import the package's __init__ back
    seen, on_path, cycles = set(), [], []

    def visit(m):
        seen.add(m)
        on_path.append(m)
        for t in sorted(GRAPH[m]):
            if m.startswith(t + "."):  # a module importing from its own package's __init__
                continue
            if t in on_path:
                cycles.append(on_path[on_path.index(t):] + [t])
            elif t not in seen:
                visit(t)
        on_path.pop()

    for m in sorted(MODULES):
        if m not in seen:
            visit(m)
    assert not cycles, f"import cycles: {cycles}"


def test_no_module_is_over_250_lines():
    long = {m: n for m, p in MODULES.items() if (n := len(p.read_text(encoding="utf-8").splitlines())) > 250}
    assert not long, f"split these modules: {long}"


@pytest.mark.parametrize("case,expected", [
    ("mtcheck.detect.names", 2), ("mtcheck.detect", 2), ("mtcheck.calibration.logistic", 0),
    ("mtcheck.calibration.file", 1), ("mtcheck.report.html", 5), ("mtcheck", 6),
])
def test_layer_table(case, expected):
    assert layer(case) == expected


def test_the_test_sees_an_upward_import():
    assert "mtcheck.calibration.word_model" in GRAPH["mtcheck.calibration.file"]
    assert layer("mtcheck.detect.wordrisk") > layer("mtcheck.calibration.word_model")


def test_the_readme_maps_every_module():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## How it works"):readme.index("## Tests")]
    unnamed = sorted(str(p.relative_to(ROOT)) for p in PACKAGE.rglob("*.py")
                     if p.stem not in ("__main__",) and p.name not in section and f"`{p.stem}`" not in section)
    assert not unnamed, f"README's 'How it works' does not say what these do: {unnamed}"
