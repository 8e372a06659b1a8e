import { hash } from "node:crypto";
import { accountResource, type Check } from "./check.js";
import { evaluationContext } from "./gate.js";
import type { Inventory } from "./inventory/index.js";
import { counted, heapGuard, OutOfMemoryError } from "./memory.js";
import { findMute, type Mute, type TagIndex } from "./mutelist.js";
import { LAYERS, responsibilityFor, type Responsibility } from "./responsibility.js";
import {
  SEVERITIES,
  STATUSES,
  zeroCounts,
  type Finding,
  type FindingResource,
  type Outcome,
  type ResourceRef,
  type Summary,
} from "./results.js";
import { resourceTags, serviceById } from "./services/index.js";
import { DEFAULT_SETTINGS, type Settings } from "./settings.js";

/** Same check + account + region + resource ⇒ same id, run after run. */
export function findingId(checkId: string, accountId: string, region: string, resource: ResourceRef): string {
  // One-shot hashing (no Hash object per finding), and the first 16 bytes in hex: a flat 32-character
  // string, not a slice that keeps the 64-character digest alive.
  return hash("sha256", `${checkId}|${accountId}|${region}|${resource.arn}`, "buffer").toString("hex", 0, 16);
}

export interface EvaluateOptions {
  settings?: Settings;
  /** Mutelist entries in force (expired ones already left out). */
  mutes?: readonly Mute[];
}

/** One responsibility object per check, shared by its findings (reports only read it). */
const responsibilities = new WeakMap<Check, Responsibility>();
function responsibilityOf(check: Check): Responsibility {
  let r = responsibilities.get(check);
  if (!r) responsibilities.set(check, (r = responsibilityFor(serviceById(check.service).model, check.layer, check.awsModel)));
  return r;
}

/**
 * The resource with its tags, when the inventory holds any: a report shows whose resource it is (owner, team, environment).
 * One copy of a resource's tags serves all its findings (`shared`, per evaluation); Object.assign, not a spread,
 * so that the copies share one hidden class.
 */
function withTags(resource: ResourceRef, tags: TagIndex, shared: Map<string, Record<string, string>>): FindingResource {
  const own = tags.get(resource.arn);
  if (!own || Object.keys(own).length === 0) return resource;
  let copy = shared.get(resource.arn);
  if (!copy) shared.set(resource.arn, (copy = { ...own }));
  return Object.assign({}, resource, { tags: copy });
}

function toFinding(
  check: Check,
  inventory: Inventory,
  outcome: Outcome,
  mutes: readonly Mute[],
  tags: TagIndex,
  sharedTags: Map<string, Record<string, string>>,
): Finding {
  const finding: Finding = {
    id: findingId(check.id, inventory.accountId, outcome.region, outcome.resource),
    checkId: check.id,
    title: check.title,
    status: outcome.status,
    severity: outcome.severity ?? check.severity,
    service: check.service,
    accountId: inventory.accountId,
    region: outcome.region,
    resource: withTags(outcome.resource, tags, sharedTags),
    responsibility: responsibilityOf(check),
    message: outcome.message,
    evidence: outcome.evidence ?? {},
    remediation: check.remediation,
    compliance: check.compliance,
  };
  if (outcome.error) finding.error = outcome.error;
  const mute = findMute(mutes, finding, tags);
  if (mute && (finding.status === "FAIL" || finding.status === "ERROR")) {
    const muted: Finding["muted"] = { reason: mute.reason, of: finding.status, ...(mute.expires ? { expires: mute.expires } : {}) };
    finding.status = "MUTED";
    finding.muted = muted;
  }
  return finding;
}

/** A check that throws is a bug in the check, not a verdict: it becomes one ERROR result. */
function crashed(check: Check, inventory: Inventory, err: unknown): Outcome {
  const message = err instanceof Error ? err.message : String(err);
  return {
    status: "ERROR",
    region: "global",
    resource: accountResource(inventory),
    message: `Check ${check.id} failed while evaluating: ${message}`,
    error: { service: check.service, region: "global", operation: `evaluate:${check.id}`, code: "CheckCrashed", message },
  };
}

export function evaluate(inventory: Inventory, checks: readonly Check[], options: EvaluateOptions = {}): Finding[] {
  const context = evaluationContext(inventory, options.settings ?? DEFAULT_SETTINGS);
  const mutes = options.mutes ?? [];
  // Whatever tags the inventory holds (S3 bucket tags are read only when a mutelist entry matches by tag).
  const tags: TagIndex = resourceTags(inventory);
  const sharedTags = new Map<string, Record<string, string>>();
  const findings: Finding[] = [];
  const held = (): string | undefined => (findings.length ? counted(findings.length, "finding") : undefined);
  for (const check of checks) {
    heapGuard.during(`evaluating check ${check.id}`, held);
    heapGuard.check();
    let outcomes: Outcome[];
    try {
      outcomes = check.evaluate(inventory, context);
    } catch (err) {
      // Running out of memory is the scan's failure, not this check's.
      if (err instanceof OutOfMemoryError) throw err;
      outcomes = [crashed(check, inventory, err)];
    }
    for (const outcome of outcomes) {
      findings.push(toFinding(check, inventory, outcome, mutes, tags, sharedTags));
      heapGuard.tick();
    }
  }
  const total = counted(findings.length, "finding");
  heapGuard.during("evaluating the checks", () => total);
  return findings;
}

export function summarize(findings: readonly Finding[]): Summary {
  const summary: Summary = {
    byStatus: zeroCounts(STATUSES),
    bySeverity: zeroCounts(SEVERITIES),
    byLayer: zeroCounts(LAYERS),
    failingBySeverity: zeroCounts(SEVERITIES),
    failingByLayer: zeroCounts(LAYERS),
  };
  for (const f of findings) {
    summary.byStatus[f.status] += 1;
    summary.bySeverity[f.severity] += 1;
    summary.byLayer[f.responsibility.layer] += 1;
    if (f.status === "FAIL") {
      summary.failingBySeverity[f.severity] += 1;
      summary.failingByLayer[f.responsibility.layer] += 1;
    }
  }
  return summary;
}
