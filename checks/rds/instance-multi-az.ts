import { defineCheck, fail, FRAMEWORKS, pass } from "../../src/check.js";
import { databaseEvidence, databaseLabel, forEachDatabase } from "./lib/databases.js";

export default defineCheck({
  id: "rds-instance-multi-az",
  title: "RDS DB instances and clusters span more than one Availability Zone",
  service: "rds",
  layer: "application",
  severity: "low",
  needs: ["rds.instances", "rds.clusters"],
  rationale:
    "A Single-AZ database goes down with its Availability Zone and during some maintenance; a Multi-AZ deployment fails over to " +
    "a standby in another zone. An instance outside any cluster passes when MultiAZ is true; a cluster (Aurora, Multi-AZ DB " +
    "cluster) passes when its instances are in more than one zone (the cluster's MultiAZ), and is judged instead of its members, " +
    "whose own MultiAZ flag is always false. CIS v6.0 3.2.4 is a Manual recommendation: whether a database needs a standby is " +
    "the owner's call, hence the low severity.",
  remediation: {
    text:
      "Convert the instance to a Multi-AZ deployment; for a cluster, add a reader instance in another Availability Zone " +
      "(aws rds create-db-instance --db-cluster-identifier <cluster-id> --availability-zone <other-az> …).",
    cli: "aws rds modify-db-instance --db-instance-identifier <instance-id> --multi-az --apply-immediately",
    url: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.MultiAZSingleStandby.html",
  },
  compliance: { [FRAMEWORKS.cis]: ["3.2.4"], [FRAMEWORKS.fsbp]: ["RDS.5", "RDS.15"] },
  evaluate: (inv, ctx) =>
    forEachDatabase(inv, ctx, (db, { resource, region }) => {
      const multiAz = db.kind === "instance" ? db.instance.multiAz : db.cluster.multiAz;
      const evidence = { ...databaseEvidence(db), multiAz };
      if (multiAz) return pass(resource, region, `${databaseLabel(db)} spans more than one Availability Zone.`, evidence);
      return fail(
        resource,
        region,
        db.kind === "instance"
          ? `${databaseLabel(db)} is a Single-AZ deployment: it has no standby in another Availability Zone.`
          : `${databaseLabel(db)} has all its instances in one Availability Zone: none can take over if that zone fails.`,
        evidence,
      );
    }),
});
