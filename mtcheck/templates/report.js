/* mtcheck report: order, filters, search, paging, keyboard navigation and editor decisions.
   All data is already in the page (escaped by the server), rows already worst first and paged;
   this script only shows, hides and reorders, touching the DOM only where something changes. */
(function () {
  "use strict";
  var PAGE = 200;  // rows shown per table before "Show more"
  var $ = function (sel, root) { return (root || document).querySelector(sel); };
  var $$ = function (sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); };
  var storeKey = "mtcheck-decisions:" + document.body.dataset.signature + ":" + document.body.dataset.created;
  var decisions = {};
  var pages = {};
  var order = "worst";
  var cache = new WeakMap();

  function info(row) {
    var i = cache.get(row);
    if (!i) { i = {marks: $$("mark.flag", row), text: null}; cache.set(row, i); }
    return i;
  }
  function text(row) {
    var i = info(row);
    if (i.text === null) i.text = row.textContent.toLowerCase();
    return i.text;
  }
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
    var hasFlags = row.dataset.severities !== "";
    if (hasFlags && !info(row).marks.some(function (m) { return flagVisible(m, s); })) return false;
    if (!hasFlags && (s.onlyFlagged || s.kind)) return false;
    return !s.query || text(row).indexOf(s.query) >= 0;
  }
  function sortRows(tbody, how) {
    var rows = $$("tr.seg-row", tbody);
    rows.sort(function (a, b) {
      if (how === "worst") {
        var d = b.dataset.worst - a.dataset.worst || a.dataset.quality - b.dataset.quality ||
          b.dataset.penalty - a.dataset.penalty;
        if (d) return d;
      }
      return a.dataset.order - b.dataset.order;
    });
    var fragment = document.createDocumentFragment();
    rows.forEach(function (r) { fragment.appendChild(r); });
    tbody.appendChild(fragment);
  }
  function page(rows, key, more, resetPages) {
    if (resetPages || !pages[key]) pages[key] = PAGE;
    var shown = 0;
    rows.forEach(function (r) {
      var hide = !r.visible || shown >= pages[key];
      if (!hide) shown++;
      if (r.el.hidden !== hide) r.el.hidden = hide;
    });
    var total = rows.filter(function (r) { return r.visible; }).length;
    if (more) {
      more.hidden = total <= pages[key];
      if (!more.hidden) $("button", more).textContent = "Show more (" + (total - pages[key]) + " left)";
    }
    return shown;
  }
  function apply(resetPages) {
    var s = state();
    var shownSegments = 0;
    $$("section.document").forEach(function (section) {
      var tbody = $("table.segments tbody", section);
      if (s.order !== order) sortRows(tbody, s.order);
      var rows = $$("tr.seg-row", tbody).map(function (el) { return {el: el, visible: segmentVisible(el, s)}; });
      shownSegments += page(rows, section.id, $("p.more", section), resetPages);
    });
    order = s.order;
    var flagRows = $$("tr.flag-row").map(function (el) {
      return {el: el, visible: flagVisible(el, s) && (!s.query || text(el).indexOf(s.query) >= 0)};
    });
    page(flagRows, "flags", $("#flags p.more"), resetPages);
    $("#shown-segments").textContent = shownSegments;
    $("#shown-flags").textContent = flagRows.filter(function (r) { return r.visible; }).length;
  }
  function visibleMarks() {
    var s = state();
    return $$("tr.seg-row:not([hidden]) mark.flag").filter(function (m) { return flagVisible(m, s); });
  }
  function step(delta) {
    var marks = visibleMarks();
    if (!marks.length) return;
    var at = marks.indexOf(document.activeElement);
    var next = at < 0 ? (delta > 0 ? marks[0] : marks[marks.length - 1])
                      : marks[(at + delta + marks.length) % marks.length];
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
      if (d && el.dataset.decision !== d) el.dataset.decision = d;
      else if (!d && el.dataset.decision) delete el.dataset.decision;
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
      var section = b.closest("section");
      var key = section.id === "flags" ? "flags" : section.id;
      pages[key] += PAGE;
      apply(false);
    });
  });
  document.addEventListener("click", function (e) {
    var button = e.target.closest("tr.flag-row button");
    if (!button) return;
    var row = button.closest("tr.flag-row");
    decide(row.dataset.key, button.classList.contains("dismiss") ? "dismissed" : "confirmed");
  });
  $("#export").addEventListener("click", exportDecisions);
  document.addEventListener("keydown", function (e) {
    var target = e.target instanceof Element ? e.target : document.body;  // events may target the document
    if (e.key === "Escape" && target.matches("input, select")) { target.blur(); return; }
    if (target.matches("input, select, textarea") || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === "j") { step(1); e.preventDefault(); }
    else if (e.key === "k") { step(-1); e.preventDefault(); }
    else if ((e.key === "x" || e.key === "c") && target.matches("mark.flag")) {
      decide(target.dataset.key, e.key === "x" ? "dismissed" : "confirmed");
      e.preventDefault();
    }
  });
  paintDecisions();
  apply(true);
})();
