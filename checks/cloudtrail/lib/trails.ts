/** What the CloudTrail checks share: every trail once, and what its selectors record. */
import { accountResource, errorOutcome, fail, pass, type EvaluationContext, type Gated } from "../../../src/check.js";
import type { Inventory } from "../../../src/inventory/index.js";
import type { Outcome, ResourceRef } from "../../../src/results.js";
import { listSome } from "../../../src/wording.js";
import {
  trailResource,
  type AdvancedEventSelector,
  type AdvancedFieldSelector,
  type Trail,
  type TrailSelectors,
} from "../../../src/services/cloudtrail/inventory.js";

/** Every trail the scanned regions list, once each (by ARN), and an ERROR for each region whose list could not be read. */
export function allTrails(inv: Inventory, { read }: EvaluationContext): { trails: Trail[]; unreadable: Outcome[] } {
  const byArn = new Map<string, Trail>();
  const unreadable: Outcome[] = [];
  for (const region of inv.regions) {
    const listed = read("cloudtrail.trails", region);
    if (!listed.ok) unreadable.push(listed.outcome);
    else for (const t of listed.value) if (!byArn.has(t.arn)) byArn.set(t.arn, t);
  }
  return { trails: [...byArn.values()], unreadable };
}

/** Where a trail's verdict lands: the trail, in its home region. */
export interface TrailAt {
  resource: ResourceRef;
  region: string;
}

/** One outcome per trail (in its home region), plus an ERROR for each region whose trails could not be listed. */
export function forEachTrail(inv: Inventory, ctx: EvaluationContext, evaluate: (trail: Trail, at: TrailAt) => Outcome): Outcome[] {
  const { trails, unreadable } = allTrails(inv, ctx);
  return [...unreadable, ...trails.map((t) => evaluate(t, { resource: trailResource(t), region: t.homeRegion }))];
}

export const trailStatus = (ctx: EvaluationContext, t: Trail) => ctx.read("cloudtrail.trailStatus", t, t.homeRegion);
export const trailSelectors = (ctx: EvaluationContext, t: Trail): Gated<TrailSelectors> =>
  ctx.read("cloudtrail.eventSelectors", t, t.homeRegion);

/** Whether some events are recorded when read (`read`) and when they change something (`write`). */
/** CloudTrail's account-wide verdicts carry this region. */
const GLOBAL = "global";

export interface Coverage {
  read: boolean;
  write: boolean;
}

const NONE: Coverage = { read: false, write: false };
const union = (a: Coverage, b: Coverage): Coverage => ({ read: a.read || b.read, write: a.write || b.write });

/** Basic selectors' ReadWriteType as coverage. */
const readWrite = (type: string): Coverage => ({
  read: type === "All" || type === "ReadOnly",
  write: type === "All" || type === "WriteOnly",
});

const field = (s: AdvancedEventSelector, name: string): AdvancedFieldSelector[] => s.fieldSelectors.filter((f) => f.field === name);

/** An advanced selector's readOnly condition as coverage: absent logs both, Equals ["true"] reads, ["false"] writes. */
function advancedReadWrite(s: AdvancedEventSelector): Coverage {
  const readOnly = field(s, "readOnly");
  if (readOnly.length === 0) return { read: true, write: true };
  const values = readOnly.flatMap((f) => f.equals ?? []);
  return { read: values.includes("true"), write: values.includes("false") };
}

const equalsIncludes = (s: AdvancedEventSelector, name: string, value: string): boolean =>
  field(s, name).some((f) => (f.equals ?? []).includes(value));

/**
 * The selectors in force: advanced ones when the trail has any (applying them replaces basic ones on
 * AWS), else basic ones; none at all is AWS's default for a trail, every management event and no data events.
 */
function inForce(selectors: TrailSelectors): { basic: TrailSelectors["basic"]; advanced: AdvancedEventSelector[] } {
  if (selectors.advanced.length > 0) return { basic: [], advanced: selectors.advanced };
  if (selectors.basic.length > 0) return { basic: selectors.basic, advanced: [] };
  return {
    basic: [{ readWriteType: "All", includeManagementEvents: true, dataResources: [], excludeManagementEventSources: [] }],
    advanced: [],
  };
}

/** Management events recorded: basic selectors with IncludeManagementEvents, or advanced ones with eventCategory = Management. */
export function managementCoverage(selectors: TrailSelectors): Coverage {
  const { basic, advanced } = inForce(selectors);
  let coverage = NONE;
  for (const s of basic) if (s.includeManagementEvents) coverage = union(coverage, readWrite(s.readWriteType));
  for (const s of advanced) if (equalsIncludes(s, "eventCategory", "Management")) coverage = union(coverage, advancedReadWrite(s));
  return coverage;
}

/** Whether an advanced field selector lets this value through (every condition it sets holds). */
function admits(f: AdvancedFieldSelector, value: string): boolean {
  return (
    (!f.equals || f.equals.includes(value)) &&
    (!f.startsWith || f.startsWith.some((p) => value.startsWith(p))) &&
    (!f.endsWith || f.endsWith.some((p) => value.endsWith(p))) &&
    !(f.notEquals ?? []).includes(value) &&
    !(f.notStartsWith ?? []).some((p) => value.startsWith(p)) &&
    !(f.notEndsWith ?? []).some((p) => value.endsWith(p))
  );
}

/**
 * Whether the management events in force include those of this event source: a basic selector
 * can leave out kms.amazonaws.com or rdsdata.amazonaws.com (ExcludeManagementEventSources), an
 * advanced one by an eventSource condition.
 */
export function recordsManagementSource(selectors: TrailSelectors, source: string): boolean {
  const { basic, advanced } = inForce(selectors);
  if (basic.some((s) => s.includeManagementEvents && !s.excludeManagementEventSources.includes(source))) return true;
  return advanced.some((s) => equalsIncludes(s, "eventCategory", "Management") && field(s, "eventSource").every((f) => admits(f, source)));
}

/**
 * S3 object-level (data) events recorded for every bucket, current and future. Basic selectors: a data
 * resource of type AWS::S3::Object for `arn:<partition>:s3` or `arn:<partition>:s3:::`. Advanced: a
 * selector with eventCategory = Data and resources.type = AWS::S3::Object, no eventName condition, and
 * no resources.ARN condition other than leaving out the trail's own log bucket (AWS's advice, against logging its own writes).
 */
export function s3DataCoverage(selectors: TrailSelectors, trail: Trail, partition: string): Coverage {
  const { basic, advanced } = inForce(selectors);
  const everyBucket = new Set([`arn:${partition}:s3`, `arn:${partition}:s3:::`]);
  let coverage = NONE;
  for (const s of basic) {
    if (s.dataResources.some((d) => d.type === "AWS::S3::Object" && d.values.some((v) => everyBucket.has(v)))) {
      coverage = union(coverage, readWrite(s.readWriteType));
    }
  }
  const ownBucket = trail.s3BucketName ? `arn:${partition}:s3:::${trail.s3BucketName}` : undefined;
  const onlyLeavesOutOwnBucket = (f: AdvancedFieldSelector): boolean =>
    !f.equals &&
    !f.startsWith &&
    !f.endsWith &&
    !f.notEquals &&
    !f.notEndsWith &&
    ownBucket !== undefined &&
    (f.notStartsWith ?? []).every((v) => v.startsWith(ownBucket));
  for (const s of advanced) {
    if (!equalsIncludes(s, "eventCategory", "Data") || !equalsIncludes(s, "resources.type", "AWS::S3::Object")) continue;
    if (field(s, "eventName").length > 0) continue;
    if (!field(s, "resources.ARN").every(onlyLeavesOutOwnBucket)) continue;
    coverage = union(coverage, advancedReadWrite(s));
  }
  return coverage;
}

export const describeCoverage = (c: Coverage): string =>
  c.read && c.write ? "read and write" : c.read ? "read only" : c.write ? "write only" : "none";

/** A trail meets the requirement (`null`), or what it lacks (a phrase), or the read that failed. */
export type Judgement = Gated<string | null>;

export const meets: Judgement = { ok: true, value: null };
export const lacks = (problem: string): Judgement => ({ ok: true, value: problem });

export interface AccountRequirement {
  /** What a trail must be and record, e.g. "a multi-region trail that is logging management events". */
  requirement: string;
  judge: (trail: Trail) => Judgement;
}

/**
 * One account-wide verdict: PASS naming the first trail that meets the requirement; otherwise FAIL
 * listing what each trail lacks, or ERROR when a trail or a region's list could not be read (it might
 * have been the one). Evidence lists every trail's judgement.
 */
export function accountVerdict(inv: Inventory, ctx: EvaluationContext, spec: AccountRequirement): Outcome {
  const resource = accountResource(inv);
  const { trails, unreadable } = allTrails(inv, ctx);
  const judged = trails.map((trail) => ({ trail, judgement: spec.judge(trail) }));
  const evidence = {
    requirement: spec.requirement,
    trails: judged.map(({ trail, judgement }) => ({
      trail: trail.arn,
      homeRegion: trail.homeRegion,
      ...(judgement.ok
        ? { meets: judgement.value === null, ...(judgement.value ? { lacks: judgement.value } : {}) }
        : { unread: `${judgement.error.operation} ${judgement.error.code}` }),
    })),
    ...(unreadable.length ? { unreadRegions: unreadable.map((o) => o.region) } : {}),
  };
  const good = judged.find((j) => j.judgement.ok && j.judgement.value === null);
  if (good) return pass(resource, GLOBAL, `Trail ${good.trail.name} (${good.trail.homeRegion}) is ${spec.requirement}.`, evidence);
  const firstError = [...unreadable.map((o) => o.error), ...judged.flatMap((j) => (j.judgement.ok ? [] : [j.judgement.error]))][0];
  if (firstError) return { ...errorOutcome(resource, GLOBAL, firstError), evidence };
  const problems = judged.flatMap((j) => (j.judgement.ok && j.judgement.value ? [j.judgement.value] : []));
  return fail(
    resource,
    GLOBAL,
    trails.length === 0
      ? `No CloudTrail trail exists in the scanned regions (${inv.regions.join(", ")}): there is no ${spec.requirement}.`
      : `No trail is ${spec.requirement}: ${listSome(problems, 4)}.`,
    evidence,
  );
}
