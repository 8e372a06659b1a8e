import { defineCheck, fail, FRAMEWORKS, pass, type EvaluationContext, type Gated } from "../../src/check.js";
import type { Outcome, ResourceRef } from "../../src/results.js";
import {
  clusterSnapshotResource,
  isShareable,
  snapshotResource,
  type DbClusterSnapshot,
  type DbSnapshot,
  type RestoreAttribute,
} from "../../src/services/rds/inventory.js";
import { listSome } from "../../src/wording.js";

interface Kind<S> {
  /** "DB snapshot", "DB cluster snapshot". */
  noun: string;
  of: (s: S) => string | undefined;
  resource: (s: S) => ResourceRef;
  /** The slice holding its restore attribute. */
  attributes: "rds.snapshotAttributes" | "rds.clusterSnapshotAttributes";
}

function judge<S extends DbSnapshot | DbClusterSnapshot>(
  ctx: EvaluationContext,
  snapshot: S,
  region: string,
  kind: Kind<S>,
  restore: Gated<RestoreAttribute>,
): Outcome {
  const resource = kind.resource(snapshot);
  if (!restore.ok) return restore.outcome;
  const source = kind.of(snapshot);
  const label = `${kind.noun} ${snapshot.id}${source ? ` (of ${source})` : ""}`;
  if (restore.value === null) {
    // The collector reads every snapshot but automated ones; a null here is data it did not read.
    return ctx.unusable(kind.attributes, {
      resource,
      region,
      code: "AttributesNotRead",
      message: `the restore attribute of ${snapshot.snapshotType} ${label} was not read`,
      about: snapshot.id,
    });
  }
  const accounts = restore.value.filter((v) => v !== "all");
  const evidence = { snapshot: snapshot.id, snapshotType: snapshot.snapshotType, encrypted: snapshot.encrypted, restore: restore.value };
  if (restore.value.includes("all")) {
    return fail(
      resource,
      region,
      `${label} is public: its restore attribute includes "all", so any AWS account can copy it or restore a database from it.`,
      evidence,
    );
  }
  return pass(
    resource,
    region,
    accounts.length > 0
      ? `${label} is not public; it is shared with account(s) ${listSome(accounts, 5)}.`
      : `${label} is not shared with any other account.`,
    evidence,
  );
}

const DB: Kind<DbSnapshot> = {
  noun: "DB snapshot",
  of: (s) => s.instanceId,
  resource: snapshotResource,
  attributes: "rds.snapshotAttributes",
};
const CLUSTER: Kind<DbClusterSnapshot> = {
  noun: "DB cluster snapshot",
  of: (s) => s.clusterId,
  resource: clusterSnapshotResource,
  attributes: "rds.clusterSnapshotAttributes",
};

export default defineCheck({
  id: "rds-snapshot-not-public",
  title: "RDS DB snapshots and cluster snapshots are not public",
  service: "rds",
  layer: "data",
  severity: "critical",
  risk: { exposure: "public", blastRadius: "read" },
  needs: ["rds.snapshots", "rds.snapshotAttributes", "rds.clusterSnapshots", "rds.clusterSnapshotAttributes"],
  rationale:
    'A snapshot whose "restore" attribute includes "all" can be copied or restored by every AWS account: the whole database, ' +
    "as it was when the snapshot was taken, leaves the account without a single login. A manual (or AWS Backup) snapshot passes " +
    "when its restore attribute names no one, or only account ids. Automated snapshots are not judged: AWS cannot share them " +
    "(they must first be copied to a manual snapshot), so their attributes are not read.",
  remediation: {
    text: 'Remove "all" from the snapshot\'s restore attribute (for a cluster snapshot: aws rds modify-db-cluster-snapshot-attribute --db-cluster-snapshot-identifier <snapshot-id> --attribute-name restore --values-to-remove all); share with named accounts if needed.',
    cli: "aws rds modify-db-snapshot-attribute --db-snapshot-identifier <snapshot-id> --attribute-name restore --values-to-remove all",
    url: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_ShareSnapshot.html",
  },
  compliance: { [FRAMEWORKS.fsbp]: ["RDS.1"] },
  evaluate: (inv, ctx) =>
    inv.regions.flatMap((region): Outcome[] => {
      const out: Outcome[] = [];
      const snapshots = ctx.read("rds.snapshots", region);
      if (!snapshots.ok) out.push(snapshots.outcome);
      else {
        for (const s of snapshots.value.filter(isShareable)) {
          out.push(judge(ctx, s, region, DB, ctx.read("rds.snapshotAttributes", s, region)));
        }
      }
      const clusterSnapshots = ctx.read("rds.clusterSnapshots", region);
      if (!clusterSnapshots.ok) out.push(clusterSnapshots.outcome);
      else {
        for (const s of clusterSnapshots.value.filter(isShareable)) {
          out.push(judge(ctx, s, region, CLUSTER, ctx.read("rds.clusterSnapshotAttributes", s, region)));
        }
      }
      return out;
    }),
});
