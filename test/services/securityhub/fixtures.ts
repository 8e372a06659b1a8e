/** Security Hub builders for hand-made inventories. */
import type { Fetched, Inventory } from "../../../src/inventory/index.js";
import type { SecurityHubHub } from "../../../src/services/securityhub/inventory.js";
import { ACCOUNT, inventory, ok } from "../../support/fixtures/index.js";

export const US = "us-east-1";
export const EU = "eu-west-1";

/** The hub DescribeHub returns in `region` once Security Hub is enabled there. */
export const hub = (region: string, overrides: Partial<SecurityHubHub> = {}): SecurityHubHub => ({
  hubArn: `arn:aws:securityhub:${region}:${ACCOUNT}:hub/default`,
  subscribedAt: "2026-01-15T09:30:00.000Z",
  autoEnableControls: true,
  controlFindingGenerator: "SECURITY_CONTROL",
  ...overrides,
});

/** An inventory whose scanned regions answer DescribeHub with these (null: not enabled there). */
export function hubsInventory(byRegion: Record<string, SecurityHubHub | null | Fetched<SecurityHubHub | null>>): Inventory {
  const regions = Object.fromEntries(Object.entries(byRegion).map(([region, h]) => [region, { hub: h !== null && "ok" in h ? h : ok(h) }]));
  return inventory({ regions: Object.keys(byRegion), securityhub: { regions } });
}
