import type { Check } from "../../src/check.js";
import accessKeyRotation from "./access-key-rotation.js";
import cloudShellFullAccess from "./cloudshell-full-access.js";
import fullAdmin from "./full-admin.js";
import multipleActiveKeys from "./user-multiple-active-keys.js";
import noAccessKeysAtSetup from "./no-access-keys-at-setup.js";
import passwordPolicyExists from "./password-policy-exists.js";
import passwordPolicyLength from "./password-policy-min-length.js";
import passwordPolicyReuse from "./password-policy-reuse.js";
import permissionsManagement from "./permissions-management-on-all-resources.js";
import policyWildcardServiceActions from "./policy-wildcard-service-actions.js";
import privilegeEscalation from "./privilege-escalation.js";
import roleTrustExternalId from "./role-trust-cross-account-external-id.js";
import roleTrustPublic from "./role-trust-public.js";
import rootAccessKeys from "./root-access-keys.js";
import rootHardwareMfa from "./root-hardware-mfa.js";
import rootMfa from "./root-mfa.js";
import rootRecentUse from "./root-recent-use.js";
import serverCertificatesExpired from "./server-certificates-expired.js";
import supportRole from "./support-role.js";
import unusedCredentials from "./unused-credentials.js";
import userConsoleMfa from "./user-console-mfa.js";
import userDirectPolicies from "./user-direct-policies.js";
import passwordPolicyComplexity from "./password-policy-complexity.js";
import passwordPolicyExpiry from "./password-policy-expiry.js";
import adminConsoleMfa from "./admin-console-mfa.js";
import privilegedUserHardwareMfa from "./privileged-user-hardware-mfa.js";
import policyAssumeRoleAny from "./policy-assume-role-any.js";
import roleTrustServiceConfusedDeputy from "./role-trust-service-confused-deputy.js";
import roleCrossAccountBroadRead from "./role-cross-account-broad-read.js";
import federationLongLivedKeys from "./federation-long-lived-keys.js";

export const iamChecks: readonly Check[] = [
  fullAdmin,
  permissionsManagement,
  privilegeEscalation,
  roleTrustPublic,
  roleTrustExternalId,
  rootAccessKeys,
  rootMfa,
  rootHardwareMfa,
  rootRecentUse,
  userConsoleMfa,
  unusedCredentials,
  multipleActiveKeys,
  accessKeyRotation,
  userDirectPolicies,
  supportRole,
  passwordPolicyExists,
  passwordPolicyLength,
  passwordPolicyReuse,
  noAccessKeysAtSetup,
  policyWildcardServiceActions,
  cloudShellFullAccess,
  serverCertificatesExpired,
  passwordPolicyComplexity,
  passwordPolicyExpiry,
  adminConsoleMfa,
  privilegedUserHardwareMfa,
  policyAssumeRoleAny,
  roleTrustServiceConfusedDeputy,
  roleCrossAccountBroadRead,
  federationLongLivedKeys,
];
