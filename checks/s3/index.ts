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
];
