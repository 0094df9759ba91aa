/* Charts of the dashboards from the JSON the page embeds (id "dashboard-chart").
   Numbers in the tooltips and axes use the page's language (vi: 1.902). */
(function () {
  "use strict";
  var source = document.getElementById("dashboard-chart");
  if (!source || typeof Chart === "undefined") { return; }
  var data = JSON.parse(source.textContent);
  var locale = document.documentElement.lang || "vi";
  var format = new Intl.NumberFormat(locale);
  var colors = ["#0d6efd", "#198754", "#fd7e14", "#6f42c1", "#dc3545"];
  var codes = Object.keys(data.labels);
  function datasets(series, fill) {
    return codes.map(function (code, i) {
      return { label: data.labels[code], data: series[code], backgroundColor: colors[i % colors.length],
               borderColor: colors[i % colors.length], fill: fill, tension: 0.2 };
    });
  }
  var options = {
    responsive: true, animation: false,
    plugins: { tooltip: { callbacks: { label: function (ctx) {
      return ctx.dataset.label + ": " + (ctx.parsed.y === null ? "–" : format.format(ctx.parsed.y)); } } } },
    scales: { y: { beginAtZero: true, ticks: { callback: function (v) { return format.format(v); } } } }
  };
  var units = document.getElementById("chart-units");
  if (units && data.units) {
    new Chart(units, { type: "bar", data: { labels: data.units, datasets: datasets(data.byUnit, false) }, options: options });
  }
  var years = document.getElementById("chart-years");
  if (years && data.years) {
    new Chart(years, { type: "line", data: { labels: data.years, datasets: datasets(data.byYear, false) }, options: options });
  }
})();
