import type { DataOf } from "../services/define.js";
import type { SERVICES } from "../services/index.js";
import type { CallError } from "./common.js";

export * from "./common.js";

export const SNAPSHOT_FORMAT = "yourside-inventory/1";

type Service = (typeof SERVICES)[number];

export type ServiceId = Service["id"];

/** `<service>.<name>`: a part of the inventory that checks declare they need and collection knows how to read. */
export type SliceId = Service["slices"][number]["id"];

/**
 * Everything a scan read from AWS, as plain JSON-able data. Checks read only this, so a
 * snapshot of it can be evaluated later, offline, with the same verdicts.
 */
export interface InventoryBase {
  format: typeof SNAPSHOT_FORMAT;
  accountId: string;
  partition: string;
  /** Regions the scan covered. */
  regions: string[];
  collectedAt: string;
  /** The ARN of the principal that collected it (sts:GetCallerIdentity); snapshots written before it was recorded lack it. */
  collectedBy?: string;
  /** Slices that were collected; a check whose slices are missing reports ERROR. */
  slices: SliceId[];
  /** Every failed call, in the order seen. */
  errors: CallError[];
}

/** The base, and what each service read (present only when some of its slices were collected). */
export type Inventory = InventoryBase & { [S in Service as S["id"]]?: DataOf<S> };

type AnyDefinedSlice = Service["slices"][number];
type SliceOf<Id extends SliceId> = Extract<AnyDefinedSlice, { id: Id }>;
type TopSliceOf<S> = Extract<S extends { slices: readonly (infer X)[] } ? X : never, { level: "top" }>;

/** Slices read once per account (the top-level slices of global services). */
export type AccountSliceId = TopSliceOf<Extract<Service, { scope: "global" }>>["id"];
/** Slices read once per region (the top-level slices of regional services). */
export type RegionalSliceId = TopSliceOf<Extract<Service, { scope: "regional" }>>["id"];
/** Slices read once per item of a listing. */
export type ItemSliceId = Extract<AnyDefinedSlice, { level: "item" }>["id"];

/** What a slice holds once read. */
export type SliceValue<Id extends SliceId> = SliceOf<Id> extends { read: (...args: never[]) => Promise<infer V> } ? V : never;
/** The listing item an item slice is stored on. */
export type ItemOf<Id extends ItemSliceId> = SliceOf<Id> extends { item?: (item: infer I) => void } ? I : never;
