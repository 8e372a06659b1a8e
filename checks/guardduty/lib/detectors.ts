/** What the GuardDuty checks share. */
import type { Inventory } from "../../../src/inventory/index.js";
import type { ResourceRef } from "../../../src/results.js";

/** GuardDuty in one region: the same resource whether a detector exists there or not (its id is in the evidence). */
export const guarddutyResource = (inv: Pick<Inventory, "partition" | "accountId">, region: string): ResourceRef => ({
  arn: `arn:${inv.partition}:guardduty:${region}:${inv.accountId}:detector`,
  id: `${inv.accountId}/${region}`,
  type: "AWS::GuardDuty::Detector",
});
