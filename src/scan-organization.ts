/**
 * An organization scan: every target account collected in its own session (its own credentials,
 * endpoint limits and call records), `accountConcurrency` accounts at once, all of them sharing one
 * limit of calls in flight. Each account's inventory is handed to `onAccount` as soon as it is
 * collected and then dropped, so memory holds the inventories of the accounts in flight only.
 */
import pLimit from "p-limit";
import { AwsSession } from "./aws/session.js";
import type { CallStats } from "./aws/recorder.js";
import { toCallError } from "./aws/errors.js";
import { DEFAULT_TOTAL_CONCURRENCY } from "./aws/concurrency.js";
import type { CallError, Inventory } from "./inventory/index.js";
import {
  listOrganizationAccounts,
  memberCredentials,
  roleArn,
  targetAccounts,
  type OrganizationPlan,
  type TargetAccount,
} from "./organization.js";
import { collectAccount, whoAmI, type Identity, type LiveScanOptions } from "./scan.js";

/** What became of one account: its inventory, or why it could not be entered. */
export type AccountCollection = { target: TargetAccount; inventory: Inventory } | { target: TargetAccount; error: CallError };

export interface OrganizationScanOptions extends LiveScanOptions {
  org: OrganizationPlan;
  /** Called once the targets are known (after the listing and the shard), before any is scanned. */
  onTargets?: (targets: readonly TargetAccount[]) => void;
  /** Called for each account as it completes, in completion order; the inventory is not kept after. */
  onAccount: (result: AccountCollection) => void | Promise<void>;
}

export function sumStats(all: readonly CallStats[]): CallStats {
  const add = (into: Record<string, number>, from: Record<string, number>) => {
    for (const [k, v] of Object.entries(from)) into[k] = (into[k] ?? 0) + v;
  };
  const calls: Record<string, number> = {};
  const skipped: Record<string, number> = {};
  for (const s of all) {
    add(calls, s.calls);
    add(skipped, s.skipped);
  }
  const sorted = (r: Record<string, number>) => Object.fromEntries(Object.entries(r).sort(([a], [b]) => a.localeCompare(b)));
  return { calls: sorted(calls), skipped: sorted(skipped) };
}

export async function scanOrganization(
  options: OrganizationScanOptions,
): Promise<{ caller: Identity; targets: TargetAccount[]; stats: CallStats }> {
  const { org } = options;
  // One total for every account: --concurrency bounds the whole run; each account keeps its own
  // per-endpoint limits, since AWS's quotas are per account and region.
  const sharedTotal = pLimit(options.concurrency ?? DEFAULT_TOTAL_CONCURRENCY);
  const callerSession = new AwsSession({ ...options, sharedTotal });
  const stats: CallStats[] = [];
  try {
    const caller = await whoAmI(callerSession);
    options.onIdentity?.(caller);
    options.onProgress?.(`caller ${caller.arn} (account ${caller.accountId})`);
    const listed = org.organization ? await listOrganizationAccounts(callerSession) : [];
    const targets = targetAccounts(org, caller.accountId, listed);
    options.onTargets?.(targets);
    options.onProgress?.(
      `accounts: ${targets.length}${org.shard ? ` (shard ${org.shard.index}/${org.shard.count})` : ""}, ${org.accountConcurrency} at a time`,
    );
    const accountLimit = pLimit(org.accountConcurrency);
    await Promise.all(
      targets.map((target) =>
        accountLimit(async () => {
          const arn = roleArn(caller.partition, target.accountId, org.roleName);
          const session = target.self
            ? new AwsSession({ ...options, sharedTotal })
            : new AwsSession({
                ...options,
                sharedTotal,
                credentials: memberCredentials({
                  master: callerSession.credentials,
                  roleArn: arn,
                  ...(org.externalId !== undefined ? { externalId: org.externalId } : {}),
                  region: callerSession.homeRegion,
                  ...(callerSession.endpointUrl ? { endpointUrl: callerSession.endpointUrl } : {}),
                }),
              });
          let result: AccountCollection;
          try {
            if (!target.self) {
              session.recorder.record("sts", "AssumeRole");
              try {
                await session.credentials({});
              } catch (err) {
                const error = toCallError(err, "sts", session.homeRegion, "AssumeRole", arn);
                options.onProgress?.(`account ${target.accountId}: cannot assume ${arn} (${error.code})`);
                result = { target, error };
                stats.push(session.recorder.stats());
                await options.onAccount(result);
                return;
              }
            }
            options.onProgress?.(`account ${target.accountId}${target.name ? ` (${target.name})` : ""}: collecting`);
            const inventory = await collectAccount(session, { accountId: target.accountId, partition: caller.partition, arn }, options);
            stats.push(session.recorder.stats());
            await options.onAccount({ target, inventory });
          } finally {
            session.destroy();
          }
        }),
      ),
    );
    stats.push(callerSession.recorder.stats());
    return { caller, targets, stats: sumStats(stats) };
  } finally {
    callerSession.destroy();
  }
}
