/* Presentation mode (issue 13): full screen without side panels, the projector profile on every graph,
   saved views stepped with ← → / PageUp PageDown (what presenter remotes send), QR code and short link.
   The profile: labels at least MIN_PX rendered pixels at any zoom (font-size = max(base, MIN_PX / zoom)),
   high contrast, Okabe–Ito colours (stylesheet rules on the `projector` class), and labels that would overlap
   a more important one hidden (`culled`) instead of drawn on top of it. */
(function () {
  "use strict";
  var MIN_PX = 18;
  var BASE_PX = 22;
  var KIND_RANK = {goal: 0, strategy: 1, project: 2, organisation: 3};
  var KEY = "fardplan-presenting";
  var attached = [];

  function root() { return document.getElementById("present"); }
  function views() {
    var r = root();
    try { return r ? JSON.parse(r.getAttribute("data-views") || "[]") : []; } catch (e) { return []; }
  }
  function here() { return window.location.pathname + window.location.search; }
  function currentView() {
    var list = views(), url = here(), id = sessionStorage.getItem(KEY + "-view");
    for (var i = 0; i < list.length; i++) { if (list[i].url === url) { return i; } }
    for (var j = 0; j < list.length; j++) { if (list[j].id === id) { return j; } }
    return -1;
  }
  function presenting() { return document.body.classList.contains("presenting"); }

  function graphs() {
    var out = [];
    document.querySelectorAll("[id]").forEach(function (el) {
      if (el._cyreg && el._cyreg.cy && !el._cyreg.cy.destroyed()) { out.push(el._cyreg.cy); }
    });
    return out;
  }

  function priority(n) {
    var classes = n.classes();
    var focus = n.selected() || classes.indexOf("focus") >= 0 ? 0 : 1;
    var kind = KIND_RANK[n.data("kind")];
    return [focus, kind === undefined ? 9 : kind, -n.degree(), n.data("rank") || 0];
  }
  function before(a, b) {
    for (var i = 0; i < a.length; i++) { if (a[i] !== b[i]) { return a[i] - b[i]; } }
    return 0;
  }
  function hits(a, b, pad) {
    return a.x1 - pad < b.x2 && b.x1 - pad < a.x2 && a.y1 - pad < b.y2 && b.y1 - pad < a.y2;
  }

  function setFonts(cy, nodes) {
    var font = Math.max(BASE_PX, MIN_PX / cy.zoom());
    nodes.forEach(function (n) { n.data("pfont", n.hasClass("goal") ? Math.max(font, 26) : font); });
  }
  function cull(cy) {
    if (cy.destroyed() || !presenting()) { return; }
    var nodes = cy.nodes().filter(function (n) { return n.data("label"); }).toArray();
    nodes.sort(function (a, b) { return before(priority(a), priority(b)); });
    var kept = [], culled = [], pad = 4 / cy.zoom();
    nodes.forEach(function (n) {
      var box = n.boundingBox({includeLabels: true, includeNodes: false, includeOverlays: false});
      for (var i = 0; i < kept.length; i++) { if (hits(box, kept[i], pad)) { culled.push(n); return; } }
      kept.push(box);
    });
    cy.batch(function () { culled.forEach(function (n) { n.addClass("culled"); }); });
    cy.scratch("presentCulled", Date.now());
  }
  function relabel(cy) {
    if (cy.destroyed() || !presenting()) { return; }
    cy.batch(function () {
      setFonts(cy, cy.nodes());
      cy.nodes(".culled").removeClass("culled");
    });
    /* label positions are recomputed when the next frame is drawn: measure after it */
    requestAnimationFrame(function () { requestAnimationFrame(function () { cull(cy); }); });
  }

  function attach(cy) {
    if (attached.indexOf(cy) >= 0) { return; }
    attached.push(cy);
    var timer = null;
    var later = function () { clearTimeout(timer); timer = setTimeout(function () { relabel(cy); }, 60); };
    cy.on("destroy", function () { clearTimeout(timer); attached.splice(attached.indexOf(cy), 1); });
    cy.on("zoom", later);
    cy.on("add", function (evt) {
      if (presenting()) { setFonts(cy, evt.target.filter("node")); evt.target.addClass("projector"); later(); }
    });
    cy.on("select unselect layoutstop", later);
    if (presenting()) { enterGraph(cy); }
  }
  function enterGraph(cy) {
    setFonts(cy, cy.nodes());
    cy.elements().addClass("projector");
    cy.resize();
    cy.fit(undefined, 30);
    relabel(cy);
  }
  function leaveGraph(cy) {
    cy.elements().removeClass("projector culled");
    cy.resize();
    cy.fit(undefined, 30);
  }

  function showCaption() {
    var r = root();
    if (!r) { return; }
    var list = views(), i = currentView();
    var caption = document.getElementById("present-caption");
    var counter = document.getElementById("present-counter");
    if (caption) { caption.textContent = i >= 0 ? (list[i].name + (list[i].caption ? " — " + list[i].caption : "")) : ""; }
    if (counter) {
      var sv = (r.getAttribute("data-lang") || "sv") === "sv";
      counter.textContent = i >= 0 ? (sv ? "Vy " : "View ") + (i + 1) + (sv ? " av " : " of ") + list.length : "";
    }
    var toggle = document.getElementById("present-toggle");
    if (toggle) { toggle.setAttribute("aria-pressed", presenting() ? "true" : "false"); }
  }

  function enter() {
    document.body.classList.add("presenting");
    sessionStorage.setItem(KEY, "1");
    var el = document.documentElement;
    if (el.requestFullscreen && !document.fullscreenElement) { el.requestFullscreen().catch(function () {}); }
    graphs().forEach(enterGraph);
    showCaption();
  }
  function leave() {
    document.body.classList.remove("presenting", "present-details");
    sessionStorage.removeItem(KEY);
    hideQr();
    if (document.fullscreenElement && document.exitFullscreen) { document.exitFullscreen().catch(function () {}); }
    graphs().forEach(leaveGraph);
    showCaption();
  }

  function go(url, id) {
    sessionStorage.setItem(KEY + "-view", id || "");
    hideQr();
    document.body.classList.remove("present-details");
    if (window.dash_clientside && window.dash_clientside.set_props) {
      window.dash_clientside.set_props("page-meta", {data: null});  // the shell rebuilds the page for this URL
    }
    window.history.pushState({}, "", url);
    window.dispatchEvent(new CustomEvent("_dashprivate_pushstate"));
    showCaption();
  }
  function step(by) {
    var list = views();
    if (!list.length) { return; }
    var i = currentView();
    var next = i < 0 ? (by > 0 ? 0 : list.length - 1) : i + by;
    if (next < 0 || next >= list.length) { return; }
    go(list[next].url, list[next].id);
  }

  function shortPath() {
    var list = views(), i = currentView();
    if (i < 0) { return here(); }
    var saved = list[i].url.split("?")[0];
    return saved === window.location.pathname ? "/v/" + list[i].id : here();
  }
  function showQr() {
    var box = document.getElementById("present-qr");
    if (!box) { return; }
    var path = shortPath();
    box.querySelector("img").src = "/qr.svg?path=" + encodeURIComponent(path);
    box.querySelector(".present-short").textContent = window.location.origin + path;
    box.hidden = false;
  }
  function hideQr() { var box = document.getElementById("present-qr"); if (box) { box.hidden = true; } }

  function selectNext(by) {
    var cy = graphs()[0];
    if (!cy) { return; }
    var nodes = cy.nodes().filter(function (n) { return !n.data("group"); }).toArray();
    nodes.sort(function (a, b) { return before(priority(a).slice(1), priority(b).slice(1)); });
    if (!nodes.length) { return; }
    var at = -1;
    for (var i = 0; i < nodes.length; i++) { if (nodes[i].selected()) { at = i; } }
    var n = nodes[(at + by + nodes.length) % nodes.length];
    cy.nodes().unselect();
    n.select();
    n.emit("tap");
    document.body.classList.add("present-details");
  }

  document.addEventListener("click", function (evt) {
    var t = evt.target.closest ? evt.target.closest("button") : null;
    if (!t) { return; }
    if (t.id === "present-toggle") { if (presenting()) { leave(); } else { enter(); } }
    else if (t.id === "present-exit") { leave(); }
    else if (t.id === "present-next") { step(1); }
    else if (t.id === "present-prev") { step(-1); }
    else if (t.id === "present-qr-toggle") {
      var box = document.getElementById("present-qr");
      if (box && box.hidden) { showQr(); } else { hideQr(); }
    } else if (t.classList.contains("present-view")) {
      var id = t.getAttribute("data-id");
      views().forEach(function (v) { if (v.id === id) { go(v.url, v.id); } });
      var menu = document.getElementById("present-menu");
      if (menu) { menu.open = false; }
    }
  });

  document.addEventListener("keydown", function (evt) {
    if (!presenting()) { return; }
    var tag = (evt.target && evt.target.tagName) || "";
    if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT") { return; }
    if (evt.key === "ArrowRight" || evt.key === "PageDown") { step(1); evt.preventDefault(); }
    else if (evt.key === "ArrowLeft" || evt.key === "PageUp") { step(-1); evt.preventDefault(); }
    else if (evt.key === "ArrowDown") { selectNext(1); evt.preventDefault(); }
    else if (evt.key === "ArrowUp") { selectNext(-1); evt.preventDefault(); }
    else if (evt.key === "q" || evt.key === "Q") {
      var box = document.getElementById("present-qr");
      if (box && box.hidden) { showQr(); } else { hideQr(); }
    } else if (evt.key === "Escape") {
      var qr = document.getElementById("present-qr");
      if (qr && !qr.hidden) { hideQr(); }
      else if (document.body.classList.contains("present-details")) { document.body.classList.remove("present-details"); }
      else { leave(); }
    }
  });
  document.addEventListener("fullscreenchange", function () {
    if (!document.fullscreenElement && presenting() && sessionStorage.getItem(KEY + "-fs") === "1") { leave(); }
    sessionStorage.setItem(KEY + "-fs", document.fullscreenElement ? "1" : "0");
  });

  /* The handout links: the strategy chosen, or the explorer's focus or selection. */
  function briefName() {
    var q = new URLSearchParams(window.location.search);
    if (window.location.pathname === "/strategi") { return q.get("strategy"); }
    if (window.location.pathname === "/") { return q.get("sel") || q.get("focus"); }
    return null;
  }
  function showBrief() {
    var name = briefName();
    [["present-brief-pdf", "/brief.pdf"], ["present-brief-html", "/brief.html"]].forEach(function (pair) {
      var a = document.getElementById(pair[0]);
      if (!a) { return; }
      a.hidden = !name;
      if (name) { a.href = pair[1] + "?name=" + encodeURIComponent(name); }
    });
  }

  /* New pages (the shell re-renders) bring new graphs and a new bar: keep them in the mode. */
  setInterval(function () {
    graphs().forEach(attach);
    if (sessionStorage.getItem(KEY) === "1" && !presenting() && root()) { enter(); }
    showCaption();
    showBrief();
  }, 250);
  window.fardplanPresentation = {enter: enter, leave: leave, step: step, relabel: relabel, graphs: graphs,
                                 minPx: MIN_PX};
})();
