// Keeps what the crew leader typed in the visit form on the phone, so a dropped connection or a
// reload loses nothing. The idempotency key is kept with the draft: submitting the restored form
// finds the visit if the first submission got through. The form works without this script.
// After the server refused a post, the page goes to the first field in error, and each link of the error summary goes to
// its field. When the start time changes, the finish time moves with it by the usual length of this kind of visit.
(function () {
  "use strict";
  function focusField(id) {
    var target = document.getElementById(id);
    if (!target) { return false; }
    target.scrollIntoView({ block: "center" });
    target.focus({ preventScroll: true });
    return true;
  }

  var refused = document.querySelector("form[data-first-error]");
  if (refused) { focusField(refused.getAttribute("data-first-error")); }
  Array.prototype.forEach.call(document.querySelectorAll(".error-summary a[href^='#']"), function (link) {
    link.addEventListener("click", function (event) {
      if (focusField(link.getAttribute("href").slice(1))) { event.preventDefault(); }
    });
  });

  var finish = document.querySelector("input[data-usual-minutes]");
  var start = finish && finish.form ? finish.form.querySelector("input[name='Input.Started']") : null;
  if (start) {
    var minutes = parseInt(finish.getAttribute("data-usual-minutes"), 10);
    var finishTyped = false;
    finish.addEventListener("input", function () { finishTyped = true; });
    start.addEventListener("change", function () {
      var parts = /^(\d{2}):(\d{2})$/.exec(start.value);
      if (finishTyped || !parts || isNaN(minutes)) { return; }
      var total = parseInt(parts[1], 10) * 60 + parseInt(parts[2], 10) + minutes;
      if (total >= 24 * 60) { return; }
      var pad = function (n) { return (n < 10 ? "0" : "") + n; };
      finish.value = pad(Math.floor(total / 60)) + ":" + pad(total % 60);
    });
  }

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
