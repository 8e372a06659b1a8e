import type { SliceSpec } from "./common.js";

// Filled in by the ec2 collector work.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Ec2Inventory {}

export const EC2_SLICES = {} as const satisfies Record<string, SliceSpec>;

export type Ec2SliceId = keyof typeof EC2_SLICES;
