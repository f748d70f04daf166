// Draws the dashboard's trend charts from the JSON the page carries; numbers in the house style (vi-VN).
(function () {
  var data = JSON.parse(document.getElementById("charts-data").textContent);
  var number = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 2 });
  var colors = ["#b3261e", "#2e7d32", "#1565c0", "#d98b00", "#6a1b9a"];
  data.forEach(function (chart) {
    var canvas = document.getElementById("chart-" + chart.key);
    if (!canvas || !window.Chart) return;
    new window.Chart(canvas, {
      type: chart.kind,
      data: {
        labels: chart.labels,
        datasets: chart.series.map(function (s, i) {
          return { label: s.label, data: s.data, backgroundColor: colors[i % colors.length],
                   borderColor: colors[i % colors.length], tension: 0.2 };
        }),
      },
      options: {
        animation: false, responsive: true, maintainAspectRatio: false,
        locale: "vi-VN",
        scales: { y: { beginAtZero: true, ticks: { callback: function (v) { return number.format(v); } } } },
        plugins: { tooltip: { callbacks: { label: function (ctx) {
          return ctx.dataset.label + ": " + number.format(ctx.parsed.y);
        } } } },
      },
    });
  });
})();
