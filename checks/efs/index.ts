import type { Check } from "../../src/check.js";
import encrypted from "./encrypted.js";
import policyNotPublic from "./policy-not-public.js";

export const efsChecks: readonly Check[] = [encrypted, policyNotPublic];
