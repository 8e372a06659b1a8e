import type { Check } from "../../src/check.js";

export const s3Checks: readonly Check[] = [];
