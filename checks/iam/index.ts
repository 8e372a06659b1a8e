import type { Check } from "../../src/check.js";

export const iamChecks: readonly Check[] = [];
