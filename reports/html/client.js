// The HTML report's script: every finding, filterable, from the data embedded in the page.
// It fetches nothing and builds no markup from data: every string is set as text (textContent),
// so a tag value, name or policy from AWS stays text. Rows are built a page at a time and a
// finding's details only when it is opened, so 100,000 findings open in seconds.
(() => {
  "use strict";
  const dataElement = document.getElementById("ys-data");
  const form = document.getElementById("filters");
  const list = document.getElementById("rows");
  if (!dataElement || !form || !list) return;
  const { tables: T, rows } = JSON.parse(dataElement.textContent);
  const C = T.col;
  const shown = document.getElementById("shown");
  const moreWrap = document.getElementById("more-wrap");
  const more = document.getElementById("more");
  const section = document.getElementById("findings");
  const PAGE = 200;
  const FIELDS = ["layer", "severity", "status", "service", "account", "region", "check", "q", "fix"];

  const el = (tag, className, text) => {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  };
  const fmt = (n) => n.toLocaleString("en-US");
  const checkOf = (r) => T.checks[r[C.check]];
  const statusOf = (r) => T.statuses[r[C.status]];
  const severityOf = (r) => T.severities[r[C.severity]];
  const arnOf = (r) => (r[C.arn] === 0 ? r[C.id] : r[C.arn]);

  // ---- filter state: the form, and the address (#findings?layer=data&…) so a view can be linked ----

  const read = () => {
    const state = {};
    for (const name of FIELDS) {
      const v = form.elements[name].value;
      if (v) state[name] = v;
    }
    return state;
  };

  const write = (state) => {
    for (const name of FIELDS) {
      const input = form.elements[name];
      const v = state[name] ?? "";
      if (!input) continue;
      if (input.tagName === "SELECT" && v && ![...input.options].some((o) => o.value === v)) {
        // A value the page has no findings for (a link from an older page): still a filter, matching nothing.
        const o = document.createElement("option");
        o.value = v;
        o.textContent = `${v} (0)`;
        input.append(o);
      }
      input.value = v;
    }
  };

  const toHash = (state) => {
    const params = new URLSearchParams(state).toString();
    return params ? `#findings?${params}` : "#findings";
  };

  /** The filter an address asks for, or null when it names no view of the findings. */
  const fromHash = (hash) => {
    if (hash.startsWith("#findings?")) return Object.fromEntries(new URLSearchParams(hash.slice("#findings?".length)));
    if (hash.startsWith("#cell-")) {
      const rest = decodeURIComponent(hash.slice("#cell-".length));
      for (const service of T.services) {
        const layer = rest.startsWith(`${service}-`) ? rest.slice(service.length + 1) : null;
        if (layer && T.layers.includes(layer)) return { service, layer };
      }
    }
    if (hash.startsWith("#check-")) return { check: decodeURIComponent(hash.slice("#check-".length)) };
    if (hash.startsWith("#finding-")) return { q: decodeURIComponent(hash.slice("#finding-".length)), open: true };
    return null;
  };

  // ---- matching ----

  const searchText = new Array(rows.length);
  const textOf = (i) => {
    let t = searchText[i];
    if (t === undefined) {
      const r = rows[i];
      const c = checkOf(r);
      const extra = r[C.extra] || {};
      const tags = extra.tags ? Object.entries(extra.tags).map(([k, v]) => `${k}=${v}`) : [];
      t = [r[C.id], arnOf(r), r[C.message], c.id, c.title, r[C.findingId], ...tags].join("\n").toLowerCase();
      searchText[i] = t;
    }
    return t;
  };

  /** -1: any; -2: a value no finding has; else the index in its table. */
  const want = (table, v) => (v ? (table.indexOf(v) >= 0 ? table.indexOf(v) : -2) : -1);

  let matching = [];
  let rendered = 0;

  const filter = () => {
    const s = read();
    const layer = want(T.layers, s.layer);
    const service = want(T.services, s.service);
    const severity = want(T.severities, s.severity);
    const status = want(T.statuses, s.status);
    const account = want(T.accounts, s.account);
    const region = want(T.regions, s.region);
    const check = want(
      T.checks.map((c) => c.id),
      s.check,
    );
    const q = (s.q ?? "").trim().toLowerCase();
    // A fix-list item: only the findings it closes.
    const only = s.fix ? new Set(T.fixes[Number(s.fix) - 1] ?? []) : null;
    const out = [];
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      if (status !== -1 && r[C.status] !== status) continue;
      if (severity !== -1 && r[C.severity] !== severity) continue;
      if (account !== -1 && r[C.account] !== account) continue;
      if (region !== -1 && r[C.region] !== region) continue;
      if (check !== -1 && r[C.check] !== check) continue;
      const c = T.checks[r[C.check]];
      if (layer !== -1 && c.l !== layer) continue;
      if (service !== -1 && c.s !== service) continue;
      if (q && !textOf(i).includes(q)) continue;
      if (only && !only.has(i)) continue;
      out.push(i);
    }
    return show(out);
  };

  const show = (indices) => {
    matching = indices;
    rendered = 0;
    list.textContent = "";
    renderMore();
  };

  const counts = () => {
    const all = rows.length;
    const m = matching.length;
    const fix = form.elements.fix.value;
    const head =
      m === all ? `All ${fmt(all)} findings` : `${fmt(m)} of ${fmt(all)} findings match${fix ? ` (those fix ${fix} closes)` : ""}`;
    shown.textContent = m === 0 ? `No finding matches (${fmt(all)} in all).` : `${head}; showing ${fmt(rendered)}.`;
    moreWrap.hidden = rendered >= m;
    more.textContent = `show ${fmt(Math.min(PAGE, m - rendered))} more`;
  };

  // ---- rows, built on demand ----

  const rowElement = (i) => {
    const r = rows[i];
    const c = checkOf(r);
    const status = statusOf(r);
    const severity = severityOf(r);
    const li = el("li", `f st-${status}`);
    const details = el("details");
    details.dataset.i = String(i);
    details.id = `finding-${r[C.findingId]}`;
    const summary = el("summary");
    const where = [T.services[c.s], T.layers[c.l], T.regions[r[C.region]]];
    if (T.accounts.length > 1) where.push(T.accounts[r[C.account]]);
    summary.append(
      el("span", `badge st-${status}`, status),
      " ",
      el("span", `badge sev sev-${severity}`, severity),
      " ",
      el("span", "res", r[C.id]),
      " ",
      el("span", "ttl", c.title),
      " ",
      el("span", "meta", where.join(" · ")),
    );
    details.append(summary);
    li.append(details);
    return li;
  };

  const renderMore = () => {
    const end = Math.min(matching.length, rendered + PAGE);
    const frag = document.createDocumentFragment();
    for (let k = rendered; k < end; k++) frag.append(rowElement(matching[k]));
    list.append(frag);
    rendered = end;
    counts();
  };

  const pair = (dl, term, ...values) => {
    dl.append(el("dt", null, term));
    const dd = el("dd");
    for (const v of values) dd.append(typeof v === "string" ? document.createTextNode(v) : v);
    dl.append(dd);
  };

  const code = (text) => el("code", null, text);

  /** Row index → its fix-list rank, for the items the page lists. */
  let fixRank;
  const fixOf = (i) => {
    if (!fixRank) {
      fixRank = new Map();
      T.fixes.forEach((indices, k) => indices.forEach((j) => fixRank.has(j) || fixRank.set(j, k + 1)));
    }
    return fixRank.get(i);
  };

  /** A finding's details: what the no-script list shows, plus the check's rationale and references. */
  const bodyOf = (i) => {
    const r = rows[i];
    const c = checkOf(r);
    const extra = r[C.extra] || {};
    const body = el("div", "fbody");
    body.append(el("p", "msg", r[C.message]));
    const dl = el("dl", "kv");
    pair(dl, "resource", code(arnOf(r)), ` (${T.types[r[C.type]]})`);
    pair(dl, "where", `account ${T.accounts[r[C.account]]}, ${T.regions[r[C.region]]}`);
    if (extra.tags) {
      const tags = Object.entries(extra.tags).map(([k, v]) => {
        const t = el("span", "tag");
        t.append(el("span", "tk", k), el("span", "tv", v));
        return t;
      });
      pair(dl, "tags", ...tags);
    }
    if (extra.error) {
      const e = extra.error;
      pair(dl, "failed call", code(`${e.service}:${e.operation}`), ` in ${e.region}: `, code(e.code), e.message ? ` ${e.message}` : "");
    }
    if (extra.muted) {
      const m = extra.muted;
      pair(dl, "muted", `would be ${m.of}: ${m.reason}${m.expires ? ` (until ${m.expires})` : ""}`);
    }
    if (extra.change) pair(dl, "baseline", extra.change === "new" ? "new since the baseline" : "unchanged since the baseline");
    if (extra.firstSeen) pair(dl, "first seen", extra.firstSeen);
    pair(dl, "check", code(c.id));
    const refs = Object.entries(c.compliance || {}).map(([fw, ids]) => `${T.frameworks[fw] ?? fw} ${ids.join(", ")}`);
    if (refs.length) pair(dl, "compliance", refs.join("; "));
    const link = el("a", null, "link to this finding");
    link.href = `#finding-${r[C.findingId]}`;
    pair(dl, "finding", code(r[C.findingId]), " ", link);
    body.append(dl);
    body.append(el("h4", null, "Evidence"), el("pre", "evidence", JSON.stringify(r[C.evidence], null, 2)));
    body.append(el("h4", null, "Why it matters"), el("p", null, c.rationale));
    const rem = c.remediation || {};
    body.append(el("h4", null, "Remediation"), el("p", null, rem.text));
    if (rem.cli) {
      const pre = el("pre", "cli");
      pre.append(code(rem.cli));
      body.append(pre);
    }
    if (typeof rem.url === "string" && /^https:\/\//i.test(rem.url)) {
      const a = el("a", null, rem.url);
      a.href = rem.url;
      a.rel = "noreferrer noopener";
      const p = el("p");
      p.append(a);
      body.append(p);
    }
    const rank = fixOf(i);
    if (rank) {
      const p = el("p", "infix", "Its fix, with the command filled in for this resource: fix list item ");
      const a = el("a", null, `#${rank}`);
      a.href = `#fix-${rank}`;
      p.append(a);
      body.append(p);
    }
    return body;
  };

  list.addEventListener(
    "toggle",
    (event) => {
      const d = event.target;
      if (d.tagName !== "DETAILS" || !d.open || d.dataset.built) return;
      d.dataset.built = "1";
      d.append(bodyOf(Number(d.dataset.i)));
    },
    true,
  );

  // ---- wiring ----

  const go = (state, scroll) => {
    write(state);
    filter();
    history.replaceState(null, "", toHash(read()));
    if (state.open && matching.length === 1) {
      const d = list.querySelector("details");
      if (d) d.open = true;
    }
    if (scroll) section.scrollIntoView();
  };

  let typing;
  form.addEventListener("input", (event) => {
    clearTimeout(typing);
    const later = event.target.name === "q" ? 150 : 0;
    typing = setTimeout(() => go(read(), false), later);
  });
  form.addEventListener("submit", (event) => event.preventDefault());
  form.addEventListener("reset", () => setTimeout(() => go({}, false), 0));
  more.addEventListener("click", renderMore);
  if ("IntersectionObserver" in window) {
    new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting) && rendered < matching.length) renderMore();
    }).observe(moreWrap);
  }

  // A matrix cell (or any link to a view of the findings) filters the list instead of jumping.
  document.addEventListener("click", (event) => {
    const a = event.target instanceof Element ? event.target.closest("a[href^='#']") : null;
    if (!a) return;
    const state = fromHash(a.getAttribute("href"));
    if (!state) return;
    event.preventDefault();
    go(state, true);
  });
  window.addEventListener("hashchange", () => {
    const state = fromHash(location.hash);
    if (state) go(state, true);
  });

  form.hidden = false;
  shown.hidden = false;
  const initial = fromHash(location.hash);
  if (initial) go(initial, true);
  else filter();
  document.documentElement.dataset.ready = "1";
})();
