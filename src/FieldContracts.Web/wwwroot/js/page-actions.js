// Small page behaviours kept out of the markup, so the Content-Security-Policy allows no inline script:
// data-print: a button that prints the page (hidden until this script shows it);
// data-select-on-focus: a read-only field whose text is selected when it takes focus, ready to copy;
// .error-summary: after a refused post, the form's list of errors takes focus, so it is in view and read out first
// (the phone form, marked data-first-error, goes to its first field instead), and each of its links puts the
// cursor in the field it names, not only the field in view.
(function () {
  "use strict";
  Array.prototype.forEach.call(document.querySelectorAll("[data-print]"), function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
  Array.prototype.forEach.call(document.querySelectorAll("[data-select-on-focus]"), function (field) {
    field.addEventListener("focus", function () { field.select(); });
  });
  var summary = document.querySelector(".error-summary");
  if (summary && !document.querySelector("[data-first-error]:not([data-first-error=''])")) {
    summary.focus();
  }
  Array.prototype.forEach.call(document.querySelectorAll(".error-summary a[href^='#']"), function (link) {
    link.addEventListener("click", function (event) {
      var field = document.getElementById(decodeURIComponent(link.getAttribute("href").slice(1)));
      if (field && typeof field.focus === "function") {
        event.preventDefault();
        field.scrollIntoView({ block: "center" });
        field.focus({ preventScroll: true });
      }
    });
  });
})();
