/* The Data page (/data, issue 14): each upload's hidden file input (the spreadsheet's, the reply's) gets the
   visible button's text as its name (dcc.Upload has no prop for it); the button is the one keyboard stop, and
   Enter or Space on it opens the file dialog through the upload's own click handler. */
(function () {
  "use strict";
  function label() {
    document.querySelectorAll(".data-upload").forEach(function (upload) {
      var input = upload.querySelector("input[type=file]");
      var button = upload.querySelector("button");
      if (input && button && input.getAttribute("aria-label") !== button.textContent) {
        input.setAttribute("aria-label", button.textContent);
        input.setAttribute("tabindex", "-1");
      }
    });
  }
  new MutationObserver(label).observe(document.documentElement, {childList: true, subtree: true});
  document.addEventListener("DOMContentLoaded", label);
})();
