// The rating sheets: arrow keys move between the cells of the grid (Tab works as everywhere).
// Up/Down: same column, row above/below; Left/Right: previous/next cell when the caret is at the text's edge.
(function () {
  "use strict";
  function cells(row) { return Array.from(row.querySelectorAll("input:not([type=hidden]), select")); }
  function rows(table) { return Array.from(table.querySelectorAll("tbody tr.sheet-row")); }
  function atEdge(el, forward) {
    if (el.tagName !== "INPUT" || el.selectionStart === null) return true;
    return forward ? el.selectionEnd === el.value.length : el.selectionStart === 0;
  }
  document.addEventListener("keydown", function (event) {
    var el = event.target;
    var table = el.closest && el.closest("table.rating-sheet");
    if (!table || event.altKey || event.ctrlKey || event.metaKey) return;
    var row = el.closest("tr.sheet-row");
    var here = cells(row), col = here.indexOf(el), target = null;
    if (event.key === "ArrowUp" || event.key === "ArrowDown" || event.key === "Enter") {
      var all = rows(table), i = all.indexOf(row) + (event.key === "ArrowUp" ? -1 : 1);
      if (all[i]) target = cells(all[i])[col];
    } else if (event.key === "ArrowRight" && atEdge(el, true)) {
      target = here[col + 1];
    } else if (event.key === "ArrowLeft" && atEdge(el, false)) {
      target = here[col - 1];
    }
    if (target) {
      event.preventDefault();
      target.focus();
      if (target.select) target.select();
    }
  });
})();
