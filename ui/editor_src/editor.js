// The SPARQL editor of Färdplan Explorer: CodeMirror 6 with the SPARQL mode of @codemirror/legacy-modes.
//
// Built into ui/assets/sparql-editor.js by scripts/build_editor.sh. Dash loads it as an asset. The page
// (ui/pages/sparql.py) renders an empty <div class="sparql-editor-mount"> whose data attributes name
//   data-store — the dcc.Store holding the query text (kept in sync on every edit through set_props),
//   data-run   — the Run button (Ctrl/Cmd-Enter clicks it),
//   data-label — the accessible name of the editor.
// Two clientside callbacks call into window.dash_clientside.sparql_editor:
//   sync(text, mountId)      — mounts the editor if needed and shows `text` (an example, or the URL's query);
//   mark(error, mountId)     — highlights the line of a syntax error and puts the cursor on it.
// window.fardplanSparqlEditor.{getText,setText} is the same API for scripts and tests.

import { basicSetup } from "codemirror";
import { EditorState, StateEffect, StateField } from "@codemirror/state";
import { Decoration, EditorView, keymap } from "@codemirror/view";
import { StreamLanguage } from "@codemirror/language";
import { sparql } from "@codemirror/legacy-modes/mode/sparql";

const setErrorLine = StateEffect.define();

// The line of the last syntax error, cleared on the next edit.
const errorLine = StateField.define({
  create: () => Decoration.none,
  update(value, tr) {
    if (tr.docChanged) value = Decoration.none;
    for (const effect of tr.effects) {
      if (effect.is(setErrorLine)) {
        value = effect.value === null ? Decoration.none
          : Decoration.set([Decoration.line({ class: "cm-error-line" }).range(effect.value)]);
      }
    }
    return value;
  },
  provide: (field) => EditorView.decorations.from(field),
});

function setProps(id, props) {
  if (id && window.dash_clientside && window.dash_clientside.set_props) {
    window.dash_clientside.set_props(id, props);
  }
}

function create(el, text) {
  const storeId = el.dataset.store;
  const runId = el.dataset.run;
  const runKey = keymap.of([{
    key: "Mod-Enter",
    run: () => {
      const button = runId && document.getElementById(runId);
      if (button) button.click();
      return true;
    },
  }]);
  const view = new EditorView({
    parent: el,
    state: EditorState.create({
      doc: text || "",
      extensions: [
        runKey,
        basicSetup,
        StreamLanguage.define(sparql),
        EditorView.lineWrapping,
        errorLine,
        EditorView.contentAttributes.of({ "aria-label": el.dataset.label || "SPARQL", spellcheck: "false" }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) setProps(storeId, { data: update.state.doc.toString() });
        }),
      ],
    }),
  });
  el._sparqlView = view;
  return view;
}

function viewOf(mountId) {
  const el = mountId ? document.getElementById(mountId) : document.querySelector(".sparql-editor-mount");
  if (!el) return null;
  const view = el._sparqlView;
  return view && el.contains(view.dom) ? view : null;
}

function mount(mountId, text) {
  const el = document.getElementById(mountId);
  if (!el) return null;
  return viewOf(mountId) || create(el, text);
}

function setText(mountId, text) {
  const view = mount(mountId, text);
  if (!view) return false;
  const current = view.state.doc.toString();
  if (typeof text === "string" && text !== current) {
    view.dispatch({ changes: { from: 0, to: current.length, insert: text } });
  }
  return true;
}

// Dash may call before the page's div is in the document: retry on the next frames.
function whenMounted(mountId, action, tries = 60) {
  if (action()) return;
  if (tries > 0) requestAnimationFrame(() => whenMounted(mountId, action, tries - 1));
}

function markError(mountId, error) {
  const view = viewOf(mountId);
  if (!view) return;
  if (!error || !error.line || error.line > view.state.doc.lines) {
    view.dispatch({ effects: setErrorLine.of(null) });
    return;
  }
  const line = view.state.doc.line(error.line);
  const pos = Math.min(line.from + Math.max((error.column || 1) - 1, 0), line.to);
  view.dispatch({ effects: setErrorLine.of(line.from), selection: { anchor: pos }, scrollIntoView: true });
}

const noUpdate = () => (window.dash_clientside ? window.dash_clientside.no_update : null);

window.dash_clientside = window.dash_clientside || {};
window.dash_clientside.sparql_editor = {
    sync(text, mountId) {
      whenMounted(mountId, () => setText(mountId, text));
      return noUpdate();
    },
    mark(error, mountId) {
      whenMounted(mountId, () => {
        if (!viewOf(mountId)) return false;
        markError(mountId, error);
        return true;
      });
      return noUpdate();
    },
};

window.fardplanSparqlEditor = {
  getText: (mountId) => {
    const view = viewOf(mountId);
    return view ? view.state.doc.toString() : null;
  },
  setText: (text, mountId) => {
    const el = mountId ? document.getElementById(mountId) : document.querySelector(".sparql-editor-mount");
    return el ? setText(el.id, text) : false;
  },
};
