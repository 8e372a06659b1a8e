import type { Check } from "../../src/check.js";
import backupsRetained from "./backups-retained.js";
import deletionProtection from "./deletion-protection.js";
import iamAuthentication from "./iam-authentication.js";
import instanceAutoMinorVersionUpgrade from "./instance-auto-minor-version-upgrade.js";
import instanceMultiAz from "./instance-multi-az.js";
import instanceNotPublic from "./instance-not-public.js";
import instanceStorageEncrypted from "./instance-storage-encrypted.js";
import snapshotNotPublic from "./snapshot-not-public.js";

export const rdsChecks: readonly Check[] = [
  instanceStorageEncrypted,
  instanceAutoMinorVersionUpgrade,
  instanceNotPublic,
  instanceMultiAz,
  snapshotNotPublic,
  deletionProtection,
  iamAuthentication,
  backupsRetained,
];
