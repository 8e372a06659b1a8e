import { accountResource, type EvaluationContext } from "../../../src/check.js";
import type { Inventory } from "../../../src/inventory/index.js";
import type { Outcome } from "../../../src/results.js";
import { GLOBAL } from "./principals.js";

/** Reads one number of GetAccountSummary's SummaryMap; a missing key is an ERROR, never a guess. */
export function withSummaryValue(
  inv: Inventory,
  ctx: EvaluationContext,
  key: string,
  decide: (value: number, summary: Record<string, number>) => Outcome,
): Outcome[] {
  const summary = ctx.read("iam.accountSummary");
  if (!summary.ok) return [summary.outcome];
  const value = summary.value[key];
  if (value === undefined) {
    return [
      ctx.unusable("iam.accountSummary", {
        resource: accountResource(inv),
        region: GLOBAL,
        code: "MissingField",
        message: `the account summary has no ${key}`,
      }),
    ];
  }
  return [decide(value, summary.value)];
}
