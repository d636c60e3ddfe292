// Khiên compliance: trend charts of unit scores (Chart.js), data from /api/v1/compliance/trend; CSP-safe.
(function () {
  "use strict";
  function draw(canvas) {
    fetch(canvas.getAttribute("data-trend-url"), { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : []; })
      .then(function (points) {
        if (typeof Chart === "undefined") { return; }
        new Chart(canvas, {
          type: "line",
          data: {
            labels: points.map(function (p) { return p.day.split("-").reverse().join("/"); }),
            datasets: [{
              label: canvas.getAttribute("data-label") || "%",
              data: points.map(function (p) { return p.total === 0 ? null : Math.round(1000 * p.compliant / p.total) / 10; }),
              borderColor: "#b91c1c", backgroundColor: "rgba(185,28,28,0.15)", fill: true, tension: 0.2
            }]
          },
          options: { animation: false, maintainAspectRatio: false, scales: { y: { min: 0, max: 100, ticks: { callback: function (v) { return v + "%"; } } } } }
        });
      });
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("canvas.trend-chart[data-trend-url]").forEach(draw);
  });
})();
