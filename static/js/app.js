// Behaviour that used to sit in inline attributes, which the Content-Security-Policy forbids.
// <form data-confirm="question">: asks before submitting. <select data-autosubmit>: submits its form on change.
document.addEventListener("submit", function (event) {
  var form = event.target;
  var question = form.getAttribute && form.getAttribute("data-confirm");
  if (question && !window.confirm(question)) {
    event.preventDefault();
    event.stopImmediatePropagation();
  }
}, true);

document.addEventListener("change", function (event) {
  var field = event.target;
  if (field.hasAttribute && field.hasAttribute("data-autosubmit") && field.form) {
    field.form.requestSubmit ? field.form.requestSubmit() : field.form.submit();
  }
});

// Guided forms (helper "forms"): the error summary is announced and focused, each of its links focuses its field;
// a field with data-shown-when="join" data-shown-values="admitted" shows only while `join` has one of those
// values, and a section whose fields are all hidden hides too. Without this script every field shows.
(function () {
  function valueOf(form, name) {
    var inputs = form.querySelectorAll('[name="' + name + '"]');
    for (var i = 0; i < inputs.length; i++) {
      var input = inputs[i];
      if ((input.type === "radio" || input.type === "checkbox") && !input.checked) { continue; }
      return input.value;
    }
    return "";
  }

  function applyShownWhen(form) {
    form.querySelectorAll("[data-label-when]").forEach(function (field) {
      var label = field.querySelector("label");
      var text = JSON.parse(field.getAttribute("data-labels"))[valueOf(form, field.getAttribute("data-label-when"))];
      if (!label || !text || !label.firstChild || label.firstChild.nodeType !== 3) { return; }
      if (!label.hasAttribute("data-label")) { label.setAttribute("data-label", label.firstChild.nodeValue); }
      // Keep what followed the label's text: the colon and the space before the "*".
      label.firstChild.nodeValue = text + label.getAttribute("data-label").match(/:?\s*$/)[0];
    });
    var fields = form.querySelectorAll("[data-shown-when]");
    fields.forEach(function (field) {
      var values = field.getAttribute("data-shown-values").split(" ");
      field.hidden = values.indexOf(valueOf(form, field.getAttribute("data-shown-when"))) === -1;
    });
    form.querySelectorAll("fieldset.form-section").forEach(function (section) {
      var all = section.querySelectorAll(".field");
      var hidden = section.querySelectorAll(".field[hidden]");
      section.hidden = all.length > 0 && all.length === hidden.length;
    });
  }

  function setUp(root) {
    root.querySelectorAll("form").forEach(function (form) {
      if (form.querySelector("[data-shown-when], [data-label-when]")) { applyShownWhen(form); }
    });
    var summary = root.querySelector("[data-error-summary]");
    if (summary) { summary.focus(); }
  }

  document.addEventListener("change", function (event) {
    var form = event.target.form;
    var name = event.target.name;
    if (form && form.querySelector('[data-shown-when="' + name + '"], [data-label-when="' + name + '"]')) {
      applyShownWhen(form);
    }
  });

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("[data-focus-field]");
    if (!link) { return; }
    var target = document.getElementById(link.getAttribute("data-focus-field"));
    if (!target) { return; }
    event.preventDefault();
    var field = target.closest(".field") || target;
    field.scrollIntoView({block: "center"});
    target.focus({preventScroll: true});
  });

  document.addEventListener("htmx:afterSwap", function (event) { setUp(event.target); });

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { setUp(document); });
  } else {
    setUp(document);
  }
})();
