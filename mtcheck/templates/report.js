/* mtcheck report: order, filters, search, paging, keyboard navigation and editor decisions.
   All data is already in the page (escaped by the server); this script only shows and hides. */
(function () {
  "use strict";
  var PAGE = 200;  // segment rows shown per document before "Show more"
  var $ = function (sel, root) { return (root || document).querySelector(sel); };
  var $$ = function (sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); };
  var storeKey = "mtcheck-decisions:" + document.body.dataset.signature + ":" + document.body.dataset.created;
  var decisions = {};
  var pages = {};

  function state() {
    return {
      order: $("#order").value,
      severities: $$("input[name=severity]:checked").map(function (i) { return i.value; }),
      kind: $("#kind").value,
      query: $("#search").value.trim().toLowerCase(),
      onlyFlagged: $("#only-flagged").checked
    };
  }

  function flagVisible(el, s) {
    return s.severities.indexOf(el.dataset.severity) >= 0 && (!s.kind || el.dataset.kind === s.kind);
  }

  function segmentVisible(row, s) {
    var flags = $$("mark.flag", row).filter(function (m) { return flagVisible(m, s); });
    var hasFlags = row.dataset.severities !== "";
    if (hasFlags && flags.length === 0) return false;  // all its flags are filtered out
    if (!hasFlags && (s.onlyFlagged || s.kind)) return false;
    if (s.query && row.textContent.toLowerCase().indexOf(s.query) < 0) return false;
    return true;
  }

  function sortRows(tbody, order) {
    var rows = $$("tr.seg-row", tbody);
    rows.sort(function (a, b) {
      if (order === "worst") {
        var d = b.dataset.worst - a.dataset.worst || b.dataset.penalty - a.dataset.penalty;
        if (d) return d;
      }
      return a.dataset.order - b.dataset.order;
    });
    rows.forEach(function (r) { tbody.appendChild(r); });
  }

  function apply(resetPages) {
    var s = state();
    var shownSegments = 0, shownFlags = 0;
    $$("section.document").forEach(function (section) {
      var tbody = $("table.segments tbody", section);
      sortRows(tbody, s.order);
      if (resetPages || !pages[section.id]) pages[section.id] = PAGE;
      var visible = $$("tr.seg-row", tbody).filter(function (r) { return segmentVisible(r, s); });
      $$("tr.seg-row", tbody).forEach(function (r) { r.hidden = true; });
      visible.forEach(function (r, i) { r.hidden = i >= pages[section.id]; if (!r.hidden) shownSegments++; });
      var more = $("p.more", section);
      var left = visible.length - pages[section.id];
      more.hidden = left <= 0;
      if (left > 0) $("button", more).textContent = "Show more (" + left + " left)";
    });
    $$("tr.flag-row").forEach(function (row) {
      var ok = flagVisible(row, s) && (!s.query || row.textContent.toLowerCase().indexOf(s.query) >= 0);
      row.hidden = !ok;
      if (ok) shownFlags++;
    });
    $("#shown-segments").textContent = shownSegments;
    $("#shown-flags").textContent = shownFlags;
  }

  function visibleMarks() {
    return $$("tr.seg-row:not([hidden]) mark.flag").filter(function (m) { return flagVisible(m, state()); });
  }

  function step(delta) {
    var marks = visibleMarks();
    if (!marks.length) return;
    var at = marks.indexOf(document.activeElement);
    var next = marks[(at + delta + marks.length) % marks.length];
    if (at < 0) next = delta > 0 ? marks[0] : marks[marks.length - 1];
    next.focus();
    next.scrollIntoView({block: "center"});
  }

  function decide(key, decision) {
    if (!key) return;
    if (decisions[key] === decision) delete decisions[key]; else decisions[key] = decision;
    paintDecisions();
    try { localStorage.setItem(storeKey, JSON.stringify(decisions)); } catch (e) { /* file:// may forbid */ }
  }

  function paintDecisions() {
    $$("[data-key]").forEach(function (el) {
      var d = decisions[el.dataset.key];
      if (d) el.dataset.decision = d; else delete el.dataset.decision;
    });
    var values = Object.keys(decisions).map(function (k) { return decisions[k]; });
    var count = function (v) { return values.filter(function (x) { return x === v; }).length; };
    $("#decision-counts").textContent = count("dismissed") + " dismissed, " + count("confirmed") + " confirmed";
  }

  function exportDecisions() {
    var items = Object.keys(decisions).map(function (key) {
      var row = $("tr.flag-row[data-key='" + key + "']");
      return {key: key, decision: decisions[key], kind: row ? row.dataset.kind : null,
              text: row ? row.dataset.text : null, document: row ? row.dataset.doc : null,
              segment: row ? row.dataset.seg : null};
    });
    var data = {format: "mtcheck-decisions", version: 1, run: document.body.dataset.signature,
                exported: new Date().toISOString(), decisions: items};
    var blob = new Blob([JSON.stringify(data, null, 2) + "\n"], {type: "application/json"});
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = "mtcheck-decisions.json";
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }

  // decisions: saved in the page's own storage, or already recorded in the report
  try { decisions = JSON.parse(localStorage.getItem(storeKey) || "{}"); } catch (e) { decisions = {}; }
  $$("tr.flag-row[data-decision]").forEach(function (r) { decisions[r.dataset.key] = decisions[r.dataset.key] || r.dataset.decision; });

  $$("#order, #kind, input[name=severity], #only-flagged").forEach(function (el) {
    el.addEventListener("change", function () { apply(true); });
  });
  $("#search").addEventListener("input", function () { apply(true); });
  $$("button.show-more").forEach(function (b) {
    b.addEventListener("click", function () {
      var id = b.closest("section").id;
      pages[id] += PAGE;
      apply(false);
    });
  });
  $$("tr.flag-row").forEach(function (row) {
    $("button.dismiss", row).addEventListener("click", function () { decide(row.dataset.key, "dismissed"); });
    $("button.confirm", row).addEventListener("click", function () { decide(row.dataset.key, "confirmed"); });
  });
  $("#export").addEventListener("click", exportDecisions);
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && e.target.matches("input, select")) { e.target.blur(); return; }
    if (e.target.matches("input, select, textarea") || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === "j") { step(1); e.preventDefault(); }
    else if (e.key === "k") { step(-1); e.preventDefault(); }
    else if ((e.key === "x" || e.key === "c") && e.target.matches("mark.flag")) {
      decide(e.target.dataset.key, e.key === "x" ? "dismissed" : "confirmed");
      e.preventDefault();
    }
  });
  paintDecisions();
  apply(true);
})();
