// The report form remembers what was typed and not saved (a session that expired, a closed
// tab): a draft in localStorage, keyed by the report, with the version it was typed on.
// On load, a draft of the same version whose values differ is put back, with a notice; a
// draft of an older version is dropped, since the report was saved since (a successful
// save bumps the version: that is how the draft is cleared).
(function () {
  "use strict";
  var form = document.getElementById("report-form");
  if (!form || !form.dataset.draftKey || !window.localStorage) { return; }
  var key = form.dataset.draftKey;
  var version = Number(form.dataset.version);
  var notice = document.getElementById("draft-notice");

  function fields() {
    return form.querySelectorAll("input[data-code]:not([disabled])");
  }

  function read() {
    try { return JSON.parse(window.localStorage.getItem(key) || "null"); }
    catch (error) { return null; }
  }

  function write() {
    var values = {};
    var list = fields();
    for (var i = 0; i < list.length; i++) { values[list[i].name] = list[i].value; }
    try {
      window.localStorage.setItem(key, JSON.stringify({ version: version, values: values }));
    } catch (error) { /* storage full or refused: nothing to remember with */ }
  }

  var draft = read();
  if (draft && draft.version !== version) {
    window.localStorage.removeItem(key);
  } else if (draft && draft.values) {
    var restored = false;
    var list = fields();
    for (var i = 0; i < list.length; i++) {
      var value = draft.values[list[i].name];
      if (typeof value === "string" && value !== list[i].value) {
        list[i].value = value;
        restored = true;
      }
    }
    if (restored) {
      if (notice) { notice.classList.remove("d-none"); }
      // Let the live sums and the digit grouping see the restored values.
      form.dispatchEvent(new Event("input", { bubbles: true }));
    }
  }

  var discard = document.getElementById("draft-discard");
  if (discard) {
    discard.addEventListener("click", function () {
      window.localStorage.removeItem(key);
      window.location.reload();
    });
  }
  form.addEventListener("input", write);
})();
