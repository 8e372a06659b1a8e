import type { Check } from "../../src/check.js";

export const configChecks: readonly Check[] = [];
