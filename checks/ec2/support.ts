/** Helpers the EC2 checks share: per-region reads, region-level resources, port names. */
import { errorOutcome, notCollected } from "../../src/check.js";
import type { Fetched, Inventory } from "../../src/inventory/index.js";
import type { Ec2RegionInventory } from "../../src/inventory/ec2.js";
import type { Outcome, ResourceRef } from "../../src/results.js";

export const ec2Region = (inv: Inventory, region: string): Ec2RegionInventory | undefined => inv.ec2?.regions[region];

/** The account in one region, for region-wide verdicts and for lists that could not be read. */
export const regionResource = (inv: Inventory, region: string, service = "ec2"): ResourceRef => ({
  arn: `arn:${inv.partition}:${service}:${region}:${inv.accountId}:account`,
  id: inv.accountId,
  type: "AWS::::Account",
});

export type RegionalRead<T> = { ok: true; value: T } | { ok: false; outcome: Outcome };

/**
 * The value of a regional read, or the ERROR outcome that replaces every verdict depending
 * on it in that region: the failed call, or "not collected" when it is missing.
 */
export function regionalRead<T>(
  inv: Inventory,
  region: string,
  read: Fetched<T> | undefined,
  operation: string,
  service = "ec2",
  resource: ResourceRef = regionResource(inv, region, service),
): RegionalRead<T> {
  if (read === undefined) {
    return {
      ok: false,
      outcome: errorOutcome(resource, region, notCollected(service, region, operation)),
    };
  }
  if (!read.ok) return { ok: false, outcome: errorOutcome(resource, region, read.error) };
  return { ok: true, value: read.value };
}

const WELL_KNOWN_ADMIN: Record<number, string> = { 22: "SSH", 3389: "RDP", 5985: "WinRM", 5986: "WinRM" };

/** "SSH (22)", "RDP (3389)", "port 2222". */
export const adminPortName = (port: number): string => {
  const name = WELL_KNOWN_ADMIN[port];
  return name ? `${name} (${port})` : `port ${port}`;
};

/** Port → the services of the settings' sensitive-port list that use it. */
export function sensitivePortIndex(sensitive: Record<string, number[]>): Map<number, string[]> {
  const index = new Map<number, string[]>();
  for (const [service, ports] of Object.entries(sensitive)) {
    for (const port of ports) index.set(port, [...(index.get(port) ?? []), service]);
  }
  return index;
}

/** Joins a list for a message, naming at most `max` items. */
export function listForMessage(items: readonly string[], max = 4): string {
  if (items.length <= max) return items.join(", ");
  return `${items.slice(0, max).join(", ")} and ${items.length - max} more`;
}

export const snapshotResource = (s: { arn: string; snapshotId: string }): ResourceRef => ({
  arn: s.arn,
  id: s.snapshotId,
  type: "AWS::EC2::Snapshot",
});
