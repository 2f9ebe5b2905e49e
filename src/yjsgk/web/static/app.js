// yjsgk review desk: upload with progress, live status. Small on purpose; no library.
"use strict";
(function () {
  const csrf = (document.querySelector('meta[name="csrf"]') || {}).content || "";
  const STATUS = { queued: "排队中", running: "处理中", done: "完成", failed: "失败" };

  function cell(text, cls) {
    const td = document.createElement("td");
    td.textContent = text;
    if (cls) td.className = cls;
    return td;
  }

  async function poll(id, row) {
    for (;;) {
      let body;
      try {
        const r = await fetch("/api/documents/" + id, { credentials: "same-origin" });
        body = await r.json();
      } catch (e) {
        await new Promise((ok) => setTimeout(ok, 2000));
        continue;
      }
      row.children[1].textContent = STATUS[body.status] || body.status;
      row.className = "status-" + body.status;
      if (body.status === "done") {
        const s = (body.document || {}).summary || {};
        row.children[2].textContent = body.reason || ("错误 " + (s.error || 0) + "，警告 " + (s.warning || 0) + "，提示 " + (s.notice || 0));
        return;
      }
      if (body.status === "failed") {
        row.children[2].textContent = body.reason || "";
        return;
      }
      await new Promise((ok) => setTimeout(ok, 1000));
    }
  }

  async function send(file, tbody) {
    const row = document.createElement("tr");
    row.append(cell(file.name), cell("上传中…"), cell(""));
    tbody.append(row);
    const data = new FormData();
    data.append("file", file, file.name);
    let r, body;
    try {
      r = await fetch("/api/documents", { method: "POST", body: data, headers: { "X-CSRF-Token": csrf }, credentials: "same-origin" });
      body = await r.json();
    } catch (e) {
      row.children[1].textContent = "失败";
      row.children[2].textContent = "上传中断：" + e;
      return;
    }
    if (!r.ok) {
      row.className = "status-failed";
      row.children[1].textContent = "拒绝";
      row.children[2].textContent = body.detail || r.statusText;
      return;
    }
    const files = body.files.filter((f) => f.id);
    // a zip gives one row per member
    const rows = files.map((f, i) => {
      let tr = row;
      if (i > 0) {
        tr = document.createElement("tr");
        tr.append(cell(""), cell(""), cell(""));
        tbody.append(tr);
      }
      const a = document.createElement("a");
      a.href = "/documents/" + f.id;
      a.textContent = f.name;
      tr.children[0].replaceChildren(a);
      tr.children[2].textContent = f.duplicate ? "与已上传文件相同" : "";
      return [f.id, tr];
    });
    for (const f of body.files.filter((f) => f.error)) {
      const tr = document.createElement("tr");
      tr.className = "status-failed";
      tr.append(cell(f.name), cell("拒绝"), cell(f.error));
      tbody.append(tr);
    }
    await Promise.all(rows.map(([id, tr]) => poll(id, tr)));
  }

  const drop = document.getElementById("drop");
  if (drop) {
    const input = document.getElementById("files");
    const tbody = document.querySelector("#progress tbody");
    const start = (files) => Array.from(files).forEach((f) => send(f, tbody));
    input.addEventListener("change", () => { start(input.files); input.value = ""; });
    ["dragenter", "dragover"].forEach((t) => drop.addEventListener(t, (e) => { e.preventDefault(); drop.classList.add("over"); }));
    ["dragleave", "drop"].forEach((t) => drop.addEventListener(t, (e) => { e.preventDefault(); drop.classList.remove("over"); }));
    drop.addEventListener("drop", (e) => start(e.dataTransfer.files));
  }

  // a document being processed: reload when it is done
  const pending = document.querySelector("[data-poll]");
  if (pending) {
    const url = pending.getAttribute("data-poll");
    const tick = async () => {
      try {
        const body = await (await fetch(url, { credentials: "same-origin" })).json();
        if (body.status === "done" || body.status === "failed") { location.reload(); return; }
      } catch (e) { /* try again */ }
      setTimeout(tick, 1000);
    };
    setTimeout(tick, 1000);
  }
  const refresh = document.querySelector("[data-refresh]");
  if (refresh) setTimeout(() => location.reload(), 1000 * Number(refresh.getAttribute("data-refresh")));
})();
