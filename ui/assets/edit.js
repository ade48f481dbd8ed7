/* Färdplan Explorer, editing (issue 14): a text selection inside a source quote of the details panel fills the
   edit form's source — the document, the selected raw text and its start offset in the document's raw text
   (Unicode code points, as fp:startOffset counts them). Only active while the edit form is on the page. */
(function () {
  "use strict";
  var QUOTE = "explore-edit-quote", DOCUMENT = "explore-edit-document", START = "explore-edit-start";

  function quoteOf(node) {
    var el = node && (node.nodeType === 1 ? node : node.parentElement);
    return el && el.closest ? el.closest("blockquote.quote-text[data-doc]") : null;
  }

  function capture() {
    if (!document.getElementById(QUOTE) || !window.dash_clientside || !window.dash_clientside.set_props) {
      return;
    }
    var sel = window.getSelection();
    if (!sel || sel.isCollapsed || sel.rangeCount === 0) {
      return;
    }
    var range = sel.getRangeAt(0);
    var block = quoteOf(range.startContainer);
    if (!block || block !== quoteOf(range.endContainer) || !block.dataset.doc) {
      return;
    }
    var before = document.createRange();
    before.setStart(block, 0);
    before.setEnd(range.startContainer, range.startOffset);
    var text = range.toString();
    if (!text.trim()) {
      return;
    }
    var start = Number(block.dataset.start || 0) + Array.from(before.toString()).length;
    var set = window.dash_clientside.set_props;
    set(DOCUMENT, {value: block.dataset.doc});
    set(START, {data: start});
    set(QUOTE, {value: text});
  }

  document.addEventListener("mouseup", function () { window.setTimeout(capture, 0); });
  document.addEventListener("keyup", function (event) {
    if (event.shiftKey) {
      capture();
    }
  });
})();
