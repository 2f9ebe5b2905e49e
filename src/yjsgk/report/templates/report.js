(function () {
  var form = document.getElementById("filters");
  function apply() {
    var sev = {}, shown = 0;
    form.querySelectorAll("input[name=severity]").forEach(function (b) { sev[b.value] = b.checked; });
    var rule = document.getElementById("rule-filter").value;
    document.querySelectorAll("article.finding").forEach(function (f) {
      var on = sev[f.dataset.severity] && (!rule || f.dataset.rule === rule);
      f.classList.toggle("hidden", !on);
      if (on) shown++;
    });
    document.querySelectorAll("section.group").forEach(function (g) {
      g.classList.toggle("hidden", !g.querySelector("article.finding:not(.hidden)"));
    });
    document.getElementById("shown-count").textContent = "显示 " + shown + " 条";
  }
  form.addEventListener("change", apply);
  apply();
})();
