import type { CallStats } from "../aws/recorder.js";
import { statSync } from "node:fs";
import { join, resolve } from "node:path";
import { checkBaselineAccounts, type Baseline } from "../baseline.js";
import type { Check } from "../check.js";
import { EXIT, UsageError } from "../errors.js";
import type { Mute } from "../mutelist.js";
import { notify } from "../notify.js";
import { oneLine } from "../one-line.js";
import { writeFileAtomic } from "../output.js";
import { counted, heapGuard, OutOfMemoryError } from "../memory.js";
import { incompleteUnaccepted, type Report, type ScanSelection } from "../report.js";
import { atLeast, type Severity } from "../results.js";
import { collectLive, evaluateScan, type FindingFilters, type InventoryHandle } from "../scan.js";
import type { Settings } from "../settings.js";
import { loadAnySnapshot, snapshotPieces, type OrgSnapshotEntry } from "../snapshot.js";
import { OrgSnapshotWriter } from "../org-snapshot.js";
import type { OrganizationPlan } from "../organization.js";
import { OrganizationEvaluator } from "../organization-report.js";
import { scanOrganization } from "../scan-organization.js";
import { RENDERERS, type Format } from "../../reports/index.js";
import { renderSummary } from "../../reports/terminal.js";
import { checkProfile, checkRegionsInPartition, checkWritableDir } from "./preflight.js";

export interface ScanPlan {
  checks: Check[];
  settings: Settings;
  mutes: Mute[];
  formats: Format[];
  /** One file ("-" = stdout) for a single format, or a directory for stable names. */
  output: { file: string } | { dir: string };
  failOn: Severity | "none";
  /** Exit 1 only for FAIL findings the baseline did not have, at or above this severity. */
  failOnNew?: Severity | "none";
  severities?: Severity[];
  /** The selection as asked for, recorded in the report. */
  selection?: ScanSelection;
  /** How many fixes the summary lists. */
  top?: number;
  saveSnapshot?: string;
  fromSnapshot?: string;
  baseline?: { path: string; report: Baseline };
  /** Webhook for new findings at or above --fail-on. */
  notify?: string;
  live: {
    profile?: string;
    endpointUrl?: string;
    regions?: string[] | "all";
    concurrency: number;
    serviceConcurrency?: Record<string, number>;
    collectAll?: boolean;
  };
  /** A multi-account scan (--organization, --accounts). */
  org?: OrganizationPlan;
  progress: (message: string) => void;
  /** Where warnings go (stderr), even with --quiet. */
  warn: (message: string) => void;
  /** Where the human summary goes (stderr), or nothing. */
  summary?: (text: string) => void;
  color: boolean;
}

export const REPORT_BASENAME = "yourside-report";

const errno = (err: unknown): string => (err as NodeJS.ErrnoException).code ?? (err as Error).message;

/** A file the scan will write: its directory must exist and take a file, and the path must not be a directory. */
function checkFilePath(flag: string, path: string): void {
  if (path === "") throw new UsageError(`${flag}: a file name is required`);
  const parent = resolve(path, "..");
  if (!isDir(parent)) throw new UsageError(`${flag}: directory ${parent} does not exist`);
  if (isDir(path)) throw new UsageError(`${flag}: ${path} is a directory${flag === "--output" ? " (use --output-dir)" : ""}`);
  checkWritableDir(flag, parent);
}

/** Checks output paths before any AWS call, so a typo costs nothing. */
export function validateOutput(plan: Pick<ScanPlan, "output" | "formats" | "saveSnapshot">): void {
  if (plan.saveSnapshot !== undefined) checkFilePath("--save-snapshot", plan.saveSnapshot);
  if ("file" in plan.output) {
    if (plan.formats.length !== 1) throw new UsageError("--output takes one format; use --output-dir for several");
    if (plan.output.file === "-") return;
    checkFilePath("--output", plan.output.file);
  } else {
    checkWritableDir("--output-dir", plan.output.dir);
  }
}

/** Writes one output file; a failure (permissions, full disk) is one clear line, and the previous file stays. */
function writeOutput(what: string, path: string, content: string | Iterable<string>): void {
  try {
    writeFileAtomic(path, content);
  } catch (err) {
    if (err instanceof OutOfMemoryError) throw err;
    throw new UsageError(`cannot write ${what} ${path}: ${errno(err)}`);
  }
}

/** Standard output takes the pieces gathered into writes of about a MiB (synchronous for files and pipes on Linux). */
function writeToStdout(pieces: Iterable<string>): void {
  let buffered: string[] = [];
  let size = 0;
  for (const piece of pieces) {
    buffered.push(piece);
    size += piece.length;
    if (size >= 1 << 20) {
      process.stdout.write(buffered.join(""));
      buffered = [];
      size = 0;
    }
  }
  if (size > 0) process.stdout.write(buffered.join(""));
}

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

export function exitCodeFor(report: Report, failOn: Severity | "none", failOnNew?: Severity | "none"): number {
  if (incompleteUnaccepted(report)) return EXIT.incomplete;
  const threshold = failOnNew ?? failOn;
  const counts = (f: Report["findings"][number]) =>
    f.status === "FAIL" && threshold !== "none" && atLeast(f.severity, threshold) && (failOnNew === undefined || f.change !== "unchanged");
  return report.findings.some(counts) ? EXIT.failing : EXIT.ok;
}

interface AccountInput {
  handle: InventoryHandle;
  stats: CallStats;
  source: string;
}

/** A single-account snapshot to evaluate, or an organization snapshot's accounts. */
function snapshotInput(plan: ScanPlan, path: string): AccountInput | { accounts: OrgSnapshotEntry[] } {
  const snapshot = loadAnySnapshot(path);
  if (snapshot.kind === "organization") return { accounts: snapshot.accounts };
  const { inventory } = snapshot;
  if (plan.baseline) checkBaselineAccounts(plan.baseline.report, [inventory.accountId], plan.baseline.path);
  // Regions the snapshot was not collected in cannot be evaluated: a typo, not an empty picture.
  const missing = Array.isArray(plan.live.regions) ? plan.live.regions.filter((r) => !inventory.regions.includes(r)) : [];
  if (missing.length > 0) {
    throw new UsageError(
      `--regions: the snapshot has no data for ${missing.join(", ")} (it covers ${inventory.regions.join(", ") || "no region"})`,
    );
  }
  plan.progress(`evaluating snapshot of account ${inventory.accountId} taken ${inventory.collectedAt}`);
  return { handle: { inventory }, stats: { calls: {}, skipped: {} }, source: `snapshot:${path}` };
}

async function liveInput(plan: ScanPlan): Promise<AccountInput> {
  const profile = plan.live.profile ?? (process.env.AWS_PROFILE || undefined);
  await checkProfile(profile, plan.live.profile ? "--profile" : "AWS_PROFILE");
  const live = await collectLive({
    ...plan.live,
    checks: plan.checks,
    readTags: plan.mutes.some((m) => m.tags),
    onProgress: plan.progress,
    // Called between GetCallerIdentity and the first read: a wrong baseline or region costs one call.
    onIdentity: (identity) => {
      if (plan.baseline) checkBaselineAccounts(plan.baseline.report, [identity.accountId], plan.baseline.path);
      if (Array.isArray(plan.live.regions)) checkRegionsInPartition(plan.live.regions, identity.partition);
    },
  });
  return { handle: { inventory: live.inventory }, stats: live.stats, source: "live" };
}

/**
 * The findings of one account, live or from a snapshot (an organization snapshot goes its own way).
 * Only the handle holds the inventory, so that evaluation can let go of it before the report is built.
 */
async function accountReport(plan: ScanPlan, startedAt: Date): Promise<Report> {
  const input = plan.fromSnapshot ? snapshotInput(plan, plan.fromSnapshot) : await liveInput(plan);
  if ("accounts" in input) return snapshotOrganizationReport(plan, input.accounts, startedAt);
  if (plan.saveSnapshot && input.handle.inventory) {
    heapGuard.during(`writing the snapshot ${plan.saveSnapshot}`);
    writeOutput("snapshot", plan.saveSnapshot, snapshotPieces(input.handle.inventory));
  }
  return evaluateScan({
    inventory: input.handle,
    checks: plan.checks,
    settings: plan.settings,
    mutes: plan.mutes,
    startedAt,
    stats: input.stats,
    source: input.source,
    ...(plan.fromSnapshot && Array.isArray(plan.live.regions) ? { regionFilter: plan.live.regions } : {}),
    ...(plan.severities ? { severities: plan.severities } : {}),
    ...(plan.baseline ? { baseline: plan.baseline.report } : {}),
    ...(plan.selection ? { selection: plan.selection } : {}),
  });
}

const filtersOf = (plan: ScanPlan): FindingFilters => ({
  ...(plan.fromSnapshot && Array.isArray(plan.live.regions) ? { regionFilter: plan.live.regions } : {}),
  ...(plan.severities ? { severities: plan.severities } : {}),
});

/** Every account of the organization (or --accounts), each evaluated as it completes; one report. */
async function organizationReport(plan: ScanPlan, org: OrganizationPlan, startedAt: Date): Promise<Report> {
  const profile = plan.live.profile ?? (process.env.AWS_PROFILE || undefined);
  await checkProfile(profile, plan.live.profile ? "--profile" : "AWS_PROFILE");
  let evaluator: OrganizationEvaluator | undefined;
  let principal: string | null = null;
  const snapshot = plan.saveSnapshot ? openSnapshot(plan.saveSnapshot) : undefined;
  try {
    const { stats } = await scanOrganization({
      ...plan.live,
      checks: plan.checks,
      readTags: plan.mutes.some((m) => m.tags),
      onProgress: plan.progress,
      org,
      onIdentity: (identity) => {
        if (Array.isArray(plan.live.regions)) checkRegionsInPartition(plan.live.regions, identity.partition);
        principal = identity.arn;
        evaluator = new OrganizationEvaluator({
          checks: plan.checks,
          settings: plan.settings,
          mutes: plan.mutes,
          startedAt,
          filters: filtersOf(plan),
          regions: Array.isArray(plan.live.regions)
            ? plan.live.regions
            : [process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION || "us-east-1"],
          partition: identity.partition,
        });
      },
      onTargets: (targets) => {
        if (plan.baseline)
          checkBaselineAccounts(
            plan.baseline.report,
            targets.map((t) => t.accountId),
            plan.baseline.path,
          );
      },
      onAccount: (result) => {
        snapshot?.add({
          accountId: result.target.accountId,
          ...(result.target.name ? { name: result.target.name } : {}),
          ...("error" in result ? { error: result.error } : { inventory: result.inventory }),
        });
        evaluator!.add(result);
        plan.progress(`account ${result.target.accountId}: ${"error" in result ? "failed" : "evaluated"}`);
      },
    });
    snapshot?.commit();
    return evaluator!.report({
      stats,
      source: "live",
      principal,
      ...(plan.selection ? { selection: plan.selection } : {}),
      ...(plan.baseline ? { baseline: plan.baseline.report } : {}),
    });
  } catch (err) {
    snapshot?.abort();
    throw err;
  }
}

function openSnapshot(path: string): OrgSnapshotWriter {
  try {
    return new OrgSnapshotWriter(path);
  } catch (err) {
    throw new UsageError(`cannot write snapshot ${path}: ${errno(err)}`);
  }
}

/** An organization snapshot re-evaluated offline: every account as it was collected. */
function snapshotOrganizationReport(plan: ScanPlan, accounts: readonly OrgSnapshotEntry[], startedAt: Date): Report {
  const source = `snapshot:${plan.fromSnapshot}`;
  if (plan.baseline)
    checkBaselineAccounts(
      plan.baseline.report,
      accounts.map((a) => a.accountId),
      plan.baseline.path,
    );
  const first = accounts.find((a) => "inventory" in a);
  const evaluator = new OrganizationEvaluator({
    checks: plan.checks,
    settings: plan.settings,
    mutes: plan.mutes,
    startedAt,
    filters: filtersOf(plan),
    regions: first && "inventory" in first ? first.inventory.regions : ["us-east-1"],
    partition: first && "inventory" in first ? first.inventory.partition : "aws",
  });
  plan.progress(`evaluating organization snapshot of ${accounts.length} account(s)`);
  for (const a of accounts) {
    const target = { accountId: a.accountId, ...(a.name ? { name: a.name } : {}), self: false };
    evaluator.add("error" in a ? { target, error: a.error } : { target, inventory: a.inventory });
  }
  if (plan.saveSnapshot) {
    const out = openSnapshot(plan.saveSnapshot);
    for (const a of accounts) out.add(a);
    out.commit();
  }
  // The scanning principal is not recorded in an organization snapshot (each account's inventory names the role it was read with).
  return evaluator.report({
    stats: { calls: {}, skipped: {} },
    source,
    principal: null,
    ...(plan.selection ? { selection: plan.selection } : {}),
    ...(plan.baseline ? { baseline: plan.baseline.report } : {}),
  });
}

/** Runs a scan end to end and returns the exit code. Throws UsageError for bad input, before any AWS call when it can. */
export async function runScan(plan: ScanPlan): Promise<number> {
  validateOutput(plan);
  const startedAt = new Date();
  const report =
    plan.org && !plan.fromSnapshot ? await organizationReport(plan, plan.org, startedAt) : await accountReport(plan, startedAt);
  for (const m of report.mutelist.expired) {
    plan.warn(
      `mutelist entry ${m.checkId} ${m.resource} expired on ${m.expires} and no longer mutes: renew or remove it (reason was: ${oneLine(m.reason, 200)})`,
    );
  }

  const written: string[] = [];
  const held = () => counted(report.findings.length, "finding");
  for (const format of plan.formats) {
    const renderer = RENDERERS[format];
    const destination = "file" in plan.output ? plan.output.file : join(plan.output.dir, `${REPORT_BASENAME}.${renderer.extension}`);
    heapGuard.during(`writing the ${format} report ${destination === "-" ? "to standard output" : destination}`, held);
    // Text for the terminal fits it; files get the renderer's default width.
    const toTerminal = "file" in plan.output && plan.output.file === "-" && process.stdout.isTTY && process.stdout.columns;
    const text = renderer.render(report, toTerminal ? { width: process.stdout.columns } : {});
    if ("file" in plan.output) {
      if (plan.output.file === "-") writeToStdout(text);
      else {
        writeOutput("report", plan.output.file, text);
        written.push(plan.output.file);
      }
    } else {
      const path = join(plan.output.dir, `${REPORT_BASENAME}.${renderer.extension}`);
      writeOutput("report", path, text);
      written.push(path);
    }
  }
  heapGuard.during("printing the summary", held);
  if (plan.summary && written.length > 0) {
    plan.summary(
      `${renderSummary(report, {
        color: plan.color,
        ...(process.stderr.columns ? { width: process.stderr.columns } : {}),
        ...(plan.top !== undefined ? { top: plan.top } : {}),
      })}\nReports: ${written.join(", ")}\n`,
    );
  }
  if (plan.notify) {
    const problem = await notify(plan.notify, report, { threshold: plan.failOnNew ?? plan.failOn });
    // The webhook's address is a secret (Slack's carries a token): it is never printed.
    if (problem) plan.warn(`--notify: the webhook did not take the notification (${problem}); the reports are written`);
  }
  return exitCodeFor(report, plan.failOn, plan.failOnNew);
}
