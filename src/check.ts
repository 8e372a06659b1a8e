import type { CallError, Fetched, Inventory, ServiceId, SliceId } from "./inventory/index.js";
import type { AwsModelBox, Layer } from "./responsibility.js";
import type { Evidence, Outcome, Remediation, ResourceRef, Severity } from "./results.js";
import type { Settings } from "./settings.js";

/** Compliance framework ids used in `compliance`. */
export const FRAMEWORKS = {
  cis: "cis-aws-foundations-6.0",
  fsbp: "aws-fsbp",
} as const;

export interface CheckMeta {
  id: string;
  title: string;
  service: ServiceId;
  layer: Layer;
  /** Where AWS's diagram puts this duty when it differs from the layer's default box. */
  awsModel?: AwsModelBox;
  severity: Severity;
  /** Inventory slices the check reads: what to collect, which IAM actions the scan needs. */
  needs: readonly SliceId[];
  rationale: string;
  remediation: Remediation;
  compliance: Record<string, string[]>;
}

export interface EvaluationContext {
  settings: Settings;
}

export interface Check extends CheckMeta {
  evaluate(inventory: Inventory, context: EvaluationContext): Outcome[];
}

/** Identity function that gives a check its type; one file per check calls it. */
export const defineCheck = (check: Check): Check => check;

// ---- helpers checks share -------------------------------------------------------------

export const pass = (resource: ResourceRef, region: string, message: string, evidence?: Evidence): Outcome => ({
  status: "PASS",
  resource,
  region,
  message,
  ...(evidence ? { evidence } : {}),
});

export const fail = (resource: ResourceRef, region: string, message: string, evidence?: Evidence, severity?: Severity): Outcome => ({
  status: "FAIL",
  resource,
  region,
  message,
  ...(evidence ? { evidence } : {}),
  ...(severity ? { severity } : {}),
});

export const errorOutcome = (resource: ResourceRef, region: string, error: CallError): Outcome => ({
  status: "ERROR",
  resource,
  region,
  message: `Could not evaluate: ${error.operation} failed with ${error.code}${error.message ? ` (${error.message})` : ""}.`,
  error,
});

/** The error for data a check needs that is not in the inventory (not collected, or missing from a snapshot). */
export const notCollected = (service: string, region: string, operation: string): CallError => ({
  service,
  region,
  operation,
  code: "NotCollected",
  message: "this data is not in the inventory (not collected, or missing from the snapshot)",
});

/**
 * Evaluates `decide` over the values when every one of them was read; otherwise an ERROR
 * outcome naming the first failed read. A field that was never collected is an error too.
 */
export function whenRead<T extends readonly (Fetched<unknown> | undefined)[]>(
  resource: ResourceRef,
  region: string,
  reads: T,
  decide: (...values: { [K in keyof T]: T[K] extends Fetched<infer V> | undefined ? V : never }) => Outcome,
  missing: { service: string; operation: string } = { service: "yourside", operation: "collect" },
): Outcome {
  const values: unknown[] = [];
  for (const read of reads) {
    if (read === undefined) {
      return errorOutcome(resource, region, notCollected(missing.service, region, missing.operation));
    }
    if (!read.ok) return errorOutcome(resource, region, read.error);
    values.push(read.value);
  }
  return (decide as (...v: unknown[]) => Outcome)(...values);
}

/** ERROR outcome for an account- or region-wide read that failed before any resource was known. */
export const unreadable = (accountId: string, partition: string, region: string, error: CallError, type = "AWS::::Account"): Outcome =>
  errorOutcome({ arn: `arn:${partition}:::${accountId}`, id: accountId, type }, region, error);
