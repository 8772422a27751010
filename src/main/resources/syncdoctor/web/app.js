// syncdoctor workbench. Every text from an input or an answer is put in the page as text
// (textContent, never HTML), so pasted markup shows as markup and runs nothing.
"use strict";
(function () {
  const $ = (id) => document.getElementById(id);
  const state = { token: sessionStorage.getItem("syncdoctor-token") || "", issues: null, lastResult: null, lastRequest: null };

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    if (attrs) {
      for (const [k, v] of Object.entries(attrs)) {
        if (v === null || v === undefined || v === false) continue;
        if (k === "class") e.className = v;
        else if (k === "text") e.textContent = v;
        else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
        else e.setAttribute(k, v === true ? "" : String(v));
      }
    }
    for (const c of children.flat(Infinity)) {
      if (c === null || c === undefined || c === false) continue;
      e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return e;
  }
  // replaceChildren would show a null as the text "null": drop them, and flatten lists, as el does.
  function fill(node, ...children) {
    node.replaceChildren(...children.flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false));
    return node;
  }
  // Only Learn pages derived by the server are linked; anything else stays text.
  function learnLink(url, label) {
    if (typeof url !== "string" || !url.startsWith("https://learn.microsoft.com/")) return null;
    return el("a", { href: url, target: "_blank", rel: "noopener noreferrer" }, label || "Microsoft Learn");
  }

  async function call(path, options) {
    const opts = Object.assign({ headers: {} }, options || {});
    if (state.token) opts.headers["Authorization"] = "Bearer " + state.token;
    const res = await fetch(path, opts);
    if (res.status === 401) {
      $("token-form").hidden = false;
      $("token").focus();
    }
    return res;
  }
  async function errorOf(res) {
    try { const j = await res.json(); return j.error || (res.status + " " + res.statusText); } catch (e) { return res.status + " " + res.statusText; }
  }
  function download(name, type, text) {
    const url = URL.createObjectURL(new Blob([text], { type: type }));
    const a = el("a", { href: url, download: name });
    document.body.append(a); a.click(); a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  // ---- tabs ----------------------------------------------------------------------------------
  const TABS = ["diagnose", "batch", "knowledge", "rules"];
  function show(tab) {
    if (!TABS.includes(tab)) tab = "diagnose";
    for (const t of TABS) {
      $("tab-" + t).hidden = t !== tab;
      const link = document.querySelector('[data-tab="' + t + '"]');
      if (t === tab) link.setAttribute("aria-current", "page"); else link.removeAttribute("aria-current");
    }
    if (tab === "knowledge") loadIssues();
    if (tab === "rules") loadRules();
  }
  window.addEventListener("hashchange", () => show(location.hash.slice(1).split("/")[0]));

  // ---- rules status (banner on every tab) -------------------------------------------------------
  async function health() {
    const res = await call("/healthz");
    if (!res.ok) return null;
    const h = await res.json();
    const alert = $("rules-alert");
    fill(alert);
    if (h.reload && h.reload.errors && h.reload.errors.length) {
      alert.append(el("strong", null, "The rules folder has errors; the previous rules are still in service."),
        el("pre", null, h.reload.errors.join("\n")));
      alert.hidden = false;
    } else {
      alert.hidden = true;
    }
    return h;
  }
  async function loadRules() {
    const body = $("r-body");
    const h = await health();
    if (!h) { fill(body, el("p", null, "Rules status unavailable.")); return; }
    const r = h.rules;
    fill(body, 
      el("p", null, "Status: ", el("span", { class: "badge " + (h.status === "ok" ? "healthy" : "invalid") }, h.status)),
      el("table", null,
        el("tr", null, el("th", { scope: "row" }, "folder"), el("td", null, el("code", null, r.origin))),
        el("tr", null, el("th", { scope: "row" }, "content hash"), el("td", null, el("code", null, r.hash))),
        el("tr", null, el("th", { scope: "row" }, "rule files"), el("td", { class: "n" }, r.files)),
        el("tr", null, el("th", { scope: "row" }, "rules"), el("td", { class: "n" }, r.rules)),
        el("tr", null, el("th", { scope: "row" }, "known issues"), el("td", { class: "n" }, r.issues)),
        el("tr", null, el("th", { scope: "row" }, "loaded at"), el("td", null, r.loadedAt)),
        el("tr", null, el("th", { scope: "row" }, "watching"), el("td", null, h.reload.watching ? el("code", null, h.reload.watching) : "no (bundled rules)"))),
      h.reload.errors.length ? el("div", null, el("h3", null, "Errors of the last change (not in service)"),
        el("p", { class: "meta" }, "since " + h.reload.failedAt), el("pre", null, h.reload.errors.join("\n"))) : null,
      r.warnings.length ? el("div", null, el("h3", null, "Warnings"), el("pre", null, r.warnings.join("\n"))) : null);
  }

  // ---- issues (for Learn links in plans, and the knowledge tab) -------------------------------
  async function issues() {
    if (state.issues) return state.issues;
    const res = await call("/api/v1/issues");
    if (!res.ok) return {};
    const body = await res.json();
    state.issues = {};
    for (const i of body.issues) state.issues[i.id] = i;
    return state.issues;
  }

  // ---- diagnose ------------------------------------------------------------------------------------
  const CONTEXT = ["map", "status", "attempts", "occurrences", "phase", "direction", "durationMinutes", "rows", "legalEntities", "lookups"];
  function contextQuery(form) {
    const q = new URLSearchParams();
    for (const name of CONTEXT) {
      const v = form.elements[name].value.trim();
      if (v) q.set(name, v);
    }
    for (const role of form.elements.roles.value.split(",")) if (role.trim()) q.append("role", role.trim());
    if (form.elements.consistent.checked) q.set("consistent", "true");
    return q;
  }
  function typeOf(name) {
    const n = (name || "").toLowerCase();
    if (n.endsWith(".json")) return "application/json";
    if (n.endsWith(".yaml") || n.endsWith(".yml")) return "application/yaml";
    if (n.endsWith(".csv")) return "text/csv";
    return "text/plain";
  }
  async function diagnose(body, type, query, explain) {
    const status = $("d-status-line");
    const button = $("d-submit");
    const q = new URLSearchParams(query);
    if (explain) q.set("explain", "true");
    state.lastRequest = { body: body, type: type, query: q };
    button.disabled = true;
    status.textContent = "Diagnosing...";
    try {
      const res = await call("/api/v1/diagnose?" + q, { method: "POST", headers: { "Content-Type": type }, body: body });
      if (!res.ok) { status.textContent = ""; showError($("d-result"), await errorOf(res)); return; }
      const text = await res.text();
      const results = res.headers.get("Content-Type").startsWith("application/x-ndjson")
        ? text.split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l)) : [JSON.parse(text)];
      state.lastResult = text;
      const links = await issues();
      fill($("d-result"), toolbar(), ...results.map((r) => renderResult(r, links)));
      status.textContent = results.length === 1 ? "Done: " + results[0].status + "." : "Done: " + results.length + " cases.";
      $("d-result").querySelector("h3").focus();
    } catch (e) {
      status.textContent = "";
      showError($("d-result"), "The request failed: " + e.message);
    } finally {
      button.disabled = false;
    }
  }
  function showError(where, message) {
    fill(where, el("div", { class: "card invalid", role: "alert" }, el("strong", null, "Not diagnosed: "), message));
  }
  function toolbar() {
    return el("div", { class: "actions" },
      el("button", { type: "button", class: "secondary", id: "copy-md", onclick: copyMarkdown }, "Copy plan as markdown"),
      el("button", { type: "button", class: "secondary", id: "download-json", onclick: () => download("syncdoctor-result.json", "application/json", state.lastResult) }, "Download JSON"));
  }
  async function copyMarkdown() {
    const r = state.lastRequest;
    const q = new URLSearchParams(r.query); q.set("format", "markdown");
    const res = await call("/api/v1/diagnose?" + q, { method: "POST", headers: { "Content-Type": r.type }, body: r.body });
    const md = await res.text();
    try {
      await navigator.clipboard.writeText(md);
      $("d-status-line").textContent = "The plan is on the clipboard as markdown.";
    } catch (e) {
      // No clipboard (an insecure origin): show the markdown to copy by hand.
      const area = el("textarea", { rows: 10, "aria-label": "Plan as markdown", readonly: true });
      area.value = md;
      $("d-result").prepend(area);
      area.select();
      $("d-status-line").textContent = "Copy the selected markdown.";
    }
  }

  function renderResult(r, links) {
    const box = el("div", { class: "case-result" });
    box.append(el("h3", { tabindex: "-1" }, "Case ", el("code", null, r.case || r.source), " ",
      el("span", { class: "badge " + r.status }, r.status)));
    if (r.error) box.append(el("p", { class: "invalid" }, r.error));
    if (r.diagnoses.length) {
      box.append(el("h4", null, "Known issues"));
      for (const d of r.diagnoses) {
        const link = learnLink(links[d.issue] && links[d.issue].learnUrl, "Microsoft Learn: " + (d.section || d.kb));
        box.append(el("div", { class: "card diagnosis" },
          el("h4", null, d.title),
          el("p", { class: "meta" }, el("code", null, d.issue), " \u00b7 catalog ", el("code", null, d.kb),
            " \u00b7 confidence " + d.confidence + " \u00b7 role needed: " + (d.role || "not stated")),
          d.evidence && d.evidence.length ? el("p", null, "Evidence: ", d.evidence.map((e, i) => [i ? ", " : "", el("code", null, e)])) : null,
          link ? el("p", null, "Source: ", link) : (d.section ? el("p", { class: "meta" }, "Source section: " + d.section) : null),
          explainBox(d)));
      }
    }
    if (r.requirements.length) {
      box.append(el("h4", null, "Needed first"), el("ul", { class: "checklist" }, r.requirements.map((q) =>
        el("li", { class: q.held ? "held" : "needed" },
          el("span", { class: "mark", "aria-hidden": "true" }, q.held ? "\u2713" : "\u2610"),
          (q.kind === "role" ? "Role: " : "") + q.name, el("span", { class: "meta" }, q.held ? " (you hold it)" : " (needed)")))));
    }
    const main = r.actions.filter((a) => !isEscalation(a));
    const escalate = r.actions.filter(isEscalation);
    if (main.length) box.append(el("h4", null, "Plan"), plan(main, links));
    if (escalate.length) box.append(el("h4", null, "If the plan does not work"), plan(escalate, links));
    if (r.unexplained.length) {
      box.append(el("h4", null, "Not recognised (no known issue explains these)"),
        el("ul", null, r.unexplained.map((u) => el("li", null, el("code", null, u.signature), el("pre", null, u.text)))));
    }
    if (r.rules) {
      box.append(el("p", { class: "meta rules-used" }, "Rules: ", el("code", null, r.rules.folder), ", hash ", el("code", null, r.rules.hash)));
    }
    return box;
  }
  function isEscalation(a) { return /escalat/.test(a.phase || ""); }
  function plan(actions, links) {
    return el("ol", { class: "plan" }, actions.map((a) => {
      const issue = links[a.issue];
      const link = issue ? learnLink(issue.learnUrl, "source: " + issue.kb) : null;
      return el("li", { value: a.step },
        el("span", { class: "phase" }, a.phase), " ", a.text,
        el("div", { class: "because" }, "Why: " + a.because, link ? [" (", link, ")"] : null),
        explainBox(a));
    }));
  }
  function explainBox(x) {
    if (!x.matched) return null;
    return el("div", { class: "explain" }, x.rule ? el("div", null, "Rule: ", el("code", null, x.rule)) : null,
      x.matched ? el("div", null, "Matched: ", el("code", null, JSON.stringify(x.matched))) : null);
  }

  function setUpDiagnose() {
    const form = $("diagnose-form");
    form.addEventListener("submit", async (ev) => {
      ev.preventDefault();
      const file = $("d-file").files[0];
      const q = contextQuery(form);
      const explain = $("d-explain").checked;
      if (file) {
        if (typeOf(file.name) === "text/csv") q.set("name", safeName(file.name));
        await diagnose(await file.arrayBuffer(), typeOf(file.name), q, explain);
      } else if (form.elements.text.value.trim()) {
        await diagnose(form.elements.text.value, "text/plain", q, explain);
      } else if ([...q.keys()].length) {
        await diagnose("", "text/plain", q, explain);
      } else {
        showError($("d-result"), "Paste the error text, choose a file, or say what you know about the map.");
        form.elements.text.focus();
      }
    });
    dropZone($("d-drop"), $("d-file"));
  }
  function safeName(name) { return name.replace(/[^A-Za-z0-9 ._()-]/g, "_").replace(/^[._ -]+/, "").slice(-100) || "upload.csv"; }
  function dropZone(zone, input) {
    zone.addEventListener("dragover", (e) => { e.preventDefault(); zone.classList.add("over"); });
    zone.addEventListener("dragleave", () => zone.classList.remove("over"));
    zone.addEventListener("drop", (e) => { e.preventDefault(); zone.classList.remove("over"); input.files = e.dataTransfer.files; });
  }

  // ---- batch -----------------------------------------------------------------------------------------
  function batchBody() {
    const files = [...$("b-files").files];
    const data = new FormData();
    for (const f of files) data.append("files", f, f.name);
    return { files: files, data: data };
  }
  async function runBatch(ev) {
    ev.preventDefault();
    const { files, data } = batchBody();
    const status = $("b-status-line");
    if (!files.length) { showError($("b-result"), "Choose one or more files first."); return; }
    $("b-submit").disabled = true;
    status.textContent = "Evaluating...";
    try {
      const res = await call("/api/v1/batch", { method: "POST", body: data });
      if (!res.ok) { status.textContent = ""; showError($("b-result"), await errorOf(res)); return; }
      const text = await res.text();
      const lines = text.split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l));
      const records = lines.filter((l) => l.status);
      const problems = lines.filter((l) => !l.status && l.error);
      renderBatch(records, problems, text, await issues());
      status.textContent = "Done: " + records.length + " cases.";
    } catch (e) {
      status.textContent = "";
      showError($("b-result"), "The request failed: " + e.message);
    } finally {
      $("b-submit").disabled = false;
    }
  }
  function renderBatch(records, problems, jsonl, links) {
    const counts = { diagnosed: 0, unknown: 0, healthy: 0, invalid: 0 };
    const byIssue = {};
    const signatures = {};
    for (const r of records) {
      counts[r.status] = (counts[r.status] || 0) + 1;
      for (const d of r.diagnoses) byIssue[d.issue] = (byIssue[d.issue] || 0) + 1;
      for (const u of r.unexplained) signatures[u.signature] = (signatures[u.signature] || 0) + 1;
    }
    const out = $("b-result");
    fill(out, 
      problems.map((p) => el("div", { class: "card invalid", role: "alert" }, p.error)),
      el("div", { class: "actions" },
        el("button", { type: "button", class: "secondary", onclick: () => download("syncdoctor-batch.jsonl", "application/x-ndjson", jsonl) }, "Download JSON Lines"),
        el("button", { type: "button", class: "secondary", onclick: downloadReport }, "Download HTML report")),
      el("h3", null, "Summary"),
      el("div", { class: "cards" }, el("div", { class: "card" }, "cases", el("b", null, records.length)),
        Object.entries(counts).map(([k, v]) => el("div", { class: "card " + k }, k, el("b", null, v)))),
      Object.keys(byIssue).length ? el("div", { class: "table-wrap" }, el("table", null,
        el("caption", { class: "meta" }, "Known issues"),
        el("tr", null, el("th", null, "issue"), el("th", null, "title"), el("th", { class: "n" }, "cases")),
        Object.entries(byIssue).sort((a, b) => b[1] - a[1]).map(([k, v]) => el("tr", null,
          el("td", null, el("code", null, k)), el("td", null, links[k] ? links[k].title : ""), el("td", { class: "n" }, v))))) : null,
      Object.keys(signatures).length ? el("div", { class: "table-wrap" }, el("table", null,
        el("caption", { class: "meta" }, "Not recognised: error signatures"),
        el("tr", null, el("th", { class: "n" }, "count"), el("th", null, "signature")),
        Object.entries(signatures).sort((a, b) => b[1] - a[1]).slice(0, 50).map(([k, v]) => el("tr", null,
          el("td", { class: "n" }, v), el("td", null, el("code", null, k)))))) : null,
      el("h3", null, "Cases"),
      el("div", { class: "table-wrap" }, el("table", { id: "b-cases" },
        el("tr", null, el("th", { class: "n" }, "#"), el("th", null, "source"), el("th", null, "case"), el("th", null, "status"),
          el("th", null, "known issues"), el("th", null, "plan")),
        records.map((r, i) => el("tr", null,
          el("td", { class: "n" }, i + 1), el("td", null, el("code", null, r.source)), el("td", null, r.case || ""),
          el("td", { class: r.status }, r.status),
          el("td", null, r.diagnoses.map((d) => el("div", null, el("code", null, d.issue)))),
          el("td", null, el("details", null, el("summary", null, r.actions.length + " steps"), renderResult(r, links))))))));
  }
  async function downloadReport() {
    const { data } = batchBody();
    const res = await call("/api/v1/batch?report=html", { method: "POST", body: data });
    if (!res.ok) { showError($("b-result"), await errorOf(res)); return; }
    download("syncdoctor-report.html", "text/html", await res.text());
  }

  // ---- knowledge ---------------------------------------------------------------------------------------
  async function loadIssues() {
    const links = await issues();
    const needle = $("k-search").value.trim().toLowerCase();
    let list = Object.values(links);
    if (needle) {
      const res = await call("/api/v1/issues?q=" + encodeURIComponent(needle));
      if (res.ok) list = (await res.json()).issues;
    }
    $("k-count").textContent = list.length + " known issues" + (needle ? " match" : "");
    fill($("k-list"), ...list.map((i) => el("li", null,
      el("a", { href: "#knowledge/" + encodeURIComponent(i.id), "data-issue": i.id, onclick: (e) => { e.preventDefault(); showIssue(i.id); } },
        i.title, el("small", null, i.id + " \u00b7 " + i.kb)))));
    const wanted = decodeURIComponent(location.hash.split("/")[1] || "");
    if (wanted && links[wanted]) showIssue(wanted);
  }
  async function showIssue(id) {
    for (const a of $("k-list").querySelectorAll("a")) a.setAttribute("aria-current", a.dataset.issue === id ? "true" : "false");
    const res = await call("/api/v1/issues/" + encodeURIComponent(id));
    const box = $("k-detail");
    if (!res.ok) { showError(box, await errorOf(res)); return; }
    const i = await res.json();
    const c = i.catalog || {};
    fill(box, 
      el("h3", null, i.title),
      el("p", { class: "meta" }, el("code", null, i.id), " \u00b7 catalog ", el("code", null, i.kb), " \u00b7 " + (i.category || ""),
        " \u00b7 role needed: " + (i.role || "not stated")),
      learnLink(i.learnUrl, "Read it on Microsoft Learn: " + (c.section_title || i.section)) ? el("p", null, learnLink(i.learnUrl, "Read it on Microsoft Learn: " + (c.section_title || i.section))) : null,
      c.symptom ? el("div", null, el("h4", null, "Symptom"), el("p", null, c.symptom)) : null,
      c.cause ? el("div", null, el("h4", null, "Cause"), el("p", null, c.cause)) : null,
      c.error_texts && c.error_texts.length ? el("div", null, el("h4", null, "Error texts as documented"), c.error_texts.map((t) => el("pre", null, t))) : null,
      c.conditions && c.conditions.length ? el("div", null, el("h4", null, "Conditions"), el("ul", null, c.conditions.map((t) => el("li", null, t)))) : null,
      el("h4", null, "Steps (as the rules plan them)"),
      i.steps.length ? el("ol", { class: "plan" }, i.steps.map((s) => el("li", null, el("span", { class: "phase" }, s.phase), " ", s.text,
        el("div", { class: "because" }, "Why: " + (s.because || ""), s.when ? " \u00b7 when " + s.when : "", " \u00b7 ", el("code", null, s.at))))) : el("p", { class: "muted" }, "No steps."),
      el("h4", null, "Rules that recognise it"),
      i.recognisedBy.length ? el("ul", null, i.recognisedBy.map((r) => el("li", null, r.rule, " ", el("code", null, r.at)))) : el("p", { class: "muted" }, "None found."),
      el("h4", null, "Example cases"),
      i.examples.length ? el("ul", null, i.examples.map((x) => el("li", null, el("code", null, x.name), x.note ? " \u2014 " + x.note : "", " ",
        el("button", { type: "button", class: "secondary", onclick: () => tryExample(x) }, "Try it"),
        el("details", null, el("summary", null, "show"), el("pre", null, x.text))))) : el("p", { class: "muted" }, "No example case."));
    box.focus();
  }
  function tryExample(x) {
    const form = $("diagnose-form");
    form.reset();
    form.elements.text.value = x.kind === "text" ? x.text : "";
    const c = x.context || {};
    for (const name of ["map", "status", "attempts", "occurrences", "phase", "direction", "durationMinutes"]) if (c[name] !== null && c[name] !== undefined) form.elements[name].value = c[name];
    if (c.rowCount != null) form.elements.rows.value = c.rowCount;
    if (c.legalEntityCount != null) form.elements.legalEntities.value = c.legalEntityCount;
    if (c.lookupCount != null) form.elements.lookups.value = c.lookupCount;
    if (c.roles) form.elements.roles.value = c.roles.join(", ");
    if (c.consistent) form.elements.consistent.checked = true;
    location.hash = "#diagnose";
    if (x.kind === "text") form.requestSubmit();
    else diagnose(x.text, x.kind === "json" ? "application/json" : "application/yaml", new URLSearchParams(), false);
  }

  // ---- start ---------------------------------------------------------------------------------------------
  document.addEventListener("DOMContentLoaded", () => {
    setUpDiagnose();
    $("batch-form").addEventListener("submit", runBatch);
    dropZone($("b-drop"), $("b-files"));
    let timer = null;
    $("k-search").addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(loadIssues, 200); });
    $("r-refresh").addEventListener("click", loadRules);
    $("token-form").addEventListener("submit", (e) => {
      e.preventDefault();
      state.token = $("token").value.trim();
      sessionStorage.setItem("syncdoctor-token", state.token);
      state.issues = null;
      $("token-form").hidden = true;
      show(location.hash.slice(1).split("/")[0]);
      health();
    });
    show(location.hash.slice(1).split("/")[0]);
    health();
    setInterval(health, 15000);
  });
})();
