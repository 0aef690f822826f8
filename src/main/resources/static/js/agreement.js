// Loads a chosen agreement file into the form's text area, so that the page checks what the file says.
(function () {
  "use strict";
  document.querySelectorAll("input[type=file][data-fills]").forEach(function (input) {
    input.addEventListener("change", function () {
      var file = input.files && input.files[0];
      var target = document.getElementById(input.getAttribute("data-fills"));
      if (!file || !target) {
        return;
      }
      file.text().then(function (text) { target.value = text; });
    });
  });
})();
