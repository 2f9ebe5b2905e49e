// draw the figures the server prepared (Plotly, served by the application from the plotly wheel)
"use strict";
document.querySelectorAll('script.figure[type="application/json"]').forEach((el) => {
  const fig = JSON.parse(el.textContent);
  const div = document.createElement("div");
  el.parentNode.append(div);
  window.Plotly.newPlot(div, fig.data, fig.layout, { displaylogo: false, responsive: true });
});
