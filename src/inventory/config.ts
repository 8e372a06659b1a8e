import type { SliceSpec } from "./common.js";

// Filled in by the config collector work.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ConfigInventory {}

export const CONFIG_SLICES = {} as const satisfies Record<string, SliceSpec>;

export type ConfigSliceId = keyof typeof CONFIG_SLICES;
