/**
 * `--format html`: one self-contained page for people, opened from a laptop's disk or a ticket.
 *
 * - Rendered here, at report time, with Preact and preact-render-to-string, which escape every text and
 *   attribute value: a tag value, name, description or policy text from AWS is text on the page, never markup.
 * - Nothing is fetched when it is opened: CSS and script are inline, and a Content-Security-Policy
 *   (`default-src 'none'`, the script and style allowed by their SHA-256 hashes) forbids every request.
 * - Without JavaScript the essentials are there: scope and completeness (a partial scan says so first,
 *   with its failed calls), the responsibility matrix, and the failing findings by service and layer.
 * - With JavaScript every finding is listed, filterable, from data embedded compactly and rendered on
 *   demand (a page of rows at a time, a finding's details when opened), so a large estate opens fast.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ComponentChildren, JSX } from "preact";
import { renderToString } from "preact-render-to-string";
import type { CallError } from "../src/inventory/index.js";
import type { ResponsibilityMatrix } from "../src/matrix.js";
import { LAYERS, LAYER_TITLES, PROVIDER_LAYERS, type Layer, type ProviderLayer } from "../src/responsibility.js";
import { SEVERITIES, type Finding, type Severity, type Status } from "../src/results.js";
import type { CheckInfo, Report, ScanSelection } from "../src/report.js";
import { packageRoot } from "../src/version.js";
import { CELL_STATE_ORDER, REQUIREMENT_STATUS_ORDER, STATE_LABEL, STATE_MEANING, type State } from "./html/states.js";
import { dataPieces, pageData, pageOrder, STATUS_ORDER } from "./html/data.js";
import { count, plural, serviceTitle } from "./html/names.js";
import type { Renderer } from "./renderer.js";

// ---- the page's own assets, and the policy that allows exactly them --------------------------------

interface Assets {
  css: string;
  script: string;
  csp: string;
}

let assets: Assets | undefined;

const sha256 = (text: string): string => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

/** The inline style and script, read once, and the Content-Security-Policy naming their hashes. */
export function pageAssets(): Assets {
  if (!assets) {
    const dir = join(packageRoot(), "reports", "html");
    const css = readFileSync(join(dir, "report.css"), "utf8");
    const script = readFileSync(join(dir, "client.js"), "utf8");
    // Our own text, embedded raw: it must not be able to end its element.
    if (/<\/(script|style)/i.test(css + script)) throw new Error("html report: an asset contains an end tag");
    const csp = [
      "default-src 'none'",
      `script-src ${sha256(script)}`,
      `style-src ${sha256(css)}`,
      "base-uri 'none'",
      "form-action 'none'",
    ].join("; ");
    assets = { css, script, csp };
  }
  return assets;
}

// ---- small pieces ---------------------------------------------------------------------------------

const STATUS_WORD: Record<Status, string> = { FAIL: "failing", ERROR: "could not assess", MUTED: "muted", PASS: "passing" };

const utc = (iso: string): string => {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : `${new Date(t).toISOString().slice(0, 16).replace("T", " ")} UTC`;
};

const callName = (e: Pick<CallError, "service" | "operation">): string => `${e.service}:${e.operation}`;

const Badge = ({ status }: { status: Status }) => <span class={`badge st-${status}`}>{status}</span>;
const Sev = ({ severity }: { severity: Severity }) => <span class={`badge sev sev-${severity}`}>{severity}</span>;

const Section = ({ id, title, children, lead }: { id: string; title: string; lead?: ComponentChildren; children: ComponentChildren }) => (
  <section id={id} aria-labelledby={`${id}-h`}>
    <h2 id={`${id}-h`}>{title}</h2>
    {lead ? <p class="lead">{lead}</p> : null}
    {children}
  </section>
);

// ---- scope and completeness ---------------------------------------------------------------------

interface CallGroup {
  call: string;
  code: string;
  regions: string[];
  resources: string[];
  message: string;
  n: number;
}

/** Failed calls by operation and error code, with where they happened. */
function groupCalls(errors: readonly CallError[]): CallGroup[] {
  const groups = new Map<string, CallGroup>();
  for (const e of errors) {
    const key = `${callName(e)}\u0000${e.code}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { call: callName(e), code: e.code, regions: [], resources: [], message: e.message ?? "", n: 0 }));
    g.n++;
    if (!g.regions.includes(e.region)) g.regions.push(e.region);
    if (e.resource && g.resources.length < 5 && !g.resources.includes(e.resource)) g.resources.push(e.resource);
  }
  return [...groups.values()].sort((a, b) => b.n - a.n || a.call.localeCompare(b.call));
}

const MAX_CALL_GROUPS = 200;

function FailedCalls({ errors }: { errors: readonly CallError[] }) {
  const groups = groupCalls(errors);
  return (
    <table class="calls">
      <caption>Failed AWS calls ({count(errors.length)})</caption>
      <thead>
        <tr>
          <th scope="col">call</th>
          <th scope="col">error</th>
          <th scope="col">times</th>
          <th scope="col">regions</th>
          <th scope="col">resources</th>
          <th scope="col">message</th>
        </tr>
      </thead>
      <tbody>
        {groups.slice(0, MAX_CALL_GROUPS).map((g) => (
          <tr>
            <td>
              <code>{g.call}</code>
            </td>
            <td>
              <code>{g.code}</code>
            </td>
            <td class="num">{count(g.n)}</td>
            <td>{g.regions.join(", ")}</td>
            <td>{g.resources.join(", ")}</td>
            <td class="msg">{g.message}</td>
          </tr>
        ))}
        {groups.length > MAX_CALL_GROUPS ? (
          <tr>
            <td colSpan={6}>
              and {plural(groups.length - MAX_CALL_GROUPS, "more kind")} of failure: every failed call is in the JSON report&apos;s
              scan.errors
            </td>
          </tr>
        ) : null}
      </tbody>
    </table>
  );
}

function Completeness({ report }: { report: Report }) {
  const { scan, findings } = report;
  const errorResults = findings.filter((f) => f.status === "ERROR").length;
  if (scan.complete) {
    return (
      <section id="completeness" class="banner complete" aria-labelledby="completeness-h">
        <h2 id="completeness-h">Complete scan</h2>
        <p>
          Every AWS call the selected checks needed succeeded, and every check could evaluate what it read
          {scan.errors.length > 0 ? ` (${plural(scan.errors.length, "failed call")} accepted by the mutelist)` : ""}.
        </p>
        {scan.errors.length > 0 ? <FailedCalls errors={scan.errors} /> : null}
      </section>
    );
  }
  const parts = [
    scan.errors.length > 0 ? plural(scan.errors.length, "AWS call") + (scan.errors.length === 1 ? " failed" : " failed") : "",
    errorResults > 0 ? `${plural(errorResults, "result")} could not be assessed` : "",
  ].filter(Boolean);
  return (
    <section id="completeness" class="banner partial" role="alert" aria-labelledby="completeness-h">
      <h2 id="completeness-h">Partial scan: {parts.join("; ") || "not every check could evaluate"}</h2>
      <p>
        What the failed calls would have returned is missing, so the checks that needed it say ERROR (could not assess), never PASS: this
        page does not show the whole account. Grant the read permissions named below (<code>yourside policy</code> prints the policy a scan
        needs) and scan again.
      </p>
      {scan.errors.length > 0 ? <FailedCalls errors={scan.errors} /> : null}
    </section>
  );
}

/** What the scan was asked for: `--services s3 · --severity critical,high`, or "everything". */
function selectionText(selection: ScanSelection): string {
  const parts = [
    selection.services ? `--services ${selection.services.join(",")}` : "",
    selection.checks ? `--checks ${selection.checks.join(",")}` : "",
    selection.severities ? `--severity ${selection.severities.join(",")}` : "",
    selection.compliance ? `--compliance ${selection.compliance}` : "",
    selection.regions ? `--regions ${Array.isArray(selection.regions) ? selection.regions.join(",") : selection.regions}` : "",
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(" · ") : "not narrowed: every check, every enabled region (from a snapshot: all of its regions)";
}

function Scope({ report }: { report: Report }) {
  const { scan, tool, mutelist, baseline } = report;
  const by = report.summary.byStatus;
  return (
    <Section id="scope" title="Scope">
      <dl class="facts">
        <dt>Accounts</dt>
        <dd>{scan.accounts.join(", ") || "none"}</dd>
        <dt>Regions</dt>
        <dd>{scan.regions.join(", ") || "none"}</dd>
        <dt>Services</dt>
        <dd>{scan.services.join(", ")}</dd>
        <dt>Checks run</dt>
        <dd>{count(report.checks.length)}</dd>
        <dt>Scanned</dt>
        <dd>
          {utc(scan.startedAt)} to {utc(scan.finishedAt)}
        </dd>
        <dt>Collected</dt>
        <dd>
          {utc(scan.collectedAt)}
          {scan.source === "live" ? " (this scan)" : " (the snapshot's collection)"}
        </dd>
        <dt>Source</dt>
        <dd>{scan.source === "live" ? "live AWS APIs" : scan.source}</dd>
        <dt>Principal</dt>
        <dd>{scan.principal ? <code>{scan.principal}</code> : "not recorded"}</dd>
        <dt>Selection</dt>
        <dd>{selectionText(scan.selection)}</dd>
        <dt>Scan id</dt>
        <dd>
          <code>{scan.id}</code>
        </dd>
        <dt>Tool</dt>
        <dd>
          {tool.name} {tool.version}
        </dd>
        <dt>Mutelist</dt>
        <dd>
          {plural(mutelist.entries, "entry", "entries")}
          {mutelist.expired.length > 0
            ? `; ${plural(mutelist.expired.length, "expired entry", "expired entries")} (they mute nothing)`
            : ""}
        </dd>
        {baseline ? (
          <>
            <dt>Baseline</dt>
            <dd>
              scan <code>{baseline.scanId}</code> of {utc(baseline.finishedAt)}: {count(baseline.resolved.length)} resolved,{" "}
              {count(baseline.unassessed.length)} now could not be assessed,{" "}
              {count(report.findings.filter((f) => f.change === "new").length)} new
            </dd>
          </>
        ) : null}
      </dl>
      <ul class="totals" aria-label="results by status">
        {STATUS_ORDER.map((s) => (
          <li class={`total st-${s}`}>
            <strong>{count(by[s] ?? 0)}</strong> {s} <span>{STATUS_WORD[s]}</span>
          </li>
        ))}
      </ul>
      <p class="sevline">
        Failing by severity:{" "}
        {SEVERITIES.map((s) => (
          <span class={`sevcount sev-${s}`}>
            {s} <strong>{count(report.summary.failingBySeverity[s] ?? 0)}</strong>
          </span>
        ))}
      </p>
      <details class="audit">
        <summary>Settings in effect</summary>
        <pre>{JSON.stringify(scan.settings, null, 2)}</pre>
      </details>
      {mutelist.active.length > 0 ? (
        <details class="audit">
          <summary>Mutelist entries in force ({count(mutelist.active.length)})</summary>
          <table class="calls">
            <thead>
              <tr>
                <th scope="col">check</th>
                <th scope="col">resource</th>
                <th scope="col">where</th>
                <th scope="col">tags</th>
                <th scope="col">expires</th>
                <th scope="col">reason</th>
              </tr>
            </thead>
            <tbody>
              {mutelist.active.map((m) => (
                <tr>
                  <td>
                    <code>{m.checkId}</code>
                  </td>
                  <td>
                    <code>{m.resource}</code>
                  </td>
                  <td>{[m.accountId, m.region].filter(Boolean).join(" · ")}</td>
                  <td>
                    {Object.entries(m.tags ?? {})
                      .map(([k, v]) => `${k}=${v}`)
                      .join(", ")}
                  </td>
                  <td>{m.expires ?? ""}</td>
                  <td class="msg">{m.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ) : null}
      {mutelist.expired.length > 0 ? (
        <ul class="expired">
          {mutelist.expired.slice(0, 50).map((m) => (
            <li>
              Expired on {m.expires}: <code>{m.checkId}</code> for <code>{m.resource}</code> ({m.reason})
            </li>
          ))}
        </ul>
      ) : null}
    </Section>
  );
}

// ---- the responsibility matrix --------------------------------------------------------------------

const cellId = (service: string, layer: string): string => `cell-${service}-${layer}`;

const countsText = (results: Partial<Record<Status, number>>): string =>
  STATUS_ORDER.filter((s) => (results[s] ?? 0) > 0)
    .map((s) => `${count(results[s]!)} ${s.toLowerCase()}`)
    .join(" · ");

function Matrix({ matrix }: { matrix: ResponsibilityMatrix }) {
  const provider = matrix.layers.filter((l): l is ProviderLayer => (PROVIDER_LAYERS as readonly string[]).includes(l));
  const customer = matrix.layers.filter((l): l is Layer => (LAYERS as readonly string[]).includes(l));
  const services = Object.entries(matrix.services);
  return (
    <Section
      id="matrix"
      title="Responsibility matrix"
      lead="Each service in the scan against each layer of the shared responsibility model: AWS's layers on the left (grey), yours coloured by what the checks found. A cell with results links to its findings."
    >
      <div class="matrix-wrap">
        <table class="matrix">
          <thead>
            <tr>
              <td />
              <th scope="colgroup" colSpan={provider.length} class="side aws">
                AWS&apos;s side: security of the cloud
              </th>
              <th scope="colgroup" colSpan={customer.length} class="side you">
                Your side: security in the cloud
              </th>
            </tr>
            <tr>
              <th scope="col">service</th>
              {[...provider, ...customer].map((l) => (
                <th scope="col" class="layer" title={LAYER_TITLES[l]}>
                  <span>{LAYER_TITLES[l]}</span>
                  <code>{l}</code>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {services.map(([service, row]) => (
              <tr>
                <th scope="row" class="svc" title={serviceTitle(service)}>
                  <strong>{service}</strong>
                  <span>{row.serviceModel}</span>
                </th>
                {[...provider, ...customer].map((layer) => {
                  const cell = row.cells[layer];
                  const { state } = cell;
                  const counts = countsText(cell.results);
                  const label = `${service} · ${LAYER_TITLES[layer]}: ${STATE_LABEL[state]}${counts ? ` (${counts})` : ""}`;
                  const notes = [
                    STATE_MEANING[state],
                    cell.checks.length > 0 ? `checks: ${cell.checks.join(", ")}` : "",
                    cell.notSelected.length > 0 ? `not selected: ${cell.notSelected.join(", ")}` : "",
                    cell.leftOut > 0 ? `${plural(cell.leftOut, "result")} left out by --severity` : "",
                  ].filter(Boolean);
                  const body = (
                    <>
                      <span class="state">{STATE_LABEL[state]}</span>
                      {counts ? <span class="counts">{counts}</span> : null}
                    </>
                  );
                  return (
                    <td class={`cell c-${state}`} title={`${label}. ${notes.join("; ")}`}>
                      {counts ? (
                        <a href={`#${cellId(service, layer)}`} data-service={service} data-layer={layer} aria-label={label}>
                          {body}
                        </a>
                      ) : (
                        body
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul class="legend" aria-label="legend">
        {CELL_STATE_ORDER.map((s) => (
          <li>
            <span class={`swatch c-${s}`}>{STATE_LABEL[s]}</span> {STATE_MEANING[s]}
          </li>
        ))}
      </ul>
    </Section>
  );
}

// ---- the fix list ---------------------------------------------------------------------------------

/** Fix-list items the page lists, and how many of them it shows open. */
export const FIX_SHOWN = 200;
const FIX_OPEN = 5;
const FIX_RESOURCES = 5;

function FixList({ report }: { report: Report }) {
  const { backlog } = report;
  const shown = backlog.slice(0, FIX_SHOWN);
  const closes = backlog.reduce((n, item) => n + item.findings.length, 0);
  return (
    <Section
      id="fix"
      title={`Fix first (${count(backlog.length)})`}
      lead={
        backlog.length === 0
          ? "Nothing is failing: there is nothing to fix."
          : `${plural(backlog.length, "change")} close${backlog.length === 1 ? "s" : ""} the ${plural(closes, "failing finding")}, ranked by risk: severity, then exposure (public, cross-account, internal), then blast radius (admin, write, read), then how many findings a change closes. The commands have every value the scan knows filled in.`
      }
    >
      <ol class="backlog">
        {shown.map((item) => {
          const resources = item.resources.slice(0, FIX_RESOURCES);
          const url = safeUrl(item.url);
          return (
            <li class={`fix sev-line-${item.severity}`} id={`fix-${item.rank}`}>
              <details open={item.rank <= FIX_OPEN}>
                <summary>
                  <span class="rank">{item.rank}</span> <Sev severity={item.severity} />
                  {item.exposure ? <span class={`badge risk exp-${item.exposure}`}>{item.exposure}</span> : null}
                  {item.blastRadius ? <span class={`badge risk blast-${item.blastRadius}`}>{item.blastRadius}</span> : null}{" "}
                  <strong class="ttl">{item.title}</strong>{" "}
                  <span class="meta">
                    {plural(item.findings.length, "finding")} · {item.region} · {item.accountId}
                  </span>
                </summary>
                <div class="fbody">
                  <p>{item.text}</p>
                  {item.commands.length > 0 ? (
                    <pre class="cli">
                      <code>{item.commands.join("\n")}</code>
                    </pre>
                  ) : null}
                  {item.placeholders.length > 0 ? (
                    <p class="note">
                      Fill in what the scan cannot know:{" "}
                      {item.placeholders.map((p, i) => (
                        <>
                          {i > 0 ? ", " : ""}
                          <code>{p}</code>
                        </>
                      ))}
                    </p>
                  ) : null}
                  <p class="closes">
                    Closes{" "}
                    <a href={`#findings?fix=${item.rank}`} data-fix={item.rank}>
                      {plural(item.findings.length, "finding")}
                    </a>{" "}
                    on{" "}
                    {resources.map((r, i) => (
                      <>
                        {i > 0 ? ", " : ""}
                        <code>{r}</code>
                      </>
                    ))}
                    {item.resources.length > resources.length ? ` and ${count(item.resources.length - resources.length)} more` : ""}
                    {url ? (
                      <>
                        {" · "}
                        <a href={url} rel="noreferrer noopener">
                          reference
                        </a>
                      </>
                    ) : null}
                  </p>
                </div>
              </details>
            </li>
          );
        })}
      </ol>
      {backlog.length > shown.length ? (
        <p class="more">
          and {plural(backlog.length - shown.length, "more change")}: the JSON report&apos;s <code>backlog</code> has every one.
        </p>
      ) : null}
    </Section>
  );
}

// ---- compliance -----------------------------------------------------------------------------------

/** A stacked bar of counts per state: SVG attributes, not style attributes, which the page's policy refuses. */
function StateBar({ counts, order, label }: { counts: Partial<Record<State, number>>; order: readonly State[]; label: string }) {
  const total = order.reduce((n, s) => n + (counts[s] ?? 0), 0);
  let x = 0;
  return (
    <svg class="bar" viewBox="0 0 1000 16" preserveAspectRatio="none" role="img" aria-label={label}>
      {total > 0
        ? order
            .filter((s) => (counts[s] ?? 0) > 0)
            .map((s) => {
              const w = ((counts[s] ?? 0) / total) * 1000;
              const rect = <rect class={`b-${s}`} x={x.toFixed(1)} y="0" width={w.toFixed(1)} height="16" />;
              x += w;
              return rect;
            })
        : null}
    </svg>
  );
}

function Compliance({ report }: { report: Report }) {
  return (
    <Section
      id="compliance"
      title="Compliance"
      lead="Each requirement's status from the results of the checks that cite it; requirements no check covers say so, and those that cannot be automated are manual."
    >
      {report.compliance.map((fw) => {
        const label = REQUIREMENT_STATUS_ORDER.filter((s) => fw.counts[s] > 0)
          .map((s) => `${count(fw.counts[s])} ${STATE_LABEL[s]}`)
          .join(", ");
        return (
          <div class="framework" id={`compliance-${fw.framework}`}>
            <h3>
              {fw.title}{" "}
              <a href={fw.url} rel="noreferrer noopener" class="ref">
                (reference)
              </a>
            </h3>
            <StateBar counts={fw.counts} order={REQUIREMENT_STATUS_ORDER} label={`${fw.label}: ${label}`} />
            <ul class="req-counts">
              {REQUIREMENT_STATUS_ORDER.filter((s) => fw.counts[s] > 0).map((s) => (
                <li>
                  <span class={`swatch c-${s}`}>{STATE_LABEL[s]}</span> {count(fw.counts[s])}
                </li>
              ))}
            </ul>
            <details>
              <summary>
                {fw.label}: {plural(fw.requirements.length, "requirement")}
              </summary>
              <table class="reqs">
                <thead>
                  <tr>
                    <th scope="col">{fw.label}</th>
                    <th scope="col">requirement</th>
                    <th scope="col">status</th>
                    <th scope="col">results</th>
                    <th scope="col">checks</th>
                  </tr>
                </thead>
                <tbody>
                  {fw.requirements.map((r) => (
                    <tr>
                      <td>
                        <code>{r.id}</code>
                      </td>
                      <td>
                        {r.title}
                        {r.automated ? "" : " (manual)"}
                      </td>
                      <td>
                        <span class={`swatch c-${r.status}`}>{STATE_LABEL[r.status]}</span>
                      </td>
                      <td class="nowrap">{countsText(r.results)}</td>
                      <td>
                        {r.checks.map((id, i) => (
                          <>
                            {i > 0 ? " " : ""}
                            <a href={`#check-${id}`}>
                              <code>{id}</code>
                            </a>
                          </>
                        ))}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          </div>
        );
      })}
    </Section>
  );
}

// ---- findings ------------------------------------------------------------------------------------

const safeUrl = (url: string | undefined): string | undefined => (url && /^https:\/\//i.test(url) ? url : undefined);

/** Without a script: per cell, at most this many findings that are not passing, and this many in all. */
const STATIC_PER_CELL = 20;
const STATIC_TOTAL = 1000;

/** One finding in the no-script list: what is about the resource (its check's text is said once above it). */
function StaticFinding({ f }: { f: Finding }) {
  const tags = Object.entries(f.resource.tags ?? {});
  return (
    <li class={`f st-${f.status}`}>
      <p>
        <Badge status={f.status} /> <Sev severity={f.severity} /> <span class="res">{f.resource.id}</span>{" "}
        <span class="meta">
          {f.region}
          {f.accountId ? ` · ${f.accountId}` : ""}
        </span>
      </p>
      <p class="msg">{f.message}</p>
      {f.resource.arn !== f.resource.id ? (
        <p>
          <code>{f.resource.arn}</code>
        </p>
      ) : null}
      {tags.length > 0 ? (
        <p>
          {tags.map(([k, v]) => (
            <span class="tag">
              <span class="tk">{k}</span>
              <span class="tv">{v}</span>
            </span>
          ))}
        </p>
      ) : null}
      {f.error ? (
        <p>
          failed call <code>{callName(f.error)}</code> in {f.error.region}: <code>{f.error.code}</code>
          {f.error.message ? ` ${f.error.message}` : ""}
        </p>
      ) : null}
      {f.muted ? (
        <p>
          muted, would be {f.muted.of}: {f.muted.reason}
          {f.muted.expires ? ` (until ${f.muted.expires})` : ""}
        </p>
      ) : null}
      <pre class="evidence">{JSON.stringify(f.evidence)}</pre>
    </li>
  );
}

function StaticCheck({ check, findings }: { check: CheckInfo | undefined; findings: Finding[] }) {
  const first = findings[0]!;
  const remediation = check?.remediation ?? first.remediation;
  const url = safeUrl(remediation.url);
  return (
    <div class="scheck">
      <h4>
        {first.title} <code>{first.checkId}</code>
      </h4>
      <p>
        Fix: {remediation.text}
        {url ? (
          <>
            {" "}
            <a href={url} rel="noreferrer noopener">
              (reference)
            </a>
          </>
        ) : null}
      </p>
      {remediation.cli ? (
        <pre class="cli">
          <code>{remediation.cli}</code>
        </pre>
      ) : null}
      <ul class="rows">
        {findings.map((f) => (
          <StaticFinding f={f} />
        ))}
      </ul>
    </div>
  );
}

function StaticFindings({ ordered, report, checks }: { ordered: readonly Finding[]; report: Report; checks: Map<string, CheckInfo> }) {
  const byCell = new Map<string, Finding[]>();
  for (const f of ordered) {
    if (f.status === "PASS") continue;
    const key = cellId(f.service, f.responsibility.layer);
    let list = byCell.get(key);
    if (!list) byCell.set(key, (list = []));
    list.push(f);
  }
  let budget = STATIC_TOTAL;
  const groups = Object.entries(report.responsibilityMatrix.services).flatMap(([service, row]) =>
    LAYERS.flatMap((layer) => {
      const cell = row.cells[layer];
      const counts = countsText(cell.results);
      if (!counts) return [];
      const all = byCell.get(cellId(service, layer)) ?? [];
      const shown = all.slice(0, Math.max(0, Math.min(STATIC_PER_CELL, budget)));
      budget -= shown.length;
      const byCheck = new Map<string, Finding[]>();
      for (const f of shown) byCheck.set(f.checkId, [...(byCheck.get(f.checkId) ?? []), f]);
      return [{ service, layer, counts, all, shown, byCheck: [...byCheck.entries()] }];
    }),
  );
  return (
    <div class="static">
      <p class="note">
        The script is off, so this is the short list: the findings that are not passing, by service and layer, at most {STATIC_PER_CELL} a
        cell and {count(STATIC_TOTAL)} in all. Filters and every finding need the script (or read the JSON report).
      </p>
      {groups.map((g) => (
        <div class="group">
          <h3 id={cellId(g.service, g.layer)}>
            {g.service} · {LAYER_TITLES[g.layer]} <span class="counts">{g.counts}</span>
          </h3>
          {g.byCheck.map(([id, findings]) => (
            <StaticCheck check={checks.get(id)} findings={findings} />
          ))}
          {g.all.length > g.shown.length ? (
            <p class="more">and {plural(g.all.length - g.shown.length, "more finding")} not passing here</p>
          ) : null}
        </div>
      ))}
    </div>
  );
}

interface Option {
  value: string;
  label: string;
  n: number;
}

const tally = (values: Iterable<string>): Map<string, number> => {
  const m = new Map<string, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return m;
};

function Select({ name, label, all, options }: { name: string; label: string; all: string; options: Option[] }) {
  return (
    <label>
      <span>{label}</span>
      <select name={name} id={`flt-${name}`}>
        <option value="">{all}</option>
        {options.map((o) => (
          <option value={o.value}>
            {o.label} ({count(o.n)})
          </option>
        ))}
      </select>
    </label>
  );
}

function Filters({ report }: { report: Report }) {
  const { findings } = report;
  const opts = (values: Map<string, number>, order: readonly string[] = [...values.keys()].sort(), title = (v: string) => v): Option[] =>
    order.filter((v) => values.has(v)).map((v) => ({ value: v, label: title(v), n: values.get(v)! }));
  const checkTitles = new Map(report.checks.map((c) => [c.id, c.id]));
  return (
    <form id="filters" class="filters" hidden role="search" aria-label="filter findings">
      <Select
        name="layer"
        label="layer"
        all="all layers"
        options={opts(tally(findings.map((f) => f.responsibility.layer)), LAYERS, (l) => l)}
      />
      <Select name="severity" label="severity" all="all severities" options={opts(tally(findings.map((f) => f.severity)), SEVERITIES)} />
      <Select name="status" label="status" all="all statuses" options={opts(tally(findings.map((f) => f.status)), STATUS_ORDER)} />
      <Select
        name="service"
        label="service"
        all="all services"
        options={opts(tally(findings.map((f) => f.service)), report.scan.services)}
      />
      <Select name="account" label="account" all="all accounts" options={opts(tally(findings.map((f) => f.accountId)))} />
      <Select name="region" label="region" all="all regions" options={opts(tally(findings.map((f) => f.region)))} />
      <Select
        name="check"
        label="check"
        all="all checks"
        options={opts(tally(findings.map((f) => f.checkId)), undefined, (id) => checkTitles.get(id) ?? id)}
      />
      <label class="q">
        <span>text</span>
        <input type="search" name="q" id="flt-q" placeholder="resource, ARN, message, tag…" autocomplete="off" />
      </label>
      <input type="hidden" name="fix" id="flt-fix" value="" />
      <button type="reset">clear</button>
    </form>
  );
}

function Findings({ report, ordered }: { report: Report; ordered: readonly Finding[] }) {
  const checks = new Map(report.checks.map((c) => [c.id, c]));
  return (
    <Section id="findings" title={`Findings (${count(report.findings.length)})`}>
      <Filters report={report} />
      <p id="shown" class="shown" aria-live="polite" hidden />
      <ol id="rows" class="rows" />
      <p id="more-wrap" hidden>
        <button type="button" id="more">
          show more
        </button>
      </p>
      <noscript>
        <StaticFindings ordered={ordered} report={report} checks={checks} />
      </noscript>
    </Section>
  );
}

// ---- the page ------------------------------------------------------------------------------------

function Top({ report }: { report: Report }) {
  const { scan } = report;
  const accounts = scan.accounts.length === 1 ? `account ${scan.accounts[0]}` : plural(scan.accounts.length, "account");
  return (
    <header class="top">
      <h1>
        yourside <span>your side of the AWS shared responsibility model</span>
      </h1>
      <p>
        {accounts} · {plural(scan.regions.length, "region")} · {plural(scan.services.length, "service")} · {utc(scan.finishedAt)}
      </p>
      <nav aria-label="sections">
        <a href="#completeness">completeness</a> <a href="#matrix">matrix</a> <a href="#fix">fix first</a>{" "}
        <a href="#compliance">compliance</a> <a href="#scope">scope</a> <a href="#findings">findings</a>
      </nav>
    </header>
  );
}

const Body = ({ report, ordered }: { report: Report; ordered: readonly Finding[] }): JSX.Element => (
  <>
    <Top report={report} />
    <main>
      <Completeness report={report} />
      <Matrix matrix={report.responsibilityMatrix} />
      <FixList report={report} />
      <Compliance report={report} />
      <Scope report={report} />
      <Findings report={report} ordered={ordered} />
    </main>
  </>
);

export const pageTitle = (report: Report): string =>
  `yourside report: ${report.scan.accounts.join(", ") || "no account"}, ${utc(report.scan.finishedAt)}`;

/** The page, in pieces: head and the rendered body, then the findings' data, then the script. */
export function* renderHtml(report: Report): Generator<string> {
  const { css, script, csp } = pageAssets();
  const ordered = pageOrder(report.findings);
  const head = renderToString(
    <>
      <meta charSet="utf-8" />
      <meta httpEquiv="Content-Security-Policy" content={csp} />
      <meta name="referrer" content="no-referrer" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta name="generator" content={`yourside ${report.tool.version}`} />
      <title>{pageTitle(report)}</title>
    </>,
  );
  // The stylesheet and script are this package's own files (checked above to hold no end tag); everything else is escaped.
  yield `<!doctype html>\n<html lang="en">\n<head>\n${head}\n<style>${css}</style>\n</head>\n<body>\n`;
  yield renderToString(<Body report={report} ordered={ordered} />);
  const { tables, rows } = pageData(report, ordered, FIX_SHOWN);
  yield '\n<script type="application/json" id="ys-data">';
  yield* dataPieces(tables, rows);
  yield `</script>\n<script>${script}</script>\n</body>\n</html>\n`;
}

export const htmlRenderer: Renderer = {
  format: "html",
  extension: "html",
  description: "one self-contained page for people: completeness, responsibility matrix, filterable findings; fetches nothing",
  render: renderHtml,
};
