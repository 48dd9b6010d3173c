// Progressive enhancement only: every control works without this file.
// Changing the sort order submits the search at once instead of waiting for the button.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("select.js-autosubmit").forEach(function (select) {
    select.addEventListener("change", function () {
      if (select.form) select.form.submit();
    });
  });
});
