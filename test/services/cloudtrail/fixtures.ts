/** CloudTrail builders for hand-made inventories (the fixture kit's, kept with the service's tests). */
import type { Fetched, Inventory } from "../../../src/inventory/index.js";
import type { AdvancedEventSelector, EventSelector, Trail, TrailSelectors } from "../../../src/services/cloudtrail/inventory.js";
import { ACCOUNT, inventory, ok } from "../../support/fixtures/index.js";

export const US = "us-east-1";
export const EU = "eu-west-1";

export const basic = (
  readWriteType: string,
  dataResources: EventSelector["dataResources"] = [],
  includeManagementEvents = true,
): EventSelector => ({
  readWriteType,
  includeManagementEvents,
  dataResources,
  excludeManagementEventSources: [],
});

/** Every management event, read and write. */
export const ALL_MANAGEMENT: TrailSelectors = { basic: [basic("All")], advanced: [] };
/** Every management event and every S3 object event of every bucket. */
export const MANAGEMENT_AND_S3: TrailSelectors = {
  basic: [basic("All", [{ type: "AWS::S3::Object", values: ["arn:aws:s3"] }])],
  advanced: [],
};

export const advanced = (name: string, ...fieldSelectors: AdvancedEventSelector["fieldSelectors"]): AdvancedEventSelector => ({
  name,
  fieldSelectors,
});
export const eq = (field: string, ...values: string[]) => ({ field, equals: values });

/** A logging, validated, KMS-encrypted trail homed in us-east-1, recording every management event. */
export function trail(name: string, overrides: Partial<Trail> = {}): Trail {
  const homeRegion = overrides.homeRegion ?? US;
  return {
    name,
    arn: `arn:aws:cloudtrail:${homeRegion}:${ACCOUNT}:trail/${name}`,
    homeRegion,
    multiRegion: true,
    organizationTrail: false,
    includeGlobalServiceEvents: true,
    logFileValidation: true,
    kmsKeyId: `arn:aws:kms:${homeRegion}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
    s3BucketName: "trail-logs",
    status: ok({ isLogging: true }),
    selectors: ok(ALL_MANAGEMENT),
    ...overrides,
  };
}

/** An inventory whose scanned regions list these trails (and, optionally, S3 data). */
export function trailsInventory(byRegion: Record<string, Trail[] | Fetched<Trail[]>>, parts: Partial<Inventory> = {}): Inventory {
  const regions = Object.fromEntries(
    Object.entries(byRegion).map(([region, trails]) => [region, { trails: Array.isArray(trails) ? ok(trails) : trails }]),
  );
  return inventory({ regions: Object.keys(byRegion), cloudtrail: { regions }, ...parts });
}
