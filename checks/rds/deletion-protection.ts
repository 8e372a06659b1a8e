import { defineCheck, fail, FRAMEWORKS, pass } from "../../src/check.js";
import { databaseEvidence, databaseLabel, forEachDatabase } from "./lib/databases.js";

export default defineCheck({
  id: "rds-deletion-protection",
  title: "RDS DB instances and clusters have deletion protection enabled",
  service: "rds",
  layer: "data",
  severity: "low",
  needs: ["rds.instances", "rds.clusters"],
  rationale:
    "With deletion protection, RDS refuses to delete the database until the setting is turned off first: a mistaken command, " +
    "a script run against the wrong account or a stolen credential cannot destroy it in one call. An instance outside any cluster " +
    "passes when its DeletionProtection is true; in a cluster the setting is the cluster's (its instances can be deleted one by " +
    "one, the cluster and its storage cannot), so the cluster is judged instead of its members.",
  remediation: {
    text: "Enable deletion protection on the instance, or on the cluster (aws rds modify-db-cluster --db-cluster-identifier <cluster-id> --deletion-protection).",
    cli: "aws rds modify-db-instance --db-instance-identifier <instance-id> --deletion-protection --apply-immediately",
    url: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_DeleteInstance.html#USER_DeleteInstance.DeletionProtection",
    cliByResourceType: {
      "AWS::RDS::DBCluster": "aws rds modify-db-cluster --db-cluster-identifier <cluster-id> --deletion-protection --apply-immediately",
    },
  },
  compliance: { [FRAMEWORKS.fsbp]: ["RDS.7", "RDS.8"] },
  evaluate: (inv, ctx) =>
    forEachDatabase(inv, ctx, (db, { resource, region }) => {
      const deletionProtection = db.kind === "instance" ? db.instance.deletionProtection : db.cluster.deletionProtection;
      const evidence = { ...databaseEvidence(db), deletionProtection };
      return deletionProtection
        ? pass(resource, region, `${databaseLabel(db)} has deletion protection enabled.`, evidence)
        : fail(resource, region, `${databaseLabel(db)} has deletion protection disabled: one delete call destroys it.`, evidence);
    }),
});
