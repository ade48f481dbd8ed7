/* Färdplan Explorer accessibility (issue 13): the document's language, fixes to Dash widgets' ARIA, the table
   twin of every graph (built from the graph itself, sortable, synced with the selection both ways), keyboard
   moves on the graph canvas (arrows to the neighbour in that direction, Enter selects, Escape clears) and a
   polite live region saying what changed. Containers and strings come from ui/components_table.py. */
(function () {
  "use strict";
  var A = {};
  window.fardplanA11y = A;

  function texts(el) {
    try { return JSON.parse(el.getAttribute("data-texts") || "{}"); } catch (e) { return {}; }
  }
  function fill(template, values) {
    return String(template || "").replace(/\{(\w+)\}/g, function (m, k) { return k in values ? values[k] : m; });
  }
  function cyOf(graphId) {
    var el = document.getElementById(graphId);
    return el && el._cyreg && el._cyreg.cy ? el._cyreg.cy : null;
  }
  function announce(text) {
    var live = document.getElementById("a11y-live");
    if (live && text) { live.textContent = ""; setTimeout(function () { live.textContent = text; }, 30); }
  }

  /* ---------------------------------------------------------------- language and Dash widgets */
  function syncLang() {
    var el = document.querySelector("[data-page-lang]");
    var lang = el ? el.getAttribute("data-page-lang")
      : (new URLSearchParams(location.search).get("lang") === "en" ? "en" : "sv");
    if (document.documentElement.lang !== lang) { document.documentElement.lang = lang; }
  }

  var uid = 0;
  function idOf(el) { if (!el.id) { el.id = "a11y-" + (++uid); } return el.id; }
  function nameFor(el) {  // the visible heading or label a control belongs to
    var section = el.closest(".panel-section");
    if (section && section.querySelector("h2, h3")) { return section.querySelector("h2, h3"); }
    var picker = el.closest(".pl-picker, .sq-examples");
    return picker ? picker.querySelector(".pl-label") : null;
  }

  function fixWidgets() {
    // dcc.Checklist / RadioItems: a listbox of "options" that are labels holding real inputs (nested
    // interactive, no name): make it a named group of ordinary labelled inputs.
    var lists = ".dash-checklist, .dash-radioitems";  // not the dropdown's menu: that one is a real listbox
    document.querySelectorAll(".dash-checklist[role='listbox'], .dash-radioitems[role='listbox']").forEach(function (list) {
      list.setAttribute("role", list.classList.contains("dash-radioitems") ? "radiogroup" : "group");
      var label = nameFor(list);
      if (label) { list.setAttribute("aria-labelledby", idOf(label)); }
    });
    document.querySelectorAll(lists).forEach(function (list) {
      list.querySelectorAll(".dash-options-list-option[role], .dash-options-list-option[aria-selected]")
        .forEach(function (o) { o.removeAttribute("role"); o.removeAttribute("aria-selected"); });
    });
    // dcc.Dropdown: its focus trampoline is focusable yet aria-hidden; name it instead (it hands focus to the
    // dropdown's button at once), and let the button's name start with the visible label.
    document.querySelectorAll("input.dash-dropdown-focus-target[aria-hidden]").forEach(function (input) {
      input.removeAttribute("aria-hidden");
      var label = nameFor(input);
      input.setAttribute("aria-label", label ? label.textContent : "");
      var button = input.parentElement && input.parentElement.querySelector("button.dash-dropdown");
      if (label && button) {
        var by = button.getAttribute("aria-labelledby") || "";
        if (by.indexOf(idOf(label)) < 0) { button.setAttribute("aria-labelledby", (idOf(label) + " " + by).trim()); }
      }
    });
  }

  /* ---------------------------------------------------------------- the table twin */
  function nodesOf(cy) {
    return cy.nodes().filter(function (n) { return !n.data("group"); });
  }
  function degreeIn(node) {
    return node.connectedEdges().filter(function (e) { return !e.hasClass("group-edge"); }).length;
  }

  function buildTwin(box, cy) {
    var tx = texts(box), kinds = tx.kinds || {};
    var nodes = nodesOf(cy), signature = nodes.map(function (n) { return n.id(); }).join("\n");
    if (box._signature === signature) { return; }
    box._signature = signature;
    var slot = box.querySelector(".twin-table-slot");
    var table = document.createElement("table");
    table.className = "pl-table twin-table";
    var caption = table.createCaption();
    caption.textContent = fill(tx.twin_caption, {n: nodes.length});
    var head = table.createTHead().insertRow();
    [tx.twin_name, tx.twin_type, tx.twin_relations].forEach(function (col, i) {
      var th = document.createElement("th");
      th.scope = "col";
      th.setAttribute("aria-sort", "none");
      var b = document.createElement("button");
      b.type = "button";
      b.className = "twin-sort";
      b.textContent = col;
      b.title = fill(tx.twin_sort, {col: col});
      b.addEventListener("click", function () { sortTwin(table, i); });
      th.appendChild(b);
      head.appendChild(th);
    });
    var body = table.createTBody();
    nodes.forEach(function (n, i) {
      var tr = body.insertRow();
      tr.setAttribute("data-iri", n.id());
      var th = document.createElement("th");
      th.scope = "row";
      var b = document.createElement("button");
      b.type = "button";
      b.className = "twin-row";
      b.tabIndex = i === 0 ? 0 : -1;
      b.textContent = n.data("full") || n.data("label") || n.id();
      th.appendChild(b);
      tr.appendChild(th);
      var kind = tr.insertCell();
      kind.textContent = kinds[n.data("kind")] || n.data("kind") || "";
      var deg = tr.insertCell();
      deg.textContent = String(degreeIn(n));
      deg.setAttribute("data-sort", String(degreeIn(n)));
    });
    slot.replaceChildren(table);
    markRow(box, box._selected || selectedIn(cy));
  }

  function selectedIn(cy) {
    var s = cy.nodes(":selected");
    return s.length ? s[0].id() : null;
  }

  function sortTwin(table, col) {
    var th = table.tHead.rows[0].cells[col];
    var ascending = th.getAttribute("aria-sort") !== "ascending";
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (c) { c.setAttribute("aria-sort", "none"); });
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var key = function (r) {
      var cell = r.cells[col];
      return cell.hasAttribute("data-sort") ? Number(cell.getAttribute("data-sort")) : cell.textContent;
    };
    rows.sort(function (a, b) {
      var x = key(a), y = key(b);
      var c = typeof x === "number" ? x - y : String(x).localeCompare(String(y), document.documentElement.lang);
      return ascending ? c : -c;
    });
    rows.forEach(function (r) { table.tBodies[0].appendChild(r); });
  }

  function markRow(box, iri) {
    if (!box) { return; }
    box._selected = iri;
    box.querySelectorAll("tbody tr").forEach(function (tr) {
      var on = tr.getAttribute("data-iri") === iri;
      tr.classList.toggle("selected", on);
      var b = tr.querySelector(".twin-row");
      if (on) { b.setAttribute("aria-current", "true"); } else { b.removeAttribute("aria-current"); }
    });
    var row = iri && box.querySelector("tbody tr.selected .twin-row");
    if (row) {  // the selected row is the one Tab comes back to
      box.querySelectorAll(".twin-row").forEach(function (b) { b.tabIndex = b === row ? 0 : -1; });
    }
  }

  function twinFor(graphId) { return document.querySelector("[data-twin-for='" + graphId + "']"); }

  function choose(graphId, iri, how) {  // select iri in the graph, the way its page wants
    var cy = cyOf(graphId);
    if (!cy) { return; }
    var node = cy.getElementById(iri);
    if (!node.length) { return; }
    cy.nodes(":selected").unselect();
    node.select();
    node.emit("tap");
    if (how !== "tap") {  // no callback will announce it: say it here
      var box = twinFor(graphId), tx = box ? texts(box) : {};
      markRow(box, iri);
      announce(fill(tx.graph_selected_js, {label: node.data("full") || node.data("label"), n: degreeIn(node)}));
    }
  }

  function clear(graphId, clearButton) {
    var cy = cyOf(graphId), box = twinFor(graphId);
    if (cy) { cy.nodes(":selected").unselect(); }
    if (clearButton) {
      var b = document.getElementById(clearButton);
      if (b && !b.disabled) { b.click(); }
    } else if (box) {
      markRow(box, null);
      announce(texts(box).announce_cleared);
    }
  }

  function onTwinKey(event) {
    var button = event.target.closest(".twin-row");
    var box = event.target.closest("[data-twin-for]");
    if (!button || !box) { return; }
    var rows = Array.prototype.slice.call(box.querySelectorAll(".twin-row"));
    var i = rows.indexOf(button), next = null;
    if (event.key === "ArrowDown") { next = rows[Math.min(i + 1, rows.length - 1)]; }
    else if (event.key === "ArrowUp") { next = rows[Math.max(i - 1, 0)]; }
    else if (event.key === "Home") { next = rows[0]; }
    else if (event.key === "End") { next = rows[rows.length - 1]; }
    else if (event.key === "Escape") {
      event.preventDefault();
      clear(box.getAttribute("data-twin-for"), box.getAttribute("data-clear"));
      return;
    }
    if (next) {
      event.preventDefault();
      rows.forEach(function (b) { b.tabIndex = b === next ? 0 : -1; });
      next.focus();
    }
  }

  function onTwinClick(event) {
    var button = event.target.closest(".twin-row");
    var box = event.target.closest("[data-twin-for]");
    if (!button || !box) { return; }
    var iri = button.closest("tr").getAttribute("data-iri");
    choose(box.getAttribute("data-twin-for"), iri, box.getAttribute("data-select"));
    markRow(box, iri);
  }

  /* ---------------------------------------------------------------- keyboard on the canvas */
  var ARROWS = {ArrowRight: 0, ArrowDown: Math.PI / 2, ArrowLeft: Math.PI, ArrowUp: -Math.PI / 2};

  function setCursor(wrap, cy, node) {
    if (wrap._cursor && wrap._cursor.cy() === cy) {
      wrap._cursor.removeStyle("overlay-opacity overlay-color overlay-padding");
    }
    wrap._cursor = node;
    if (!node) { return; }
    node.style({"overlay-opacity": 0.3, "overlay-color": "#F5B700", "overlay-padding": 8});
    var tx = texts(wrap), kinds = tx.kinds || {};
    announce(fill(tx.graph_cursor, {label: node.data("full") || node.data("label"),
                                    kind: kinds[node.data("kind")] || node.data("kind") || "",
                                    n: node.neighborhood("node").length}));
  }

  function towards(node, angle) {  // the neighbour closest to the direction of the arrow
    var p = node.position(), best = null, bestScore = Infinity;
    node.neighborhood("node").forEach(function (m) {
      var q = m.position(), a = Math.atan2(q.y - p.y, q.x - p.x);
      var d = Math.abs(Math.atan2(Math.sin(a - angle), Math.cos(a - angle)));
      var score = d + Math.hypot(q.x - p.x, q.y - p.y) / 1e5;
      if (score < bestScore) { best = m; bestScore = score; }
    });
    return best;
  }

  function onGraphKey(event) {
    var wrap = event.target.closest("[data-graph-keys]");
    if (!wrap || event.target !== wrap) { return; }
    var graphId = wrap.getAttribute("data-graph-keys"), cy = cyOf(graphId);
    if (!cy) { return; }
    var current = wrap._cursor && wrap._cursor.cy() === cy && wrap._cursor.inside() ? wrap._cursor : null;
    if (event.key in ARROWS) {
      event.preventDefault();
      if (!current) {
        var sel = cy.nodes(":selected");
        var start = sel.length ? sel[0] : (twinFor(graphId) && twinFor(graphId)._selected
          ? cy.getElementById(twinFor(graphId)._selected) : null);
        setCursor(wrap, cy, start && start.length ? start : nodesOf(cy)[0]);
        return;
      }
      var next = towards(current, ARROWS[event.key]);
      if (next) { setCursor(wrap, cy, next); }
    } else if (event.key === "Enter" && current) {
      event.preventDefault();
      var box = twinFor(graphId);
      choose(graphId, current.id(), box ? box.getAttribute("data-select") : "select");
    } else if (event.key === "Escape") {
      event.preventDefault();
      setCursor(wrap, cy, null);
      clear(graphId, wrap.getAttribute("data-clear"));
    }
  }

  /* ---------------------------------------------------------------- watching the page */
  function attach() {
    document.querySelectorAll("[data-twin-for]").forEach(function (box) {
      var graphId = box.getAttribute("data-twin-for"), cy = cyOf(graphId);
      if (!cy) { return; }
      if (box._cy !== cy) {
        box._cy = cy;
        box._signature = null;
        var later = null;
        cy.on("add remove", function () { clearTimeout(later); later = setTimeout(function () { buildTwin(box, cy); }, 60); });
        cy.on("tap", "node", function (e) { if (!e.target.data("group")) { markRow(box, e.target.id()); } });
        if (box.getAttribute("data-select") !== "tap") {
          cy.on("tap", "node", function (e) {
            var tx = texts(box);
            announce(fill(tx.graph_selected_js, {label: e.target.data("full") || e.target.data("label"),
                                                 n: degreeIn(e.target)}));
          });
        }
      }
      buildTwin(box, cy);
    });
  }

  var pending = false;
  function onMutation() {
    if (pending) { return; }
    pending = true;
    requestAnimationFrame(function () { pending = false; syncLang(); fixWidgets(); attach(); });
  }

  /* Dash clientside callback: the explorer's state chose a node (tap, search, relation link, Escape). */
  window.dash_clientside = window.dash_clientside || {};
  window.dash_clientside.fardplanA11y = {
    syncSelection: function (state) {
      var selected = state && state.selected ? state.selected : null;
      setTimeout(function () {
        attach();
        document.querySelectorAll("[data-twin-for][data-select='tap']").forEach(function (box) {
          var cy = cyOf(box.getAttribute("data-twin-for"));
          if (cy && !selected) { cy.nodes(":selected").unselect(); }
          markRow(box, selected);
        });
      }, 0);
      return selected;
    }
  };

  function start() {
    new MutationObserver(onMutation).observe(document.body, {
      childList: true, subtree: true, attributes: true, attributeFilter: ["role", "aria-selected", "aria-hidden"]
    });
    document.addEventListener("keydown", onTwinKey);
    document.addEventListener("keydown", onGraphKey);
    document.addEventListener("click", onTwinClick);
    setInterval(attach, 1000);  // a graph drawn without any DOM change still gets its twin
    onMutation();
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
}());
