// Shows only the areas of the school chosen in a complaint form, and leaves the others out of the post. The form works
// without this script: every school's areas are shown, and the server refuses an area of another school.
(function () {
  "use strict";
  var select = document.querySelector("select[data-areas]");
  if (!select) { return; }
  function show() {
    Array.prototype.forEach.call(document.querySelectorAll("fieldset[data-school]"), function (group) {
      var chosen = group.getAttribute("data-school") === select.value;
      group.hidden = !chosen;
      Array.prototype.forEach.call(group.querySelectorAll("input"), function (input) { input.disabled = !chosen; });
    });
  }
  select.addEventListener("change", show);
  show();
})();
