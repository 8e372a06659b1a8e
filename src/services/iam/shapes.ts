/** SDK shapes → IAM inventory: authorization details, the credential report CSV, the password policy. */
import type {
  AttachedPolicy,
  GetAccountAuthorizationDetailsResponse,
  ManagedPolicyDetail,
  PasswordPolicy,
  PolicyDetail,
} from "@aws-sdk/client-iam";
import { parse } from "csv-parse/sync";
import { decodePolicyText } from "../../policy/document.js";
import {
  isAwsManagedPolicyArn,
  type CredentialReportAccessKey,
  type CredentialReportCertificate,
  type CredentialReportEntry,
  type IamAttachedPolicy,
  type IamAuthorizationDetails,
  type IamInlinePolicy,
  type IamManagedPolicy,
  type IamPasswordPolicy,
} from "./inventory.js";
import { opt, tagsOf } from "../../collect/sdk.js";

export const iso = (d: Date | undefined): string | undefined => (d ? d.toISOString() : undefined);

const inline = (list: PolicyDetail[] | undefined): IamInlinePolicy[] =>
  (list ?? []).map((p) => ({ name: p.PolicyName ?? "", document: decodePolicyText(p.PolicyDocument ?? "") }));

const attached = (list: AttachedPolicy[] | undefined): IamAttachedPolicy[] =>
  (list ?? []).map((p) => ({ arn: p.PolicyArn ?? "", name: p.PolicyName ?? nameFromArn(p.PolicyArn ?? "") }));

/** `arn:aws:iam::aws:policy/job-function/ViewOnlyAccess` → `ViewOnlyAccess` (moto omits PolicyName). */
export const nameFromArn = (arn: string): string => arn.slice(arn.lastIndexOf("/") + 1);

function managedPolicy(p: ManagedPolicyDetail): IamManagedPolicy {
  const arn = p.Arn ?? "";
  const awsManaged = isAwsManagedPolicyArn(arn);
  const versions = (p.PolicyVersionList ?? [])
    .filter((v) => !awsManaged || v.IsDefaultVersion === true)
    .map((v) => ({
      versionId: v.VersionId ?? "",
      isDefault: v.IsDefaultVersion === true,
      ...opt("createdAt", iso(v.CreateDate)),
      document: decodePolicyText(v.Document ?? ""),
    }));
  return {
    arn,
    name: p.PolicyName ?? nameFromArn(arn),
    ...opt("id", p.PolicyId),
    path: p.Path ?? "/",
    awsManaged,
    ...opt("defaultVersionId", p.DefaultVersionId),
    ...opt("attachmentCount", p.AttachmentCount),
    ...opt("permissionsBoundaryUsageCount", p.PermissionsBoundaryUsageCount),
    versions,
  };
}

/** Turns the pages of GetAccountAuthorizationDetails into the inventory's shape. */
export function toAuthorizationDetails(pages: readonly GetAccountAuthorizationDetailsResponse[]): IamAuthorizationDetails {
  const users = pages
    .flatMap((p) => p.UserDetailList ?? [])
    .map((u) => ({
      name: u.UserName ?? "",
      id: u.UserId ?? "",
      arn: u.Arn ?? "",
      path: u.Path ?? "/",
      ...opt("createdAt", iso(u.CreateDate)),
      groups: u.GroupList ?? [],
      inlinePolicies: inline(u.UserPolicyList),
      attachedPolicies: attached(u.AttachedManagedPolicies),
      ...opt("permissionsBoundaryArn", u.PermissionsBoundary?.PermissionsBoundaryArn),
      ...tagsOf(u.Tags),
    }));
  const groups = pages
    .flatMap((p) => p.GroupDetailList ?? [])
    .map((g) => ({
      name: g.GroupName ?? "",
      id: g.GroupId ?? "",
      arn: g.Arn ?? "",
      path: g.Path ?? "/",
      ...opt("createdAt", iso(g.CreateDate)),
      inlinePolicies: inline(g.GroupPolicyList),
      attachedPolicies: attached(g.AttachedManagedPolicies),
    }));
  const roles = pages
    .flatMap((p) => p.RoleDetailList ?? [])
    .map((r) => ({
      name: r.RoleName ?? "",
      id: r.RoleId ?? "",
      arn: r.Arn ?? "",
      path: r.Path ?? "/",
      ...opt("createdAt", iso(r.CreateDate)),
      // AWS URL-encodes the trust policy; moto sends plain JSON. decodePolicyText handles both.
      trustPolicy: r.AssumeRolePolicyDocument ? decodePolicyText(r.AssumeRolePolicyDocument) : null,
      inlinePolicies: inline(r.RolePolicyList),
      attachedPolicies: attached(r.AttachedManagedPolicies),
      ...opt("permissionsBoundaryArn", r.PermissionsBoundary?.PermissionsBoundaryArn),
      ...opt("lastUsedAt", iso(r.RoleLastUsed?.LastUsedDate)),
      ...opt("lastUsedRegion", r.RoleLastUsed?.Region),
      instanceProfiles: (r.InstanceProfileList ?? []).map((ip) => ip.Arn ?? "").filter(Boolean),
      ...tagsOf(r.Tags),
    }));

  // Keep every customer-managed policy, but only the AWS-managed policies someone uses:
  // the API (and moto) may list the whole AWS catalogue, which says nothing about this account.
  const referenced = new Set<string>();
  for (const p of [...users, ...groups, ...roles]) for (const a of p.attachedPolicies) referenced.add(a.arn);
  for (const p of [...users, ...roles]) if (p.permissionsBoundaryArn) referenced.add(p.permissionsBoundaryArn);
  const policies = pages
    .flatMap((p) => p.Policies ?? [])
    .filter((p) => {
      const arn = p.Arn ?? "";
      return !isAwsManagedPolicyArn(arn) || referenced.has(arn) || (p.AttachmentCount ?? 0) > 0;
    })
    .map(managedPolicy);
  return { users, groups, roles, policies };
}

// ---- credential report -----------------------------------------------------------------

/** The report's ways of saying "no value": no such credential, never used, not applicable to root. */
const NO_VALUE = new Set(["", "n/a", "no_information", "not_supported"]);

const REQUIRED_COLUMNS = ["user", "arn", "password_enabled", "mfa_active", "access_key_1_active", "access_key_2_active"];

export class CredentialReportFormatError extends Error {
  override name = "CredentialReportFormatError";
}

export class CredentialReportNotReadyError extends Error {
  override name = "CredentialReportNotReady";
}

function dateOrNull(value: string | undefined): string | null {
  if (value === undefined || NO_VALUE.has(value.trim().toLowerCase())) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

const textOrNull = (value: string | undefined): string | null =>
  value === undefined || NO_VALUE.has(value.trim().toLowerCase()) ? null : value;

const isTrue = (value: string | undefined): boolean => value?.trim().toLowerCase() === "true";

function boolOrNull(value: string | undefined): boolean | null {
  const v = value?.trim().toLowerCase();
  return v === "true" ? true : v === "false" ? false : null;
}

const accessKey = (row: Record<string, string>, slot: number): CredentialReportAccessKey => ({
  slot,
  active: isTrue(row[`access_key_${slot}_active`]),
  lastRotated: dateOrNull(row[`access_key_${slot}_last_rotated`]),
  lastUsed: dateOrNull(row[`access_key_${slot}_last_used_date`]),
  lastUsedRegion: textOrNull(row[`access_key_${slot}_last_used_region`]),
  lastUsedService: textOrNull(row[`access_key_${slot}_last_used_service`]),
});

const certificate = (row: Record<string, string>, slot: number): CredentialReportCertificate => ({
  slot,
  active: isTrue(row[`cert_${slot}_active`]),
  lastRotated: dateOrNull(row[`cert_${slot}_last_rotated`]),
});

/** Parses the credential report CSV, keeping the `<root_account>` row. Throws on a report without its columns. */
export function parseCredentialReport(csv: string): CredentialReportEntry[] {
  const rows = parse<Record<string, string>>(csv, { columns: true, skip_empty_lines: true, trim: true });
  const header =
    csv
      .split(/\r?\n/, 1)[0]
      ?.split(",")
      .map((c) => c.trim()) ?? [];
  const missing = REQUIRED_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length) throw new CredentialReportFormatError(`credential report lacks columns: ${missing.join(", ")}`);
  return rows.map((row) => ({
    user: row.user ?? "",
    arn: row.arn ?? "",
    isRoot: row.user === "<root_account>",
    createdAt: dateOrNull(row.user_creation_time),
    passwordEnabled: boolOrNull(row.password_enabled),
    passwordLastUsed: dateOrNull(row.password_last_used),
    passwordLastChanged: dateOrNull(row.password_last_changed),
    mfaActive: isTrue(row.mfa_active),
    accessKeys: [accessKey(row, 1), accessKey(row, 2)],
    certificates: [certificate(row, 1), certificate(row, 2)],
  }));
}

export function toPasswordPolicy(p: PasswordPolicy): IamPasswordPolicy {
  return {
    ...opt("minimumLength", p.MinimumPasswordLength),
    requireSymbols: p.RequireSymbols === true,
    requireNumbers: p.RequireNumbers === true,
    requireUppercase: p.RequireUppercaseCharacters === true,
    requireLowercase: p.RequireLowercaseCharacters === true,
    allowUsersToChange: p.AllowUsersToChangePassword === true,
    expirePasswords: p.ExpirePasswords === true,
    ...opt("maxAgeDays", p.MaxPasswordAge),
    ...opt("reusePrevention", p.PasswordReusePrevention),
    ...opt("hardExpiry", p.HardExpiry),
  };
}
