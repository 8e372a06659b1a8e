import { defineCheck, fail, FRAMEWORKS, pass } from "../../src/check.js";
import { databaseEvidence, databaseLabel, forEachDatabase } from "./lib/databases.js";

const days = (n: number) => `${n} day${n === 1 ? "" : "s"}`;

export default defineCheck({
  id: "rds-backups-retained",
  title: "RDS DB instances and clusters keep automated backups long enough",
  service: "rds",
  layer: "data",
  severity: "medium",
  needs: ["rds.instances", "rds.clusters"],
  rationale:
    "Automated backups are what a database is restored from, to any second of the retention period, after a bad deployment, " +
    "corruption, ransomware or a deletion. A database passes when its backup retention period is at least " +
    "settings.minimumBackupRetentionDays (default 7, as FSBP RDS.11); 0 means automated backups are off. An instance in a " +
    "cluster is backed up with the cluster, which is judged instead; read replicas are not judged (their source's backups " +
    "hold the data, and RDS for PostgreSQL replicas cannot keep their own).",
  remediation: {
    text: "Set the backup retention period to at least the required days (for a cluster: aws rds modify-db-cluster --db-cluster-identifier <cluster-id> --backup-retention-period 7).",
    cli: "aws rds modify-db-instance --db-instance-identifier <instance-id> --backup-retention-period 7 --apply-immediately",
    url: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithAutomatedBackups.BackupRetention.html",
    cliByResourceType: {
      "AWS::RDS::DBCluster":
        "aws rds modify-db-cluster --db-cluster-identifier <cluster-id> --backup-retention-period 7 --apply-immediately",
    },
  },
  compliance: { [FRAMEWORKS.fsbp]: ["RDS.11"] },
  evaluate: (inv, ctx) =>
    forEachDatabase(inv, ctx, (db, at) => {
      const { resource, region } = at;
      if (db.kind === "instance" && db.instance.readReplicaSourceId !== undefined) return undefined;
      const retention = db.kind === "instance" ? db.instance.backupRetentionPeriod : db.cluster.backupRetentionPeriod;
      const required = ctx.settings.minimumBackupRetentionDays;
      if (retention === undefined) {
        return ctx.unusable(db.kind === "instance" ? "rds.instances" : "rds.clusters", {
          ...at,
          code: "BackupRetentionNotReported",
          message: `AWS did not report the backup retention period of ${databaseLabel(db)}`,
          about: db.kind === "instance" ? db.instance.id : db.cluster.id,
        });
      }
      const evidence = { ...databaseEvidence(db), backupRetentionPeriod: retention, requiredDays: required };
      if (retention >= required) {
        return pass(
          resource,
          region,
          `${databaseLabel(db)} keeps automated backups for ${days(retention)} (at least ${days(required)}).`,
          evidence,
        );
      }
      return fail(
        resource,
        region,
        retention === 0
          ? `${databaseLabel(db)} has automated backups turned off (retention period 0): it cannot be restored to a point in time.`
          : `${databaseLabel(db)} keeps automated backups for ${days(retention)}, fewer than the ${days(required)} required.`,
        evidence,
        retention === 0 ? "high" : undefined,
      );
    }),
});
