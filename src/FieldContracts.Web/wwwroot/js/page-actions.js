// Small page behaviours kept out of the markup, so the Content-Security-Policy allows no inline script:
// data-print: a button that prints the page (hidden until this script shows it);
// data-select-on-focus: a read-only field whose text is selected when it takes focus, ready to copy.
(function () {
  "use strict";
  Array.prototype.forEach.call(document.querySelectorAll("[data-print]"), function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
  Array.prototype.forEach.call(document.querySelectorAll("[data-select-on-focus]"), function (field) {
    field.addEventListener("focus", function () { field.select(); });
  });
})();
