// Public pages: the "Copy link" button. Without it the read-only box still holds the link.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-copy]").forEach(function (button) {
      var input = document.getElementById(button.dataset.copy);
      var status = button.closest("section").querySelector(".pub-copy-status");
      button.hidden = false;
      function done() { if (status) status.textContent = button.dataset.copied; }
      function fallback() {
        input.focus();
        input.select();
        try { if (document.execCommand("copy")) done(); } catch (e) { /* the text stays selected */ }
      }
      button.addEventListener("click", function () {
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(input.value).then(done, fallback);
        } else {
          fallback();
        }
      });
      input.addEventListener("focus", function () { input.select(); });
    });
  });
})();
