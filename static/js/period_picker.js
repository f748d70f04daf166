// Period pickers (lib/period_picker.py): with a report-kind field beside them, only the parts of the chosen
// kind are offered and the picker moves to that kind's usual period; a term needs no year.
(function () {
  if (window.dangvuPeriodPicker) return;
  window.dangvuPeriodPicker = true;

  function kindSelect(picker) {
    var name = picker.getAttribute("data-kind-field");
    var form = picker.closest("form");
    return name && form ? form.elements[name] : null;
  }

  function sync(picker, moved) {
    var part = picker.querySelector(".period-part");
    var year = picker.querySelector(".period-year");
    var kind = kindSelect(picker);
    if (kind && kind.value) {
      var defaults = JSON.parse(picker.getAttribute("data-defaults") || "{}");
      var chosenFits = false;
      picker.querySelectorAll("optgroup").forEach(function (group) {
        var fits = (" " + group.getAttribute("data-kinds") + " ").indexOf(" " + kind.value + " ") >= 0;
        group.hidden = !fits;
        group.disabled = !fits;
        if (fits && part.selectedOptions[0] && part.selectedOptions[0].parentNode === group) chosenFits = true;
      });
      if ((moved || !chosenFits) && defaults[kind.value]) {
        part.value = defaults[kind.value][0];
        if (defaults[kind.value][1]) year.value = defaults[kind.value][1];
      }
    }
    year.hidden = part.value.charAt(0) === "T";
  }

  function syncAll(root) {
    (root || document).querySelectorAll("[data-period-picker]").forEach(function (p) { sync(p, false); });
  }

  document.addEventListener("change", function (event) {
    var field = event.target;
    if (field.classList && field.classList.contains("period-part")) {
      sync(field.closest("[data-period-picker]"), false);
      return;
    }
    if (!field.form || !field.name) return;
    field.form.querySelectorAll("[data-period-picker]").forEach(function (picker) {
      if (picker.getAttribute("data-kind-field") === field.name) sync(picker, true);
    });
  });
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", function () { syncAll(); });
  else syncAll();
  document.addEventListener("htmx:afterSwap", function (event) { syncAll(event.target); });
})();
