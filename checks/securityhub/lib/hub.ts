/** What the Security Hub checks share. */
import type { Inventory } from "../../../src/inventory/index.js";
import type { ResourceRef } from "../../../src/results.js";

/** The account's hub in one region: the same resource whether Security Hub is enabled there or not. */
export const hubResource = (inv: Pick<Inventory, "partition" | "accountId">, region: string): ResourceRef => ({
  arn: `arn:${inv.partition}:securityhub:${region}:${inv.accountId}:hub/default`,
  id: `${inv.accountId}/${region}`,
  type: "AWS::SecurityHub::Hub",
});
