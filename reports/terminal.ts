/**
 * The short human summary printed after a scan: scope, the top of the fix list with its commands,
 * counts, the errors. Plain text; ANSI colour only when asked for.
 */
import type { CallError } from "../src/inventory/index.js";
import { LAYERS } from "../src/responsibility.js";
import { firstK, SEVERITIES, worstFirst, type Finding, type Severity, type Status } from "../src/results.js";
import { incompleteUnaccepted, type Report } from "../src/report.js";
import { oneLine } from "../src/one-line.js";
import { clip } from "../src/wording.js";

export interface SummaryOptions {
  color: boolean;
  /** How many fixes (and new or resolved findings) to list (default 10). */
  top?: number;
  /** Line width the finding and error lines are fitted to (default 120). */
  width?: number;
}

const DEFAULT_TOP = 10;
const DEFAULT_WIDTH = 120;
const MAX_ERROR_GROUPS = 10;

type Style = "bold" | "dim" | "red" | "yellow" | "blue" | "green" | "magenta";
const ANSI: Record<Style, [number, number]> = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  blue: [34, 39],
  magenta: [35, 39],
};

/** Four-character severity labels keep the finding lines aligned and leave room for the message. */
const SEVERITY_LABEL: Record<Severity, string> = {
  critical: "CRIT",
  high: "HIGH",
  medium: "MED ",
  low: "LOW ",
  informational: "INFO",
};

const SEVERITY_STYLE: Record<Severity, Style[]> = {
  critical: ["bold", "magenta"],
  high: ["bold", "red"],
  medium: ["yellow"],
  low: ["blue"],
  informational: ["dim"],
};

/** Statuses in the order a reader wants them: what is wrong first. */
const STATUS_ORDER: readonly Status[] = ["FAIL", "ERROR", "MUTED", "PASS"];

const STATUS_STYLE: Record<Status, Style[]> = {
  FAIL: ["bold", "red"],
  ERROR: ["bold", "yellow"],
  PASS: ["green"],
  MUTED: ["dim"],
};

/** Collapses whitespace so one finding stays on one line. */

const plural = (n: number, word: string, many = `${word}s`): string => `${n} ${n === 1 ? word : many}`;

export function renderSummary(report: Report, options: SummaryOptions): string {
  const paint = (text: string, styles: readonly Style[]): string =>
    options.color && styles.length > 0 ? styles.reduce((t, s) => `\u001b[${ANSI[s][0]}m${t}\u001b[${ANSI[s][1]}m`, text) : text;
  const top = Math.max(0, options.top ?? DEFAULT_TOP);
  const width = Math.max(60, options.width ?? DEFAULT_WIDTH);
  const { scan, findings } = report;
  // Only the worst few new ones are listed: they are picked, not the whole list sorted (a large account fails 300,000 times).
  const failing = findings.filter((f) => f.status === "FAIL");
  const errorFindings = findings.filter((f) => f.status === "ERROR");
  const lines: string[] = [];

  // Scope.
  const accounts = scan.accounts.length === 1 ? `account ${scan.accounts[0]}` : `accounts ${scan.accounts.join(", ")}`;
  const regions = `${plural(scan.regions.length, "region")} (${scan.regions.join(", ")})`;
  lines.push(
    `${paint(`${report.tool.name} ${report.tool.version}`, ["bold"])}: ${accounts}, ${regions}` +
      (scan.source === "live" ? "" : `, from ${scan.source}`),
  );
  const problems = scan.errors.length + errorFindings.length;
  const acceptedErrors = findings.filter((f) => f.muted?.of === "ERROR").length;
  lines.push(
    scan.complete && errorFindings.length === 0
      ? `Scan ${paint("complete", ["green"])}.`
      : !incompleteUnaccepted(report)
        ? `Scan incomplete, every gap accepted by the mutelist: ${plural(scan.errors.length, "failed call")}, ${plural(acceptedErrors, "muted ERROR result")}.`
        : `Scan ${paint("INCOMPLETE", ["bold", "red"])}: ${plural(scan.errors.length, "failed call")}, ${plural(errorFindings.length, "result")} not evaluated (ERROR)` +
          (problems === 0 ? " (some data could not be read)" : "") +
          ".",
  );

  // The fix list leads: what to change first, with the commands to change it.
  const fixes = report.backlog.slice(0, top);
  if (fixes.length > 0) {
    const closing = report.backlog.reduce((n, item) => n + item.findings.length, 0);
    lines.push(
      "",
      paint(
        `Fix first (${fixes.length} of ${plural(report.backlog.length, "fix", "fixes")} closing ${plural(closing, "failing finding")}):`,
        ["bold"],
      ),
    );
    const rankWidth = String(fixes.length).length;
    for (const item of fixes) {
      const risk = [item.exposure, item.blastRadius].filter(Boolean).join(", ");
      const closes = item.findings.length > 1 ? ` — closes ${item.findings.length} findings` : "";
      const head = `${String(item.rank).padStart(rankWidth)}. ${SEVERITY_LABEL[item.severity]}  `;
      lines.push(
        `  ${String(item.rank).padStart(rankWidth)}. ${paint(SEVERITY_LABEL[item.severity], SEVERITY_STYLE[item.severity])}  ` +
          clip(`${oneLine(item.title)}${risk ? ` [${risk}]` : ""}${closes}`, width - 2 - head.length),
      );
      // Commands in full: they are to be copied, and the terminal wraps them.
      for (const command of item.commands) lines.push(`  ${" ".repeat(rankWidth + 2)}${paint("$", ["dim"])} ${oneLine(command)}`);
    }
    if (report.backlog.length > fixes.length) {
      lines.push(`  … and ${plural(report.backlog.length - fixes.length, "more fix", "more fixes")} in the report (backlog).`);
    }
    lines.push("");
  }

  // What changed since the baseline: what a scheduled scan's reader came for.
  if (report.baseline) {
    const b = report.baseline;
    const fresh = failing.filter((f) => f.change === "new");
    const freshShown = firstK(fresh, top, worstFirst);
    const unchanged = failing.filter((f) => f.change === "unchanged").length;
    lines.push(
      paint(`Since the baseline (scan ${b.scanId}, finished ${b.finishedAt}):`, ["bold"]) +
        ` ${paint(`${fresh.length} new`, fresh.length ? ["bold", "red"] : ["green"])} · ${b.resolved.length} resolved · ${unchanged} unchanged` +
        (b.unassessed.length ? ` · ${b.unassessed.length} could not be assessed (ERROR now)` : ""),
    );
    for (const f of freshShown) {
      lines.push(
        `  ${paint("NEW", ["bold", "red"])} ${paint(SEVERITY_LABEL[f.severity], SEVERITY_STYLE[f.severity])}  ${clip(`${f.checkId}  ${oneLine(f.resource.id)} (${f.region})  ${oneLine(f.message)}`, width - 12)}`,
      );
    }
    if (fresh.length > top) lines.push(`  … and ${plural(fresh.length - top, "more new finding")} in the report.`);
    for (const r of b.resolved.slice(0, top)) {
      lines.push(`  ${paint("RESOLVED", ["green"])}  ${clip(`${r.checkId}  ${oneLine(r.resource.id)} (was ${r.severity})`, width - 12)}`);
    }
    if (b.resolved.length > top) lines.push(`  … and ${plural(b.resolved.length - top, "more resolved finding")} in the report.`);
    lines.push("");
  }
  if (report.mutelist.expired.length > 0) {
    lines.push(
      paint(
        `Mutelist: ${report.mutelist.expired.length} expired ${report.mutelist.expired.length === 1 ? "entry no longer mutes" : "entries no longer mute"}`,
        ["bold", "yellow"],
      ) +
        `: ${report.mutelist.expired
          .slice(0, 5)
          .map((m) => `${m.checkId} ${m.resource} (${m.expires})`)
          .join(", ")}${report.mutelist.expired.length > 5 ? ", …" : ""}.`,
    );
  }

  // Counts.
  const byStatus = STATUS_ORDER.map((s) => `${paint(s, STATUS_STYLE[s])} ${report.summary.byStatus[s] ?? 0}`);
  lines.push(`Results: ${findings.length} — ${byStatus.join(" · ")}`);
  if (failing.length > 0) {
    const { failingBySeverity, failingByLayer } = report.summary;
    const bySeverity = SEVERITIES.filter((s) => failingBySeverity[s] > 0).map(
      (s) => `${paint(s, SEVERITY_STYLE[s])} ${failingBySeverity[s]}`,
    );
    const byLayer = LAYERS.filter((l) => failingByLayer[l] > 0).map((l) => `${l} ${failingByLayer[l]}`);
    lines.push(`Failing by severity: ${bySeverity.join(" · ")}`);
    lines.push(`Failing by layer:    ${byLayer.join(" · ")}`);
  } else {
    lines.push("Failing: none.");
  }

  // Errors, grouped by failed operation and code.
  const groups = groupErrors(scan.errors, errorFindings);
  if (groups.length > 0) {
    lines.push("", paint("Errors:", ["bold", "yellow"]));
    for (const g of groups.slice(0, MAX_ERROR_GROUPS)) {
      const counts = [
        g.calls > 0 ? plural(g.calls, "failed call") : "",
        g.results > 0 ? `${plural(g.results, "result")} not evaluated` : "",
      ].filter(Boolean);
      const where = g.regions.length > 0 ? ` (${g.regions.join(", ")})` : "";
      const text = clip(
        `${g.code} on ${g.operation} — ${counts.join(", ")}${where}${g.message ? `: ${oneLine(g.message)}` : ""}`,
        width - 2,
      );
      lines.push(`  ${paint(g.code, ["yellow"])}${text.slice(g.code.length)}`);
    }
    if (groups.length > MAX_ERROR_GROUPS)
      lines.push(`  … and ${plural(groups.length - MAX_ERROR_GROUPS, "more kind")} of error in the report.`);
  }
  return `${lines.join("\n")}\n`;
}

interface ErrorGroup {
  operation: string;
  code: string;
  calls: number;
  results: number;
  regions: string[];
  message: string;
}

/** Failed calls and unevaluated results, grouped by `service:Operation` + error code, most frequent first. */
function groupErrors(calls: readonly CallError[], errorFindings: readonly Finding[]): ErrorGroup[] {
  const groups = new Map<string, ErrorGroup>();
  const add = (e: CallError | undefined, fallbackOperation: string, kind: "calls" | "results"): void => {
    const operation = e ? `${e.service}:${e.operation}` : fallbackOperation;
    const code = e?.code ?? "Unknown";
    const key = `${operation}|${code}`;
    const g = groups.get(key) ?? { operation, code, calls: 0, results: 0, regions: [], message: e?.message ?? "" };
    g[kind] += 1;
    if (e && !g.regions.includes(e.region)) g.regions.push(e.region);
    groups.set(key, g);
  };
  for (const e of calls) add(e, "unknown", "calls");
  for (const f of errorFindings) add(f.error, `${f.service}:${f.checkId}`, "results");
  return [...groups.values()].sort(
    (a, b) => b.calls + b.results - (a.calls + a.results) || a.operation.localeCompare(b.operation) || a.code.localeCompare(b.code),
  );
}
