"""JUnit XML: one test case per document, failed when the gate fails it, carrying its flags."""
from __future__ import annotations

import xml.etree.ElementTree as ET

from ..gate import Verdict
from ..results import RunResult
from .text import location


def render_junit(run: RunResult, verdict: Verdict | None) -> str:
    """Return JUnit XML for GitLab, Jenkins and GitHub test reporting; a document's mean quality is
    its test case's "quality" property.

    Without a gate (no thresholds), every document passes and its flags go to system-out.
    """
    failures_by_doc: dict[str, list] = {}
    for f in (verdict.failures if verdict else ()):
        failures_by_doc.setdefault(f.scope, []).append(f)
    suites = ET.Element("testsuites", name="mtcheck")
    suite = ET.SubElement(suites, "testsuite", name="mtcheck", tests=str(len(run.documents)))
    failed = 0
    for doc in run.documents:
        case = ET.SubElement(suite, "testcase", classname="mtcheck", name=doc.path, file=doc.path)
        if doc.corpus.quality is not None:
            ET.SubElement(ET.SubElement(case, "properties"), "property", name="quality",
                          value=f"{doc.corpus.quality:.1f}")
        flag_lines = [
            f"{location(doc, s, f)}: {f.severity.value} {f.kind}: "
            f"\"{f.text}\"" + (f" -> \"{f.suggestion}\"" if f.suggestion else "") + f" ({f.message})"
            for s in doc.segments for f in s.flags] + [f"note: {note}" for note in doc.notes]
        doc_failures = failures_by_doc.get(doc.path, [])
        if doc_failures:
            failed += 1
            node = ET.SubElement(case, "failure", type="mtcheck.gate",
                                 message="; ".join(f"{f.check}: {f.message}" for f in doc_failures))
            node.text = "\n".join(flag_lines)
        elif flag_lines:
            ET.SubElement(case, "system-out").text = "\n".join(flag_lines)
    suite.set("failures", str(failed))
    suites.set("tests", str(len(run.documents)))
    suites.set("failures", str(failed))
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
