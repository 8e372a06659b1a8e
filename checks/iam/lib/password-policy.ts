import { accountResource, fail, pass, type EvaluationContext } from "../../../src/check.js";
import type { Inventory } from "../../../src/inventory/index.js";
import type { IamPasswordPolicy } from "../../../src/services/iam/inventory.js";
import type { Outcome } from "../../../src/results.js";
import { GLOBAL } from "./principals.js";

/** Evaluates the account password policy; `null` (no policy) reaches `decide` as a fact. */
export function withPasswordPolicy(
  inv: Inventory,
  ctx: EvaluationContext,
  decide: (policy: IamPasswordPolicy | null) => [boolean, string],
): Outcome[] {
  const policy = ctx.read("iam.passwordPolicy");
  if (!policy.ok) return [policy.outcome];
  const [ok, message] = decide(policy.value);
  const evidence = { passwordPolicy: policy.value };
  return [ok ? pass(accountResource(inv), GLOBAL, message, evidence) : fail(accountResource(inv), GLOBAL, message, evidence)];
}
