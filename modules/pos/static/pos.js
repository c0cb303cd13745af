// The POS screen: a sale driven by a barcode scanner and the keyboard.
// The server prices the cart (pos.preview_invoice) and posts the sale
// (pos.submit_invoice, once per uuid); this script only gathers what the cashier enters.
(function () {
  "use strict";

  const root = document.getElementById("pos");
  if (!root) return;
  const cfg = JSON.parse(root.dataset.config);
  const $ = (id) => document.getElementById(id);
  const money = new Intl.NumberFormat("en-IN", { minimumFractionDigits: cfg.precision,
                                                  maximumFractionDigits: cfg.precision });
  const fmt = (v) => money.format(Number(v || 0));
  const fmtQty = (v) => String(Number(Number(v).toFixed(3)));
  const round = (v) => Number(Number(v).toFixed(cfg.precision));

  const state = {
    cart: [], selected: -1, pendingQty: null, customer: null, coupon: "", points: 0,
    preview: null, previewSeq: 0, searchSeq: 0, uuid: null, busy: false, lastSale: null,
  };

  // ---- talking to the server -------------------------------------------------------
  async function call(method, { params = null, body = null } = {}) {
    let url = "/api/method/" + method;
    if (params) url += "?" + new URLSearchParams(params).toString();
    const init = { headers: { Accept: "application/json" }, credentials: "same-origin" };
    if (body) {
      init.method = "POST";
      init.headers["Content-Type"] = "application/json";
      init.headers["X-Frappe-CSRF-Token"] = document.body.dataset.csrf || "";
      init.body = JSON.stringify(body);
    }
    const response = await fetch(url, init);
    let data = {};
    try { data = await response.json(); } catch (e) { data = {}; }
    if (!response.ok) {
      const error = new Error(data.message || ("The server answered " + response.status));
      error.status = response.status;
      error.refused = response.status >= 400 && response.status < 500;
      throw error;
    }
    return data.message;
  }

  function newUuid() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    const b = crypto.getRandomValues(new Uint8Array(16));  // plain http on a LAN host
    b[6] = (b[6] & 0x0f) | 0x40; b[8] = (b[8] & 0x3f) | 0x80;
    const h = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }

  function say(text, box = $("message")) {
    box.textContent = text || "";
    box.hidden = !text;
  }

  // ---- the invoice the server sees ---------------------------------------------------
  function invoice() {
    const doc = {
      pos_profile: cfg.profile, pos_opening_entry: cfg.session,
      customer: state.customer ? state.customer.name : cfg.customer,
      items: state.cart.map((l) => ({ item_code: l.item_code, qty: l.qty })),
    };
    if (cfg.coupon && state.coupon) doc.coupon_code = state.coupon;
    if (cfg.loyalty && state.points > 0) {
      doc.redeem_loyalty_points = 1;
      doc.loyalty_points = state.points;
    }
    return doc;
  }

  let previewTimer = null;
  function refreshSoon() {
    clearTimeout(previewTimer);
    previewTimer = setTimeout(refresh, 120);
  }

  async function refresh() {
    clearTimeout(previewTimer);
    const seq = ++state.previewSeq;
    if (!state.cart.length) { state.preview = null; say(""); renderTotals(); return true; }
    try {
      const answer = await call("pos.preview_invoice", { body: { invoice: invoice() } });
      if (seq !== state.previewSeq) return true;
      state.preview = answer;
      say("");
    } catch (error) {
      if (seq !== state.previewSeq) return false;
      state.preview = null;
      say(error.message);
    }
    renderCart();
    renderTotals();
    return state.preview !== null;
  }

  // ---- items -------------------------------------------------------------------------
  const scan = $("scan"), results = $("results");
  let found = [], active = -1, searchTimer = null;

  function showResults(items) {
    results.dataset.text = scan.value.trim();
    found = items;
    active = items.length ? 0 : -1;
    results.replaceChildren(...items.map((item, i) => {
      const row = document.createElement("div");
      row.className = "pos-result";
      row.setAttribute("role", "option");
      const name = document.createElement("span");
      name.innerHTML = "<b></b><small></small>";
      name.firstChild.textContent = item.item_name;
      name.lastChild.textContent = item.item_code + (item.barcode ? " · " + item.barcode : "");
      const stock = document.createElement("span");
      stock.className = "pos-stock" + (item.is_stock_item && item.actual_qty <= 0 ? " out" : "");
      stock.textContent = item.is_stock_item ? fmtQty(item.actual_qty) + " " + (item.stock_uom || "") : "";
      const rate = document.createElement("span");
      rate.className = "num";
      rate.textContent = item.rate === null ? "no price" : fmt(item.rate);
      row.append(name, stock, rate);
      row.addEventListener("mousedown", (e) => { e.preventDefault(); add(items[i]); });
      return row;
    }));
    results.hidden = !items.length;
    highlight();
  }

  function highlight() {
    [...results.children].forEach((el, i) => el.classList.toggle("on", i === active));
    const on = results.children[active];
    if (on) on.scrollIntoView({ block: "nearest" });
  }

  function closeResults() { results.hidden = true; found = []; active = -1; }

  async function search(text, exact) {
    const seq = ++state.searchSeq;
    const answer = await call("pos.search_items", { params: { pos_profile: cfg.profile, text } });
    if (seq !== state.searchSeq) return;
    const items = answer.items;
    if (exact && items.length === 1 && (answer.match !== "search" || text)) { add(items[0]); return; }
    if (exact && !items.length) { closeResults(); say(`No item has the barcode or code “${text}”`); return; }
    showResults(items);
  }

  async function lookup() {
    clearTimeout(searchTimer);
    const text = scan.value.trim();
    if (!text) return;
    try { await search(text, true); } catch (error) { say(error.message); }
  }

  function add(item) {
    const qty = state.pendingQty || 1;
    const same = state.cart.findIndex((l) => l.item_code === item.item_code);
    if (same >= 0) {
      state.cart[same].qty = round3(state.cart[same].qty + qty);
      state.selected = same;
    } else {
      state.cart.push({ item_code: item.item_code, item_name: item.item_name, qty,
                        rate: item.rate, uom: item.stock_uom });
      state.selected = state.cart.length - 1;
    }
    scan.value = "";
    setPendingQty(null);
    closeResults();
    say("");
    changed();
  }

  const round3 = (v) => Number(Number(v).toFixed(3));

  function setPendingQty(qty) {
    state.pendingQty = qty;
    $("qty-chip").hidden = !qty;
    $("qty-chip").textContent = qty ? fmtQty(qty) + " ×" : "";
  }

  function changed() { renderCart(); refreshSoon(); }

  function step(delta) {
    const line = state.cart[state.selected];
    if (!line) return;
    line.qty = round3(line.qty + delta);
    if (line.qty <= 0) { removeSelected(); return; }
    changed();
  }

  function removeSelected() {
    if (state.selected < 0) return;
    state.cart.splice(state.selected, 1);
    state.selected = Math.min(state.selected, state.cart.length - 1);
    changed();
  }

  function move(delta) {
    if (!state.cart.length) return;
    state.selected = Math.max(0, Math.min(state.cart.length - 1, state.selected + delta));
    renderCart();
  }

  scan.addEventListener("input", () => {
    const typed = scan.value.match(/^\s*(\d+(?:\.\d+)?)\*(.*)$/);
    if (typed && Number(typed[1]) > 0) { setPendingQty(Number(typed[1])); scan.value = typed[2]; }
    clearTimeout(searchTimer);
    const text = scan.value.trim();
    if (!text) { closeResults(); return; }
    searchTimer = setTimeout(() => search(text, false).catch((e) => say(e.message)), 200);
  });

  scan.addEventListener("keydown", (e) => {
    const empty = scan.value === "";
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      const delta = e.key === "ArrowDown" ? 1 : -1;
      if (!results.hidden) { active = Math.max(0, Math.min(found.length - 1, active + delta)); highlight(); }
      else move(delta);
      e.preventDefault();
    } else if (e.key === "Enter" && !e.ctrlKey) {
      if (!results.hidden && active >= 0 && !searchPending()) add(found[active]);
      else lookup();
      e.preventDefault();
    } else if (empty && (e.key === "+" || e.key === "-")) {
      step(e.key === "+" ? 1 : -1);
      e.preventDefault();
    } else if (empty && e.key === "Delete") {
      removeSelected();
      e.preventDefault();
    } else if (empty && e.key === "Backspace" && state.pendingQty) {
      setPendingQty(null);
      e.preventDefault();
    }
  });

  // a result list shown for the text before the last keystrokes is not what Enter means
  const searchPending = () => found.length && scan.value.trim() !== (results.dataset.text || "");

  // ---- customer ----------------------------------------------------------------------
  const phone = $("phone"), customers = $("customers");
  let people = [], person = -1;

  function showCustomer() {
    const c = state.customer;
    $("customer-name").textContent = c ? c.customer_name || c.name : cfg.customer;
    $("customer-phone").textContent = c && c.mobile_no ? " · " + c.mobile_no : "";
    loadPoints();
  }

  function chooseCustomer(c) {
    state.customer = c;
    state.points = 0;
    if ($("points")) $("points").value = "";
    phone.value = "";
    customers.hidden = true;
    showCustomer();
    refreshSoon();
    scan.focus();
  }

  function listCustomers(rows) {
    people = rows;
    person = 0;
    customers.replaceChildren(...rows.map((c, i) => {
      const row = document.createElement("div");
      row.className = "pos-result";
      row.innerHTML = "<span><b></b><small></small></span>";
      row.querySelector("b").textContent = c.customer_name || c.name;
      row.querySelector("small").textContent = c.mobile_no || "";
      row.addEventListener("mousedown", (e) => { e.preventDefault(); chooseCustomer(rows[i]); });
      return row;
    }));
    customers.hidden = false;
    markPerson();
  }

  function markPerson() {
    [...customers.children].forEach((el, i) => el.classList.toggle("on", i === person));
  }

  phone.addEventListener("keydown", async (e) => {
    if ((e.key === "ArrowDown" || e.key === "ArrowUp") && !customers.hidden) {
      person = Math.max(0, Math.min(people.length - 1, person + (e.key === "ArrowDown" ? 1 : -1)));
      markPerson();
      e.preventDefault();
    } else if (e.key === "Enter" && !e.ctrlKey) {
      e.preventDefault();
      if (!customers.hidden && person >= 0) { chooseCustomer(people[person]); return; }
      if (!phone.value.trim()) { chooseCustomer(null); return; }
      try {
        const rows = await call("pos.find_customer", { params: { phone: phone.value } });
        if (rows.length === 1) chooseCustomer(rows[0]);
        else if (!rows.length) say(`No customer has the mobile number ${phone.value.trim()}`);
        else listCustomers(rows);
      } catch (error) { say(error.message); }
    }
  });
  phone.addEventListener("blur", () => setTimeout(() => { customers.hidden = true; }, 100));

  // ---- coupon and loyalty (when the tenant's POS Invoice has the fields) ---------------
  async function loadPoints() {
    const box = $("points-balance");
    if (!box) return;
    box.textContent = "";
    if (!cfg.loyalty_lookup || !state.customer) return;
    try {
      const answer = await call("loyalty.points_balance",
                                { params: { company: cfg.company, customer: state.customer.name } });
      box.textContent = `Holds ${answer.loyalty_points} points (worth ${fmt(answer.amount)})`;
    } catch (error) { box.textContent = ""; }
  }

  function applyOn(input, set) {
    if (!input) return;
    input.addEventListener("keydown", (e) => {
      if (e.key !== "Enter" || e.ctrlKey) return;
      e.preventDefault();
      set(input.value.trim());
      refresh();
      scan.focus();
    });
  }
  applyOn($("coupon"), (v) => { state.coupon = v; });
  applyOn($("points"), (v) => { state.points = Math.max(0, parseInt(v, 10) || 0); });

  // ---- drawing ---------------------------------------------------------------------
  // The server's lines for a cart line: a scheme may split one item into lines at
  // different rates (3 Pens: 2 at 24.31 and 1 at 24.32); the cart shows them as one.
  const serverItems = () => (state.preview ? state.preview.items || [] : []);
  function serverLine(line) {
    const rows = serverItems().filter((r) => r.item_code === line.item_code && !r.is_free_item);
    const qty = rows.reduce((s, r) => s + Number(r.qty), 0);
    if (!rows.length || Math.abs(qty - line.qty) > 1e-9) return null;  // an older answer
    const rates = [...new Set(rows.map((r) => fmt(r.rate)))];
    return { rate: rates.join(" / "), amount: rows.reduce((s, r) => s + Number(r.amount), 0) };
  }

  function renderCart() {
    const body = $("cart").tBodies[0];
    body.replaceChildren(...state.cart.map((l, i) => {
      const priced = serverLine(l);
      const rate = priced ? priced.rate : (l.rate === null ? null : fmt(l.rate));
      const amount = priced ? priced.amount : (l.rate === null ? null : l.qty * l.rate);
      const tr = document.createElement("tr");
      tr.className = (i === state.selected ? "on" : "") + (priced ? "" : " pending");
      tr.innerHTML = "<td class='idx'></td><td><b></b><small></small></td><td class='num qty'></td><td class='num'></td><td class='num'></td>";
      tr.cells[0].textContent = i + 1;
      tr.cells[1].firstChild.textContent = l.item_name;
      tr.cells[1].lastChild.textContent = l.item_code;
      tr.cells[2].textContent = fmtQty(l.qty) + (l.uom ? " " + l.uom : "");
      tr.cells[3].textContent = rate === null ? "—" : rate;
      tr.cells[4].textContent = amount === null ? "—" : fmt(amount);
      tr.addEventListener("click", () => { state.selected = i; renderCart(); scan.focus(); });
      return tr;
    }));
    // lines a module added to the sale (a scheme's free item) follow the cashier's
    const codes = new Set(state.cart.map((l) => l.item_code));
    const added = serverItems().filter((r) => r.is_free_item || !codes.has(r.item_code));
    body.append(...added.map((l) => {
      const tr = document.createElement("tr");
      tr.className = "added";
      tr.innerHTML = "<td class='idx'>+</td><td><b></b><small></small></td><td class='num qty'></td><td class='num'></td><td class='num'></td>";
      tr.cells[1].firstChild.textContent = l.item_name || l.item_code;
      tr.cells[1].lastChild.textContent = l.is_free_item ? "free item" : l.item_code;
      tr.cells[2].textContent = fmtQty(l.qty) + (l.uom ? " " + l.uom : "");
      tr.cells[3].textContent = fmt(l.rate);
      tr.cells[4].textContent = fmt(l.amount);
      return tr;
    }));
    $("cart-empty").hidden = state.cart.length > 0;
    const on = body.rows[state.selected];
    if (on) on.scrollIntoView({ block: "nearest" });
  }

  function renderTotals() {
    const p = state.preview;
    $("total-qty").textContent = fmtQty(p ? p.total_qty : 0);
    $("net-total").textContent = fmt(p ? p.total : 0);
    $("tax-rows").replaceChildren(...(p ? p.taxes || [] : []).map((t) => {
      const tr = document.createElement("tr");
      tr.innerHTML = "<td></td><td class='num'></td>";
      tr.cells[0].textContent = (t.description || t.account_head) + (t.rate ? ` @ ${Number(t.rate)}%` : "");
      tr.cells[1].textContent = fmt(t.tax_amount);
      return tr;
    }));
    $("grand-total").textContent = fmt(p ? p.grand_total : 0);
    const preset = presets();
    $("preset-rows").replaceChildren(...preset.map((r) => {
      const tr = document.createElement("tr");
      tr.innerHTML = "<td></td><td class='num'></td>";
      tr.cells[0].textContent = "Paid in " + r.mode_of_payment;
      tr.cells[1].textContent = "−" + fmt(r.amount);
      return tr;
    }));
    $("pay").disabled = !p;
  }

  // ---- payment -----------------------------------------------------------------------
  const payment = $("payment");
  const payInputs = () => [...payment.querySelectorAll("input[data-mode]")];
  // payments the sale carries by itself (points redeemed): not the cashier's to collect
  const presets = () => (state.preview ? state.preview.payments || [] : []).filter((r) => r.amount);
  const presetSum = () => presets().reduce((s, r) => s + Number(r.amount), 0);

  async function openPayment() {
    if (!state.cart.length) { say("The cart is empty: scan an item first"); scan.focus(); return; }
    if (!(await refresh())) return;
    const total = state.preview.grand_total, due = round(total - presetSum());
    const fixed = new Set(presets().map((r) => r.mode_of_payment));
    $("pay-total").textContent = fmt(total);
    const rows = presets().map((r) => {
      const row = document.createElement("div");
      row.className = "pos-pay-row preset";
      row.innerHTML = "<span><b></b><small>set by the sale</small></span><span class='num'></span>";
      row.querySelector("b").textContent = r.mode_of_payment;
      row.querySelector(".num").textContent = fmt(r.amount);
      return row;
    });
    $("pay-rows").replaceChildren(...rows, ...cfg.payments.filter((m) => !fixed.has(m.mode)).map((m) => {
      const row = document.createElement("label");
      row.className = "pos-pay-row";
      row.innerHTML = "<span><b></b><small></small></span><input inputmode='decimal' autocomplete='off'>";
      row.querySelector("b").textContent = m.mode;
      row.querySelector("small").textContent = m.type || "";
      const input = row.querySelector("input");
      input.dataset.mode = m.mode;
      input.dataset.type = m.type || "";
      input.value = m.default && due > 0 ? due.toFixed(cfg.precision) : "";
      input.addEventListener("focus", () => input.select());
      input.addEventListener("input", recount);
      return row;
    }));
    say("", $("pay-message"));
    payment.hidden = false;
    const first = payInputs().find((i) => i.value) || payInputs()[0];
    first.focus();
    recount();
  }

  function paid() {
    return presetSum() + payInputs().reduce((s, i) => s + (Number(i.value) || 0), 0);
  }

  function recount() {
    const total = state.preview ? state.preview.grand_total : 0;
    const sum = round(paid());
    $("pay-paid").textContent = fmt(sum);
    $("pay-due").textContent = fmt(Math.max(0, round(total - sum)));
    $("pay-due-box").classList.toggle("short", sum < total);
    $("pay-change").textContent = fmt(Math.max(0, round(sum - total)));
  }

  function payRest() {
    const input = document.activeElement;
    if (!input || !input.dataset.mode) return;
    const rest = round((state.preview.grand_total || 0) - paid() + (Number(input.value) || 0));
    input.value = Math.max(0, rest).toFixed(cfg.precision);
    recount();
  }

  function closePayment() { payment.hidden = true; scan.focus(); }

  async function submitSale() {
    if (state.busy) return;
    state.busy = true;
    $("pay-submit").disabled = true;
    // the same uuid until the server has answered, so a retry never posts twice
    state.uuid = state.uuid || newUuid();
    const doc = invoice();
    doc.uuid = state.uuid;
    doc.payments = payInputs().filter((i) => Number(i.value))
      .map((i) => ({ mode_of_payment: i.dataset.mode, amount: Number(i.value) }));
    try {
      const sale = await call("pos.submit_invoice", { body: { invoice: doc } });
      state.uuid = null;
      showReceipt(sale);
    } catch (error) {
      if (error.refused) state.uuid = null;  // refused: nothing was stored under it
      say(error.refused ? error.message
        : "The sale could not be sent (" + error.message + "). Press Enter to try again: it will not be posted twice.",
          $("pay-message"));
    } finally {
      state.busy = false;
      $("pay-submit").disabled = false;
    }
  }

  // ---- receipt -----------------------------------------------------------------------
  const receipt = $("receipt");

  function showReceipt(sale) {
    state.lastSale = sale;
    payment.hidden = true;
    const url = cfg.receipt_url + encodeURIComponent(sale.name);
    $("receipt-frame").src = url;
    $("receipt-pdf").href = url + ".pdf";
    $("receipt-name").textContent = sale.name + (sale.duplicate ? " (sent before)" : "");
    $("receipt-total").textContent = fmt(sale.grand_total);
    $("receipt-change").textContent = fmt(sale.change_amount);
    receipt.hidden = false;
    $("receipt-next").focus();
  }

  function printReceipt() {
    const frame = $("receipt-frame");
    if (frame.contentWindow) frame.contentWindow.print();
  }

  function newSale() {
    state.cart = []; state.selected = -1; state.preview = null; state.coupon = ""; state.points = 0;
    ["coupon", "points"].forEach((id) => { if ($(id)) $(id).value = ""; });
    setPendingQty(null);
    receipt.hidden = true;
    payment.hidden = true;
    $("receipt-frame").removeAttribute("src");
    state.customer = null;
    showCustomer();
    say("");
    renderCart();
    renderTotals();
    scan.value = "";
    scan.focus();
  }

  // ---- shortcuts ---------------------------------------------------------------------
  function focusField(id) { const el = $(id); if (el) { el.focus(); el.select(); } }

  document.addEventListener("keydown", (e) => {
    if (!receipt.hidden) {
      const key = e.key.toLowerCase();
      if (e.key === "Enter" || e.key === "Escape") newSale();
      else if (key === "p") printReceipt();
      else if (key === "d") window.open($("receipt-pdf").href, "_blank");
      else return;
      e.preventDefault();
      return;
    }
    if (!payment.hidden) {
      const inputs = payInputs(), at = inputs.indexOf(document.activeElement);
      if (e.key === "Escape") closePayment();
      else if (e.key === "Enter") submitSale();
      else if (e.key === "F8") payRest();
      else if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        const next = inputs[(at + (e.key === "ArrowDown" ? 1 : -1) + inputs.length) % inputs.length];
        next.focus();
      } else return;
      e.preventDefault();
      return;
    }
    if (e.key === "F9" || (e.key === "Enter" && e.ctrlKey)) openPayment();
    else if (e.key === "F2") focusField("scan");
    else if (e.key === "F4") focusField("phone");
    else if (e.key === "F6") focusField("coupon");
    else if (e.key === "F7") focusField("points");
    else if (e.key === "Escape") { closeResults(); customers.hidden = true; scan.focus(); }
    else return;
    e.preventDefault();
  });

  $("pay").addEventListener("click", openPayment);
  $("pay-back").addEventListener("click", closePayment);
  $("pay-submit").addEventListener("click", submitSale);
  $("receipt-print").addEventListener("click", printReceipt);
  $("receipt-next").addEventListener("click", newSale);
  $("receipt-next").addEventListener("keydown", (e) => { if (e.key === "Enter") e.preventDefault(); });

  showCustomer();
  renderCart();
  renderTotals();
  scan.focus();
})();
