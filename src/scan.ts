import { randomUUID } from "node:crypto";
import { DescribeRegionsCommand, EC2Client } from "@aws-sdk/client-ec2";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { AwsSession, type SessionOptions } from "./aws/session.js";
import type { CallStats } from "./aws/recorder.js";
import { isCredentialsError, safeMessage, toCallError } from "./aws/errors.js";
import type { Check } from "./check.js";
import { collectInventory } from "./collect/index.js";
import { evaluate } from "./engine.js";
import { UsageError } from "./errors.js";
import type { CallError, Inventory } from "./inventory/index.js";
import { compareWithBaseline, type Baseline } from "./baseline.js";
import { mutesInForce, type Mute } from "./mutelist.js";
import type { Finding, Severity } from "./results.js";
import { counted, heapGuard } from "./memory.js";
import type { Settings } from "./settings.js";
import { buildReport, NO_SELECTION, type Report, type ScanSelection } from "./report.js";
import { needsRegions, slicesToRead } from "./services/index.js";

export interface LiveScanOptions extends SessionOptions {
  /** Read every wanted slice even where the plan knows no verdict depends on it. */
  collectAll?: boolean;
  /** Explicit regions, or "all" / undefined for every region enabled in the account. */
  regions?: readonly string[] | "all";
  concurrency: number;
  checks: readonly Check[];
  /** Read resource tags too (mutelist entries match by tag). */
  readTags?: boolean;
  /** Called once the account is known, before anything is collected; may refuse it (UsageError). */
  onIdentity?: (identity: Identity) => void;
  onProgress?: (message: string) => void;
}

export interface Identity {
  accountId: string;
  partition: string;
  arn: string;
}

/** Who the credentials belong to; a credentials problem is a usage error (exit 2), never a finding. */
export async function whoAmI(session: AwsSession): Promise<Identity> {
  try {
    const out = await session.client(STSClient, "sts", session.homeRegion).send(new GetCallerIdentityCommand({}));
    const arn = out.Arn ?? "";
    return { accountId: out.Account ?? "", partition: arn.split(":")[1] || "aws", arn };
  } catch (err) {
    if (isCredentialsError(err)) {
      const profile = session.profile ?? (process.env.AWS_PROFILE || undefined);
      const source = profile ? `profile ${JSON.stringify(profile)}: ` : "";
      throw new UsageError(
        `AWS credentials are missing, invalid or expired (${source}${safeMessage(err)}). Set AWS_PROFILE / --profile, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY; or run 'yourside demo'.`,
      );
    }
    throw new UsageError(`cannot reach AWS to identify the account (sts:GetCallerIdentity: ${safeMessage(err)})`);
  }
}

/** The regions to scan: the requested ones, or every region enabled for the account. */
export async function resolveRegions(
  session: AwsSession,
  requested: readonly string[] | "all" | undefined,
): Promise<{ regions: string[]; error?: CallError }> {
  if (requested !== undefined && requested !== "all") return { regions: [...requested] };
  try {
    const out = await session.client(EC2Client, "ec2", session.homeRegion).send(new DescribeRegionsCommand({ AllRegions: false }));
    const regions = (out.Regions ?? [])
      .filter((r) => r.OptInStatus !== "not-opted-in")
      .map((r) => r.RegionName ?? "")
      .filter(Boolean)
      .sort();
    if (regions.length > 0) return { regions };
    throw new Error("DescribeRegions returned no regions");
  } catch (err) {
    // Scan what we can (the home region) and say the picture is partial.
    return { regions: [session.homeRegion], error: toCallError(err, "ec2", session.homeRegion, "DescribeRegions") };
  }
}

export interface LiveScanResult {
  inventory: Inventory;
  stats: CallStats;
}

export async function collectLive(options: LiveScanOptions): Promise<LiveScanResult> {
  const session = new AwsSession(options);
  try {
    const identity = await whoAmI(session);
    options.onIdentity?.(identity);
    options.onProgress?.(`account ${identity.accountId} (${identity.arn})`);
    const inventory = await collectAccount(session, identity, options);
    return { inventory, stats: session.recorder.stats() };
  } finally {
    session.destroy();
  }
}

/** Collects one account's inventory through `session`, whose credentials reach that account. */
export async function collectAccount(
  session: AwsSession,
  identity: Identity,
  options: Omit<LiveScanOptions, "onIdentity" | "concurrency">,
): Promise<Inventory> {
  const slices = slicesToRead(options.checks, { tags: options.readTags === true });
  const { regions, error } =
    needsRegions(slices) || options.regions !== undefined
      ? await resolveRegions(session, options.regions)
      : { regions: [session.homeRegion] };
  options.onProgress?.(`${identity.accountId}: regions: ${regions.join(", ")}`);
  const inventory = await collectInventory(session, {
    accountId: identity.accountId,
    partition: identity.partition,
    regions,
    slices,
    ...(options.collectAll ? { collectAll: true } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  if (error) inventory.errors.unshift(error);
  inventory.collectedBy = identity.arn;
  return inventory;
}

/**
 * An inventory handed over to evaluation, which takes it out (leaves `inventory` undefined) once the
 * checks have run: nothing then keeps a large account's inventory, and the analyses cached on it,
 * alive while the report is built and written.
 */
export interface InventoryHandle {
  inventory: Inventory | undefined;
}

export interface EvaluateScanOptions {
  /** A handle lets evaluation drop the inventory after the checks; an inventory given as such is kept by the caller. */
  inventory: Inventory | InventoryHandle;
  checks: readonly Check[];
  settings: Settings;
  mutes: readonly Mute[];
  startedAt: Date;
  stats: CallStats;
  source: string;
  /** Only report findings in these regions (plus global ones). */
  regionFilter?: readonly string[];
  /** Only report findings of these severities. */
  severities?: readonly Severity[];
  /** An earlier scan's report to compare with. */
  baseline?: Baseline;
  /** The selection as asked for, for the report's audit record. */
  selection?: ScanSelection;
}

export interface FindingFilters {
  /** Only report findings in these regions (plus global ones). */
  regionFilter?: readonly string[];
  /** Only report findings of these severities. */
  severities?: readonly Severity[];
}

export interface EvaluatedFindings {
  findings: Finding[];
  /** Findings --severity left out of the report (the matrix and compliance tell "not selected" by them). */
  leftOut: Finding[];
  /** The regions evaluated: the inventory's, or those of them --regions kept. */
  regions: string[];
}

/** The findings of one inventory, with mutes in force applied and the filters. */
export function evaluateFindings(
  inventory: Inventory,
  checks: readonly Check[],
  settings: Settings,
  activeMutes: readonly Mute[],
  filters: FindingFilters = {},
): EvaluatedFindings {
  let findings: Finding[] = evaluate(inventory, checks, { settings, mutes: activeMutes });
  // The scope is what was evaluated: from a snapshot with --regions, those of its regions.
  const regions = filters.regionFilter ? inventory.regions.filter((r) => filters.regionFilter!.includes(r)) : inventory.regions;
  if (filters.regionFilter) {
    const keep = new Set([...regions, "global", "unknown"]);
    findings = findings.filter((f) => keep.has(f.region));
  }
  let leftOut: Finding[] = [];
  if (filters.severities) {
    const keep = new Set(filters.severities);
    leftOut = findings.filter((f) => !keep.has(f.severity));
    findings = findings.filter((f) => keep.has(f.severity));
  }
  return { findings, leftOut, regions };
}

/** Whether a scan's findings and failed calls leave nothing unknown. */
export const isComplete = (errors: readonly CallError[], findings: readonly Finding[]): boolean =>
  errors.length === 0 && !findings.some((f) => f.status === "ERROR" || f.muted?.of === "ERROR");

/** What of an inventory the report keeps once its findings are evaluated. */
interface Evaluated extends EvaluatedFindings {
  accountId: string;
  errors: CallError[];
  collectedAt: string;
  collectedBy: string | undefined;
}

/** Evaluates the handle's inventory and lets go of it: when this returns, no frame holds it. */
function evaluateHandle(handle: InventoryHandle, options: EvaluateScanOptions, mutes: readonly Mute[]): Evaluated {
  const inventory = handle.inventory;
  if (!inventory) throw new Error("the inventory was already evaluated");
  handle.inventory = undefined;
  const evaluated = evaluateFindings(inventory, options.checks, options.settings, mutes, {
    ...(options.regionFilter ? { regionFilter: options.regionFilter } : {}),
    ...(options.severities ? { severities: options.severities } : {}),
  });
  const { accountId, errors, collectedAt, collectedBy } = inventory;
  return { ...evaluated, accountId, errors, collectedAt, collectedBy };
}

export function evaluateScan(options: EvaluateScanOptions): Report {
  const { checks } = options;
  const mutes = mutesInForce(options.mutes, options.startedAt);
  const handle: InventoryHandle = "format" in options.inventory ? { inventory: options.inventory } : options.inventory;
  const inventory = evaluateHandle(handle, options, mutes.active);
  const { findings, leftOut, regions } = inventory;
  // The message needs the count only: the closure must not keep this array alive after the report is built.
  const held = counted(findings.length, "finding");
  heapGuard.during("building the report", () => held);
  heapGuard.check();
  const complete = isComplete(inventory.errors, findings);
  const services = [...new Set(checks.map((c) => c.service))];
  const compared = compareWithBaseline(findings, options.baseline, options.startedAt.toISOString(), {
    checkIds: new Set(checks.map((c) => c.id)),
    regions: new Set(regions),
  });
  return buildReport(
    {
      id: randomUUID(),
      startedAt: options.startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      accounts: [inventory.accountId],
      regions,
      services,
      complete,
      errors: inventory.errors,
      stats: options.stats,
      source: options.source,
      collectedAt: inventory.collectedAt,
      principal: inventory.collectedBy ?? null,
      selection: options.selection ?? NO_SELECTION,
      settings: options.settings,
    },
    compared.findings,
    checks,
    {
      mutelist: { entries: options.mutes.length, active: mutes.active, expired: mutes.expired },
      leftOut,
      ...(compared.summary ? { baseline: compared.summary } : {}),
    },
  );
}
