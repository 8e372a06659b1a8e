import { errorOutcome } from "../../src/check.js";
import type { Inventory } from "../../src/inventory/index.js";
import type { Outcome } from "../../src/results.js";
import { accountResource, GLOBAL, withRead } from "./support.js";

/** Reads one number of GetAccountSummary's SummaryMap; a missing key is an ERROR, never a guess. */
export function withSummaryValue(
  inv: Inventory,
  key: string,
  decide: (value: number, summary: Record<string, number>) => Outcome,
): Outcome[] {
  return withRead(
    inv,
    (iam) => iam.accountSummary,
    "GetAccountSummary",
    (summary) => {
      const value = summary[key];
      if (value === undefined) {
        return [
          errorOutcome(accountResource(inv), GLOBAL, {
            service: "iam",
            region: GLOBAL,
            operation: "GetAccountSummary",
            code: "MissingField",
            message: `the account summary has no ${key}`,
          }),
        ];
      }
      return [decide(value, summary)];
    },
  );
}
