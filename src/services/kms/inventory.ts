import type { Fetched } from "../../inventory/common.js";
import type { ResourceRef } from "../../results.js";

/** What DescribeKey says about a key (the fields the checks use, and a few that name it). */
export interface KmsKeyMetadata {
  /** "CUSTOMER" (the account's own key) or "AWS" (an AWS managed key, `alias/aws/<service>`, which AWS administers). */
  keyManager: string;
  /** "SYMMETRIC_DEFAULT", "RSA_2048", "ECC_NIST_P256", "HMAC_256", … */
  keySpec: string;
  /** "ENCRYPT_DECRYPT", "SIGN_VERIFY", "GENERATE_VERIFY_MAC", "KEY_AGREEMENT". */
  keyUsage: string;
  /** Where the key material comes from: "AWS_KMS", "EXTERNAL" (imported), "AWS_CLOUDHSM", "EXTERNAL_KEY_STORE". */
  origin: string;
  /** "Enabled", "Disabled", "PendingDeletion", "PendingReplicaDeletion", "PendingImport", "Unavailable", "Creating", "Updating". */
  keyState: string;
  enabled: boolean;
  description?: string;
  createdAt?: string;
  /** When a key pending deletion will be deleted (a replica pending deletion may not have one yet). */
  deletionDate?: string;
  /** The waiting period of a multi-Region replica pending deletion. */
  pendingDeletionWindowInDays?: number;
  /** Set for keys in a custom key store (CloudHSM or external). */
  customKeyStoreId?: string;
  multiRegion: boolean;
  /** "PRIMARY" or "REPLICA", for multi-Region keys. */
  multiRegionKeyType?: string;
}

/** GetKeyRotationStatus: whether AWS KMS rotates the key material automatically, and when. */
export interface KeyRotation {
  enabled: boolean;
  rotationPeriodInDays?: number;
  nextRotationDate?: string;
  /** An on-demand rotation in progress. */
  onDemandRotationStartDate?: string;
}

export interface KmsKey {
  keyId: string;
  arn: string;
  /** DescribeKey, read with the listing: the key policy can deny it to the scanner, so it can fail for one key. */
  metadata: Fetched<KmsKeyMetadata>;
  /**
   * GetKeyRotationStatus; absent when not collected. `null`: automatic rotation does not apply, and the
   * status was not asked for (DescribeKey shows an AWS managed key, a key that is not symmetric with
   * AWS_KMS key material, a key in a custom key store, or a key pending deletion) or AWS answered
   * UnsupportedOperationException.
   */
  rotation?: Fetched<KeyRotation | null>;
  /**
   * GetKeyPolicy (the "default" policy, the only one a key has), as JSON text; absent when not collected.
   * `null`: not asked for, because DescribeKey shows an AWS managed key (AWS writes its policy; nobody can change it).
   */
  policy?: Fetched<string | null>;
}

export interface KmsAlias {
  /** `alias/<name>`; AWS managed keys' are `alias/aws/<service>`. */
  name: string;
  arn?: string;
  /** The key the alias names; absent for AWS's predefined aliases not yet backed by a key. */
  targetKeyId?: string;
}

/** Everything KMS read in one region. */
export interface KmsRegionInventory {
  /** The region's keys, customer managed and AWS managed, each with its DescribeKey metadata. */
  keys?: Fetched<KmsKey[]>;
  /** The region's aliases: they name keys in messages, and decide nothing. */
  aliases?: Fetched<KmsAlias[]>;
}

export interface KmsInventory {
  /** Keyed by region name; a scanned region missing here was not collected. */
  regions: Record<string, KmsRegionInventory>;
}

export const keyResource = (k: Pick<KmsKey, "arn" | "keyId">): ResourceRef => ({ arn: k.arn, id: k.keyId, type: "AWS::KMS::Key" });

/** Customer managed, symmetric, AWS_KMS key material outside a custom key store: the keys AWS KMS can rotate automatically. */
export const rotationApplies = (m: KmsKeyMetadata): boolean =>
  m.keyManager === "CUSTOMER" && m.keySpec === "SYMMETRIC_DEFAULT" && m.origin === "AWS_KMS" && m.customKeyStoreId === undefined;

/** A key (or a multi-Region replica) that is scheduled for deletion. */
export const pendingDeletion = (m: KmsKeyMetadata): boolean => m.keyState === "PendingDeletion" || m.keyState === "PendingReplicaDeletion";
