import type { Check } from "../../src/check.js";
import accountBlockPublicAccess from "./account-block-public-access.js";
import bucketPublicPolicy from "./bucket-public-policy.js";
import bucketPublicAcl from "./bucket-public-acl.js";
import bucketAclsDisabled from "./bucket-acls-disabled.js";
import bucketDefaultEncryption from "./bucket-default-encryption.js";
import bucketTlsOnly from "./bucket-tls-only.js";
import bucketAccessLogging from "./bucket-access-logging.js";
import bucketVersioning from "./bucket-versioning.js";
import bucketMfaDelete from "./bucket-mfa-delete.js";
import bucketBlockPublicAccess from "./bucket-block-public-access.js";
import accessPointBlockPublicAccess from "./access-point-block-public-access.js";
import bucketCrossAccountAccess from "./bucket-cross-account-access.js";
import bucketKmsCmkEncryption from "./bucket-kms-cmk-encryption.js";
import bucketObjectLock from "./bucket-object-lock.js";
import bucketReplication from "./bucket-replication.js";

export const s3Checks: readonly Check[] = [
  accountBlockPublicAccess,
  bucketPublicPolicy,
  bucketPublicAcl,
  bucketAclsDisabled,
  bucketDefaultEncryption,
  bucketTlsOnly,
  bucketAccessLogging,
  bucketVersioning,
  bucketMfaDelete,
  bucketBlockPublicAccess,
  accessPointBlockPublicAccess,
  bucketCrossAccountAccess,
  bucketKmsCmkEncryption,
  bucketObjectLock,
  bucketReplication,
];
