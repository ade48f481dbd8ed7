/* Färdplan Explorer: loads the SPARQL editor (assets/sparql-editor.js, 400 KB of CodeMirror) only when the SPARQL
   page asks for it, so that no other page parses it (a cold browser opening a shared link saves that time).
   Dash does not include the editor in every page (assets_ignore in ui/app.py); this stub stands in for
   window.dash_clientside.sparql_editor until the editor has loaded and put its own functions there, and passes
   each call on to them. The URL comes from the mount's data-src (with the file's version), under Dash's prefix. */
(function () {
  "use strict";
  var loading = null;

  function editorUrl(mountId) {
    var mount = document.getElementById(mountId) || document.querySelector(".sparql-editor-mount");
    var src = (mount && mount.getAttribute("data-src")) || "assets/sparql-editor.js";
    var config = document.getElementById("_dash-config");
    var prefix = "/";
    try { prefix = JSON.parse(config.textContent).requests_pathname_prefix || "/"; } catch (e) { /* the default */ }
    return prefix + src;
  }

  function load(mountId) {
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = editorUrl(mountId);
        script.async = true;
        script.onload = resolve;
        script.onerror = function () { loading = null; reject(new Error("the SPARQL editor did not load")); };
        document.head.appendChild(script);
      });
    }
    return loading;
  }

  var stub = {};
  ["sync", "mark"].forEach(function (name) {
    stub[name] = function () {
      var args = arguments;
      load(args[1]).then(function () {
        var editor = window.dash_clientside.sparql_editor;
        if (editor && editor !== stub) { editor[name].apply(editor, args); }
      }, function (error) { console.error(error.message); });
      return window.dash_clientside.no_update;
    };
  });
  window.dash_clientside = window.dash_clientside || {};
  if (!window.dash_clientside.sparql_editor) { window.dash_clientside.sparql_editor = stub; }
}());
