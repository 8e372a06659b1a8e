/**
 * Comparing a scan with the report of an earlier one (`--baseline`): which failing findings are new,
 * which are unchanged (and since when), and which of the earlier failures are resolved.
 */
import { UsageError } from "./errors.js";
import type { Layer } from "./responsibility.js";
import type { Finding, ResourceRef, Severity } from "./results.js";
import { readJsonInput } from "./text-file.js";
import { heapGuard } from "./memory.js";

/** What the comparison keeps of an earlier finding. */
export interface BaselineEntry {
  id: string;
  checkId: string;
  region: string;
  resource: ResourceRef;
  severity: Severity;
  layer: Layer;
  status: Finding["status"];
  firstSeen?: string;
}

export interface Baseline {
  scanId: string;
  startedAt: string;
  finishedAt: string;
  accounts: string[];
  findings: Map<string, BaselineEntry>;
}

/** An earlier failure as the report lists it. */
export type BaselineFailure = Pick<BaselineEntry, "id" | "checkId" | "resource" | "severity" | "layer">;

/** What the report says of the baseline. */
export interface BaselineSummary {
  scanId: string;
  finishedAt: string;
  /** Failing then, not now: passing, or the resource is gone. */
  resolved: BaselineFailure[];
  /** Failing then and ERROR now: neither new nor resolved, since this scan could not tell. */
  unassessed: BaselineFailure[];
}

/** Reports are read in chunks (never as one string): the cap only guards against the wrong file. */
const MAX_BASELINE_BYTES = 4096 * 1024 * 1024;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

const isFindingPath = (at: readonly (string | number)[]): boolean => at.length === 2 && at[0] === "findings";

/** What loadBaseline reads of a finding (evidence and message are left behind as soon as it is read). */
function kept(f: unknown): unknown {
  if (!isRecord(f)) return f;
  const keep: Record<string, unknown> = {};
  for (const key of ["id", "checkId", "region", "resource", "severity", "layer", "responsibility", "status", "firstSeen"]) {
    if (key in f) keep[key] = f[key];
  }
  return keep;
}

/** Reads a yourside JSON report as a baseline, refusing anything else with one line. */
export function loadBaseline(path: string): Baseline {
  let data: unknown;
  try {
    // A large report's findings are read one at a time, each cut down to what the comparison keeps.
    data = readJsonInput(path, "baseline", MAX_BASELINE_BYTES, { member: (at, value) => (isFindingPath(at) ? kept(value) : value) });
  } catch (err) {
    if (err instanceof UsageError && err.message.startsWith(`${path} is not valid JSON`)) throw new UsageError(`--baseline ${err.message}`);
    throw err;
  }
  const notReport = (why: string) => new UsageError(`--baseline ${path} is not a yourside JSON report (${why})`);
  if (!isRecord(data) || !isRecord(data.tool) || data.tool.name !== "yourside") throw notReport('no tool.name "yourside"');
  const scan = data.scan;
  if (!isRecord(scan) || typeof scan.id !== "string" || typeof scan.finishedAt !== "string" || !Array.isArray(scan.accounts)) {
    throw notReport("no scan id, finish time and accounts");
  }
  if (!Array.isArray(data.findings)) throw notReport("no findings");
  const findings = new Map<string, BaselineEntry>();
  for (const f of data.findings as unknown[]) {
    // Reports of schema 2.0 carry the layer on the finding; 1.0 in its responsibility.
    const layer = isRecord(f)
      ? typeof f.layer === "string"
        ? f.layer
        : isRecord(f.responsibility)
          ? f.responsibility.layer
          : undefined
      : undefined;
    if (!isRecord(f) || typeof f.id !== "string" || typeof f.status !== "string" || !isRecord(f.resource) || typeof layer !== "string") {
      throw notReport("a finding without id, status, resource or layer");
    }
    findings.set(f.id, {
      id: f.id,
      checkId: String(f.checkId),
      region: String(f.region),
      resource: f.resource as unknown as ResourceRef,
      severity: f.severity as Severity,
      layer: layer as Layer,
      status: f.status as Finding["status"],
      ...(typeof f.firstSeen === "string" ? { firstSeen: f.firstSeen } : {}),
    });
  }
  return {
    scanId: scan.id,
    startedAt: typeof scan.startedAt === "string" ? scan.startedAt : scan.finishedAt,
    finishedAt: scan.finishedAt,
    accounts: (scan.accounts as unknown[]).map(String),
    findings,
  };
}

/** A baseline of other accounts than the scan's is a mistake in the command line, not a comparison. */
export function checkBaselineAccounts(baseline: Baseline, accounts: readonly string[], path: string): void {
  const others = accounts.filter((a) => !baseline.accounts.includes(a));
  if (others.length > 0) {
    throw new UsageError(
      `--baseline ${path} is a report of account(s) ${baseline.accounts.join(", ") || "(none)"}, not of ${others.join(", ")}: compare a scan with an earlier scan of the same account`,
    );
  }
}

const failing = (status: Finding["status"]): boolean => status === "FAIL";
const summaryOf = (e: BaselineEntry): BaselineFailure => ({
  id: e.id,
  checkId: e.checkId,
  resource: e.resource,
  severity: e.severity,
  layer: e.layer,
});

/**
 * Marks each FAIL and MUTED finding `new` or `unchanged` by id and carries `firstSeen` forward (a
 * finding failing for the first time was first seen when this scan started); lists the earlier
 * failures that are resolved, and those this scan could not assess (ERROR now).
 */
export interface ComparisonScope {
  /** The checks this scan ran: an earlier finding of another check is out of scope, not resolved. */
  checkIds: ReadonlySet<string>;
  /** The regions this scan covered (plus global): an earlier finding elsewhere is out of scope too. */
  regions: ReadonlySet<string>;
}

export function compareWithBaseline(
  findings: readonly Finding[],
  baseline: Baseline | undefined,
  startedAt: string,
  scope: ComparisonScope,
): { findings: Finding[]; summary?: BaselineSummary } {
  const marked = findings.map((f): Finding => {
    heapGuard.tick();
    if (f.status !== "FAIL" && f.status !== "MUTED") return f;
    const before = baseline?.findings.get(f.id);
    const seenBefore = before !== undefined && (before.status === "FAIL" || before.status === "MUTED");
    // Object.assign, not an object spread: V8 gives each object a spread makes from many shapes its own
    // hidden class (~500 bytes a finding, hundreds of MB in a large account).
    const marked: Finding = Object.assign({}, f);
    if (baseline) marked.change = seenBefore ? "unchanged" : "new";
    marked.firstSeen = seenBefore ? (before.firstSeen ?? baseline?.startedAt ?? startedAt) : startedAt;
    return marked;
  });
  if (!baseline) return { findings: marked };
  const now = new Map(findings.map((f) => [f.id, f]));
  const resolved: BaselineFailure[] = [];
  const unassessed: BaselineFailure[] = [];
  const inScope = (e: BaselineEntry): boolean =>
    scope.checkIds.has(e.checkId) && (scope.regions.has(e.region) || e.region === "global" || e.region === "unknown");
  for (const before of baseline.findings.values()) {
    if (!failing(before.status) || !inScope(before)) continue;
    const current = now.get(before.id);
    if (!current || current.status === "PASS") resolved.push(summaryOf(before));
    else if (current.status === "ERROR") unassessed.push(summaryOf(before));
  }
  return { findings: marked, summary: { scanId: baseline.scanId, finishedAt: baseline.finishedAt, resolved, unassessed } };
}
