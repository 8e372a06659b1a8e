import {
  GenerateCredentialReportCommand,
  GetAccountPasswordPolicyCommand,
  GetAccountSummaryCommand,
  GetCredentialReportCommand,
  IAMClient,
  paginateGetAccountAuthorizationDetails,
  paginateListVirtualMFADevices,
  type AttachedPolicy,
  type GetAccountAuthorizationDetailsResponse,
  type ManagedPolicyDetail,
  type PasswordPolicy,
  type PolicyDetail,
} from "@aws-sdk/client-iam";
import { parse } from "csv-parse/sync";
import { toCallError } from "../aws/errors.js";
import type { Fetched } from "../inventory/index.js";
import {
  isAwsManagedPolicyArn,
  type CredentialReport,
  type CredentialReportAccessKey,
  type CredentialReportCertificate,
  type CredentialReportEntry,
  type IamAttachedPolicy,
  type IamAuthorizationDetails,
  type IamInlinePolicy,
  type IamInventory,
  type IamManagedPolicy,
  type IamPasswordPolicy,
  type IamVirtualMfaDevice,
} from "../inventory/iam.js";
import { decodePolicyText } from "../policy/document.js";
import type { CollectContext, Collector } from "./context.js";

// ---- authorization details ------------------------------------------------------------

const iso = (d: Date | undefined): string | undefined => (d ? d.toISOString() : undefined);

/** Adds `key: value` only when value is defined (the inventory never carries `undefined`). */
const opt = <K extends string, V>(key: K, value: V | undefined | null): { [P in K]?: V } =>
  (value === undefined || value === null ? {} : { [key]: value }) as { [P in K]?: V };

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

async function readAuthorizationDetails(ctx: CollectContext, client: IAMClient, region: string) {
  return ctx.read("iam", region, "GetAccountAuthorizationDetails", async () => {
    const pages: GetAccountAuthorizationDetailsResponse[] = [];
    // 1000 is the API's largest page: the call count grows with the account only by whole pages.
    for await (const page of paginateGetAccountAuthorizationDetails({ client, pageSize: 1000 }, {})) pages.push(page);
    return toAuthorizationDetails(pages);
  });
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

export interface IamCollectorOptions {
  /** Waits between GenerateCredentialReport polls; its length bounds the number of polls. */
  reportPollDelaysMs?: readonly number[];
}

/** About 30 s in all: AWS usually finishes a report within seconds. */
export const DEFAULT_REPORT_POLL_DELAYS_MS: readonly number[] = [250, 500, 1000, 2000, 2000, 3000, 3000, 3000, 5000, 5000, 5000];

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function readCredentialReport(
  ctx: CollectContext,
  client: IAMClient,
  region: string,
  delays: readonly number[],
): Promise<Fetched<CredentialReport>> {
  // Poll outside ctx.read's concurrency slot, so waiting never holds up other calls.
  for (let attempt = 0; ; attempt++) {
    const state = await ctx.read(
      "iam",
      region,
      "GenerateCredentialReport",
      async () => (await client.send(new GenerateCredentialReportCommand({}))).State,
    );
    if (!state.ok) return state;
    if (state.value === "COMPLETE") break;
    const delay = delays[attempt];
    if (delay === undefined) {
      const error = toCallError(
        new CredentialReportNotReadyError(`the credential report was still ${state.value ?? "not ready"} after ${attempt + 1} polls`),
        "iam",
        region,
        "GenerateCredentialReport",
      );
      ctx.errors.push(error);
      return { ok: false, error };
    }
    await sleep(delay);
  }
  return ctx.read("iam", region, "GetCredentialReport", async () => {
    const out = await client.send(new GetCredentialReportCommand({}));
    const csv = out.Content ? Buffer.from(out.Content).toString("utf8") : "";
    return { generatedAt: iso(out.GeneratedTime) ?? null, entries: parseCredentialReport(csv) };
  });
}

// ---- account summary, password policy, virtual MFA ------------------------------------

function toPasswordPolicy(p: PasswordPolicy): IamPasswordPolicy {
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

async function readVirtualMfaDevices(ctx: CollectContext, client: IAMClient, region: string) {
  return ctx.read("iam", region, "ListVirtualMFADevices", async () => {
    const devices: IamVirtualMfaDevice[] = [];
    for await (const page of paginateListVirtualMFADevices({ client, pageSize: 1000 }, { AssignmentStatus: "Any" })) {
      for (const d of page.VirtualMFADevices ?? []) {
        devices.push({
          serialNumber: d.SerialNumber ?? "",
          ...opt("userArn", d.User?.Arn),
          ...opt("userName", d.User?.UserName || undefined),
          ...opt("enabledAt", iso(d.EnableDate)),
        });
      }
    }
    return devices;
  });
}

// ---- the collector ----------------------------------------------------------------------

/**
 * IAM in a fixed number of calls: authorization details (one call per 1000 entities),
 * account summary, password policy, credential report (polled), virtual MFA devices.
 * Nothing is fetched per user, group, role or policy.
 */
export function createIamCollector(options: IamCollectorOptions = {}): Collector<"iam"> {
  const delays = options.reportPollDelaysMs ?? DEFAULT_REPORT_POLL_DELAYS_MS;
  return {
    service: "iam",
    async collect(ctx) {
      const region = ctx.session.homeRegion;
      const client = ctx.session.client(IAMClient, "iam", region);
      const [authorizationDetails, accountSummary, passwordPolicy, credentialReport, virtualMfaDevices] = await Promise.all([
        ctx.wants("iam.authorizationDetails") ? readAuthorizationDetails(ctx, client, region) : undefined,
        ctx.wants("iam.accountSummary")
          ? ctx.read("iam", region, "GetAccountSummary", async () => {
              const map = (await client.send(new GetAccountSummaryCommand({}))).SummaryMap ?? {};
              return Object.fromEntries(Object.entries(map).filter((e): e is [string, number] => typeof e[1] === "number"));
            })
          : undefined,
        ctx.wants("iam.passwordPolicy")
          ? ctx.readOptional("iam", region, "GetAccountPasswordPolicy", ["NoSuchEntity", "NoSuchEntityException"], async () => {
              const policy = (await client.send(new GetAccountPasswordPolicyCommand({}))).PasswordPolicy;
              return policy ? toPasswordPolicy(policy) : null;
            })
          : undefined,
        ctx.wants("iam.credentialReport") ? readCredentialReport(ctx, client, region, delays) : undefined,
        ctx.wants("iam.virtualMfaDevices") ? readVirtualMfaDevices(ctx, client, region) : undefined,
      ]);
      if (authorizationDetails?.ok) {
        const d = authorizationDetails.value;
        ctx.progress(`iam: ${d.users.length} users, ${d.groups.length} groups, ${d.roles.length} roles, ${d.policies.length} policies`);
      }
      const inventory: IamInventory = {
        ...opt("authorizationDetails", authorizationDetails),
        ...opt("accountSummary", accountSummary),
        ...opt("passwordPolicy", passwordPolicy),
        ...opt("credentialReport", credentialReport),
        ...opt("virtualMfaDevices", virtualMfaDevices),
      };
      return inventory;
    },
  };
}

export const iamCollector: Collector<"iam"> = createIamCollector();
