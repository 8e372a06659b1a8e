import type { Check } from "../../src/check.js";
import keyPendingDeletion from "./key-pending-deletion.js";
import keyPolicyPublic from "./key-policy-public.js";
import keyRotation from "./key-rotation.js";

export const kmsChecks: readonly Check[] = [keyRotation, keyPendingDeletion, keyPolicyPublic];
