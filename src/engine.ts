import { createHash } from "node:crypto";
import { accountResource, type Check } from "./check.js";
import { evaluationContext } from "./gate.js";
import type { Inventory } from "./inventory/index.js";
import { findMute, type Mute, type TagIndex } from "./mutelist.js";
import { LAYERS, responsibilityFor } from "./responsibility.js";
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
  return createHash("sha256").update(`${checkId}|${accountId}|${region}|${resource.arn}`).digest("hex").slice(0, 32);
}

export interface EvaluateOptions {
  settings?: Settings;
  /** Mutelist entries in force (expired ones already left out). */
  mutes?: readonly Mute[];
}

/** The resource with its tags, when the inventory holds any: a report shows whose resource it is (owner, team, environment). */
function withTags(resource: ResourceRef, tags: TagIndex): FindingResource {
  const own = tags.get(resource.arn);
  return own && Object.keys(own).length > 0 ? { ...resource, tags: { ...own } } : resource;
}

function toFinding(check: Check, inventory: Inventory, outcome: Outcome, mutes: readonly Mute[], tags: TagIndex): Finding {
  const finding: Finding = {
    id: findingId(check.id, inventory.accountId, outcome.region, outcome.resource),
    checkId: check.id,
    title: check.title,
    status: outcome.status,
    severity: outcome.severity ?? check.severity,
    service: check.service,
    accountId: inventory.accountId,
    region: outcome.region,
    resource: withTags(outcome.resource, tags),
    responsibility: responsibilityFor(serviceById(check.service).model, check.layer, check.awsModel),
    message: outcome.message,
    evidence: outcome.evidence ?? {},
    remediation: check.remediation,
    compliance: check.compliance,
    ...(outcome.error ? { error: outcome.error } : {}),
  };
  const mute = findMute(mutes, finding, tags);
  if (mute && (finding.status === "FAIL" || finding.status === "ERROR")) {
    return {
      ...finding,
      status: "MUTED",
      muted: { reason: mute.reason, of: finding.status, ...(mute.expires ? { expires: mute.expires } : {}) },
    };
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
  const findings: Finding[] = [];
  for (const check of checks) {
    let outcomes: Outcome[];
    try {
      outcomes = check.evaluate(inventory, context);
    } catch (err) {
      outcomes = [crashed(check, inventory, err)];
    }
    for (const outcome of outcomes) findings.push(toFinding(check, inventory, outcome, mutes, tags));
  }
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
