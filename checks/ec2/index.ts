import type { Check } from "../../src/check.js";

export const ec2Checks: readonly Check[] = [];
