import type { SliceSpec } from "./common.js";

// Filled in by the iam collector work.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface IamInventory {}

export const IAM_SLICES = {} as const satisfies Record<string, SliceSpec>;

export type IamSliceId = keyof typeof IAM_SLICES;
