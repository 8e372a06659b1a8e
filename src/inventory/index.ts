import type { CallError, SliceSpec } from "./common.js";
import { S3_SLICES, type S3Inventory, type S3SliceId } from "./s3.js";
import { IAM_SLICES, type IamInventory, type IamSliceId } from "./iam.js";
import { EC2_SLICES, type Ec2Inventory, type Ec2SliceId } from "./ec2.js";
import { CONFIG_SLICES, type ConfigInventory, type ConfigSliceId } from "./config.js";

export * from "./common.js";

export const SNAPSHOT_FORMAT = "yourside-inventory/1";

export const SERVICES = ["s3", "iam", "ec2", "config"] as const;
export type ServiceId = (typeof SERVICES)[number];

/**
 * Everything a scan read from AWS, as plain JSON-able data. Checks read only this, so a
 * snapshot of it can be evaluated later, offline, with the same verdicts.
 */
export interface Inventory {
  format: typeof SNAPSHOT_FORMAT;
  accountId: string;
  partition: string;
  /** Regions the scan covered. */
  regions: string[];
  collectedAt: string;
  /** Slices that were collected; a check whose slices are missing reports ERROR. */
  slices: SliceId[];
  /** Every failed call, in the order seen. */
  errors: CallError[];
  s3?: S3Inventory;
  iam?: IamInventory;
  ec2?: Ec2Inventory;
  config?: ConfigInventory;
}

export const SLICES = {
  ...S3_SLICES,
  ...IAM_SLICES,
  ...EC2_SLICES,
  ...CONFIG_SLICES,
} as const satisfies Record<string, SliceSpec>;

export type SliceId = S3SliceId | IamSliceId | Ec2SliceId | ConfigSliceId;

export const sliceService = (slice: SliceId): ServiceId => slice.split(".")[0] as ServiceId;

export const isSliceId = (s: string): s is SliceId => Object.hasOwn(SLICES, s);
