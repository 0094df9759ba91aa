// Live derived indicators of the quarterly report entry page (sums and rates as one types).
// The formulas come from the server (#derived-specs), the same data the selectors compute with.
(function () {
  "use strict";
  var specsNode = document.getElementById("derived-specs");
  var form = document.getElementById("report-form");
  if (!specsNode || !form) { return; }
  var specs = JSON.parse(specsNode.textContent);
  var fmt = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 0 });
  // Rates at the precision the server prints them (cum4.formatting.RATE_DECIMALS).
  function pct(value, decimals) {
    return new Intl.NumberFormat("vi-VN", { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value);
  }

  // A whole number as the server reads it: digits, or digits grouped by three with dots.
  function whole(raw) {
    raw = raw.trim();
    if (/^\d+$/.test(raw) || /^\d{1,3}(\.\d{3})+$/.test(raw)) { return Number(raw.replace(/\./g, "")); }
    return null;
  }

  function total(code) {
    // Section D has two rows (complaints, denunciations): their values add up.
    var inputs = form.querySelectorAll('input[data-code="' + code + '"]');
    var sum = 0;
    for (var i = 0; i < inputs.length; i++) {
      var value = whole(inputs[i].value);
      if (value === null) { return null; }
      sum += value;
    }
    return inputs.length ? sum : null;
  }

  function sumOf(codes) {
    var sum = 0;
    for (var i = 0; i < codes.length; i++) {
      var value = total(codes[i]);
      if (value === null) { return null; }
      sum += value;
    }
    return sum;
  }

  function update() {
    specs.forEach(function (spec) {
      var node = document.querySelector('[data-derived="' + spec.code + '"]');
      if (!node) { return; }
      var num = sumOf(spec.num);
      var text = "–";
      if (spec.den.length === 0) {
        if (num !== null) { text = fmt.format(num); }
      } else {
        var den = sumOf(spec.den);
        if (num !== null && den) { text = pct(num * 100 / den, spec.decimals) + "%"; }
      }
      node.textContent = text;
    });
  }

  // Amounts in đồng are long: show them in tỷ / triệu under the input as one types.
  var money = form.querySelectorAll('input[data-code$="_vnd"]');
  function moneyHint(input) {
    var hint = input.closest(".field-col").querySelector(".money-hint");
    if (!hint) {
      hint = document.createElement("div");
      hint.className = "form-text money-hint";
      input.closest(".input-group").after(hint);
    }
    var n = whole(input.value);
    var two = new Intl.NumberFormat("vi-VN", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    if (n === null) { hint.textContent = ""; }
    else if (n >= 1e9) { hint.textContent = "≈ " + two.format(n / 1e9) + " tỷ đồng"; }
    else if (n >= 1e6) { hint.textContent = "≈ " + two.format(n / 1e6) + " triệu đồng"; }
    else { hint.textContent = fmt.format(n) + " đồng"; }
  }
  for (var m = 0; m < money.length; m++) { moneyHint(money[m]); }

  form.addEventListener("input", function (event) {
    update();
    if (event.target.matches && event.target.matches('input[data-code$="_vnd"]')) {
      moneyHint(event.target);
    }
  });
  update();
})();
