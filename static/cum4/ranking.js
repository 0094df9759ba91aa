/* The ranking page's charts, from the JSON it embeds (id "ranking-data"); the label of the
   totals comes from the canvas (data-label), translated by the template. */
(function () {
  "use strict";
  var source = document.getElementById("ranking-data");
  if (!source || typeof Chart === "undefined") { return; }
  var data = JSON.parse(source.textContent);
  if (!data.labels.length) { return; }
  var totals = document.getElementById("chart-totals");
  new Chart(totals, {
    type: "bar",
    data: { labels: data.labels, datasets: [{ label: totals.dataset.label, data: data.totals }] },
    options: { plugins: { legend: { display: false } } }
  });
  new Chart(document.getElementById("chart-groups"), {
    type: "bar",
    data: { labels: data.labels, datasets: data.groups },
    options: { scales: { x: { stacked: true }, y: { stacked: true } } }
  });
})();
