import type { Check } from "../../src/check.js";
import policyNotPublic from "./policy-not-public.js";
import rotatedRecently from "./rotated-recently.js";
import rotationEnabled from "./rotation-enabled.js";
import rotationSucceeding from "./rotation-succeeding.js";
import unused from "./unused.js";

export const secretsManagerChecks: readonly Check[] = [rotationEnabled, rotationSucceeding, rotatedRecently, unused, policyNotPublic];
