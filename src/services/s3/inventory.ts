import type { Fetched } from "../../inventory/common.js";
import type { ResourceRef } from "../../results.js";

export interface PublicAccessBlock {
  BlockPublicAcls: boolean;
  IgnorePublicAcls: boolean;
  BlockPublicPolicy: boolean;
  RestrictPublicBuckets: boolean;
}

export interface AclGrant {
  /** "Group" | "CanonicalUser" | "AmazonCustomerByEmail" */
  granteeType: string;
  granteeUri?: string;
  granteeId?: string;
  permission: string;
}

export interface BucketEncryptionRule {
  algorithm: string;
  kmsKeyId?: string;
  bucketKeyEnabled?: boolean;
}

export interface BucketLogging {
  targetBucket: string;
  targetPrefix?: string;
}

// ---- access points, Object Lock, replication ----------------------------------------------------

/** An access point of a bucket (ListAccessPoints), with its own Block Public Access (GetAccessPoint). */
export interface S3AccessPoint {
  name: string;
  arn: string;
  bucket: string;
  /** "Internet" | "VPC" */
  networkOrigin?: string;
  vpcId?: string;
  /** The access point's own Block Public Access; null: GetAccessPoint returned none. */
  publicAccessBlock: Fetched<PublicAccessBlock | null>;
}

export interface ObjectLockConfiguration {
  /** ObjectLockEnabled = "Enabled". */
  enabled: boolean;
  /** The default retention applied to new objects, when one is set. */
  defaultRetention?: { mode?: string; days?: number; years?: number };
}

export interface ReplicationRule {
  id?: string;
  /** "Enabled" | "Disabled" */
  status: string;
  destinationBucket?: string;
  destinationAccount?: string;
}

export interface ReplicationConfiguration {
  role?: string;
  rules: ReplicationRule[];
}

export interface S3Bucket {
  name: string;
  arn: string;
  /** The bucket's real region (from GetBucketLocation); ok:false when it could not be read. */
  region: Fetched<string>;
  createdAt?: string;
  /** null: no bucket-level Public Access Block configured. */
  publicAccessBlock?: Fetched<PublicAccessBlock | null>;
  /** The policy document as text; null: no bucket policy. */
  policy?: Fetched<string | null>;
  /** GetBucketPolicyStatus IsPublic; null when there is no policy or the answer was empty. */
  policyStatusIsPublic?: Fetched<boolean | null>;
  acl?: Fetched<{ ownerId?: string; grants: AclGrant[] }>;
  /** null: no default encryption configuration. */
  encryption?: Fetched<BucketEncryptionRule[] | null>;
  /** Object Ownership setting; null: no ownership controls configured. */
  ownership?: Fetched<string | null>;
  /** "Enabled" | "Suspended" | null (never enabled) */
  versioning?: Fetched<{ status: string | null; mfaDelete: string | null }>;
  /** null: server access logging not enabled. */
  logging?: Fetched<BucketLogging | null>;
  /** The bucket's tags; null: none. Read only when a mutelist entry matches by tag. */
  tags?: Fetched<Record<string, string> | null>;
  /** The bucket's access points (in its region, owned by the account). */
  accessPoints?: Fetched<S3AccessPoint[]>;
  /** null: no Object Lock configuration (Object Lock was never enabled). */
  objectLock?: Fetched<ObjectLockConfiguration | null>;
  /** null: no replication configuration. */
  replication?: Fetched<ReplicationConfiguration | null>;
}

export interface S3Inventory {
  /** ok:false when ListBuckets itself failed. */
  buckets?: Fetched<S3Bucket[]>;
  /** Account-level Block Public Access (S3 Control); null: not configured. */
  accountPublicAccessBlock?: Fetched<PublicAccessBlock | null>;
}

export const bucketResource = (b: Pick<S3Bucket, "arn" | "name">): ResourceRef => ({ arn: b.arn, id: b.name, type: "AWS::S3::Bucket" });

/** The bucket's region, or "unknown" when GetBucketLocation failed. */
export const bucketRegion = (b: Pick<S3Bucket, "region">): string => (b.region.ok ? b.region.value : "unknown");
