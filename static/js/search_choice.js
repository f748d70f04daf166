// Search-as-you-type choices (lib.forms.SearchChoiceField): htmx fills the list of matches; this script lets the
// user move through it with the arrows, pick with Enter or a click, and close it with Escape. Loaded once per field
// (the guard keeps one set of listeners).
(function () {
  if (window.dangvuSearchChoice) { return; }
  window.dangvuSearchChoice = true;

  function parts(element) {
    var box = element.closest && element.closest("[data-search-choice]");
    if (!box) { return null; }
    return {
      box: box,
      input: box.querySelector("[data-search-choice-input]"),
      value: box.querySelector("[data-search-choice-value]"),
      chosen: box.querySelector("[data-search-choice-chosen]"),
      picked: box.querySelector("[data-search-choice-picked]"),  // several choices: the ticked ones
      list: box.querySelector("[data-search-choice-list]")
    };
  }

  function options(p) { return Array.prototype.slice.call(p.list.querySelectorAll("[role=option]")); }

  function setOpen(p, open) {
    p.list.classList.toggle("open", open);
    p.input.setAttribute("aria-expanded", open ? "true" : "false");
    if (!open) { p.input.removeAttribute("aria-activedescendant"); }
  }

  function activate(p, index) {
    var all = options(p);
    if (!all.length) { return; }
    index = (index + all.length) % all.length;
    all.forEach(function (option, i) { option.setAttribute("aria-selected", i === index ? "true" : "false"); });
    p.input.setAttribute("aria-activedescendant", all[index].id);
    all[index].scrollIntoView({block: "nearest"});
  }

  function activeIndex(p) {
    return options(p).findIndex(function (o) { return o.getAttribute("aria-selected") === "true"; });
  }

  function pickAnother(p, option) {
    var value = option.getAttribute("data-value");
    var already = Array.prototype.some.call(p.picked.querySelectorAll("input"), function (box) {
      if (box.value === value) { box.checked = true; return true; }
      return false;
    });
    if (!already) {
      var item = document.createElement("li");
      var label = document.createElement("label");
      var box = document.createElement("input");
      box.type = "checkbox";
      box.name = p.box.getAttribute("data-name");
      box.value = value;
      box.checked = true;
      label.appendChild(box);
      label.appendChild(document.createTextNode(" " + option.getAttribute("data-label")));
      var detail = option.getAttribute("data-detail");
      if (detail) {
        var small = document.createElement("small");
        small.className = "muted";
        small.textContent = " — " + detail;
        label.appendChild(small);
      }
      item.appendChild(label);
      p.picked.appendChild(item);
    }
    p.input.value = "";
    setOpen(p, false);
  }

  function pick(p, option) {
    if (p.picked) { pickAnother(p, option); return; }
    p.value.value = option.getAttribute("data-value");
    p.input.value = option.getAttribute("data-label");
    p.chosen.textContent = option.getAttribute("data-detail") || "";
    setOpen(p, false);
    p.value.dispatchEvent(new Event("change", {bubbles: true}));
  }

  document.addEventListener("input", function (event) {
    var p = parts(event.target);
    if (p && event.target === p.input && !p.picked) {  // typing again forgets the choice until one is picked
      p.value.value = "";
      p.chosen.textContent = "";
      if (!p.input.value.trim()) { setOpen(p, false); }
    }
  });

  document.addEventListener("htmx:afterSwap", function (event) {
    var p = parts(event.target);
    if (p && event.target === p.list) {
      setOpen(p, p.list.children.length > 0 && document.activeElement === p.input);
      if (options(p).length) { activate(p, 0); }
    }
  });

  document.addEventListener("keydown", function (event) {
    var p = parts(event.target);
    if (!p || event.target !== p.input) { return; }
    var open = p.list.classList.contains("open");
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!open && p.list.children.length) { setOpen(p, true); }
      activate(p, activeIndex(p) + (event.key === "ArrowDown" ? 1 : -1));
      event.preventDefault();
    } else if (event.key === "Enter" && open) {
      var index = activeIndex(p);
      if (index >= 0) { pick(p, options(p)[index]); }
      event.preventDefault();
    } else if (event.key === "Escape" && open) {
      setOpen(p, false);
      event.preventDefault();
    }
  });

  document.addEventListener("mousedown", function (event) {
    var option = event.target.closest && event.target.closest("[data-search-choice-list] [role=option]");
    var p = option && parts(option);
    if (p) {
      event.preventDefault();  // keep the focus in the search box
      pick(p, option);
    }
  });

  document.addEventListener("focusout", function (event) {
    var p = parts(event.target);
    if (p && event.target === p.input) { setOpen(p, false); }
  });
})();
