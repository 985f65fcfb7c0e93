// The web view's script: no framework, no build. Everything from an input is put in the page with textContent.
"use strict";

const page = document.body.dataset.page;

function documentHref(name) {
  const safe = name.length > 0 && !name.startsWith("/") && !name.endsWith("/") && !name.includes("\\") &&
    !name.startsWith("_escaped/") && name.split("/").every(s => s.length > 0 && s !== "." && s !== ".." && !s.endsWith("."));
  return safe ? "/documents/" + name.split("/").map(encodeURIComponent).join("/") : "/documents?name=" + encodeURIComponent(name);
}

function recordHref(name) {
  return "/api/results/" + name.split("/").map(encodeURIComponent).join("/");
}

async function replay(body) {
  const response = await fetch("/api/replay", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error("replay failed: " + response.status);
  return response.json();
}

// Overview: while work is in flight, refresh the counts every 2 seconds; reload once when it is done (new failures).
if (page === "overview") {
  const refresh = document.getElementById("refresh");
  let inFlight = refresh.dataset.inFlight === "true";
  const tick = async () => {
    try {
      const status = await (await fetch("/api/status")).json();
      const values = { ...status.results, workQueue: status.workQueue, poisonQueue: status.poisonQueue, pending: status.pending, rawBlobs: status.rawBlobs };
      for (const element of document.querySelectorAll("[data-stat]")) {
        const value = values[element.dataset.stat];
        if (value !== undefined) element.textContent = Number(value).toLocaleString("en");
      }
      const now = status.workQueue > 0 || status.pending > 0;
      if (inFlight && !now) { location.reload(); return; }
      inFlight = now;
      refresh.textContent = now ? "work in flight: refreshing every 2 seconds" : "idle";
    } catch (e) { refresh.textContent = "could not refresh: " + e.message; }
    setTimeout(tick, inFlight ? 2000 : 10000);
  };
  setTimeout(tick, 2000);
}

// Replay buttons (failures page, failed document).
for (const button of document.querySelectorAll("button.replay")) {
  button.addEventListener("click", async () => {
    const state = button.parentElement.querySelector(".replay-state");
    button.disabled = true;
    try {
      const result = await replay({ names: [button.dataset.name] });
      state.textContent = result.replayed.length ? "enqueued" : "not in raw";
    } catch (e) { state.textContent = e.message; button.disabled = false; }
  });
}
const replayAll = document.querySelector("button.replay-all");
if (replayAll) {
  replayAll.addEventListener("click", async () => {
    replayAll.disabled = true;
    const status = document.querySelector(".replay-status");
    try {
      const result = await replay({ names: [], failed: true });
      status.textContent = `enqueued ${result.replayed.length} inputs`;
    } catch (e) { status.textContent = e.message; replayAll.disabled = false; }
  });
}

// Upload: files or a folder, dropped or chosen, go to POST /api/inputs; each row then waits for its result.
if (page === "upload") {
  const zone = document.getElementById("dropzone");
  const status = document.getElementById("upload-status");
  const table = document.getElementById("uploads");
  const rows = new Map();

  const readEntry = entry => new Promise(resolve => {
    if (entry.isFile) {
      entry.file(file => resolve([{ file, name: entry.fullPath.replace(/^\/+/, "") }]), () => resolve([]));
    } else if (entry.isDirectory) {
      const reader = entry.createReader();
      const all = [];
      const next = () => reader.readEntries(async entries => {
        if (entries.length === 0) { resolve((await Promise.all(all.map(readEntry))).flat()); return; }
        all.push(...entries); next();
      }, () => resolve([]));
      next();
    } else resolve([]);
  });

  const upload = async files => {
    if (files.length === 0) return;
    const form = new FormData();
    for (const { file, name } of files) form.append("files", file, name);
    status.textContent = `uploading ${files.length} files ...`;
    const response = await fetch("/api/inputs", { method: "POST", body: form });
    if (!response.ok) { status.textContent = "upload failed: " + response.status + " " + await response.text(); return; }
    const result = await response.json();
    status.textContent = `uploaded ${result.dropped.length} files; results appear below as they arrive`;
    table.hidden = false;
    for (const input of result.dropped) {
      const row = table.tBodies[0].insertRow();
      row.dataset.name = input.name;
      const link = document.createElement("a");
      link.href = documentHref(input.name);
      link.textContent = input.name;
      row.insertCell().append(link);
      row.insertCell().textContent = "waiting";
      row.insertCell();
      rows.set(input.name, row);
    }
    poll();
  };

  let polling = false;
  const poll = async () => {
    if (polling) return;
    polling = true;
    while ([...rows.values()].some(r => r.dataset.done !== "true")) {
      for (const [name, row] of rows) {
        if (row.dataset.done === "true") continue;
        const response = await fetch(recordHref(name));
        if (response.ok) {
          const record = await response.json();
          row.cells[1].textContent = record.status;
          row.cells[1].className = "status " + record.status;
          row.cells[2].textContent = record.metadata?.title ?? "";
          row.dataset.done = "true";
          row.dataset.status = record.status;
        }
      }
      await new Promise(r => setTimeout(r, 1000));
    }
    polling = false;
  };

  const chosen = input => upload([...input.files].map(file => ({ file, name: file.webkitRelativePath || file.name })));
  document.getElementById("file-input").addEventListener("change", e => chosen(e.target));
  document.getElementById("folder-input").addEventListener("change", e => chosen(e.target));
  zone.addEventListener("dragover", e => { e.preventDefault(); zone.classList.add("over"); });
  zone.addEventListener("dragleave", () => zone.classList.remove("over"));
  zone.addEventListener("drop", async e => {
    e.preventDefault();
    zone.classList.remove("over");
    const entries = [...e.dataTransfer.items].map(i => i.webkitGetAsEntry && i.webkitGetAsEntry()).filter(Boolean);
    const files = entries.length ? (await Promise.all(entries.map(readEntry))).flat()
      : [...e.dataTransfer.files].map(file => ({ file, name: file.name }));
    upload(files);
  });
}
