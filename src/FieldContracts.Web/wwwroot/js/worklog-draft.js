// Keeps what the crew leader typed in the visit form on the phone, so a dropped connection or a
// reload loses nothing. The idempotency key is kept with the draft: submitting the restored form
// finds the visit if the first submission got through. The form works without this script.
(function () {
  "use strict";
  var storage;
  try { storage = window.localStorage; } catch (e) { return; }
  if (!storage) { return; }

  var cleared = document.querySelector("[data-clear-draft]");
  if (cleared) { storage.removeItem(cleared.getAttribute("data-clear-draft")); }

  var form = document.querySelector("form[data-draft]");
  if (!form) { return; }
  var key = form.getAttribute("data-draft");

  function fields() {
    return Array.prototype.filter.call(form.elements, function (el) {
      return el.name && el.type !== "file" && el.name !== "__RequestVerificationToken" && el.type !== "submit";
    });
  }

  function save() {
    var values = {};
    fields().forEach(function (el) {
      if (el.type === "checkbox" || el.type === "radio") {
        (values[el.name] = values[el.name] || {})[el.value] = el.checked;
      } else {
        values[el.name] = el.value;
      }
    });
    try { storage.setItem(key, JSON.stringify(values)); } catch (e) { /* storage full: the form still works */ }
  }

  function restore() {
    var saved;
    try { saved = JSON.parse(storage.getItem(key) || "null"); } catch (e) { saved = null; }
    if (!saved) { return; }
    fields().forEach(function (el) {
      if (!(el.name in saved)) { return; }
      if (el.type === "checkbox" || el.type === "radio") {
        if (el.value in saved[el.name]) { el.checked = saved[el.name][el.value]; }
      } else {
        el.value = saved[el.name];
      }
    });
  }

  // Only what was typed is kept: merely opening the form leaves no draft behind.
  if (form.getAttribute("data-restore") === "true") { restore(); }
  form.addEventListener("input", save);
  form.addEventListener("change", save);
})();
