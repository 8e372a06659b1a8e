/** What the KMS checks share: every key of every scanned region, named by its aliases, with its DescribeKey metadata. */
import { errorOutcome, type EvaluationContext } from "../../../src/check.js";
import type { Inventory } from "../../../src/inventory/index.js";
import type { Outcome, ResourceRef } from "../../../src/results.js";
import { keyResource, type KmsAlias, type KmsKey, type KmsKeyMetadata } from "../../../src/services/kms/inventory.js";
import { listSome } from "../../../src/wording.js";

/** Where a key's verdict lands, and how messages name it. */
export interface KeyAt {
  resource: ResourceRef;
  region: string;
  /** `key 1234abcd-… (alias/app-data)`: the id, and the aliases when they could be read. */
  label: string;
  aliases: string[];
}

/** Alias names by target key id; an unreadable alias list names nothing (aliases only name keys, they decide nothing). */
function aliasesByKey(aliases: readonly KmsAlias[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const a of aliases) {
    if (!a.targetKeyId) continue;
    out.set(a.targetKeyId, [...(out.get(a.targetKeyId) ?? []), a.name]);
  }
  return out;
}

export const keyLabel = (keyId: string, aliases: readonly string[]): string =>
  aliases.length > 0 ? `key ${keyId} (${listSome([...aliases].sort(), 3)})` : `key ${keyId}`;

/**
 * One outcome (or none, for a key the check does not apply to) per key of every scanned region: an
 * ERROR for a region whose keys could not be listed, and for a key whose DescribeKey failed (without it
 * nothing says whose key it is or what it is).
 */
export function forEachKey(
  inv: Inventory,
  ctx: EvaluationContext,
  decide: (key: KmsKey, metadata: KmsKeyMetadata, at: KeyAt) => Outcome | undefined,
): Outcome[] {
  return inv.regions.flatMap((region): Outcome[] => {
    const keys = ctx.read("kms.keys", region);
    if (!keys.ok) return [keys.outcome];
    const aliasList = ctx.read("kms.aliases", region);
    const named = aliasesByKey(aliasList.ok ? aliasList.value : []);
    return keys.value.flatMap((key): Outcome[] => {
      const resource = keyResource(key);
      if (!key.metadata.ok) return [errorOutcome(resource, region, key.metadata.error)];
      const aliases = named.get(key.keyId) ?? [];
      const outcome = decide(key, key.metadata.value, { resource, region, label: keyLabel(key.keyId, aliases), aliases });
      return outcome ? [outcome] : [];
    });
  });
}

const DAY_MS = 86_400_000;

/** When a key pending deletion goes: its date and the whole days left from the scan (or the replica's waiting period). */
export function deletionWhen(m: KmsKeyMetadata, inv: Pick<Inventory, "collectedAt">): string {
  if (m.deletionDate) {
    const days = Math.floor((Date.parse(m.deletionDate) - Date.parse(inv.collectedAt)) / DAY_MS);
    return `on ${m.deletionDate}${days >= 0 ? ` (in ${days} day${days === 1 ? "" : "s"})` : ""}`;
  }
  return m.pendingDeletionWindowInDays !== undefined
    ? `after a waiting period of ${m.pendingDeletionWindowInDays} days`
    : "at the end of its waiting period";
}

/** What evidence says of a key, whatever the check. */
export const keyEvidence = (key: KmsKey, m: KmsKeyMetadata, at: KeyAt) => ({
  keyArn: key.arn,
  ...(at.aliases.length ? { aliases: at.aliases } : {}),
  keyManager: m.keyManager,
  keySpec: m.keySpec,
  origin: m.origin,
  keyState: m.keyState,
});
