import type { Fetched } from "../../inventory/common.js";

/**
 * IAM is global: everything here was read through the home region's endpoint, and
 * findings about it carry the region "global".
 *
 * Policy documents are stored as JSON text, already URL-decoded by the collector.
 */

/** An inline policy embedded in a user, group or role. */
export interface IamInlinePolicy {
  name: string;
  /** Decoded JSON text. */
  document: string;
}

/** A managed policy attached to a user, group or role. */
export interface IamAttachedPolicy {
  name: string;
  arn: string;
}

export interface IamPolicyVersion {
  versionId: string;
  isDefault: boolean;
  createdAt?: string;
  /** Decoded JSON text. */
  document: string;
}

export interface IamManagedPolicy {
  arn: string;
  name: string;
  id?: string;
  path: string;
  /** AWS-managed (`arn:aws:iam::aws:policy/…`): AWS owns the document, the customer owns attaching it. */
  awsManaged: boolean;
  defaultVersionId?: string;
  attachmentCount?: number;
  permissionsBoundaryUsageCount?: number;
  /** Customer-managed policies keep every version; AWS-managed ones only the default. */
  versions: IamPolicyVersion[];
}

export interface IamUser {
  name: string;
  id: string;
  arn: string;
  path: string;
  createdAt?: string;
  /** Group names. */
  groups: string[];
  inlinePolicies: IamInlinePolicy[];
  attachedPolicies: IamAttachedPolicy[];
  permissionsBoundaryArn?: string;
  /** The resource's tags (only when it has some). */
  tags?: Record<string, string>;
}

export interface IamGroup {
  name: string;
  id: string;
  arn: string;
  path: string;
  createdAt?: string;
  inlinePolicies: IamInlinePolicy[];
  attachedPolicies: IamAttachedPolicy[];
}

export interface IamRole {
  name: string;
  id: string;
  arn: string;
  path: string;
  createdAt?: string;
  /** The trust (assume-role) policy, decoded JSON text; null when the role has none. */
  trustPolicy: string | null;
  inlinePolicies: IamInlinePolicy[];
  attachedPolicies: IamAttachedPolicy[];
  permissionsBoundaryArn?: string;
  lastUsedAt?: string;
  lastUsedRegion?: string;
  /** Instance profile ARNs the role is in. */
  instanceProfiles: string[];
  /** The resource's tags (only when it has some). */
  tags?: Record<string, string>;
}

/** Everything GetAccountAuthorizationDetails returned, in one pass. */
export interface IamAuthorizationDetails {
  users: IamUser[];
  groups: IamGroup[];
  roles: IamRole[];
  /** Customer-managed policies, and AWS-managed policies that are attached or referenced. */
  policies: IamManagedPolicy[];
}

export interface IamPasswordPolicy {
  minimumLength?: number;
  requireSymbols: boolean;
  requireNumbers: boolean;
  requireUppercase: boolean;
  requireLowercase: boolean;
  allowUsersToChange: boolean;
  expirePasswords: boolean;
  maxAgeDays?: number;
  /** How many previous passwords cannot be reused; absent: reuse is not prevented. */
  reusePrevention?: number;
  hardExpiry?: boolean;
}

export interface CredentialReportAccessKey {
  /** 1 or 2, the column group in the report. */
  slot: number;
  active: boolean;
  /** ISO-8601; null when there is no such key. */
  lastRotated: string | null;
  /** ISO-8601; null when never used (or no key). */
  lastUsed: string | null;
  lastUsedRegion: string | null;
  lastUsedService: string | null;
}

export interface CredentialReportCertificate {
  slot: number;
  active: boolean;
  lastRotated: string | null;
}

/** One row of the credential report. Dates are ISO-8601 strings; null stands for N/A / no_information / not_supported. */
export interface CredentialReportEntry {
  user: string;
  arn: string;
  /** The `<root_account>` row. */
  isRoot: boolean;
  createdAt: string | null;
  /** null: not applicable (the root row says `not_supported`). */
  passwordEnabled: boolean | null;
  passwordLastUsed: string | null;
  passwordLastChanged: string | null;
  mfaActive: boolean;
  accessKeys: CredentialReportAccessKey[];
  certificates: CredentialReportCertificate[];
}

export interface CredentialReport {
  generatedAt: string | null;
  entries: CredentialReportEntry[];
}

export interface IamVirtualMfaDevice {
  serialNumber: string;
  /** The user the device is assigned to (the root user's ARN ends in `:root`). */
  userArn?: string;
  userName?: string;
  enabledAt?: string;
}

/** A server certificate stored in IAM (ListServerCertificates): its metadata, never its body or key. */
export interface IamServerCertificate {
  name: string;
  id: string;
  arn: string;
  path: string;
  uploadedAt?: string;
  /** ISO-8601; absent when the API did not say. */
  expiresAt?: string;
}

// ---- federation and the organization ------------------------------------------------------------

/** A SAML identity provider (ListSAMLProviders). */
export interface IamSamlProvider {
  arn: string;
  /** The provider's name: the last part of its ARN. */
  name: string;
  createdAt?: string;
  /** When the provider's SAML metadata expires. */
  validUntil?: string;
}

/** An OpenID Connect identity provider (ListOpenIDConnectProviders gives only the ARN, which holds the issuer URL). */
export interface IamOidcProvider {
  arn: string;
  /** The issuer host and path, from the ARN (`token.actions.githubusercontent.com`). */
  url: string;
}

/** The AWS Organizations organization the account belongs to (DescribeOrganization). */
export interface IamOrganization {
  id: string;
  arn?: string;
  managementAccountId?: string;
  /** "ALL" | "CONSOLIDATED_BILLING" */
  featureSet?: string;
}

export interface IamInventory {
  authorizationDetails?: Fetched<IamAuthorizationDetails>;
  /** GetAccountSummary's SummaryMap (AccountMFAEnabled, AccountAccessKeysPresent, …). */
  accountSummary?: Fetched<Record<string, number>>;
  /** null: the account has no password policy (NoSuchEntity). */
  passwordPolicy?: Fetched<IamPasswordPolicy | null>;
  credentialReport?: Fetched<CredentialReport>;
  virtualMfaDevices?: Fetched<IamVirtualMfaDevice[]>;
  /** Server certificates stored in IAM (for load balancers and CloudFront where ACM is not used). */
  serverCertificates?: Fetched<IamServerCertificate[]>;
  samlProviders?: Fetched<IamSamlProvider[]>;
  oidcProviders?: Fetched<IamOidcProvider[]>;
  /** null: the account is not in an organization (AWSOrganizationsNotInUseException). */
  organization?: Fetched<IamOrganization | null>;
}

/** AWS-managed policies live in the `aws` account of the partition. */
export const isAwsManagedPolicyArn = (arn: string): boolean => /^arn:[^:]+:iam::aws:policy\//.test(arn);

/** Service-linked roles belong to AWS services; their policies are AWS's, not the customer's. */
export const isServiceLinkedRole = (role: Pick<IamRole, "path">): boolean => role.path.startsWith("/aws-service-role/");
