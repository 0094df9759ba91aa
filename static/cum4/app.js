/* Behaviour every page shares, bound here rather than in inline handlers (the
   Content-Security-Policy allows no inline script):
   - <select data-autosubmit>: choosing an option submits its form;
   - <select data-navigate data-navigate-keep="id_period">: the chosen option's value is a URL
     to open, keeping the named field's value as its query parameter. */
(function () {
  "use strict";
  document.addEventListener("change", function (event) {
    var field = event.target;
    if (!(field instanceof HTMLSelectElement)) { return; }
    if (field.hasAttribute("data-autosubmit") && field.form) {
      field.form.submit();
    } else if (field.hasAttribute("data-navigate")) {
      var url = new URL(field.value, window.location.href);
      var keep = document.getElementById(field.getAttribute("data-navigate-keep") || "");
      if (keep && keep.name) { url.searchParams.set(keep.name, keep.value); }
      window.location.assign(url.toString());
    }
  });
})();
