/**
 * The registry: every service yourside scans. Adding a service is its folder (`src/services/<id>/`,
 * `checks/<id>/`, `test/services/<id>/`) and one line here; every list of services, slices,
 * operations and checks is derived from this one.
 */
import type { Check } from "../check.js";
import type { Inventory, OperationSpec, ServiceId, SliceId } from "../inventory/index.js";
import accessanalyzer from "./accessanalyzer/index.js";
import cloudtrail from "./cloudtrail/index.js";
import cloudwatch from "./cloudwatch/index.js";
import config from "./config/index.js";
import type { AnyService, AnySlice } from "./define.js";
import ec2 from "./ec2/index.js";
import efs from "./efs/index.js";
import guardduty from "./guardduty/index.js";
import iam from "./iam/index.js";
import kms from "./kms/index.js";
import rds from "./rds/index.js";
import s3 from "./s3/index.js";
import secretsmanager from "./secretsmanager/index.js";
import securityhub from "./securityhub/index.js";

export const SERVICES = [
  s3,
  iam,
  ec2,
  config,
  cloudtrail,
  kms,
  rds,
  securityhub,
  guardduty,
  accessanalyzer,
  efs,
  cloudwatch,
  secretsmanager,
] as const;

export const SERVICE_IDS: readonly ServiceId[] = SERVICES.map((s) => s.id);

/** Every slice of every service. */
export const SLICES: readonly AnySlice[] = SERVICES.flatMap((s): readonly AnySlice[] => s.slices);

/** The check catalogue, service by service. */
/** Every AWS service a scan calls, by the operations' service name: what per-service concurrency is keyed by. */
export const ENDPOINT_SERVICES: readonly string[] = [
  ...new Set(["sts", "ec2", ...SLICES.flatMap((s) => s.operations.map((o) => o.service))]),
].sort();

export const CHECKS: readonly Check[] = SERVICES.flatMap((s) => s.checks);

const services = new Map<string, AnyService>(SERVICES.map((s) => [s.id, s]));
const slices = new Map<string, AnySlice>(SLICES.map((slice) => [slice.id, slice]));
const serviceOfSlice = new Map<string, AnyService>(SERVICES.flatMap((s) => s.slices.map((slice) => [slice.id, s] as const)));

export const isServiceId = (s: string): s is ServiceId => services.has(s);
export const isSliceId = (s: string): s is SliceId => slices.has(s);

export function serviceById(id: ServiceId): AnyService {
  const service = services.get(id);
  if (!service) throw new Error(`unknown service ${id}`);
  return service;
}

export function sliceById(id: SliceId): AnySlice {
  const slice = slices.get(id);
  if (!slice) throw new Error(`unknown slice ${id}`);
  return slice;
}

export const serviceOf = (slice: SliceId): AnyService => serviceOfSlice.get(slice) ?? serviceById(slice.split(".")[0] as ServiceId);

/** The slices and, for slices of a listing's items, the listing they need too. */
export function withParents(wanted: Iterable<SliceId>): Set<SliceId> {
  const out = new Set<SliceId>();
  for (const id of wanted) {
    out.add(id);
    const slice = sliceById(id);
    if (slice.level === "item") out.add(slice.parent as SliceId);
  }
  return out;
}

/** Every AWS operation reading these slices can make (their listings' included). */
export const operationsOf = (wanted: Iterable<SliceId>): OperationSpec[] =>
  [...withParents(wanted)].flatMap((id) => [...sliceById(id).operations]);

/**
 * The slices a scan of these checks reads: what they need, and, when mutelist entries match by tag,
 * the slices that hold their services' resource tags.
 */
export function slicesToRead(checks: readonly Check[], options: { tags?: boolean } = {}): Set<SliceId> {
  const wanted = new Set<SliceId>(checks.flatMap((c) => [...c.needs]));
  if (options.tags) {
    const services = new Set(checks.map((c) => c.service));
    for (const s of SERVICES) if (services.has(s.id)) for (const id of s.tags?.slices ?? []) wanted.add(id as SliceId);
  }
  return wanted;
}

/** Every service's tags, by resource ARN, from an inventory. */
export function resourceTags(inventory: Inventory): Map<string, Readonly<Record<string, string>>> {
  const index = new Map<string, Readonly<Record<string, string>>>();
  for (const s of SERVICES as readonly AnyService[]) {
    const data = (inventory as unknown as Record<string, unknown>)[s.id];
    if (data && s.tags) for (const [arn, tags] of s.tags.of(data as never)) index.set(arn, tags);
  }
  return index;
}

/** Whether any of these slices is read in every region (so the scan needs the region list). */
export const needsRegions = (wanted: Iterable<SliceId>): boolean => [...wanted].some((id) => serviceOf(id).scope === "regional");
