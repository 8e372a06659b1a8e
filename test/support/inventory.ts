import { SNAPSHOT_FORMAT, type CallError, type Fetched, type Inventory } from "../../src/inventory/index.js";
import type { S3Bucket } from "../../src/inventory/s3.js";

export const ACCOUNT = "123456789012";

export const ok = <T>(value: T): Fetched<T> => ({ ok: true, value });
export const denied = (operation: string, service = "s3", region = "us-east-1", resource?: string): Fetched<never> => ({
  ok: false,
  error: callError(operation, service, region, resource),
});
export const callError = (
  operation: string,
  service = "s3",
  region = "us-east-1",
  resource?: string,
  code = "AccessDenied",
): CallError => ({
  service,
  region,
  operation,
  code,
  message: "Access Denied",
  ...(resource ? { resource } : {}),
});

/** A minimal inventory; pass the service parts a test needs. */
export function inventory(parts: Partial<Inventory> = {}): Inventory {
  return {
    format: SNAPSHOT_FORMAT,
    accountId: ACCOUNT,
    partition: "aws",
    regions: ["us-east-1"],
    collectedAt: "2026-11-01T00:00:00.000Z",
    slices: [],
    errors: [],
    ...parts,
  };
}

/** A bucket with everything read and private, unless overridden. */
export function bucket(name: string, overrides: Partial<S3Bucket> = {}): S3Bucket {
  return {
    name,
    arn: `arn:aws:s3:::${name}`,
    region: ok("us-east-1"),
    publicAccessBlock: ok(null),
    policy: ok(null),
    policyStatusIsPublic: ok(null),
    acl: ok({ ownerId: "owner", grants: [{ granteeType: "CanonicalUser", granteeId: "owner", permission: "FULL_CONTROL" }] }),
    encryption: ok(null),
    ownership: ok(null),
    versioning: ok({ status: null, mfaDelete: null }),
    logging: ok(null),
    ...overrides,
  };
}

export const s3Inventory = (
  buckets: S3Bucket[],
  accountPab: Inventory["s3"] extends infer S ? (S extends { accountPublicAccessBlock?: infer P } ? P : never) : never = ok(null),
): Inventory => inventory({ s3: { buckets: ok(buckets), accountPublicAccessBlock: accountPab } });

export const policy = (...statements: object[]): string => JSON.stringify({ Version: "2012-10-17", Statement: statements });
