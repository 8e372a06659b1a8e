/** KMS builders for hand-made inventories (the fixture kit's, kept with the service's tests). */
import type { Fetched, Inventory } from "../../../src/inventory/index.js";
import type { KmsAlias, KmsKey, KmsKeyMetadata } from "../../../src/services/kms/inventory.js";
import { ACCOUNT, inventory, NOW, ok } from "../../support/fixtures/index.js";

export const US = "us-east-1";
export const EU = "eu-west-1";

/** A key id in AWS's shape, from a short tag: `k("app")` → `app00000-0000-4000-8000-000000000000`. */
export const k = (tag: string): string => `${tag.padEnd(8, "0").slice(0, 8)}-0000-4000-8000-000000000000`;

export const keyArn = (keyId: string, region = US): string => `arn:aws:kms:${region}:${ACCOUNT}:key/${keyId}`;

/** The default key policy: the account's root, and through it IAM policies, may use and manage the key. */
export const ROOT_ONLY = JSON.stringify({
  Version: "2012-10-17",
  Id: "key-default-1",
  Statement: [
    {
      Sid: "Enable IAM User Permissions",
      Effect: "Allow",
      Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
      Action: "kms:*",
      Resource: "*",
    },
  ],
});

/** A key policy: the default root statement, then these. */
export const keyPolicy = (...statements: object[]): string =>
  JSON.stringify({ Version: "2012-10-17", Statement: [...JSON.parse(ROOT_ONLY).Statement, ...statements] });

/** The metadata of an enabled customer managed symmetric key with AWS_KMS key material, unless overridden. */
export const metadata = (overrides: Partial<KmsKeyMetadata> = {}): KmsKeyMetadata => ({
  keyManager: "CUSTOMER",
  keySpec: "SYMMETRIC_DEFAULT",
  keyUsage: "ENCRYPT_DECRYPT",
  origin: "AWS_KMS",
  keyState: "Enabled",
  enabled: true,
  createdAt: "2025-01-01T00:00:00.000Z",
  multiRegion: false,
  ...overrides,
});

/** An AWS managed key's metadata (`alias/aws/<service>`). */
export const awsManaged = (overrides: Partial<KmsKeyMetadata> = {}): KmsKeyMetadata => metadata({ keyManager: "AWS", ...overrides });

/** Scheduled for deletion `days` after the scan. */
export const pendingDeletion = (days: number, overrides: Partial<KmsKeyMetadata> = {}): KmsKeyMetadata =>
  metadata({
    keyState: "PendingDeletion",
    enabled: false,
    deletionDate: new Date(Date.parse(NOW) + days * 86_400_000).toISOString(),
    ...overrides,
  });

/** A key with everything read: its metadata, rotation on, the default key policy — unless overridden. */
export function key(tag: string, overrides: Partial<KmsKey> & { region?: string } = {}): KmsKey {
  const { region = US, ...rest } = overrides;
  const keyId = k(tag);
  return {
    keyId,
    arn: keyArn(keyId, region),
    metadata: ok(metadata()),
    rotation: ok({ enabled: true, rotationPeriodInDays: 365, nextRotationDate: "2026-12-01T00:00:00.000Z" }),
    policy: ok(ROOT_ONLY),
    ...rest,
  };
}

export const alias = (name: string, targetTag?: string): KmsAlias => ({
  name,
  arn: `arn:aws:kms:${US}:${ACCOUNT}:${name}`,
  ...(targetTag ? { targetKeyId: k(targetTag) } : {}),
});

/** An inventory whose scanned regions hold these keys (and aliases: none, unless given). */
export function kmsInventory(
  byRegion: Record<string, KmsKey[] | Fetched<KmsKey[]>>,
  aliases: Record<string, KmsAlias[] | Fetched<KmsAlias[]>> = {},
): Inventory {
  const fetched = <T>(v: T[] | Fetched<T[]>): Fetched<T[]> => (Array.isArray(v) ? ok(v) : v);
  const regions = Object.fromEntries(
    Object.entries(byRegion).map(([region, keys]) => [region, { keys: fetched(keys), aliases: fetched(aliases[region] ?? []) }]),
  );
  return inventory({ regions: Object.keys(byRegion), kms: { regions } });
}

/** DescribeKey denied for one key (a key policy can deny it to the scanner): the listing read, this key's metadata failed. */
export const describeDenied = (keyId: string, region = US): KmsKey["metadata"] => ({
  ok: false,
  error: {
    service: "kms",
    region,
    operation: "DescribeKey",
    code: "AccessDeniedException",
    message: `User: arn:aws:iam::${ACCOUNT}:user/scanner is not authorized to perform: kms:DescribeKey on resource: ${keyArn(keyId, region)}`,
    resource: keyArn(keyId, region),
  },
});
