// Draws each .chart from the figures in its data-chart attribute (the same figures its table shows).
(function () {
  "use strict";
  var palette = ["#0a58ca", "#b35c00", "#146c43", "#6f42c1", "#b42318", "#0f766e", "#57606a"];

  function draw(element) {
    var chart = JSON.parse(element.getAttribute("data-chart"));
    var stacked = chart.kind === "stacked";
    var series = chart.series.map(function (s, i) {
      return {
        name: s.name,
        type: chart.kind === "line" ? "line" : "bar",
        stack: stacked ? "all" : undefined,
        data: s.values,
        connectNulls: true,
        itemStyle: { color: palette[i % palette.length] },
        markLine: i === 0 && chart.target != null
          ? { symbol: "none", label: { formatter: "target" }, lineStyle: { type: "dashed", color: "#b42318" },
              data: [{ yAxis: chart.target }] }
          : undefined
      };
    });
    var plot = echarts.init(element, null, { renderer: "canvas" });
    plot.setOption({
      animation: false,
      color: palette,
      tooltip: { trigger: "axis" },
      legend: { show: chart.series.length > 1, bottom: 0 },
      grid: { left: 48, right: 16, top: 24, bottom: chart.series.length > 1 ? 48 : 32 },
      xAxis: { type: "category", data: chart.labels, axisLabel: { hideOverlap: true } },
      yAxis: { type: "value", name: chart.unit === "count" ? "" : chart.unit },
      series: series
    });
    window.addEventListener("resize", function () { plot.resize(); });
    element.setAttribute("data-drawn", "true");
  }

  document.querySelectorAll(".chart[data-chart]").forEach(draw);
})();
