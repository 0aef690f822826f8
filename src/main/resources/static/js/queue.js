// After an action's answer replaces a lead's row, the keyboard carries on from that row: the focus moves to the row's
// line saying what happened, instead of falling back to the top of the page with the button that was swapped away.
(function () {
  "use strict";
  var row = null;
  document.addEventListener("htmx:beforeRequest", function (event) {
    var from = event.detail.elt.closest("tr[id]");
    row = from ? from.id : null;
  });
  document.addEventListener("htmx:afterSettle", function () {
    if (!row) {
      return;
    }
    var swapped = document.getElementById(row);
    row = null;
    if (!swapped || swapped.contains(document.activeElement)) {
      return;
    }
    var status = swapped.querySelector("[role=status]");
    (status || swapped.querySelector("a, button, input, select")).focus();
  });
})();
