/** IAM Access Analyzer builders for hand-made inventories. */
import type { Fetched, Inventory } from "../../../src/inventory/index.js";
import type { Analyzer } from "../../../src/services/accessanalyzer/inventory.js";
import { ACCOUNT, inventory, ok } from "../../support/fixtures/index.js";

export const US = "us-east-1";
export const EU = "eu-west-1";

/** An analyzer of `region` (an active ACCOUNT analyzer by default). */
export const analyzer = (name: string, region: string, overrides: Partial<Analyzer> = {}): Analyzer => ({
  name,
  arn: `arn:aws:access-analyzer:${region}:${ACCOUNT}:analyzer/${name}`,
  type: "ACCOUNT",
  status: "ACTIVE",
  createdAt: "2026-01-15T09:30:00.000Z",
  ...overrides,
});

/** An inventory whose scanned regions list these analyzers. */
export function analyzersInventory(byRegion: Record<string, Analyzer[] | Fetched<Analyzer[]>>): Inventory {
  const regions = Object.fromEntries(Object.entries(byRegion).map(([region, a]) => [region, { analyzers: Array.isArray(a) ? ok(a) : a }]));
  return inventory({ regions: Object.keys(byRegion), accessanalyzer: { regions } });
}
