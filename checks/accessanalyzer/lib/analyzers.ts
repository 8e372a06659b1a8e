/** What the IAM Access Analyzer checks share. */
import type { Inventory } from "../../../src/inventory/index.js";
import type { ResourceRef } from "../../../src/results.js";
import type { Analyzer } from "../../../src/services/accessanalyzer/inventory.js";

/** IAM Access Analyzer in one region: the same resource whether an analyzer exists there or not. */
export const analyzersResource = (inv: Pick<Inventory, "partition" | "accountId">, region: string): ResourceRef => ({
  arn: `arn:${inv.partition}:access-analyzer:${region}:${inv.accountId}:analyzer`,
  id: `${inv.accountId}/${region}`,
  type: "AWS::AccessAnalyzer::Analyzer",
});

/** The analyzer types that find external access (resources shared outside the account or the organization). */
export const EXTERNAL_ACCESS_TYPES: ReadonlySet<string> = new Set(["ACCOUNT", "ORGANIZATION"]);

export const isExternalAccess = (a: Analyzer): boolean => EXTERNAL_ACCESS_TYPES.has(a.type);
