// Small helpers for the desk: Link search-as-you-type, child table rows, confirmations.
(function () {
  "use strict";

  function linkSearch(input) {
    let box = null, items = [], active = -1, timer = null;
    const close = () => { if (box) { box.remove(); box = null; } active = -1; };
    const choose = (value) => { input.value = value; close(); input.dispatchEvent(new Event("change")); };
    const highlight = () => box && [...box.children].forEach((el, i) => el.classList.toggle("on", i === active));
    async function search() {
      const url = "/api/method/core.search_link?doctype=" + encodeURIComponent(input.dataset.link) +
                  "&txt=" + encodeURIComponent(input.value);
      const response = await fetch(url, { headers: { Accept: "application/json" } });
      if (!response.ok) return;
      items = (await response.json()).message || [];
      close();
      if (!items.length || document.activeElement !== input) return;
      box = document.createElement("div");
      box.className = "suggest";
      items.forEach((item) => {
        const row = document.createElement("div");
        row.textContent = item.value;
        if (item.description && item.description !== item.value) {
          const note = document.createElement("small");
          note.textContent = item.description;
          row.appendChild(note);
        }
        row.addEventListener("mousedown", (e) => { e.preventDefault(); choose(item.value); });
        box.appendChild(row);
      });
      (input.closest(".link-field") || input.parentElement).appendChild(box);
    }
    input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(search, 150); });
    input.addEventListener("focus", () => { timer = setTimeout(search, 50); });
    input.addEventListener("blur", () => setTimeout(close, 100));
    input.addEventListener("keydown", (e) => {
      if (!box) return;
      if (e.key === "ArrowDown") { active = Math.min(active + 1, items.length - 1); highlight(); e.preventDefault(); }
      else if (e.key === "ArrowUp") { active = Math.max(active - 1, 0); highlight(); e.preventDefault(); }
      else if (e.key === "Enter" && active >= 0) { choose(items[active].value); e.preventDefault(); }
      else if (e.key === "Escape") { close(); }
    });
  }

  function renumber(table) {
    [...table.tBodies[0].rows].forEach((row, i) => {
      row.cells[0].firstChild.nodeValue = String(i + 1);
      row.querySelectorAll("[name]").forEach((el) => {
        el.name = el.name.replace(/^([a-z0-9_]+)-(\d+|__i__)-/, "$1-" + i + "-");
      });
    });
  }

  document.addEventListener("click", (e) => {
    const add = e.target.closest(".add-row");
    if (add) {
      const table = document.querySelector('table[data-table="' + add.dataset.table + '"]');
      const row = table.querySelector("template").content.firstElementChild.cloneNode(true);
      row.cells[0].prepend(document.createTextNode(""));
      table.tBodies[0].appendChild(row);
      renumber(table);
      row.querySelectorAll("[data-link]").forEach(linkSearch);
      const first = row.querySelector("input:not([type=hidden]), select");
      if (first) first.focus();
    }
    const del = e.target.closest(".row-del");
    if (del) {
      const table = del.closest("table");
      del.closest("tr").remove();
      renumber(table);
    }
  });

  // A list row opens its document, unless the click was on a link or control inside it.
  document.addEventListener("click", (e) => {
    const row = e.target.closest("tr[data-href]");
    if (!row || e.target.closest("a, button, input, select")) return;
    if (e.metaKey || e.ctrlKey) window.open(row.dataset.href);
    else window.location.href = row.dataset.href;
  });

  document.addEventListener("submit", (e) => {
    const message = e.target.dataset.confirm;
    if (message && !window.confirm(message)) e.preventDefault();
  });

  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll("[data-link]").forEach(linkSearch);
  });
})();
