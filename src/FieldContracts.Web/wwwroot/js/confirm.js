// Asks before a destructive step. A form, or a button in it, with data-confirm="What will happen. Go on?" shows that
// sentence and submits only when the user agrees. Without this script the form submits at once, as before.
(function () {
  "use strict";
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var button = event.submitter;
    var message = (button && button.getAttribute("data-confirm")) || form.getAttribute("data-confirm");
    if (message && !window.confirm(message)) {
      event.preventDefault();
    }
  });
})();
