/** GuardDuty builders for hand-made inventories. */
import type { Fetched, Inventory } from "../../../src/inventory/index.js";
import type { Detector, DetectorSettings } from "../../../src/services/guardduty/inventory.js";
import { ACCOUNT, inventory, ok } from "../../support/fixtures/index.js";

export const US = "us-east-1";
export const EU = "eu-west-1";

export const settings = (status = "ENABLED", overrides: Partial<DetectorSettings> = {}): DetectorSettings => ({
  status,
  createdAt: "2026-01-15T09:30:00.000Z",
  updatedAt: "2026-01-15T09:30:00.000Z",
  findingPublishingFrequency: "SIX_HOURS",
  features: [{ name: "S3_DATA_EVENTS", status: "ENABLED" }],
  ...overrides,
});

/** A detector of `region` whose GetDetector answered `read` (an enabled detector by default). */
export const detector = (id: string, region: string, read: Fetched<DetectorSettings> = ok(settings())): Detector => ({
  id,
  arn: `arn:aws:guardduty:${region}:${ACCOUNT}:detector/${id}`,
  settings: read,
});

/** An inventory whose scanned regions list these detectors. */
export function detectorsInventory(byRegion: Record<string, Detector[] | Fetched<Detector[]>>): Inventory {
  const regions = Object.fromEntries(Object.entries(byRegion).map(([region, d]) => [region, { detectors: Array.isArray(d) ? ok(d) : d }]));
  return inventory({ regions: Object.keys(byRegion), guardduty: { regions } });
}
