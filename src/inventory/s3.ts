import { op, type Fetched, type SliceSpec } from "./common.js";

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
}

export interface S3Inventory {
  /** ok:false when ListBuckets itself failed. */
  buckets: Fetched<S3Bucket[]>;
  /** Account-level Block Public Access (S3 Control); null: not configured. */
  accountPublicAccessBlock?: Fetched<PublicAccessBlock | null>;
}

export const S3_SLICES = {
  "s3.buckets": {
    description: "bucket list and each bucket's region",
    operations: [op("s3", "ListBuckets", "s3:ListAllMyBuckets"), op("s3", "GetBucketLocation")],
  },
  "s3.bucketPublicAccessBlock": {
    description: "bucket-level Block Public Access",
    operations: [op("s3", "GetPublicAccessBlock", "s3:GetBucketPublicAccessBlock")],
  },
  "s3.bucketPolicy": {
    description: "bucket policy documents",
    operations: [op("s3", "GetBucketPolicy")],
  },
  "s3.bucketPolicyStatus": {
    description: "AWS's own public-policy verdict",
    operations: [op("s3", "GetBucketPolicyStatus")],
  },
  "s3.bucketAcl": { description: "bucket ACLs", operations: [op("s3", "GetBucketAcl")] },
  "s3.bucketEncryption": {
    description: "default bucket encryption",
    operations: [op("s3", "GetBucketEncryption", "s3:GetEncryptionConfiguration")],
  },
  "s3.bucketOwnership": {
    description: "Object Ownership controls",
    operations: [op("s3", "GetBucketOwnershipControls")],
  },
  "s3.bucketVersioning": { description: "versioning and MFA delete", operations: [op("s3", "GetBucketVersioning")] },
  "s3.bucketLogging": { description: "server access logging", operations: [op("s3", "GetBucketLogging")] },
  "s3.accountPublicAccessBlock": {
    description: "account-level Block Public Access",
    operations: [op("s3-control", "GetPublicAccessBlock", "s3:GetAccountPublicAccessBlock")],
  },
} as const satisfies Record<string, SliceSpec>;

export type S3SliceId = keyof typeof S3_SLICES;
