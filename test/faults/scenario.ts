import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { CHECKS, operationsOf, SLICES } from "../../src/services/index.js";
import type { Check } from "../../src/check.js";
import type { CallError, OperationSpec } from "../../src/inventory/index.js";
import { BOOTSTRAP_OPERATIONS } from "../../src/least-privilege.js";
import type { JsonReport as Report } from "../../reports/json.js";
import type { JsonFinding as Finding } from "../../reports/json.js";
import { runCli, type CliRun } from "../support/cli.js";
import type { MotoServer } from "../support/moto.js";
import { seedDemoAccount } from "../support/demo-account.js";

export const REGIONS = ["us-east-1", "eu-west-1"] as const;

/** The operation names the issue accepts as reads. */
export const READ_OPERATION = /^(Get|List|Describe|Select|BatchGet)[A-Z]|^GenerateCredentialReport$/;

/**
 * The shared sample account (every service's end-to-end scenario: public, private and
 * edge-case resources in two regions). It grows with each service, and so do these tests.
 */
export async function seedEverything(moto: MotoServer): Promise<void> {
  await seedDemoAccount(moto);
}

export interface Scan extends CliRun {
  /** The JSON report, when one was written. */
  report: Report | undefined;
  ms: number;
}

let scanCount = 0;

/** A full scan of every service in both regions through `endpoint` (the fault proxy), written to a fresh file in `dir`. */
export async function scanVia(
  endpoint: string,
  dir: string,
  options: { args?: string[]; env?: NodeJS.ProcessEnv; timeoutMs?: number; regions?: readonly string[] | null } = {},
): Promise<Scan> {
  const out = join(dir, `scan-${++scanCount}.json`);
  const regions = options.regions === null ? [] : ["--regions", (options.regions ?? REGIONS).join(",")];
  const started = Date.now();
  const run = await runCli(
    ["scan", "--endpoint-url", endpoint, ...regions, "--format", "json", "--output", out, ...(options.args ?? [])],
    options.env ?? {},
    {
      timeoutMs: options.timeoutMs ?? 90_000,
    },
  );
  const report = existsSync(out) ? (JSON.parse(readFileSync(out, "utf8")) as Report) : undefined;
  return { ...run, report, ms: Date.now() - started };
}

/** The report of a scan that must have written one. */
export function reportOf(scan: Scan): Report {
  if (!scan.report) throw new Error(`the scan wrote no report (exit ${scan.code})\nstderr: ${scan.stderr}`);
  return scan.report;
}

const errorKey = (e: CallError): string => `${e.service}:${e.operation} ${e.region} ${e.resource ?? ""} ${e.code}`;

/** Failed calls in a stable order: a scan records them as they come, and concurrent calls end in any order. */
export const sortedErrors = (errors: readonly CallError[]): CallError[] =>
  [...errors].sort((a, b) => errorKey(a).localeCompare(errorKey(b)));

/**
 * The failed calls of `faulted` that the clean scan did not have (the same call failing the same way).
 * A clean scan of moto is not free of them: moto 5.2.5 does not implement IAM Access Analyzer and
 * answers every access-analyzer:ListAnalyzers with HTTP 500 (see test/services/accessanalyzer/scenario.ts).
 */
export function newErrors(faulted: Report, clean: Report): CallError[] {
  const before = new Set(clean.scan.errors.map(errorKey));
  return faulted.scan.errors.filter((e) => !before.has(errorKey(e)));
}

/** A finding's verdict, keyed by its stable id. */
export const verdicts = (report: Report): Map<string, Finding> => new Map(report.findings.map((f) => [f.id, f]));

/** "checkId resource region STATUS" lines, sorted: readable diffs when a comparison fails. */
export const verdictLines = (findings: Iterable<Finding>): string[] =>
  [...findings].map((f) => `${f.checkId} ${f.resource.id} ${f.region} ${f.status}`).sort();

/** `service:Operation` keys of every operation a check's slices declare. */
export function operationsOfCheck(check: Check): Set<string> {
  return new Set(operationsOf(check.needs).map((o) => `${o.service}:${o.operation}`));
}

/** Every declared operation, keyed like `scan.stats`. */
export function declaredOperations(): Map<string, OperationSpec> {
  const all = new Map<string, OperationSpec>();
  for (const op of BOOTSTRAP_OPERATIONS) all.set(`${op.service}:${op.operation}`, op);
  for (const spec of SLICES) for (const op of spec.operations) all.set(`${op.service}:${op.operation}`, op);
  return all;
}

export const checksNeeding = (key: string): Check[] => CHECKS.filter((c) => operationsOfCheck(c).has(key));

/**
 * Test environment that shortens retries and timeouts (see AwsSession). The timeout stays well
 * above moto's slowest real answer on a loaded test machine (seen: over 5 s).
 */
export const FAST_FAIL_ENV = { AWS_MAX_ATTEMPTS: "2", YOURSIDE_CALL_TIMEOUT: "15" } as const;

/** Whether some check needs both operations: then denying both at once would blur which one an ERROR is about. */
export const shareACheck = (a: string, b: string): boolean =>
  CHECKS.some((c) => {
    const ops = operationsOfCheck(c);
    return ops.has(a) && ops.has(b);
  });

/**
 * Splits operations into as few groups as possible such that no check needs two operations of
 * one group: a scan that faults a whole group still tells, per check, which operation it lost.
 */
export function independentGroups(keys: readonly string[]): string[][] {
  const degree = (k: string) => keys.filter((o) => o !== k && shareACheck(o, k)).length;
  const ordered = [...keys].sort((a, b) => degree(b) - degree(a) || a.localeCompare(b));
  const groups: string[][] = [];
  for (const key of ordered) {
    const group = groups.find((g) => g.every((o) => !shareACheck(o, key)));
    if (group) group.push(key);
    else groups.push([key]);
  }
  return groups.map((g) => g.sort());
}

/** Runs tasks with at most `limit` at once (scans spawn a CLI each: two keep both cores busy). */
export async function inParallel<T>(limit: number, tasks: readonly (() => Promise<T>)[]): Promise<T[]> {
  const results = new Array<T>(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

const sameResource = (a: Finding, b: Finding) => a.checkId === b.checkId && a.resource.arn === b.resource.arn;

/**
 * What a faulted scan may differ from a clean scan of the same account in, and nothing more:
 * - a check that needs none of the faulted operations reports exactly what it reported clean;
 * - a check that needs some reports, per resource, either its clean verdict or ERROR naming one
 *   of those operations (`service:Operation`) with a code `codeFor` expects for it — never a
 *   PASS or FAIL it did not report clean;
 * - a verdict may move to region "unknown" (its id changes with it) when the read that told its
 *   region failed: the verdict itself is unchanged.
 * Returns the violations, one readable line each (empty: none).
 */
export function faultViolations(
  clean: Report,
  faulted: Report,
  faultedOps: ReadonlySet<string>,
  codeFor: (op: string) => string | readonly string[],
): string[] {
  const codeOk = (op: string, code: string) => {
    const expected = codeFor(op);
    return typeof expected === "string" ? code === expected : expected.includes(code);
  };
  const problems: string[] = [];
  const line = (f: Finding) =>
    `${f.checkId} ${f.resource.id} ${f.region} ${f.status}${f.error ? ` (${f.error.service}:${f.error.operation} ${f.error.code})` : ""}`;
  for (const check of CHECKS) {
    const cleanFindings = clean.findings.filter((f) => f.checkId === check.id);
    const faultedFindings = faulted.findings.filter((f) => f.checkId === check.id);
    const lost = [...operationsOfCheck(check)].filter((op) => faultedOps.has(op));
    if (lost.length === 0) {
      const a = verdictLines(cleanFindings).join("\n");
      const b = verdictLines(faultedFindings).join("\n");
      if (a !== b || cleanFindings.some((f) => !faultedFindings.some((g) => g.id === f.id))) {
        problems.push(
          `${check.id} needs none of the faulted operations but changed:\n  clean:   ${verdictLines(cleanFindings).join("; ")}\n  faulted: ${verdictLines(faultedFindings).join("; ")}`,
        );
      }
      continue;
    }
    const namesLostOp = (f: Finding) =>
      f.status === "ERROR" &&
      f.error !== undefined &&
      lost.includes(`${f.error.service}:${f.error.operation}`) &&
      codeOk(`${f.error.service}:${f.error.operation}`, f.error.code);
    for (const f of faultedFindings) {
      if (f.status === "ERROR") {
        const before = clean.findings.find((c) => c.id === f.id);
        const unchangedError =
          before?.status === "ERROR" && before.error?.code === f.error?.code && before.error?.operation === f.error?.operation;
        if (!namesLostOp(f) && !unchangedError)
          problems.push(`${line(f)}: an ERROR that names none of ${lost.join(", ")} with the expected code`);
        continue;
      }
      const before = cleanFindings.find((c) => sameResource(c, f));
      if (!before || before.status !== f.status) {
        problems.push(`${line(f)}: a verdict the clean scan did not give (clean: ${before ? line(before) : "no such finding"})`);
      } else if (before.id !== f.id && f.region !== "unknown") {
        problems.push(`${line(f)}: moved from region ${before.region}`);
      }
    }
    for (const c of cleanFindings) {
      if (faultedFindings.some((f) => f.id === c.id || (sameResource(f, c) && f.status === c.status))) continue;
      if (!faultedFindings.some(namesLostOp)) problems.push(`${line(c)}: vanished without an ERROR naming ${lost.join(", ")}`);
    }
  }
  return problems;
}

/** ERROR results and failed calls naming `op`, for the closing notes. */
export const errorsNaming = (report: Report, op: string): { findings: number; calls: number } => ({
  findings: report.findings.filter((f) => f.status === "ERROR" && f.error && `${f.error.service}:${f.error.operation}` === op).length,
  calls: report.scan.errors.filter((e) => `${e.service}:${e.operation}` === op).length,
});

/** Every operation a check can make the scanner call (not the bootstrap ones), in independent groups. */
export function checkOperationGroups(): string[][] {
  const bootstrap = new Set(BOOTSTRAP_OPERATIONS.map((o) => `${o.service}:${o.operation}`));
  const keys = new Set(CHECKS.flatMap((c) => [...operationsOfCheck(c)]).filter((k) => !bootstrap.has(k)));
  return independentGroups([...keys].sort());
}
