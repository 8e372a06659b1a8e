/** Amazon EFS builders for hand-made inventories. */
import type { Fetched, Inventory } from "../../../src/inventory/index.js";
import type { FileSystem } from "../../../src/services/efs/inventory.js";
import { ACCOUNT, inventory, ok } from "../../support/fixtures/index.js";

export const US = "us-east-1";
export const EU = "eu-west-1";

/** An encrypted, available file system of `region` with no file system policy unless one is given. */
export const fileSystem = (id: string, region: string, overrides: Partial<FileSystem> = {}): FileSystem => ({
  id,
  arn: `arn:aws:elasticfilesystem:${region}:${ACCOUNT}:file-system/${id}`,
  encrypted: true,
  kmsKeyId: `arn:aws:kms:${region}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
  lifeCycleState: "available",
  createdAt: "2026-01-15T09:30:00.000Z",
  performanceMode: "generalPurpose",
  throughputMode: "elastic",
  numberOfMountTargets: 2,
  policy: ok(null),
  ...overrides,
});

/** A file system created without encryption. */
export function unencrypted(id: string, region: string, overrides: Partial<FileSystem> = {}): FileSystem {
  const { kmsKeyId: _key, ...rest } = fileSystem(id, region, overrides);
  return { ...rest, encrypted: false };
}

/** A file system policy document's text. */
export const policyText = (...statements: object[]): Fetched<string> =>
  ok(JSON.stringify({ Version: "2012-10-17", Id: "efs-policy", Statement: statements }));

export const CLIENT_ACTIONS = ["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite", "elasticfilesystem:ClientRootAccess"];

/** An inventory whose scanned regions list these file systems. */
export function fileSystemsInventory(byRegion: Record<string, FileSystem[] | Fetched<FileSystem[]>>): Inventory {
  const regions = Object.fromEntries(
    Object.entries(byRegion).map(([region, f]) => [region, { fileSystems: Array.isArray(f) ? ok(f) : f }]),
  );
  return inventory({ regions: Object.keys(byRegion), efs: { regions } });
}
