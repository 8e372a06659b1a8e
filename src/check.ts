import type { FrameworkId } from "./frameworks/index.js";
import type {
  AccountSliceId,
  CallError,
  ItemOf,
  ItemSliceId,
  Inventory,
  RegionalSliceId,
  ServiceId,
  SliceId,
  SliceValue,
} from "./inventory/index.js";
import type { AwsModelBox, Layer } from "./responsibility.js";
import type { Evidence, Outcome, Remediation, ResourceRef, Risk, Severity } from "./results.js";
import type { Settings } from "./settings.js";

export { FRAMEWORKS } from "./frameworks/index.js";

export interface CheckMeta {
  /** `<service>-<file name>`; part of the JSON contract and of users' mutelists. */
  id: string;
  title: string;
  service: ServiceId;
  layer: Layer;
  /** Where AWS's diagram puts this duty when it differs from the layer's default box. */
  awsModel?: AwsModelBox;
  severity: Severity;
  /** Exposure and blast radius of its failures (the fix list ranks by them after severity); absent: neither applies. */
  risk?: Risk;
  /** Inventory slices the check reads: what to collect, which IAM actions the scan needs. */
  needs: readonly SliceId[];
  rationale: string;
  remediation: Remediation;
  /** Requirement ids per framework (see `src/frameworks.ts`). */
  compliance: Partial<Record<FrameworkId, string[]>>;
  /** Why the check maps to no framework, when it maps to none. */
  noComplianceBecause?: string;
}

/** A slice's value, or the ERROR outcome that replaces every verdict resting on it. */
export type Gated<T> = { ok: true; value: T } | { ok: false; error: CallError; outcome: Outcome };

/**
 * The one gate between a check and the inventory: the value of a slice, or an ERROR naming the
 * failed operation ("not collected" when the inventory lacks it), on the account (global
 * slices), on the account in a region (regional slices), or on a listing's item.
 */
export interface SliceReader {
  <Id extends AccountSliceId>(slice: Id): Gated<SliceValue<Id>>;
  <Id extends RegionalSliceId>(slice: Id, region: string): Gated<SliceValue<Id>>;
  <Id extends ItemSliceId>(slice: Id, item: ItemOf<Id>, region: string): Gated<SliceValue<Id>>;
}

/** Data that was read but cannot be used (a malformed policy, a missing field): an ERROR naming the slice's operation. */
export interface Unusable {
  resource: ResourceRef;
  region: string;
  code: string;
  message: string;
  /** What the data was about (`CallError.resource`), e.g. the bucket or policy. */
  about?: string;
}

export interface EvaluationContext {
  settings: Settings;
  read: SliceReader;
  unusable: (slice: SliceId, problem: Unusable) => Outcome;
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

/** The account as a resource (`arn:<partition>:::<account>`): where account-wide verdicts and errors land. */
export const accountResource = (inv: Pick<Inventory, "partition" | "accountId">): ResourceRef => ({
  arn: `arn:${inv.partition}:::${inv.accountId}`,
  id: inv.accountId,
  type: "AWS::::Account",
});

/** The account in one region of a service (`arn:<partition>:<service>:<region>:<account>:account`). */
export const regionResource = (inv: Pick<Inventory, "partition" | "accountId">, region: string, service: string): ResourceRef => ({
  arn: `arn:${inv.partition}:${service}:${region}:${inv.accountId}:account`,
  id: inv.accountId,
  type: "AWS::::Account",
});
