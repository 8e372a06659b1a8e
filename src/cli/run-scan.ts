import { mkdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Check } from "../check.js";
import { atLeast, type Severity } from "../results.js";
import { EXIT, UsageError } from "../errors.js";
import { writeFileAtomic } from "../output.js";
import type { Mute } from "../mutelist.js";
import { collectLive, evaluateScan } from "../scan.js";
import type { Settings } from "../settings.js";
import { loadSnapshot, snapshotText } from "../snapshot.js";
import type { Inventory } from "../inventory/index.js";
import type { Report } from "../report.js";
import { RENDERERS, type Format } from "../../reports/index.js";
import { renderSummary } from "../../reports/terminal.js";

export interface ScanPlan {
  checks: Check[];
  settings: Settings;
  mutes: Mute[];
  formats: Format[];
  /** One file ("-" = stdout) for a single format, or a directory for stable names. */
  output: { file: string } | { dir: string };
  failOn: Severity | "none";
  severities?: Severity[];
  saveSnapshot?: string;
  fromSnapshot?: string;
  live: {
    profile?: string;
    endpointUrl?: string;
    regions?: string[] | "all";
    concurrency: number;
  };
  progress: (message: string) => void;
  /** Where the human summary goes (stderr), or nothing. */
  summary?: (text: string) => void;
  color: boolean;
}

export const REPORT_BASENAME = "yourside-report";

/** A file the scan will write: its directory must exist and the path must not be a directory. */
function checkFilePath(flag: string, path: string): void {
  const parent = resolve(path, "..");
  if (!isDir(parent)) throw new UsageError(`${flag}: directory ${parent} does not exist`);
  if (isDir(path)) throw new UsageError(`${flag}: ${path} is a directory${flag === "--output" ? " (use --output-dir)" : ""}`);
}

/** Checks output paths before any AWS call, so a typo costs nothing. */
export function validateOutput(plan: Pick<ScanPlan, "output" | "formats" | "saveSnapshot">): void {
  if (plan.saveSnapshot !== undefined) checkFilePath("--save-snapshot", plan.saveSnapshot);
  if ("file" in plan.output) {
    if (plan.formats.length !== 1) throw new UsageError("--output takes one format; use --output-dir for several");
    if (plan.output.file === "-") return;
    checkFilePath("--output", plan.output.file);
  } else {
    try {
      mkdirSync(plan.output.dir, { recursive: true });
    } catch (err) {
      throw new UsageError(
        `--output-dir: cannot create ${plan.output.dir}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
      );
    }
  }
}

/** Writes one output file; a failure (permissions, full disk) is one clear line, and the previous file stays. */
function writeOutput(what: string, path: string, content: string): void {
  try {
    writeFileAtomic(path, content);
  } catch (err) {
    throw new UsageError(`cannot write ${what} ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

export function exitCodeFor(report: Report, failOn: Severity | "none"): number {
  if (!report.scan.complete) return EXIT.incomplete;
  if (failOn !== "none" && report.findings.some((f) => f.status === "FAIL" && atLeast(f.severity, failOn))) return EXIT.failing;
  return EXIT.ok;
}

/** Runs a scan end to end and returns the exit code. Throws UsageError for bad input. */
export async function runScan(plan: ScanPlan): Promise<number> {
  validateOutput(plan);
  const startedAt = new Date();
  let inventory: Inventory;
  let stats: Record<string, number> = {};
  let source = "live";
  if (plan.fromSnapshot) {
    inventory = loadSnapshot(plan.fromSnapshot);
    source = `snapshot:${plan.fromSnapshot}`;
    plan.progress(`evaluating snapshot of account ${inventory.accountId} taken ${inventory.collectedAt}`);
  } else {
    const live = await collectLive({
      ...plan.live,
      checks: plan.checks,
      onProgress: plan.progress,
    });
    inventory = live.inventory;
    stats = live.stats;
  }
  if (plan.saveSnapshot) writeOutput("snapshot", plan.saveSnapshot, snapshotText(inventory));

  const report = evaluateScan({
    inventory,
    checks: plan.checks,
    settings: plan.settings,
    mutes: plan.mutes,
    startedAt,
    stats,
    source,
    ...(plan.fromSnapshot && Array.isArray(plan.live.regions) ? { regionFilter: plan.live.regions } : {}),
    ...(plan.severities ? { severities: plan.severities } : {}),
  });

  const written: string[] = [];
  for (const format of plan.formats) {
    const renderer = RENDERERS[format];
    const text = renderer.render(report);
    if ("file" in plan.output) {
      if (plan.output.file === "-") process.stdout.write(text);
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
  if (plan.summary && written.length > 0) {
    plan.summary(
      `${renderSummary(report, { color: plan.color, ...(process.stderr.columns ? { width: process.stderr.columns } : {}) })}\nReports: ${written.join(", ")}\n`,
    );
  }
  return exitCodeFor(report, plan.failOn);
}
