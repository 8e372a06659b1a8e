/**
 * What the RDS checks share: the instances and clusters of every scanned region, and who holds a
 * setting. An instance in a cluster (Aurora, a Multi-AZ DB cluster) keeps its data in the cluster's
 * storage: encryption, backups, deletion protection, IAM authentication and Availability Zones are the
 * cluster's, so those checks judge the cluster once, naming its members, and not each member.
 */
import type { EvaluationContext } from "../../../src/check.js";
import type { Inventory } from "../../../src/inventory/index.js";
import type { Outcome, ResourceRef } from "../../../src/results.js";
import { clusterResource, instanceResource, type DbCluster, type DbInstance } from "../../../src/services/rds/inventory.js";
import { listSome } from "../../../src/wording.js";

/** Where a verdict lands: the resource, in its region. */
export interface At {
  resource: ResourceRef;
  region: string;
}

/** A database that holds its own settings: an instance outside any cluster, or a cluster with its member instances. */
export type Database = { kind: "instance"; instance: DbInstance } | { kind: "cluster"; cluster: DbCluster; members: string[] };

export const instanceLabel = (i: DbInstance): string => `DB instance ${i.id} (${i.engine})`;

export function clusterLabel(c: DbCluster, members: readonly string[]): string {
  const of = members.length === 0 ? "no instances" : `${members.length === 1 ? "instance" : "instances"} ${listSome(members, 3)}`;
  return `DB cluster ${c.id} (${c.engine}; ${of})`;
}

export const databaseLabel = (db: Database): string =>
  db.kind === "instance" ? instanceLabel(db.instance) : clusterLabel(db.cluster, db.members);

/** Identifies the database in evidence. */
export const databaseEvidence = (db: Database) =>
  db.kind === "instance"
    ? { instance: db.instance.id, engine: db.instance.engine }
    : { cluster: db.cluster.id, engine: db.cluster.engine, members: db.members };

/** One outcome per instance of every scanned region (cluster members included), ERROR for a region whose instances could not be listed. */
export function forEachInstance(
  inv: Inventory,
  { read }: EvaluationContext,
  evaluate: (instance: DbInstance, at: At) => Outcome | undefined,
): Outcome[] {
  return inv.regions.flatMap((region): Outcome[] => {
    const instances = read("rds.instances", region);
    if (!instances.ok) return [instances.outcome];
    return instances.value.flatMap((i) => evaluate(i, { resource: instanceResource(i), region }) ?? []);
  });
}

/**
 * One outcome per database of every scanned region (`evaluate` returns nothing for a database the
 * check does not judge): each instance outside a cluster, each cluster. ERROR for a region whose
 * instances or clusters could not be listed (the other listing is still judged: a cluster's verdict
 * does not rest on its members', and a member's verdict is its cluster's), and for a member whose
 * cluster the cluster listing lacks (created between the two listings, or not shown to the scanner).
 */
export function forEachDatabase(
  inv: Inventory,
  ctx: EvaluationContext,
  evaluate: (db: Database, at: At) => Outcome | undefined,
): Outcome[] {
  return inv.regions.flatMap((region): Outcome[] => {
    const instances = ctx.read("rds.instances", region);
    const clusters = ctx.read("rds.clusters", region);
    const out: Outcome[] = [];
    if (!instances.ok) out.push(instances.outcome);
    if (!clusters.ok) out.push(clusters.outcome);
    const listed = instances.ok ? instances.value : [];
    const clusterIds = new Set(clusters.ok ? clusters.value.map((c) => c.id) : []);
    for (const i of listed) {
      if (i.clusterId === undefined) {
        const verdict = evaluate({ kind: "instance", instance: i }, { resource: instanceResource(i), region });
        if (verdict) out.push(verdict);
      } else if (clusters.ok && !clusterIds.has(i.clusterId)) {
        out.push(
          ctx.unusable("rds.clusters", {
            resource: instanceResource(i),
            region,
            code: "ClusterNotListed",
            message: `DB instance ${i.id} belongs to cluster ${i.clusterId}, which DescribeDBClusters did not list: the cluster holds this instance's storage settings, so the instance cannot be judged`,
            about: i.clusterId,
          }),
        );
      }
    }
    // Each cluster's listed members, found in one pass over the instances.
    const membersOf = new Map<string, string[]>();
    for (const i of listed) {
      if (i.clusterId === undefined) continue;
      const ids = membersOf.get(i.clusterId);
      if (ids) ids.push(i.id);
      else membersOf.set(i.clusterId, [i.id]);
    }
    for (const c of clusters.ok ? clusters.value : []) {
      const members = [...new Set([...c.memberIds, ...(membersOf.get(c.id) ?? [])])].sort();
      const verdict = evaluate({ kind: "cluster", cluster: c, members }, { resource: clusterResource(c), region });
      if (verdict) out.push(verdict);
    }
    return out;
  });
}
