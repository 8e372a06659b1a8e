/**
 * `yourside merge`: the JSON reports of shards (`--shard K/N`) combined into the one report an unsharded
 * scan would have written. Refuses reports of different tool or schema versions, different check
 * selections, overlapping accounts, or comparisons with different baselines.
 */
import { randomUUID } from "node:crypto";
import { jsonFinding, renderJson, type JsonFinding, type JsonReport } from "../../reports/json.js";
import { validateReport } from "../../reports/schema/validate.js";
import type { BaselineFailure } from "../baseline.js";
import { EXIT, UsageError } from "../errors.js";
import { buildBacklog } from "../backlog.js";
import type { Check } from "../check.js";
import { summarize } from "../engine.js";
import { resultState } from "../matrix.js";
import { responsibilityFor, type Layer } from "../responsibility.js";
import type { AccountScan } from "../organization-report.js";
import { writeFileAtomic } from "../output.js";
import {
  incompleteUnaccepted,
  REQUIREMENT_STATUSES,
  type ComplianceSummary,
  type Report,
  type ResponsibilityMatrix,
  type ResultState,
} from "../report.js";
import { atLeast, zeroCounts, type CountsBy, type Finding, type Severity, type Status } from "../results.js";
import { sumStats } from "../scan-organization.js";
import { CHECKS, serviceById } from "../services/index.js";
import { readJsonInput } from "../text-file.js";

/** Reports are read in chunks (never as one string): the cap only guards against the wrong file. */
const MAX_REPORT_BYTES = 4096 * 1024 * 1024;

function loadReport(path: string): JsonReport {
  let data: unknown;
  try {
    data = readJsonInput(path, "report", MAX_REPORT_BYTES);
  } catch (err) {
    if (err instanceof UsageError) throw new UsageError(`merge: ${err.message}`);
    throw err;
  }
  const result = validateReport(data);
  if (!result.valid) throw new UsageError(`merge: ${path} is not a yourside JSON report: ${result.errors[0] ?? "invalid"}`);
  return data as JsonReport;
}

/** A JSON finding with its check's remediation and compliance joined back (what the fix list reads). */
function asFinding(f: JsonFinding, checks: ReadonlyMap<string, Check>): Finding {
  const { layer, ...rest } = f;
  const check = checks.get(f.checkId);
  if (!check) throw new UsageError(`merge: finding ${f.id} is of check ${f.checkId}, which this yourside does not have`);
  return {
    ...rest,
    responsibility: responsibilityFor(serviceById(check.service).model, layer, check.awsModel),
    remediation: check.remediation,
    compliance: check.compliance,
  };
}

const addCounts = <K extends string>(into: CountsBy<K>, from: CountsBy<K>): void => {
  for (const k of Object.keys(from) as K[]) into[k] = (into[k] ?? 0) + from[k];
};

/**
 * A merged cell's or requirement's state: that of its added-up results; without results, not-selected
 * when any shard left results out, else what the first shard says (every shard has the same
 * catalogue and selection, so the same coverage state).
 */
const mergedState = <S extends string>(results: CountsBy<Status>, shardStates: readonly [S, ...S[]]): S | ResultState | "not-selected" =>
  resultState(results) ?? (shardStates.some((s) => s === "not-selected") ? "not-selected" : shardStates[0]);

/**
 * Shards' matrices as one: results and left-out counts add up; a cell's state is its results' state,
 * else not-selected when any shard left results out, else what every shard says (catalogue and
 * selection are the same in all of them). What one scan of every account would have computed.
 */
export function mergeMatrices(matrices: readonly ResponsibilityMatrix[]): ResponsibilityMatrix {
  const merged = structuredClone(matrices[0]!);
  for (const [service, entry] of Object.entries(merged.services)) {
    for (const [layer, cell] of Object.entries(entry.cells)) {
      if (cell.owner !== "customer") continue;
      const shards = matrices.slice(1).map((m) => (m.services as Record<string, typeof entry>)[service]!.cells[layer as Layer]);
      for (const other of shards) {
        addCounts(cell.results, other.results);
        cell.leftOut += other.leftOut;
      }
      cell.state = mergedState(cell.results, [cell.state, ...shards.map((c) => c.state)]);
    }
  }
  return merged;
}

/** Shards' compliance summaries as one, by the same rule as the matrix. */
export function mergeCompliance(summaries: readonly ComplianceSummary[][]): ComplianceSummary[] {
  const merged = structuredClone(summaries[0]!);
  for (const [i, framework] of merged.entries()) {
    framework.counts = zeroCounts(REQUIREMENT_STATUSES);
    for (const [j, req] of framework.requirements.entries()) {
      const shards = summaries.slice(1).map((s) => s[i]!.requirements[j]!);
      for (const other of shards) addCounts(req.results, other.results);
      req.status = mergedState(req.results, [req.status, ...shards.map((r) => r.status)]);
      framework.counts[req.status] += 1;
    }
  }
  return merged;
}

/** Refuses shards whose check catalogue, selection or settings differ: they are not parts of one scan. */
function sameScan(path: string, report: JsonReport, firstPath: string, base: JsonReport): void {
  const differs = (what: string, a: unknown, b: unknown) => {
    if (JSON.stringify(a) !== JSON.stringify(b))
      throw new UsageError(`merge: ${path} ${what} than ${firstPath}: merge shards of one scan command`);
  };
  differs(
    "ran other checks",
    report.checks.map((c) => c.id),
    base.checks.map((c) => c.id),
  );
  differs("was run with another selection", report.scan.selection, base.scan.selection);
  differs("was run with other settings", report.scan.settings, base.scan.settings);
  differs("was compared with another baseline", report.baseline?.scanId ?? null, base.baseline?.scanId ?? null);
  const frameworks = (r: JsonReport) => r.compliance.map((c) => [c.framework, c.requirements.map((q) => q.id)]);
  differs("summarises other compliance requirements", frameworks(report), frameworks(base));
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

export function mergeReports(reports: readonly { path: string; report: JsonReport }[]): Report {
  if (reports.length === 0) throw new UsageError("merge: no reports given");
  const [first] = reports;
  const base = first!.report;
  const owner = new Map<string, string>();
  for (const { path, report } of reports) {
    if (report.tool.version !== base.tool.version || report.schemaVersion !== base.schemaVersion)
      throw new UsageError(
        `merge: ${path} is from yourside ${report.tool.version} (schema ${report.schemaVersion}), ${first!.path} from ${base.tool.version} (schema ${base.schemaVersion}): merge reports of one version`,
      );
    sameScan(path, report, first!.path, base);
    for (const account of report.scan.accounts) {
      const other = owner.get(account);
      if (other !== undefined) throw new UsageError(`merge: account ${account} is in both ${other} and ${path}: shards must not overlap`);
      owner.set(account, path);
    }
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
  const known = new Map(CHECKS.map((c) => [c.id, c]));
  const checks = base.checks.map((i) => known.get(i.id)).filter((c): c is Check => c !== undefined);
  if (checks.length !== base.checks.length)
    throw new UsageError(`merge: ${first!.path} ran checks this yourside does not have: merge with the version that wrote it`);
  const principals = [...new Set(all.map((r) => r.scan.principal))];
  const asFindings = findings.map((f) => asFinding(f, known));
  const unique = <T>(items: T[], key: (t: T) => string): T[] => [...new Map(items.map((t) => [key(t), t])).values()];
  const merged: Report = {
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
      collectedAt: all.map((r) => r.scan.collectedAt).sort()[0]!,
      // Shards run on different machines may collect as different principals: then none is the report's.
      principal: principals.length === 1 ? principals[0]! : null,
      selection: base.scan.selection,
      settings: base.scan.settings,
    },
    findings: asFindings,
    summary: summarize(asFindings),
    backlog: buildBacklog(asFindings, checks),
    compliance: mergeCompliance(all.map((r) => r.compliance)),
    responsibilityMatrix: mergeMatrices(all.map((r) => r.responsibilityMatrix)),
    mutelist: {
      entries: Math.max(...all.map((r) => r.mutelist.entries)),
      active: unique(
        all.flatMap((r) => r.mutelist.active),
        (m) => JSON.stringify(m),
      ),
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

export function runMerge(paths: readonly string[], output: string, failOn: Severity | "none"): number {
  const merged = mergeReports(paths.map((path) => ({ path, report: loadReport(path) })));
  const problem = validateReport({ ...merged, findings: merged.findings.map(jsonFinding) });
  if (!problem.valid) throw new Error(`merged report does not match the schema: ${problem.errors[0]}`);
  if (output === "-") for (const piece of renderJson(merged)) process.stdout.write(piece);
  else {
    try {
      writeFileAtomic(output, renderJson(merged));
    } catch (err) {
      throw new UsageError(`cannot write report ${output}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
  }
  if (incompleteUnaccepted(merged)) return EXIT.incomplete;
  return merged.findings.some((f) => f.status === "FAIL" && failOn !== "none" && atLeast(f.severity, failOn)) ? EXIT.failing : EXIT.ok;
}
