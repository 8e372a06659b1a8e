/**
 * Scanning several accounts in one run (`--organization`, `--accounts`): which accounts, how to get into
 * each (AssumeRole of `--role-name`, refreshed before expiry), and which shard of them this run scans.
 */
import { createHash } from "node:crypto";
import { OrganizationsClient, paginateListAccounts } from "@aws-sdk/client-organizations";
import { fromTemporaryCredentials } from "@aws-sdk/credential-providers";
import type { AwsCredentialIdentityProvider } from "@smithy/types";
import type { AwsSession } from "./aws/session.js";
import { safeMessage } from "./aws/errors.js";
import { UsageError } from "./errors.js";
import type { OperationSpec } from "./inventory/index.js";

/** The operations an organization scan adds, made with the caller's own credentials. Not reads of account data: see `policy`. */
export const ORGANIZATION_OPERATIONS: readonly OperationSpec[] = [
  { service: "organizations", operation: "ListAccounts", action: "organizations:ListAccounts" },
  { service: "sts", operation: "AssumeRole", action: "sts:AssumeRole" },
];

/** The session name every assumed role carries, so CloudTrail in the member account says who read. */
export const ROLE_SESSION_NAME = "yourside-scan";

export interface OrganizationPlan {
  /** Every ACTIVE account of the organization (organizations:ListAccounts). */
  organization: boolean;
  /** An explicit list (--accounts). */
  accounts?: string[];
  exclude: string[];
  roleName: string;
  externalId?: string;
  /** Accounts scanned at once. */
  accountConcurrency: number;
  /** This run's 1-based shard of the accounts. */
  shard?: Shard;
}

export interface Shard {
  index: number;
  count: number;
}

export interface TargetAccount {
  accountId: string;
  name?: string;
  /** The calling account itself: scanned with the caller's own credentials. */
  self: boolean;
}

const ACCOUNT_ID = /^\d{12}$/;

export function parseAccountIds(flag: string, items: readonly string[]): string[] {
  const bad = items.filter((a) => !ACCOUNT_ID.test(a));
  if (bad.length) throw new UsageError(`${flag}: not a 12-digit account id: ${bad.slice(0, 5).join(", ")}`);
  return [...new Set(items)];
}

/** `--shard K/N`: 1 ≤ K ≤ N ≤ 1000. */
export function parseShard(value: string): Shard {
  const m = /^\s*(\d{1,4})\s*\/\s*(\d{1,4})\s*$/.exec(value);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || count > 1000 || index < 1 || index > count)
    throw new UsageError(`--shard must be K/N with 1 <= K <= N <= 1000, e.g. 1/4 (got ${JSON.stringify(value)})`);
  return { index, count };
}

/**
 * The shard an account belongs to: a hash of its id, so an account stays in its shard however the
 * organization grows or shrinks, and shards listing the organization at slightly different times never
 * scan an account twice or miss one that both saw.
 */
export function shardOf(accountId: string, count: number): number {
  const h = createHash("sha256").update(accountId).digest();
  return (h.readUInt32BE(0) % count) + 1;
}

/** The ACTIVE accounts of the organization, with their names. A failure is a usage error: nothing to scan. */
export async function listOrganizationAccounts(session: AwsSession): Promise<{ accountId: string; name?: string }[]> {
  const client = session.client(OrganizationsClient, "organizations", session.homeRegion);
  const out: { accountId: string; name?: string }[] = [];
  try {
    for await (const page of paginateListAccounts({ client, pageSize: 20 }, {})) {
      for (const a of page.Accounts ?? []) {
        // `State` is the newer field; `Status` is still sent by AWS and moto.
        const state = (a as { State?: string }).State ?? a.Status;
        if (a.Id && state === "ACTIVE") out.push({ accountId: a.Id, ...(a.Name ? { name: a.Name } : {}) });
      }
    }
  } catch (err) {
    throw new UsageError(
      `--organization: cannot list the organization's accounts (organizations:ListAccounts: ${safeMessage(err)}); run from the management account or a delegated administrator, or use --accounts`,
    );
  }
  return out;
}

/** The accounts this run scans, sorted by id: the chosen ones plus the caller, minus the excluded, in this shard. */
export function targetAccounts(
  plan: OrganizationPlan,
  caller: string,
  listed: readonly { accountId: string; name?: string }[],
): TargetAccount[] {
  const byId = new Map<string, TargetAccount>();
  for (const a of listed)
    byId.set(a.accountId, { accountId: a.accountId, ...(a.name ? { name: a.name } : {}), self: a.accountId === caller });
  for (const id of plan.accounts ?? []) if (!byId.has(id)) byId.set(id, { accountId: id, self: id === caller });
  if (!byId.has(caller)) byId.set(caller, { accountId: caller, self: true });
  const excluded = new Set(plan.exclude);
  return [...byId.values()]
    .filter((a) => !excluded.has(a.accountId))
    .filter((a) => !plan.shard || shardOf(a.accountId, plan.shard.count) === plan.shard.index)
    .sort((a, b) => a.accountId.localeCompare(b.accountId));
}

export const roleArn = (partition: string, accountId: string, roleName: string): string =>
  `arn:${partition}:iam::${accountId}:role/${roleName}`;

/**
 * Credentials in a member account: AssumeRole with the caller's credentials, renewed by the provider
 * before they expire (a long scan outlives one session).
 */
export function memberCredentials(options: {
  master: AwsCredentialIdentityProvider;
  roleArn: string;
  externalId?: string;
  region: string;
  endpointUrl?: string;
}): AwsCredentialIdentityProvider {
  return fromTemporaryCredentials({
    masterCredentials: options.master,
    params: {
      RoleArn: options.roleArn,
      RoleSessionName: ROLE_SESSION_NAME,
      DurationSeconds: 3600,
      ...(options.externalId !== undefined ? { ExternalId: options.externalId } : {}),
    },
    clientConfig: { region: options.region, ...(options.endpointUrl ? { endpoint: options.endpointUrl } : {}) },
  });
}
