// Whole-number inputs ([data-whole-number]) group their digits by three with dots as one
// types (1234567 → 1.234.567), keeping the caret after the same digit. Anything else typed
// (a comma, a letter) is left as it is: the server refuses it with a clear message rather
// than this script guessing what was meant ("1,5" must never become 15).
(function () {
  "use strict";
  var GROUPED = /^[\d.]*$/;

  function group(digits) {
    return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  }

  function regroup(input) {
    var raw = input.value;
    if (!GROUPED.test(raw)) { return; }
    var caret = input.selectionStart === null ? raw.length : input.selectionStart;
    var digitsBefore = raw.slice(0, caret).replace(/\./g, "").length;
    var formatted = group(raw.replace(/\./g, ""));
    if (formatted === raw) { return; }
    input.value = formatted;
    var position = 0;
    var seen = 0;
    while (position < formatted.length && seen < digitsBefore) {
      if (formatted.charAt(position) !== ".") { seen++; }
      position++;
    }
    if (document.activeElement === input) { input.setSelectionRange(position, position); }
  }

  var inputs = document.querySelectorAll("input[data-whole-number]");
  for (var i = 0; i < inputs.length; i++) { regroup(inputs[i]); }
  document.addEventListener("input", function (event) {
    if (event.target.matches && event.target.matches("input[data-whole-number]")) {
      regroup(event.target);
    }
  }, true);
})();
