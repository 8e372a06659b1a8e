/**
 * `yourside merge`: the JSON reports of shards (`--shard K/N`) combined into the one report an unsharded
 * scan would have written. Refuses reports of different tool or schema versions, different check
 * selections, overlapping accounts, or comparisons with different baselines.
 */
import { randomUUID } from "node:crypto";
import type { JsonFinding, JsonReport } from "../../reports/json.js";
import { validateReport } from "../../reports/schema/validate.js";
import type { BaselineFailure } from "../baseline.js";
import { EXIT, UsageError } from "../errors.js";
import { buildMatrix } from "../matrix.js";
import type { AccountScan } from "../organization-report.js";
import { writeFileAtomic } from "../output.js";
import { incompleteUnaccepted, type Report } from "../report.js";
import { atLeast, type Finding, type Severity, type Summary } from "../results.js";
import { sumStats } from "../scan-organization.js";
import { CHECKS } from "../services/index.js";
import { readTextFile } from "../text-file.js";

const MAX_REPORT_BYTES = 512 * 1024 * 1024;

function loadReport(path: string): JsonReport {
  const text = readTextFile(path, "report", MAX_REPORT_BYTES);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new UsageError(`merge: ${path} is not valid JSON: ${(err as Error).message}`);
  }
  const result = validateReport(data);
  if (!result.valid) throw new UsageError(`merge: ${path} is not a yourside JSON report: ${result.errors[0] ?? "invalid"}`);
  return data as JsonReport;
}

function summaryOf(findings: readonly JsonFinding[]): Summary {
  const summary: Summary = { byStatus: {}, bySeverity: {}, byLayer: {}, failingBySeverity: {} };
  const bump = <K extends string>(counts: Partial<Record<K, number>>, key: K) => {
    counts[key] = (counts[key] ?? 0) + 1;
  };
  for (const f of findings) {
    bump(summary.byStatus, f.status);
    bump(summary.bySeverity, f.severity);
    bump(summary.byLayer, f.layer);
    if (f.status === "FAIL") bump(summary.failingBySeverity, f.severity);
  }
  return summary;
}

/** What a single-account report says of its account, for merging it with organization shards. */
const accountScanOf = (r: JsonReport): AccountScan[] =>
  r.scan.accountScans ??
  r.scan.accounts.map((accountId) => ({
    accountId,
    status: r.scan.complete ? "scanned" : "partial",
    errors: r.scan.errors.length,
    summary: r.summary,
    responsibilityMatrix: r.responsibilityMatrix,
  }));

export function mergeReports(reports: readonly { path: string; report: JsonReport }[]): JsonReport {
  if (reports.length === 0) throw new UsageError("merge: no reports given");
  const [first] = reports;
  const base = first!.report;
  const owner = new Map<string, string>();
  for (const { path, report } of reports) {
    if (report.tool.version !== base.tool.version || report.schemaVersion !== base.schemaVersion)
      throw new UsageError(
        `merge: ${path} is from yourside ${report.tool.version} (schema ${report.schemaVersion}), ${first!.path} from ${base.tool.version} (schema ${base.schemaVersion}): merge reports of one version`,
      );
    const ids = report.checks.map((c) => c.id).join(",");
    if (ids !== base.checks.map((c) => c.id).join(","))
      throw new UsageError(`merge: ${path} ran other checks than ${first!.path}: merge shards of one scan command`);
    for (const account of report.scan.accounts) {
      const other = owner.get(account);
      if (other !== undefined) throw new UsageError(`merge: account ${account} is in both ${other} and ${path}: shards must not overlap`);
      owner.set(account, path);
    }
    if ((report.baseline?.scanId ?? null) !== (base.baseline?.scanId ?? null))
      throw new UsageError(`merge: ${path} and ${first!.path} were compared with different baselines`);
  }
  const accounts = [...owner.keys()].sort();
  const order = new Map(accounts.map((a, i) => [a, i]));
  const rank = (accountId: string | undefined) => order.get(accountId ?? "") ?? accounts.length;
  const byAccount = <T>(items: T[], key: (t: T) => string | undefined): T[] =>
    items
      .map((t, i) => ({ t, i }))
      .sort((a, b) => rank(key(a.t)) - rank(key(b.t)) || a.i - b.i)
      .map(({ t }) => t);
  const all = reports.map((r) => r.report);
  const findings = byAccount(
    all.flatMap((r) => r.findings),
    (f) => f.accountId,
  );
  const services = base.scan.services;
  const checks = CHECKS.filter((c) => base.checks.some((i) => i.id === c.id));
  const asFindings = findings.map((f) => ({ ...f, responsibility: { layer: f.layer } }) as unknown as Finding);
  const unique = <T>(items: T[], key: (t: T) => string): T[] => [...new Map(items.map((t) => [key(t), t])).values()];
  const merged: JsonReport = {
    ...base,
    scan: {
      id: randomUUID(),
      startedAt: all.map((r) => r.scan.startedAt).sort()[0]!,
      finishedAt: all
        .map((r) => r.scan.finishedAt)
        .sort()
        .at(-1)!,
      accounts,
      accountScans: byAccount(all.flatMap(accountScanOf), (a) => a.accountId),
      regions: [...new Set(all.flatMap((r) => r.scan.regions))].sort(),
      services,
      complete: all.every((r) => r.scan.complete),
      errors: byAccount(
        all.flatMap((r) => r.scan.errors),
        (e) => e.accountId,
      ),
      stats: sumStats(all.map((r) => r.scan.stats)),
      source: `merge:${reports.map((r) => r.path).join(",")}`,
    },
    findings,
    summary: summaryOf(findings),
    responsibilityMatrix: buildMatrix(services, checks, asFindings),
    mutelist: {
      entries: Math.max(...all.map((r) => r.mutelist.entries)),
      expired: unique(
        all.flatMap((r) => r.mutelist.expired),
        (m) => JSON.stringify(m),
      ),
    },
  };
  if (base.baseline) {
    // Each shard took the other shards' accounts' failures for resolved: resolved is what no shard still finds failing.
    const now = new Map(findings.map((f) => [f.id, f.status]));
    const resolved = unique(
      all.flatMap((r) => r.baseline?.resolved ?? []),
      (b: BaselineFailure) => b.id,
    ).filter((b) => now.get(b.id) === undefined || now.get(b.id) === "PASS");
    const unassessed = unique(
      all.flatMap((r) => r.baseline?.unassessed ?? []),
      (b: BaselineFailure) => b.id,
    );
    merged.baseline = { ...base.baseline, resolved, unassessed };
  }
  return merged;
}

/** The report as the JSON renderer lays it out: one finding per line. */
function* mergedText(report: JsonReport): Generator<string> {
  const skeleton = JSON.stringify({ ...report, findings: 0 }, null, 2);
  const marker = '\n  "findings": 0';
  const at = skeleton.indexOf(marker);
  const head = skeleton.slice(0, at + marker.length - 1);
  const tail = skeleton.slice(at + marker.length);
  const { findings } = report;
  if (findings.length === 0) {
    yield `${head}[]${tail}\n`;
    return;
  }
  yield `${head}[\n`;
  for (let i = 0; i < findings.length; i++) yield `    ${JSON.stringify(findings[i])}${i < findings.length - 1 ? "," : ""}\n`;
  yield `  ]${tail}\n`;
}

export function runMerge(paths: readonly string[], output: string, failOn: Severity | "none"): number {
  const merged = mergeReports(paths.map((path) => ({ path, report: loadReport(path) })));
  const problem = validateReport(merged);
  if (!problem.valid) throw new Error(`merged report does not match the schema: ${problem.errors[0]}`);
  if (output === "-") for (const piece of mergedText(merged)) process.stdout.write(piece);
  else {
    try {
      writeFileAtomic(output, mergedText(merged));
    } catch (err) {
      throw new UsageError(`cannot write report ${output}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
  }
  const asReport = merged as unknown as Report;
  if (incompleteUnaccepted(asReport)) return EXIT.incomplete;
  return merged.findings.some((f) => f.status === "FAIL" && failOn !== "none" && atLeast(f.severity, failOn)) ? EXIT.failing : EXIT.ok;
}
